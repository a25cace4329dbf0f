import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import getPort from 'get-port'
import type { TestProject } from 'vitest/node'
import { createDatabase, dropDatabase, postgresAnswers } from '../setup/postgres'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

async function waitUntilIndexed(baseUrl: string, server: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`e2e server exited with code ${server.exitCode}`)
    try {
      const health = await (await fetch(`${baseUrl}/healthz`)).json()
      if (health.database?.ok && health.search?.ok && health.outbox?.pending === 0) return
    } catch {
      // still starting
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error('e2e server did not finish seeding and indexing in time')
}

/**
 * A production build served on a throwaway database (never the dev one) with its own
 * Meilisearch, seeded with the demo data, fully indexed before the first test.
 */
export default async function setup(project: TestProject) {
  if (process.env.E2E_SKIP_BUILD !== '1') {
    const build = spawnSync('npx', ['remix', 'vite:build'], { stdio: 'inherit' })
    if (build.status !== 0) throw new Error('npm run build failed')
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jcj-e2e-'))
  const databaseName = `jcj_e2e_${process.pid}`
  const databaseUrl = (await postgresAnswers()) ? await createDatabase(databaseName) : undefined
  const port = await getPort()
  const baseUrl = `http://127.0.0.1:${port}`
  const server = spawn('npx', ['tsx', 'scripts/serve.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl ?? '',
      MEILI_URL: '',
      SEARCH_INDEX_PREFIX: '',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  await waitUntilIndexed(baseUrl, server, 240_000)
  project.provide('baseUrl', baseUrl)
  return async () => {
    const exited = new Promise((r) => server.once('exit', r))
    server.kill('SIGTERM')
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
    if (databaseUrl) await dropDatabase(databaseName)
    rmSync(dataDir, { recursive: true, force: true })
  }
}
