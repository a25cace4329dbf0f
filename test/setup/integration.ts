import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, inject } from 'vitest'
import { createDatabase, dropDatabase } from '../../scripts/lib/postgres-admin'

// Each test file runs in its own freshly migrated database and its own index prefix,
// so files never see each other's rows or documents.
const suffix = `${process.env.VITEST_POOL_ID ?? '0'}_${randomBytes(4).toString('hex')}`
const adminUrl = inject('postgresAdminUrl')
const databaseName = `jcj_test_${suffix}`
const dataDir = mkdtempSync(path.join(tmpdir(), 'jcj-test-'))

process.env.DATA_DIR = dataDir
process.env.MEILI_URL = inject('meiliUrl')
process.env.SEARCH_INDEX_PREFIX = `t${suffix}_`
if (adminUrl) process.env.DATABASE_URL = await createDatabase(databaseName, adminUrl)
else delete process.env.DATABASE_URL

const { getDatabaseHandle } = await import('../../app/db.server')
const { syncReferenceData } = await import('../../db/reference-sync')
const handle = getDatabaseHandle()
await handle.migrate()
await syncReferenceData(handle.db)

afterAll(async () => {
  const { createSearchClient } = await import('../../search/client')
  const client = createSearchClient({ url: inject('meiliUrl') })
  const { results } = await client.getIndexes({ limit: 1000 })
  await Promise.all(results.filter((i) => i.uid.startsWith(process.env.SEARCH_INDEX_PREFIX!)).map((i) => client.deleteIndex(i.uid)))
  await handle.close()
  if (adminUrl) await dropDatabase(databaseName, adminUrl)
  rmSync(dataDir, { recursive: true, force: true })
})
