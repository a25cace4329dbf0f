import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { getOverview } from '../../app/domain/metrics/overview.server'
import { parseGovQuery, type GovActor } from '../../app/domain/metrics/gov-query.server'
import { createSearchClient } from '../../search/client'
import { indexNames } from '../../search/indexes'
import { openDatabase } from '../../db/client'
import { syncReferenceData } from '../../db/reference-sync'
import { DEMO_ACCOUNTS, seedDemoData } from '../../db/seed'
import { users } from '../../db/schema'
import { createDatabase, databaseUrl as urlOf, dropDatabase } from '../../scripts/lib/postgres-admin'
import { signIn } from '../factories/accounts'
import { runScript } from './support/run-script'

const work = mkdtempSync(path.join(tmpdir(), 'jcj-backup-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/**
 * Every table's row count, in any database the app's schema is in. Left out: platform_state (the reindex after a restore
 * writes its settings hash there) and listing_search_pinyin (the fallback's copy of the search documents, which that reindex rebuilds).
 */
async function tableCounts(execute: (text: string) => Promise<Record<string, unknown>[]>) {
  const tables = await execute(
    `select tablename from pg_tables where schemaname = 'public' and tablename not in ('platform_state', 'listing_search_pinyin') order by tablename`,
  )
  const counts: Record<string, number> = {}
  for (const { tablename } of tables)
    counts[tablename as string] = Number((await execute(`select count(*) as n from "${tablename}"`))[0]!.n)
  return counts
}
const appCounts = () => tableCounts(async (text) => (await db.execute(sql.raw(text))) as unknown as Record<string, unknown>[])

async function provinceOverview() {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`email = ${DEMO_ACCOUNTS.province}`)
  const actor = (await signIn(user!.id)).actor as GovActor
  return getOverview(parseGovQuery({ actor, params: { preset: 'last_12_months' } }))
}

const databaseUrl = process.env.DATABASE_URL

describe.skipIf(!databaseUrl)('fault drill: backup and restore on Postgres (pg_dump / pg_restore)', () => {
  const file = path.join(work, 'jcj.dump')
  const otherName = `${new URL(databaseUrl ?? 'postgres://x/y').pathname.slice(1)}_restored`
  let before: { counts: Record<string, number>; overview: Awaited<ReturnType<typeof provinceOverview>> }
  beforeAll(async () => {
    await seedDemoData({ db, scale: 0.1 })
    const overview = await provinceOverview()
    before = { counts: await appCounts(), overview }
  }, 120_000)
  afterAll(() => dropDatabase(otherName))

  it('round-trips with identical table counts and dashboard figures, refuses to overwrite without --force, and rebuilds the index', async () => {
    expect(before.counts.listings).toBeGreaterThan(0)
    const backup = await runScript('scripts/db-backup.ts', [file])
    expect(backup.output).toMatch(/已备份 \(backed up\) .*jcj\.dump — [\d.]+ (KB|MB)/)
    expect(backup.code).toBe(0)

    // Into a new, empty database: allowed without --force, and the same rows come back.
    const otherUrl = await createDatabase(otherName, urlOf('postgres', databaseUrl))
    const restored = await runScript('scripts/db-restore.ts', [file], { env: { DATABASE_URL: otherUrl } })
    expect(restored.code, restored.output).toBe(0)
    const other = openDatabase({ databaseUrl: otherUrl, pgliteDir: '' })
    expect(await tableCounts(async (text) => (await other.db.execute(sql.raw(text))) as never)).toEqual(before.counts)
    await other.close()

    // Over this database after people changed it: refused, then forced; the figures are those of the backup again.
    await db.execute(sql`delete from matches where id in (select id from matches order by id limit 5)`)
    // The app never deletes a listing; a match's listing_id would become null and could meet the pair's other open match.
    await db.execute(
      sql`delete from listings where id in (select id from listings l where not exists (select 1 from matches m where l.id in (m.listing_id, m.counterpart_listing_id)) order by id limit 20)`,
    )
    expect(await appCounts()).not.toEqual(before.counts)
    const refused = await runScript('scripts/db-restore.ts', [file])
    expect(refused.code).toBe(1)
    expect(refused.output).toContain('数据库已有数据，未恢复')
    const forced = await runScript('scripts/db-restore.ts', [file, '--force'])
    expect(forced.code, forced.output).toBe(0)
    expect(forced.output).toContain('索引已重建')
    expect(await appCounts()).toEqual(before.counts)
    expect(await provinceOverview()).toEqual(before.overview)

    const names = indexNames(process.env.SEARCH_INDEX_PREFIX)
    const stats = await createSearchClient({ url: process.env.MEILI_URL! }).index(names.listings).getStats()
    const [{ n }] = (await db.execute(sql`select count(*)::int as n from listings where status = 'published'`)) as unknown as {
      n: number
    }[]
    expect(stats.numberOfDocuments).toBe(n)
  }, 150_000)
})

describe('fault drill: backup and restore of the embedded PGlite', () => {
  it('round-trips the data folder with identical counts and refuses a non-empty one without --force', async () => {
    const from = path.join(work, 'pglite-from')
    const to = path.join(work, 'pglite-to')
    const file = path.join(work, 'jcj.tar.gz')
    const env = (dir: string) => ({ DATABASE_URL: '', DATA_DIR: dir })
    const source = openDatabase({ pgliteDir: path.join(from, 'pglite') })
    await source.migrate()
    await syncReferenceData(source.db)
    await source.db.execute(
      sql`insert into users (email, name, password_hash) values ('a@demo.jcj.example.cn', '甲', 'x'), ('b@demo.jcj.example.cn', '乙', 'x')`,
    )
    const counts = () => tableCounts(async (text) => ((await source.db.execute(sql.raw(text))) as unknown as { rows: never }).rows)
    const expected = await counts()
    await source.close()

    const backup = await runScript('scripts/db-backup.ts', [file], { env: env(from) })
    expect(backup.code, backup.output).toBe(0)
    const restored = await runScript('scripts/db-restore.ts', [file], { env: { ...env(to), MEILI_URL: process.env.MEILI_URL! } })
    expect(restored.code, restored.output).toBe(0)
    expect(existsSync(path.join(to, 'pglite.restoring'))).toBe(false)
    const copy = openDatabase({ pgliteDir: path.join(to, 'pglite') })
    const copied = await tableCounts(async (text) => ((await copy.db.execute(sql.raw(text))) as unknown as { rows: never }).rows)
    await copy.close()
    expect(copied).toEqual(expected)

    const refused = await runScript('scripts/db-restore.ts', [file], { env: env(to) })
    expect(refused.code).toBe(1)
    expect(refused.output).toContain('数据库已有数据，未恢复')
  }, 200_000)
})
