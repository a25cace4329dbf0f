import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { db, getDatabaseHandle } from '../../app/db.server'
import { openDatabase } from '../../db/client'
import { LISTEN_APPLICATION_NAME } from '../../db/session'
import { createPageCache } from '../../scripts/lib/page-cache'
import { createListing, createOrganisation } from '../factories'
import { prepareSearch } from '../setup/search'

const usesPostgres = Boolean(process.env.DATABASE_URL)
// The serving process's own connections; the writes below come through the test's pool, as from another process.
const server = usesPostgres
  ? openDatabase({ databaseUrl: process.env.DATABASE_URL, pgliteDir: path.join(process.env.DATA_DIR!, 'unused'), maxConnections: 2 })
  : getDatabaseHandle()
afterAll(() => (usesPostgres ? server.close() : undefined))

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))
async function until(check: () => boolean, ms = 10_000) {
  const deadline = Date.now() + ms
  while (!check() && Date.now() < deadline) await wait(20)
  return check()
}

describe('page cache invalidation through the database', () => {
  const cache = createPageCache({ maxBytes: 1024 * 1024 })
  const entry = { body: Buffer.from('<p>page</p>'), nonce: undefined, headers: [] }
  const cached = () => cache.lookup('page') !== undefined

  it('is enabled once it listens, and a write committed through another connection empties it', async () => {
    await cache.listen(server.listen)
    expect(await until(() => cache.enabled())).toBe(true)
    expect(cache.store('page', cache.generation(), entry)).toBeDefined()
    // A write that is rolled back notifies nobody.
    await db
      .transaction(async (tx) => {
        await tx.execute(sql`select pg_notify('outbox_changed', '')`)
        throw new Error('rolled back')
      })
      .catch(() => {})
    await wait(300)
    expect(cached()).toBe(true)
    await createListing((await createOrganisation()).id)
    expect(await until(() => !cached())).toBe(true)
  })

  it('is emptied when the indexer has applied a batch to the engine', async () => {
    const { indexer } = await prepareSearch()
    await createListing((await createOrganisation()).id)
    await wait(300) // the outbox notification of that write has arrived
    expect(cache.store('page', cache.generation(), entry)).toBeDefined()
    expect(await indexer.drainAll()).toBeGreaterThan(0)
    expect(await until(() => !cached())).toBe(true)
  }, 60_000)

  it.skipIf(!usesPostgres)(
    'serves nothing while its LISTEN connection is lost, and listens again by itself',
    async () => {
      expect(cache.store('page', cache.generation(), entry)).toBeDefined()
      const terminated = (await db.execute(
        sql`select pg_terminate_backend(pid) as ok from pg_stat_activity where application_name = ${LISTEN_APPLICATION_NAME} and datname = current_database()`,
      )) as unknown as { ok: boolean }[]
      expect(terminated.length).toBeGreaterThan(0)
      expect(await until(() => !cache.enabled(), 5_000)).toBe(true)
      expect(cached()).toBe(false)
      // Back within its first retry (1 s); what it stored before the loss is gone.
      expect(await until(() => cache.enabled(), 10_000)).toBe(true)
      expect(cached()).toBe(false)
      expect(cache.store('page', cache.generation(), entry)).toBeDefined()
      await createListing((await createOrganisation()).id)
      expect(await until(() => !cached())).toBe(true)
    },
    30_000,
  )
})
