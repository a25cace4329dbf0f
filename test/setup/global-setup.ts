import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { startEmbeddedMeilisearch } from '../../search/embedded'
import { ADMIN_URL, postgresAnswers } from '../../scripts/lib/postgres-admin'

declare module 'vitest' {
  export interface ProvidedContext {
    meiliUrl: string
    postgresAdminUrl: string | null
  }
}

/** One Meilisearch for the whole run (each test file gets its own index prefix) and the Postgres to use, if any. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jcj-test-meili-'))
  const meili = process.env.TEST_MEILI_URL ? null : await startEmbeddedMeilisearch({ dataDir, protect: false })
  project.provide('meiliUrl', process.env.TEST_MEILI_URL ?? meili!.url)
  const postgresOk = await postgresAnswers()
  if (!postgresOk) console.warn(`No Postgres at ${ADMIN_URL}: integration tests use PGlite.`)
  project.provide('postgresAdminUrl', postgresOk ? ADMIN_URL : null)
  return async () => {
    await meili?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
