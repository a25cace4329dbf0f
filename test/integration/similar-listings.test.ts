import { describe, expect, inject, it } from 'vitest'
import { loader as listingLoader } from '../../app/routes/listings.$id'
import { configureSearch } from '../../app/search.server'
import { createListing, createOrganisation } from '../factories'
import { prepareSearch } from '../setup/search'

type Page = Awaited<ReturnType<typeof listingLoader>>
const visit = async (id: number) =>
  (await listingLoader({
    request: new Request(`http://jcj.test/listings/${id}`),
    params: { id: String(id) },
    context: {},
  } as never)) as Page

/** Each test has a cooperation type of its own, so listings of the file's earlier tests are not its neighbours. */
const welding = (word: string, n: number, type: string) => ({
  type,
  title: `${word}智能焊接机器人操作顶岗实习 第${n}期`,
  description: '焊接机器人示教编程与焊缝质量检验，配带教师傅。',
  majors: ['智能焊接技术'],
  details: { majors: ['智能焊接技术'], headcount: 10 },
  clusters: ['coal_machinery'],
})

/** One listing, then its neighbours: some that must show, some that must not. */
async function neighbourhood(word: string, type: string) {
  const org = (name: string) => createOrganisation({ name: `${word}${name}示例有限公司`, clusters: ['coal_machinery'] })
  const [home, busy, quiet, drafts, other] = await Promise.all([
    org('晋中装备'),
    org('批量发布'),
    org('太原重工'),
    org('草稿'),
    org('别类'),
  ])
  const listing = await createListing(home.id, welding(word, 1, type))
  const sameOrg = await createListing(home.id, welding(word, 2, type))
  const busyOnes = [3, 4, 5, 6].map((n) => welding(word, n, type))
  const busyListings = []
  for (const b of busyOnes) busyListings.push(await createListing(busy.id, b))
  const quietOne = await createListing(quiet.id, { ...welding(word, 7, type), title: `${word}焊接机器人运维实习` })
  const hidden = [
    await createListing(drafts.id, { ...welding(word, 8, type), status: 'draft', publishedAt: null }),
    await createListing(drafts.id, { ...welding(word, 9, type), status: 'paused' }),
    await createListing(other.id, { ...welding(word, 10, type), type: 'tech_transfer' }),
    await createListing(other.id, { ...welding(word, 11, type), direction: 'need' }),
    // Still published, but its period is over: not live.
    await createListing(other.id, { ...welding(word, 12, type), startsOn: '2024-03-01', endsOn: '2024-06-30' }),
  ]
  return { listing, home, busy, sameOrg, busyListings, quietOne, hidden }
}

/** Runs `check` with the engine up, or with Meilisearch unreachable (the Postgres fallback answers). */
async function withEngine(engine: 'meilisearch' | 'postgres', check: () => Promise<void>) {
  if (engine === 'postgres') configureSearch({ url: 'http://127.0.0.1:9' })
  try {
    await check()
  } finally {
    configureSearch({ url: inject('meiliUrl') })
  }
}

describe.each([
  ['meilisearch', '鸿运', ['internship', 'teacher_practice']],
  ['postgres', '瑞丰', ['joint_lab', 'industry_college']],
] as const)('similar listings on a listing page (%s)', (engine, word, [type, pausedType]) => {
  it('lists live listings of the same type and direction, not itself, not drafts, at most two per organisation', async () => {
    const { indexer } = await prepareSearch()
    const data = await neighbourhood(word, type)
    await indexer.drainAll()
    await withEngine(engine, async () => {
      const page = await visit(data.listing.id)
      const ids = page.similar.map((l) => l.id)
      expect(ids).not.toContain(data.listing.id)
      expect(ids).toEqual(expect.arrayContaining([data.sameOrg.id, data.quietOne.id]))
      expect(ids.filter((id) => data.busyListings.some((b) => b.id === id))).toHaveLength(2)
      for (const h of data.hidden) expect(ids).not.toContain(h.id)
      expect(ids).toHaveLength(4)
      expect(page.similar.every((l) => l.type === type && l.direction === 'offer')).toBe(true)
      // The differently worded one is the least similar.
      expect(ids.at(-1)).toBe(data.quietOne.id)
    })
  })

  it('shows them on a paused listing’s page too, where visitors land from old links', async () => {
    const { indexer } = await prepareSearch()
    const data = await neighbourhood(word, pausedType)
    const paused = await createListing(data.home.id, { ...welding(word, 13, pausedType), status: 'paused' })
    await indexer.drainAll()
    await withEngine(engine, async () => {
      const page = await visit(paused.id)
      expect(page.listing.status).toBe('paused')
      expect(page.similar.map((l) => l.id)).toEqual(expect.arrayContaining([data.listing.id, data.quietOne.id]))
      expect(page.similar.filter((l) => l.organisationName === data.home.name)).toHaveLength(2)
    })
  })
})
