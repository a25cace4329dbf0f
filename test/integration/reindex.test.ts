import { describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { searchListings } from '../../app/search.server'
import { reindexAll } from '../../search/reindex'
import { createListing, createOrganisation, searchParams } from '../factories'
import { prepareSearch } from '../setup/search'

const all = searchParams()

describe('reindex', () => {
  it('swaps in a fresh index without search going blank, and keeps writes made meanwhile', async () => {
    const { runtime, indexer } = await prepareSearch()
    const org = await createOrganisation({ clusters: ['photovoltaic'], cityCode: 'jincheng' })
    for (let i = 0; i < 30; i++) await createListing(org.id, { title: `异质结电池片工艺实习 ${i}`, clusters: ['photovoltaic'] })
    await indexer.drainAll()
    expect((await searchListings(all)).total).toBe(30)

    let searching = true
    let lowest = Infinity
    const engines = new Set<string | undefined>()
    const watcher = (async () => {
      while (searching) {
        const result = await searchListings(all)
        engines.add(result.engine)
        lowest = Math.min(lowest, result.total)
        await new Promise((r) => setTimeout(r, 10))
      }
    })()
    const steps: string[] = []
    const reindex = reindexAll({ db, client: runtime.client, names: runtime.names, batchSize: 7, onProgress: (step) => steps.push(step) })
    const late = await createListing(org.id, { title: '光伏组件 EL 检测实习（重建期间发布）', clusters: ['photovoltaic'] })
    await indexer.drainAll()
    expect(await reindex).toMatchObject({ listings: expect.any(Number) })
    await indexer.drainAll()
    searching = false
    await watcher

    expect(lowest).toBeGreaterThanOrEqual(30)
    expect([...engines]).toEqual(['meilisearch'])
    expect(steps).toContain('需求与供给')
    const after = await searchListings({ ...all, q: 'EL 检测' })
    expect(after.hits.map((h) => h.id)).toContain(late.id)
    expect((await searchListings(all)).total).toBe(31)
    const { results } = await runtime.client.getIndexes({ limit: 1000 })
    expect(results.filter((i) => i.uid.includes('_build_'))).toEqual([])
  })
})
