import { describe, expect, it } from 'vitest'
import { searchListings } from '../../app/search.server'
import { prepareSearch } from '../setup/search'
import { evaluate, formatSummary, summarise } from './evaluate'
import { loadFixture } from './load-fixture'
import { QUERIES } from './queries'

describe('search quality on real Chinese queries', () => {
  it(`finds the expected listings in the top 10 for ${QUERIES.length} queries (recall@10 ≥ 0.9)`, async () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(60)
    const { indexer } = await prepareSearch()
    const idOf = await loadFixture()
    await indexer.drainAll()
    const scores = await evaluate(searchListings, idOf)
    console.log(`\n${formatSummary(scores)}\n`)
    const all = summarise(scores).find((r) => r.group === 'all')!
    expect(all.recall).toBeGreaterThanOrEqual(0.9)
  }, 120_000)
})
