import { describe, expect, inject, it } from 'vitest'
import { configureSearch, searchListings } from '../../app/search.server'
import { listLatestListings } from '../../app/domain/listings/queries.server'
import { anonymous } from '../../app/domain/actor'
import { prepareSearch } from '../setup/search'
import { createListing, createOrganisation, searchParams } from '../factories'

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000)

/**
 * Eight organisations with one post each, then one enterprise that imports twelve posts worded the
 * same way: newest and equally relevant, so without diversity they would fill the first page.
 */
async function floodedData(word: string) {
  // Organisation names stay out of the query's way: the listings alone decide relevance.
  const tag = word === '鸿运' ? 'A' : 'B'
  const post = (i: number) => ({
    title: `${word}液压支架维修顶岗实习 第${i + 1}批`,
    description: '液压支架维修岗位，面向机电一体化技术专业。',
  })
  const others = []
  for (let i = 0; i < 8; i++) {
    const org = await createOrganisation({ name: `示例煤机企业${tag}${i}`, clusters: ['coal_machinery'] })
    others.push(await createListing(org.id, { ...post(i), majors: ['智能焊接技术', '机电一体化技术'], publishedAt: minutesAgo(60 + i) }))
  }
  const flooder = await createOrganisation({ name: `晋中示例批量导入装备有限公司${tag}`, clusters: ['coal_machinery'] })
  const own = []
  for (let i = 0; i < 12; i++)
    own.push(await createListing(flooder.id, { ...post(i), majors: ['机电一体化技术'], publishedAt: minutesAgo(i) }))
  return { flooder, own, others }
}

describe.each([
  ['meilisearch', '鸿运'],
  ['postgres', '瑞丰'],
] as const)('majors and diversity (%s)', (engine, word) => {
  it('shows at most three listings of one organisation on the first page, says how many more, and filters by it', async () => {
    const { indexer } = await prepareSearch()
    const { flooder, others } = await floodedData(word)
    await indexer.drainAll()
    if (engine === 'postgres') configureSearch({ url: 'http://127.0.0.1:9' })
    try {
      // Newest first: the flooder's twelve are the newest, yet the first page shows three of them.
      const first = await searchListings(searchParams({ q: `${word} 液压支架`, perPage: 10, sort: 'newest' }))
      expect(first.engine).toBe(engine)
      expect(first.total).toBe(20)
      expect(first.hits.filter((h) => h.organisationId === flooder.id)).toHaveLength(3)
      // "该机构还有 N 条" for the organisation held back at the cap
      expect(first.moreFromOrganisation).toEqual({ [flooder.id]: 9 })
      // The next page continues the same order: nothing repeats, nothing is skipped.
      const second = await searchListings(searchParams({ q: `${word} 液压支架`, perPage: 10, page: 2, sort: 'newest' }))
      expect(new Set([...first.hits, ...second.hits].map((h) => h.id)).size).toBe(20)
      // By relevance (all twenty equally relevant): no more than three either.
      const relevant = await searchListings(searchParams({ q: `${word} 液压支架`, perPage: 10 }))
      expect(relevant.hits.filter((h) => h.organisationId === flooder.id).length).toBeLessThanOrEqual(3)

      const onlyFlooder = await searchListings(searchParams({ q: `${word} 液压支架`, orgs: [String(flooder.id)] }))
      expect(onlyFlooder.total).toBe(12)
      expect(onlyFlooder.hits.every((h) => h.organisationId === flooder.id)).toBe(true)

      // Majors: counted as a facet, and a filter.
      expect(first.facets.majors).toEqual({ 机电一体化技术: 20, 智能焊接技术: 8 })
      const welding = await searchListings(searchParams({ q: word, majors: ['智能焊接技术'] }))
      expect(welding.hits.map((h) => h.id).sort()).toEqual(others.map((o) => o.id).sort())
      expect(welding.facets.majors).toEqual({ 机电一体化技术: 20, 智能焊接技术: 8 })
      const byMajorWord = await searchListings(searchParams({ q: `${word} 智能焊接技术` }))
      expect(
        byMajorWord.hits
          .slice(0, 8)
          .map((h) => h.id)
          .sort(),
      ).toEqual(others.map((o) => o.id).sort())
    } finally {
      configureSearch({ url: inject('meiliUrl') })
    }
  })
})

describe('the home page newest listings', () => {
  it('show at most two of one organisation', async () => {
    for (let i = 0; i < 3; i++) {
      const org = await createOrganisation({ name: `首页示例机构${i}` })
      await createListing(org.id, { title: `首页示例岗位 ${i}` })
    }
    const flooder = await createOrganisation({ name: '首页示例批量导入机构' })
    for (let i = 0; i < 10; i++) await createListing(flooder.id, { title: `首页批量导入岗位 ${i}` })
    const latest = await listLatestListings({ actor: anonymous, limit: 6 })
    expect(latest).toHaveLength(6)
    expect(latest.filter((l) => l.organisationId === flooder.id)).toHaveLength(2)
  })
})
