import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import getPort from 'get-port'

/** Vitest marks its own process; a server started from here must not look like a test run. */
export function cleanEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'TEST'))
}

/** What every production server started by a test runs with; sign-ins all come from 127.0.0.1, so they are not throttled. */
export function productionEnv(port: number, dataDir: string) {
  return {
    SIGN_IN_PER_IP_LIMIT: '1000',
    ...cleanEnv(),
    NODE_ENV: 'production' as const,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
  }
}

export type ProductionServer = {
  baseUrl: string
  port: number
  process: ChildProcess
  output: () => string
  /** SIGKILL to the whole process group (the server and anything it started), then waits for the exit. */
  kill(): Promise<void>
  stop(): Promise<void>
}

/**
 * A production server as the e2e setup starts it (`tsx scripts/serve.ts`, NODE_ENV=production, its own
 * process group), on this test file's database and Meilisearch unless `envOrForPort` says otherwise. Resolves once
 * /healthz answers with the database up.
 */
export async function startProductionServer(
  envOrForPort: Record<string, string> | ((port: number) => Record<string, string>) = {},
  timeoutMs = 150_000,
): Promise<ProductionServer> {
  const port = await getPort({ host: '127.0.0.1' })
  // A function gets the port first, for settings that name the server's own address (PUBLIC_URL).
  const env = typeof envOrForPort === 'function' ? envOrForPort(port) : envOrForPort
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jcj-fault-server-'))
  let log = ''
  const child = spawn(path.resolve('node_modules/.bin/tsx'), ['scripts/serve.ts'], {
    detached: true,
    env: { ...productionEnv(port, dataDir), SEED_ON_START: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (d) => (log += d))
  child.stderr!.on('data', (d) => (log += d))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name)
    } catch {
      // already gone
    }
  }
  const baseUrl = `http://127.0.0.1:${port}`
  const server: ProductionServer = {
    baseUrl,
    port,
    process: child,
    output: () => log,
    async kill() {
      signal('SIGKILL')
      await exited
    },
    async stop() {
      signal('SIGTERM')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
      signal('SIGKILL')
      await exited
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}:\n${log}`)
    try {
      const health = await (await fetch(`${baseUrl}/healthz`)).json()
      if (health.database?.ok) return server
    } catch {
      // still starting
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  await server.stop()
  throw new Error(`server did not answer /healthz within ${timeoutMs / 1000} s:\n${log}`)
}
