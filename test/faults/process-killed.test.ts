import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { listings } from '../../db/schema'
import { createSearchClient } from '../../search/client'
import { ensureIndexes, indexNames } from '../../search/indexes'
import { reindexAll } from '../../search/reindex'
import { createListing, createOrganisation } from '../factories'
import { addMember, createUser } from '../factories/accounts'
import { runScript, startScript } from './support/run-script'

const count = async (where: ReturnType<typeof sql>) =>
  Number(((await db.execute(sql`select count(*)::int as n from listings where ${where}`)) as unknown as { n: number }[])[0]!.n)

describe('fault drill: the process killed during an import', () => {
  it('leaves no partial import, and the same file imports completely when run again', async () => {
    const org = await createOrganisation({ cityCode: 'changzhi' })
    const user = await createUser()
    await addMember(user.id, org.id)
    const env = { IMPORT_ROWS: '600', IMPORT_ORG_ID: String(org.id), IMPORT_USER_ID: String(user.id) }
    const mine = sql`organisation_id = ${org.id}`

    const killed = await runScript('test/faults/support/import-child.ts', [], { env, killWhen: /written 200\b/ })
    expect(killed.signal, killed.output).toBe('SIGKILL')
    expect(killed.output).not.toContain('committed')
    expect(await count(mine)).toBe(0)
    const [{ n: outboxRows }] = (await db.execute(
      sql`select count(*)::int as n from outbox o join listings l on l.id = o.entity_id where o.entity = 'listing' and l.organisation_id = ${org.id}`,
    )) as unknown as { n: number }[]
    expect(outboxRows).toBe(0)

    const again = await runScript('test/faults/support/import-child.ts', [], { env })
    expect(again.code, again.output).toBe(0)
    expect(again.output).toContain('"created":600')
    expect(await count(mine)).toBe(600)
    expect(await count(sql`${mine} and status = 'published'`)).toBe(600)
  })
})

describe('fault drill: the process killed during a reindex', () => {
  it('keeps the old index serving, and the reindex runs to completion when started again', async () => {
    const org = await createOrganisation()
    const template = await createListing(org.id, { title: '重建演练岗位 第1版' })
    // Five hundred listings at once, as a bulk copy of one written the app's way (clusters and all).
    await db.execute(sql`insert into listings (organisation_id, direction, type, title, description, city_code, capacity, starts_on, ends_on, status, published_at, details)
      select organisation_id, direction, type, title, description, city_code, capacity, starts_on, ends_on, status, published_at, details
      from listings, generate_series(1, 499) where id = ${template.id}`)
    await db.execute(sql`insert into listing_clusters (listing_id, cluster_code)
      select l.id, 'coal_machinery' from listings l where l.organisation_id = ${org.id} and l.id <> ${template.id}`)
    const client = createSearchClient({ url: process.env.MEILI_URL! })
    const names = indexNames(process.env.SEARCH_INDEX_PREFIX)
    await ensureIndexes(client, names)
    await reindexAll({ db, client, names })
    const live = client.index(names.listings)
    // Documents in the live index whose title carries this version (a search for 第1版 would also rank 第2版 by its other words).
    const search = async (version: string) =>
      (await live.getDocuments({ limit: 10_000, fields: ['title'] })).results.filter((d) => String(d.title).includes(version)).length
    expect(await search('第1版')).toBe(500)

    await db.update(listings).set({ title: '重建演练岗位 第2版' }).where(eq(listings.organisationId, org.id))
    const building = async () =>
      (await client.getIndexes({ limit: 1000 })).results.some((i) => i.uid.startsWith(`${names.listings}_build_`))
    // SIGKILL as soon as the new index is being built beside the live one.
    const run = startScript('scripts/reindex.ts', [])
    let finished = false
    void run.done.then(() => (finished = true))
    while (!finished && !(await building())) await new Promise((r) => setTimeout(r, 20))
    run.kill()
    const killed = await run.done
    expect(killed.output).not.toContain('索引已重建')

    // Search never went blank: the old documents are still served.
    expect(await search('第1版')).toBe(500)
    const again = await runScript('scripts/reindex.ts', [])
    expect(again.code, again.output).toBe(0)
    expect(again.output).toContain('索引已重建')
    expect(await search('第2版')).toBe(500)
    expect(await search('第1版')).toBe(0)
    expect(await building()).toBe(false)
  }, 240_000)
})
