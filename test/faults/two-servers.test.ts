import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { like, sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { outboxLag } from '../../db/outbox'
import { listings } from '../../db/schema'
import { createSearchClient } from '../../search/client'
import { startEmbeddedMeilisearch, type EmbeddedMeilisearch } from '../../search/embedded'
import { indexNames } from '../../search/indexes'
import { createOrganisation } from '../factories'
import { addMember, createUser } from '../factories/accounts'
import { editOverHttp, postForm, publishOverHttp, signInOverHttp } from './support/http'
import { startProductionServer, type ProductionServer } from './support/production-server'

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))
const meiliDir = mkdtempSync(path.join(tmpdir(), 'jcj-two-servers-meili-'))
let meili: EmbeddedMeilisearch | undefined
const servers: ProductionServer[] = []
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()))
  await meili?.stop()
  rmSync(meiliDir, { recursive: true, force: true })
})

describe.skipIf(!process.env.DATABASE_URL)('two production servers on one Postgres and one Meilisearch', () => {
  it('lose, duplicate and reorder nothing when one is killed mid-indexing; sessions, rate limits and jobs hold across both', async () => {
    meili = await startEmbeddedMeilisearch({ dataDir: meiliDir, protect: false })
    const org = await createOrganisation({ cityCode: 'changzhi' })
    const user = await createUser()
    await addMember(user.id, org.id, 'admin')
    // No SESSION_SECRET: each server has its own DATA_DIR, as two machines would.
    const env = { MEILI_URL: meili.url, SESSION_SECRET: '', SIGN_IN_PER_IP_LIMIT: '8' }
    const [a, b] = await Promise.all([startProductionServer(env), startProductionServer(env)])
    servers.push(a!, b!)

    // A session made on one is honoured by the other.
    const cookie = await signInOverHttp(a!.baseUrl, user.email)
    const dashboard = await fetch(`${b!.baseUrl}/dashboard`, { headers: { Cookie: cookie }, redirect: 'manual' })
    expect(dashboard.status).toBe(200)

    // A rate limit counted on one server holds on the other: 8 sign-ins per address, wherever they land
    // (the one above, four on A, three on B); B alone has seen only three when it refuses the ninth.
    const statuses: number[] = []
    for (let i = 0; i < 7; i++) {
      const server = i < 4 ? a! : b!
      statuses.push(
        (await postForm(server.baseUrl, '/login', { email: `nobody${i}@demo.jcj.example.cn`, password: 'wrong-password-1' })).status,
      )
    }
    const refused = await postForm(b!.baseUrl, '/login', { email: user.email, password: 'Shanxi2026jcj' })
    expect(statuses.every((s) => s === 400)).toBe(true)
    expect(await refused.text()).toContain('尝试次数过多')

    // Published and edited through both, alternating; each listing's last edit lands on the other server.
    const ids: number[] = []
    const expected = new Map<number, string>()
    const publishOn = async (server: ProductionServer, n: number) => {
      const { status, id } = await publishOverHttp(server.baseUrl, cookie, `双机演练岗位 ${n} 第1版`)
      expect(status).toBe(302)
      ids.push(id!)
      expected.set(id!, `双机演练岗位 ${n} 第1版`)
      return id!
    }
    const editOn = async (server: ProductionServer, id: number, title: string) => {
      expect((await editOverHttp(server.baseUrl, cookie, id, title)).status).toBe(302)
      expected.set(id, title)
    }
    for (let n = 0; n < 16; n++) {
      const id = await publishOn(n % 2 ? b! : a!, n)
      await editOn(n % 2 ? a! : b!, id, `双机演练岗位 ${n} 第2版`)
    }
    // Pages served to anonymous readers from B's page cache: an edit committed through A is on B's listing page
    // at once (the outbox NOTIFY reaches B's workers at commit), and on B's search page once the indexer has
    // applied it (its own NOTIFY). Without either, B would serve its cached copy for up to 30 s.
    const anonymous = async (pathname: string) => {
      const response = await fetch(`${b!.baseUrl}${pathname}`)
      return { cache: response.headers.get('x-page-cache'), body: await response.text() }
    }
    const fresh = async (pathname: string, text: string, ms: number) => {
      const deadline = Date.now() + ms
      for (;;) {
        const pages = [await anonymous(pathname), await anonymous(pathname)] // both of B's workers
        if (pages.every((p) => p.body.includes(text))) return true
        if (Date.now() > deadline) return false
        await wait(100)
      }
    }
    const [cachedId] = ids
    const searchPath = `/search?q=${encodeURIComponent('缓存校验')}`
    const caches: (string | null)[] = []
    for (let i = 0; i < 6; i++) caches.push((await anonymous(`/listings/${cachedId}`)).cache, (await anonymous(searchPath)).cache)
    expect(caches).toContain('hit')
    expect((await anonymous(searchPath)).body).not.toContain(`/listings/${cachedId}"`)
    await editOn(a!, cachedId!, '双机演练岗位 缓存校验 第4版')
    expect(await fresh(`/listings/${cachedId}`, '双机演练岗位 缓存校验 第4版', 2_000)).toBe(true)
    expect(await fresh(searchPath, `/listings/${cachedId}"`, 15_000)).toBe(true)

    // A burst on A, then A dies while the outbox still has work for whichever server leads the indexer.
    await Promise.all(Array.from({ length: 8 }, (_, k) => publishOn(a!, 100 + k)))
    const pendingAtKill = (await outboxLag(db)).pending
    await a!.kill()
    for (const [i, id] of ids.entries()) if (i % 3 === 0) await editOn(b!, id, `双机演练岗位 ${id} 第3版`)

    const deadline = Date.now() + 90_000
    while ((await outboxLag(db)).pending > 0 && Date.now() < deadline) await wait(500)
    expect(await outboxLag(db)).toMatchObject({ pending: 0, parked: 0 })

    const rows = await db.select({ id: listings.id, title: listings.title }).from(listings).where(like(listings.title, '双机演练岗位%'))
    expect(rows.length).toBe(ids.length) // nothing published twice
    expect(new Map(rows.map((r) => [r.id, r.title]))).toEqual(expected)
    const names = indexNames(process.env.SEARCH_INDEX_PREFIX)
    const { results } = await createSearchClient(meili)
      .index(names.listings)
      .getDocuments({ limit: 1000, fields: ['id', 'title'] })
    const indexed = new Map(results.filter((d) => String(d.title).startsWith('双机演练')).map((d) => [d.id as number, d.title as string]))
    expect({ pendingAtKill: pendingAtKill > 0, indexed }).toEqual({ pendingAtKill: true, indexed: expected })

    // Each once-per-period job ran once, though two servers (and then one taking over) could run it.
    const runs = (await db.execute(sql`select name, runs from job_runs order by name`)) as unknown as { name: string; runs: number }[]
    expect(runs.length).toBeGreaterThan(0)
    expect(runs.filter((r) => r.runs !== 1)).toEqual([])
  }, 240_000)
})
