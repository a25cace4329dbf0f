import { beforeAll, describe, expect, it } from 'vitest'
import { searchListings } from '../../app/search.server'
import { db } from '../../app/db.server'
import { searchListingsInPostgres } from '../../search/postgres-search'
import { prepareSearch } from '../setup/search'
import { evaluate, formatSummary, summarise, type QueryScore, type Search } from './evaluate'
import { FIXTURE } from './fixture'
import { loadFixture } from './load-fixture'
import { CLEAN_QUERIES } from './queries.clean'
import { DEV_QUERIES } from './queries.dev'
import { HELDOUT_QUERIES } from './queries.heldout'
import { TUNING_QUERIES } from './queries.tuning'

/**
 * Floors per half and engine (recall@10, nDCG@10, overall and the weakest group, decoys in a top 10).
 * The engine's are the issue's: ≥ 0.95 / ≥ 0.85 overall, every group ≥ 0.85. Measured figures are in
 * results.md; the fallback must stay within 0.05 of the engine's recall.
 */
const FLOORS = {
  engine: { recall: 0.95, ndcg: 0.9, groupRecall: 0.85, decoys: 5 },
  fallback: { recall: 0.9, ndcg: 0.85, groupRecall: 0.6, decoys: 5 },
}
const FALLBACK_GAP = 0.05
/**
 * The clean held-out half does NOT reach the issue's floors (measured 2026-12-01: engine 0.885 / 0.879,
 * fallback 0.865 / 0.859, synonym group 0.481; see results.md). It was never tuned on, so these are
 * regression floors just under what it scores, not targets; raising them needs new work, not tuning to it.
 */
const CLEAN_FLOORS: typeof FLOORS = {
  engine: { recall: 0.86, ndcg: 0.85, groupRecall: 0.45, decoys: 5 },
  fallback: { recall: 0.84, ndcg: 0.83, groupRecall: 0.45, decoys: 5 },
}

/** Both through the same diversity step the search page uses. */
const ENGINES: Record<keyof typeof FLOORS, Search> = {
  engine: searchListings,
  fallback: (params) => searchListingsInPostgres(db, params),
}

let idOf: Map<string, number>
beforeAll(async () => {
  const { indexer } = await prepareSearch()
  idOf = await loadFixture()
  await indexer.drainAll()
}, 300_000)

async function scoreHalf(name: string, queries: typeof TUNING_QUERIES, misses: boolean) {
  const byEngine: Record<string, QueryScore[]> = {}
  for (const [engine, search] of Object.entries(ENGINES)) byEngine[engine] = await evaluate(search, idOf, queries)
  console.log(`\n${formatSummary(`${name} half (${queries.length} queries over ${FIXTURE.length} listings)`, byEngine, { misses })}\n`)
  return byEngine
}

function expectFloors(byEngine: Record<string, QueryScore[]>, floors = FLOORS) {
  for (const [engine, floor] of Object.entries(floors)) {
    const rows = summarise(byEngine[engine]!)
    const all = rows.find((r) => r.group === 'all')!
    expect(all.recall, `${engine} recall@10`).toBeGreaterThanOrEqual(floor.recall)
    expect(all.ndcg, `${engine} nDCG@10`).toBeGreaterThanOrEqual(floor.ndcg)
    for (const r of rows) expect(r.recall, `${engine} ${r.group} recall@10`).toBeGreaterThanOrEqual(floor.groupRecall)
    expect(all.decoys, `${engine} decoys in a top 10`).toBeLessThanOrEqual(floor.decoys)
  }
  const recallOf = (engine: string) => summarise(byEngine[engine]!).find((r) => r.group === 'all')!.recall
  expect(recallOf('engine') - recallOf('fallback'), 'fallback recall@10 within 0.05 of the engine').toBeLessThanOrEqual(FALLBACK_GAP)
}

describe('search quality on queries written as users type them', () => {
  it('is large enough to mean something', () => {
    expect(FIXTURE.length).toBeGreaterThanOrEqual(200)
    expect(TUNING_QUERIES.length + HELDOUT_QUERIES.length).toBeGreaterThanOrEqual(150)
    expect(CLEAN_QUERIES.length).toBeGreaterThanOrEqual(80)
    expect(new Set(FIXTURE.map((l) => l.key)).size).toBe(FIXTURE.length)
  })

  it('tuning half: engine and fallback keep their floors', async () => {
    expectFloors(await scoreHalf('tuning', TUNING_QUERIES, true))
  }, 300_000)

  it('dev half (third round): reported', async () => {
    await scoreHalf('dev', DEV_QUERIES, true)
  }, 300_000)

  // SEARCH_QUALITY_TUNING_ONLY=1 while tuning: the held-out halves are scored only to report.
  // The first held-out half was looked at during the first round of tuning, so it is reported as "seen".
  it.skipIf(process.env.SEARCH_QUALITY_TUNING_ONLY === '1')(
    'seen held-out half: engine and fallback keep their floors',
    async () => {
      expectFloors(await scoreHalf('seen held-out', HELDOUT_QUERIES, process.env.SEARCH_QUALITY_SHOW_HELDOUT === '1'))
    },
    300_000,
  )

  // Written before the second round of tuning and never looked at while tuning (queries.clean.ts).
  it.skipIf(process.env.SEARCH_QUALITY_TUNING_ONLY === '1')(
    'clean held-out half: engine and fallback do not fall below what they score today',
    async () => {
      expectFloors(await scoreHalf('clean held-out', CLEAN_QUERIES, process.env.SEARCH_QUALITY_SHOW_HELDOUT === '1'), CLEAN_FLOORS)
    },
    300_000,
  )
})
