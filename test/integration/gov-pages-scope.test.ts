import { readdirSync } from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { createApiToken } from '../../app/domain/metrics/api-tokens.server'
import type { GovActor } from '../../app/domain/metrics/gov-query.server'
import { OPENAPI } from '../../app/domain/metrics/openapi'
import { DEMO_ACCOUNTS, seedDemoData } from '../../db/seed'
import { users } from '../../db/schema'
import { signIn } from '../factories/accounts'
import { validate } from '../support/json-schema'

const routesDir = path.resolve('app/routes')
const govPages = readdirSync(routesDir).filter((f) => /^gov[._]/.test(f) && !/\.(server|test)\./.test(f))
let cookies: { taiyuan: string; province: string }
let tokens: { taiyuan: string; province: string }

async function official(email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`email = ${email}`)
  return signIn(user!.id)
}

async function call(file: string, url: string, init: RequestInit & { params?: Record<string, string> } = {}) {
  const mod = await import(path.join(routesDir, file))
  try {
    return (await mod.loader({ request: new Request(`http://localhost${url}`, init), params: init.params ?? {}, context: {} })) as unknown
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}
const statusOf = (result: unknown) => (result instanceof Response ? result.status : 200)

async function api(endpoint: string, query: string, token: string | null) {
  const result = await call('api.v1.$.ts', `/api/v1/${endpoint}${query}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    params: { '*': endpoint },
  })
  return result as Response
}

beforeAll(async () => {
  await seedDemoData({ db })
  const [taiyuan, province] = await Promise.all([official(DEMO_ACCOUNTS.taiyuan), official(DEMO_ACCOUNTS.province)])
  cookies = { taiyuan: taiyuan.cookie, province: province.cookie }
  tokens = {
    taiyuan: (await createApiToken({ actor: taiyuan.actor as GovActor, name: '太原市监测' })).token,
    province: (await createApiToken({ actor: province.actor as GovActor, name: '省 1331 监测系统' })).token,
  }
}, 180_000)

describe('government scope', () => {
  it('refuses a city official every page, export and API call for another city or the region, and lets the province through', async () => {
    expect(govPages.length).toBeGreaterThanOrEqual(10)
    for (const file of govPages) {
      const route = `/${file
        .replace(/\.tsx?$/, '')
        .replace('_.', '/')
        .replace('._index', '')
        .replace(/\./g, '/')}`
      for (const query of ['?city=datong', '?region=central', '?city=datong&table=overview&format=csv']) {
        const result = await call(file, `${route}${query}`, { headers: { Cookie: cookies.taiyuan } })
        expect({ file, query, status: statusOf(result) }).toEqual({ file, query, status: 403 })
      }
      const own = await call(file, `${route}?city=taiyuan&table=overview`, { headers: { Cookie: cookies.taiyuan } })
      expect({ file, status: statusOf(own) }).not.toEqual({ file, status: 403 })
      const province = await call(file, `${route}?city=datong&table=overview`, { headers: { Cookie: cookies.province } })
      expect({ file, status: statusOf(province) }).not.toEqual({ file, status: 403 })
    }
    for (const endpoint of Object.keys(OPENAPI.paths).map((p) => p.slice(1))) {
      expect((await api(endpoint, '?city=datong&figure=listings', tokens.taiyuan)).status).toBe(403)
      expect((await api(endpoint, '?city=datong&figure=listings', tokens.province)).status).toBe(200)
    }
  })

  it('answers bad periods with 400 and a message, never a 500', async () => {
    for (const query of [
      '?preset=custom&from=2026-05-01&to=2026-01-01',
      '?preset=custom&from=1990-01-01&to=2026-01-01',
      '?cluster=nope',
      '?city=beijing',
    ]) {
      const page = (await call('gov._index.tsx', `/gov${query}`, { headers: { Cookie: cookies.province } })) as Response
      expect(page.status).toBe(400)
      expect(await page.text()).toMatch(/日期|时间范围|未知/)
      expect((await api('overview', query, tokens.province)).status).toBe(400)
    }
  })
})

describe('data API', () => {
  it('serves an OpenAPI 3.1 document and every endpoint’s response matches it', async () => {
    const doc = (await (await api('openapi.json', '', null)).json()) as typeof OPENAPI
    expect(doc.openapi).toBe('3.1.0')
    for (const [route, item] of Object.entries(doc.paths)) {
      const response = await api(route.slice(1), '?preset=last_12_months&figure=stage&stage=signed', tokens.province)
      expect({ route, status: response.status }).toEqual({ route, status: 200 })
      const schema = item.get.responses[200].content['application/json'].schema
      expect({ route, errors: validate(await response.json(), schema as never, doc as never) }).toEqual({ route, errors: [] })
    }
    const bad = await api('overview', '', 'jcj_notarealtokennotarealtoken')
    expect(bad.status).toBe(401)
    expect(validate(await bad.json(), { $ref: '#/components/schemas/Error' }, doc as never)).toEqual([])
  })

  it('refuses malformed and revoked tokens, audits every call and rate-limits a token', async () => {
    expect((await api('overview', '', null)).status).toBe(401)
    expect((await api('overview', '', 'not a token')).status).toBe(401)
    const province = await official(DEMO_ACCOUNTS.province)
    const { id, token } = await createApiToken({ actor: province.actor as GovActor, name: '临时' })
    expect((await api('overview', '', token)).status).toBe(200)
    const { revokeApiToken } = await import('../../app/domain/metrics/api-tokens.server')
    await revokeApiToken({ actor: province.actor as GovActor, id })
    expect((await api('overview', '', token)).status).toBe(401)
    const audited = (await db.execute(
      sql`select count(*)::int as n from audit_log where action = 'api.call' and entity_id = ${id}`,
    )) as unknown
    const n = ((audited as { rows?: { n: number }[] }).rows ?? (audited as { n: number }[]))[0]!.n
    expect(n).toBe(1)
    await db.execute(sql`insert into rate_limits (key, window_start, count)
      select 'api-token:' || id, to_timestamp(floor(extract(epoch from now()) / 60) * 60), 1000 from api_tokens where name = '太原市监测'
      on conflict (key, window_start) do update set count = 1000`)
    const limited = await api('overview', '', tokens.taiyuan)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('Retry-After')).toBeTruthy()
  })
})

describe('bad input', () => {
  const BAD = [
    ['preset=custom&from=2026-05-01&to=2026-04-01', '结束日期'],
    ['preset=custom&from=1996-01-01&to=2026-01-01', '10'],
    ['preset=custom&from=2026-13-01&to=2026-14-01', '日期'],
    ['cluster=nope', '产业集群'],
    ['city=beijing', '城市'],
    ['region=atlantis', ''],
    ['type=space_travel', ''],
    ['preset=forever', ''],
  ] as const

  it('every page, export and API call refuses a bad period or unknown code with a 400 and a message, never a 500', async () => {
    const pages = govPages.filter((f) => !['gov.tsx', 'gov.export.ts', 'gov.tokens.tsx'].includes(f))
    for (const [query, words] of BAD) {
      for (const file of pages) {
        const route =
          file === 'gov._index.tsx'
            ? '/gov'
            : `/${file
                .replace(/\.tsx?$/, '')
                .replace('_.', '/')
                .replace('.', '/')}`
        const extra = file === 'gov.records.tsx' ? '&figure=orgs' : ''
        const result = await call(file, `${route}?${query}${extra}`, { headers: { Cookie: cookies.province } })
        expect({ file, query, status: statusOf(result) }).toEqual({ file, query, status: 400 })
        if (words) expect(await (result as Response).text()).toContain(words)
      }
      const exported = await call('gov.export.ts', `/gov/export?table=overview&format=xlsx&${query}`, {
        headers: { Cookie: cookies.province },
      })
      expect({ query, status: statusOf(exported) }).toEqual({ query, status: 400 })
      const answer = await api('overview', `?${query}`, tokens.province)
      expect({ query, status: answer.status }).toEqual({ query, status: 400 })
      expect(((await answer.json()) as { message: string }).message.length).toBeGreaterThan(3)
    }
  })

  it('refuses unknown figures, tables, metrics, groups and years with a 400; clamps API paging', async () => {
    const headers = { Cookie: cookies.province }
    for (const [file, url] of [
      ['gov.records.tsx', '/gov/records?figure=nope'],
      ['gov.records.tsx', '/gov/records?figure=stage'],
      ['gov.records.tsx', '/gov/records?figure=quota&org=12345678901&ftype=internship'],
      ['gov.export.ts', '/gov/export?table=nope&format=csv'],
      ['gov.trends.tsx', '/gov/trends?metric=nope'],
      ['gov.trends.tsx', '/gov/trends?group=nope'],
    ] as const)
      expect({ url, status: statusOf(await call(file, url, { headers })) }).toEqual({ url, status: 400 })
    for (const url of ['/gov/quota?year=abc', '/gov/quota?year=1900']) {
      const refused = (await call('gov.quota.tsx', url, { headers })) as Response
      expect({ url, status: refused.status }).toEqual({ url, status: 400 })
      expect(await refused.text()).toContain('年份')
    }
    const paged = await api('records', '?figure=orgs&limit=-5&offset=abc', tokens.province)
    expect(paged.status).toBe(200)
    expect(((await paged.json()) as { data: { rows: unknown[] } }).data.rows.length).toBeGreaterThan(0)
  })
})

describe('exports', () => {
  it('an XLSX and a CSV reproduce the figures of the table on screen', async () => {
    const page = (await call('gov.records.tsx', '/gov/records?preset=last_12_months&figure=stage&stage=contact', {
      headers: { Cookie: cookies.province },
    })) as {
      records: { count: number }
    }
    const xlsx = (await call('gov.export.ts', '/gov/export?preset=last_12_months&figure=stage&stage=contact&table=records&format=xlsx', {
      headers: { Cookie: cookies.province },
    })) as Response
    expect(xlsx.headers.get('Content-Type')).toMatch(/spreadsheetml/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never)
    const sheet = workbook.worksheets[0]!
    const last = sheet.getRow(sheet.rowCount)
    expect(last.getCell(2).value).toBe(page.records.count)
    expect(sheet.rowCount).toBe(page.records.count + 2)
    const csv = (await call('gov.export.ts', '/gov/export?table=overview&format=csv', {
      headers: { Cookie: cookies.province },
    })) as Response
    const bytes = new Uint8Array(await csv.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes)
    expect(text).toContain('活跃机构')
  })

  it('a large export, streamed, has as many rows and the same total as the figure on screen', async () => {
    await db.execute(sql`
      with ls as (select array_agg(id) as a from listings where status <> 'draft'),
           os as (select array_agg(id) as a from organisations where kind <> 'government')
      insert into matches (listing_id, initiator_organisation_id, partner_organisation_id, type, stage, created_at)
      select ls.a[1 + (g::bigint * 7919) % array_length(ls.a, 1)], os.a[1 + (g::bigint * 104729) % array_length(os.a, 1)], os.a[1 + (g::bigint * 104729 + 1) % array_length(os.a, 1)],
        'internship', 'terminated', now() - ((g % 300) || ' days')::interval
      from generate_series(1, 2500) g, ls, os`)
    await db.execute(sql`insert into match_events (match_id, kind, to_stage, created_at)
      select id, 'stage_change', 'contact', created_at from matches where stage = 'terminated' and not exists (select 1 from match_events e where e.match_id = matches.id)`)
    const overview = (await call('gov._index.tsx', '/gov?preset=last_12_months', { headers: { Cookie: cookies.province } })) as {
      overview: { stages: { id: string; current: number }[] }
    }
    const shown = overview.overview.stages.find((f) => f.id === 'stage.contact')!.current
    expect(shown).toBeGreaterThan(2500)
    const url = '/gov/export?preset=last_12_months&figure=stage&stage=contact&table=records'
    const xlsx = (await call('gov.export.ts', `${url}&format=xlsx`, { headers: { Cookie: cookies.province } })) as Response
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never)
    const sheet = workbook.worksheets[0]!
    expect(sheet.rowCount).toBe(shown + 2)
    expect(sheet.getRow(sheet.rowCount).getCell(2).value).toBe(shown)
    const csv = (await call('gov.export.ts', `${url}&format=csv`, { headers: { Cookie: cookies.province } })) as Response
    const chunks: Uint8Array[] = []
    for await (const chunk of csv.body as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk)
    expect(chunks.length).toBeGreaterThan(2)
    const bytes = Buffer.concat(chunks)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes).trimEnd().split('\r\n')
    expect(lines.length).toBe(shown + 2)
    expect(lines.at(-1)!.split(',')[1]).toBe(String(shown))
  }, 180_000)
})
