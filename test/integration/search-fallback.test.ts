import { describe, expect, it } from 'vitest'
import { configureSearch, searchListings } from '../../app/search.server'
import { db } from '../../app/db.server'
import { createSearchClient } from '../../search/client'
import { indexNames } from '../../search/indexes'
import { createOutboxIndexer } from '../../search/indexer'
import { createListing, createOrganisation, searchParams } from '../factories'

const params = searchParams

describe('search when Meilisearch is down', () => {
  it('answers from Postgres with the same filters, synonyms and facet counts, and says so', async () => {
    // Nothing listens on port 9: every call to Meilisearch fails at once.
    configureSearch({ url: 'http://127.0.0.1:9' })
    const xinchuang = await createOrganisation({ clusters: ['xinchuang'], cityCode: 'taiyuan', name: '太原示例信创软件有限公司' })
    const coal = await createOrganisation({ clusters: ['coal_machinery'], cityCode: 'jinzhong' })
    const wanted = await createListing(xinchuang.id, {
      title: '国产数据库适配与迁移实习岗位',
      description: '参与信息技术应用创新项目，完成国产操作系统与数据库适配。',
      clusters: ['xinchuang'],
      cityCode: 'taiyuan',
    })
    await createListing(xinchuang.id, { title: '鲲鹏服务器运维实习', clusters: ['xinchuang'], cityCode: 'taiyuan', status: 'draft' })
    await createListing(coal.id, { title: '液压支架装配实习', clusters: ['coal_machinery'], cityCode: 'jinzhong' })

    const result = await searchListings(params({ q: '信创', cities: ['taiyuan'] }))
    expect(result.engine).toBe('postgres')
    expect(result.unavailable).toBeUndefined()
    expect(result.hits.map((h) => h.id)).toEqual([wanted.id])
    expect(result.facets.city).toEqual({ taiyuan: 1 })
    expect(result.hits[0]!.snippet).toContain('<mark>信息技术应用创新</mark>')

    const central = await searchListings(params({ regions: ['central'] }))
    expect(central.facets.region).toEqual({ central: 2 })
    expect(central.total).toBe(2)

    const all = await searchListings(params({ types: ['internship'] }))
    expect(all.total).toBe(2)
    expect(all.facets.clusters).toEqual({ xinchuang: 1, coal_machinery: 1 })
  })

  it('treats LIKE wildcards and filter syntax in the query as plain text', async () => {
    configureSearch({ url: 'http://127.0.0.1:9' })
    const result = await searchListings(params({ q: '%_" OR 1=1 --' }))
    expect(result.engine).toBe('postgres')
    expect(result.total).toBe(0)
  })

  it('finds full pinyin and initials of titles and organisation names the vocabulary does not know', async () => {
    configureSearch({ url: 'http://127.0.0.1:9' })
    const university = await createOrganisation({
      name: '太原理工大学',
      kind: 'undergrad',
      cityCode: 'taiyuan',
      clusters: ['coal_machinery'],
    })
    const robot = await createListing(university.id, { title: '巡检机器人视觉识别联合攻关', clusters: ['coal_machinery'] })
    const other = await createOrganisation({ name: '大同示例煤业有限公司', cityCode: 'datong', clusters: ['coal_machinery'] })
    await createListing(other.id, { title: '刮板输送机装配实习', clusters: ['coal_machinery'] })
    // The indexer writes the pinyin before it asks the engine, so it is there while Meilisearch is down.
    const indexer = createOutboxIndexer({ db, client: createSearchClient({ url: 'http://127.0.0.1:9' }), names: indexNames('test_') })
    await expect(indexer.drainOnce()).rejects.toThrow()

    for (const q of ['jqr', 'jiqiren', 'taiyuanligong', 'tylg', 'xunjian']) {
      const result = await searchListings(params({ q }))
      expect(result.engine).toBe('postgres')
      expect(
        result.hits.map((h) => h.id),
        q,
      ).toEqual([robot.id])
    }
  })
})
