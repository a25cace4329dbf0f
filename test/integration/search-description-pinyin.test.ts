import { describe, expect, inject, it } from 'vitest'
import { configureSearch, searchListings } from '../../app/search.server'
import { prepareSearch } from '../setup/search'
import { createListing, createOrganisation, searchParams } from '../factories'

/**
 * A word only the description says, which no dictionary knows whole (中部槽: jieba cuts 中部/槽), typed in
 * pinyin or with a homophone typo (中部曹), finds the listing in both engines; a listing of the same
 * cluster that never says it does not come along.
 */
describe.each(['meilisearch', 'postgres'] as const)('pinyin of what only the description says (%s)', (engine) => {
  it('finds a description-only word typed in pinyin or with a homophone typo', async () => {
    const { indexer } = await prepareSearch()
    const org = await createOrganisation({ name: '阳泉示例重型装备有限公司', clusters: ['coal_machinery'] })
    const wanted = await createListing(org.id, {
      title: '煤机装备焊工顶岗实习',
      description: '负责刮板输送机中部槽的耐磨堆焊与修复，师傅带教。',
      clusters: ['coal_machinery'],
    })
    const other = await createOrganisation({ name: '长治示例矿山机械有限公司', clusters: ['coal_machinery'] })
    const decoy = await createListing(other.id, {
      title: '刮板输送机装配实习',
      description: '参与链轮与减速器的装配调试。',
      clusters: ['coal_machinery'],
    })
    await indexer.drainAll()
    if (engine === 'postgres') configureSearch({ url: 'http://127.0.0.1:9' })
    try {
      for (const q of ['zhongbucao', 'guaban zhongbucao', '中部曹']) {
        const result = await searchListings(searchParams({ q }))
        expect(result.engine, q).toBe(engine)
        // The file's two cases share one database: the other case's listings may be found too.
        const ids = result.hits.map((h) => h.id)
        expect(ids, q).toContain(wanted.id)
        expect(ids, q).not.toContain(decoy.id)
      }
    } finally {
      configureSearch({ url: inject('meiliUrl') })
    }
  })
})
