import { afterAll, describe, expect, it } from 'vitest'
import { createListing, createOrganisation } from '../factories'
import { addMember, createUser } from '../factories/accounts'
import { publishOverHttp, signInOverHttp } from './support/http'
import { query, terminateBackends } from './support/postgres'
import { startProductionServer, type ProductionServer } from './support/production-server'

const databaseUrl = process.env.DATABASE_URL
let server: ProductionServer | undefined
afterAll(() => server?.stop())

describe.skipIf(!databaseUrl)('fault drill: database connections terminated under load', () => {
  it('the production server keeps serving, requests in flight answer a clear 503, and no listing is half-written', async () => {
    const org = await createOrganisation({ cityCode: 'changzhi' })
    const listing = await createListing(org.id)
    const user = await createUser()
    await addMember(user.id, org.id, 'admin')
    server = await startProductionServer()
    const { baseUrl } = server
    const cookie = await signInOverHttp(baseUrl, user.email)

    const statuses: Record<string, number[]> = { read: [], write: [] }
    const unavailable = new Set<string>()
    const note = async (kind: 'read' | 'write', response: Response) => {
      statuses[kind]!.push(response.status)
      if (response.status === 503) unavailable.add(/数据库暂时不可用[^<]*/.exec(await response.text())?.[0] ?? 'no message')
      else await response.body?.cancel()
    }
    const readers = Array.from({ length: 4 }, async (_, r) => {
      for (let i = 0; i < 15; i++) {
        const path = (i + r) % 2 ? `/listings/${listing.id}` : '/'
        await note('read', await fetch(`${baseUrl}${path}`, { headers: { Cookie: 'lang=zh-CN' } }))
      }
    })
    const created: number[] = []
    const writers = Array.from({ length: 2 }, async (_, w) => {
      for (let i = 0; i < 8; i++) {
        const result = await publishOverHttp(baseUrl, cookie, `断线演练岗位 写入者${w} 第${i}条`)
        if (result.id) created.push(result.id)
        await note('write', result.response)
      }
    })
    let ended = 0
    const cuts = (async () => {
      for (let i = 0; i < 10; i++) {
        ended += await terminateBackends()
        await new Promise((r) => setTimeout(r, 120))
      }
    })()
    await Promise.all([...readers, ...writers, cuts])

    expect(ended).toBeGreaterThan(0)
    const all = [...statuses.read!, ...statuses.write!]
    expect(new Set(all.filter((s) => s !== 200 && s !== 302 && s !== 503))).toEqual(new Set())
    expect(all).toContain(503)
    expect(unavailable).toEqual(new Set(['数据库暂时不可用，请稍后重试。']))

    // It still serves, without a restart.
    expect(server.process.exitCode).toBeNull()
    expect((await fetch(`${baseUrl}/listings/${listing.id}`)).status).toBe(200)
    expect((await publishOverHttp(baseUrl, cookie, '断线演练之后 正常发布')).status).toBe(302)

    // Every listing that exists was written whole: its clusters, its audit entry and its outbox row in the same transaction.
    const rows = await query<{ id: number; clusters: number; outbox: number; audit: number }>(
      `select l.id,
         (select count(*) from listing_clusters c where c.listing_id = l.id)::int as clusters,
         (select count(*) from outbox o where o.entity = 'listing' and o.entity_id = l.id)::int as outbox,
         (select count(*) from audit_log a where a.entity = 'listing' and a.entity_id = l.id)::int as audit
       from listings l where l.title like '断线演练%'`,
    )
    expect(rows.length).toBeGreaterThanOrEqual(created.length + 1)
    expect(rows.filter((r) => r.clusters === 0 || r.outbox === 0 || r.audit === 0)).toEqual([])
    expect(created.every((id) => rows.some((r) => r.id === id))).toBe(true)
  })
})
