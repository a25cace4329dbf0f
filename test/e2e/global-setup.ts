import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import getPort from 'get-port'
import type { TestProject } from 'vitest/node'
import { createDatabase, dropDatabase, postgresAnswers } from '../../scripts/lib/postgres-admin'
import { cleanEnv, productionEnv } from '../faults/support/production-server'

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
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...cleanEnv(), NODE_ENV: 'production' } })
    if (build.status !== 0) throw new Error('npm run build failed')
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jcj-e2e-'))
  const databaseName = `jcj_e2e_${process.pid}`
  const databaseUrl = (await postgresAnswers()) ? await createDatabase(databaseName) : undefined
  const port = await getPort()
  const baseUrl = `http://127.0.0.1:${port}`
  // The compiled server, as `npm start` runs it, in its own process group, so teardown stops it, its
  // cluster workers and the Meilisearch it started together.
  const server = spawn(process.execPath, ['build/serve.js'], {
    detached: true,
    // PUBLIC_URL as a deployment sets it: registration and resets mail links only to a configured origin.
    env: { ...productionEnv(port, dataDir), PUBLIC_URL: baseUrl, DATABASE_URL: databaseUrl ?? '', MEILI_URL: '', SEARCH_INDEX_PREFIX: '' },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  await waitUntilIndexed(baseUrl, server, 240_000)
  project.provide('baseUrl', baseUrl)
  return async () => {
    const exited = new Promise((r) => server.once('exit', r))
    const stop = (signal: NodeJS.Signals) => {
      try {
        process.kill(-server.pid!, signal)
      } catch {
        // already gone
      }
    }
    stop('SIGTERM')
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
    stop('SIGKILL')
    if (databaseUrl) await dropDatabase(databaseName)
    rmSync(dataDir, { recursive: true, force: true })
  }
}
