import { beforeAll, describe, expect, it } from 'vitest'
import { searchListings } from '../../app/search.server'
import { db } from '../../app/db.server'
import { searchListingsInPostgres } from '../../search/postgres-search'
import { prepareSearch } from '../setup/search'
import { evaluate, formatSummary, summarise, type QueryScore, type Search } from './evaluate'
import { FIXTURE, type FixtureListing } from './fixture'
import { BLIND_FIXTURE } from './fixture.blind'
import { BLIND2_FIXTURE } from './fixture.blind2'
import { BLIND3_FIXTURE } from './fixture.blind3'
import { BLIND4_FIXTURE } from './fixture.blind4'
import { loadFixture } from './load-fixture'
import { BLIND_QUERIES } from './queries.blind'
import { BLIND2_QUERIES } from './queries.blind2'
import { BLIND3_QUERIES } from './queries.blind3'
import { BLIND4_QUERIES } from './queries.blind4'
import { CLEAN_QUERIES } from './queries.clean'
import { DEV_QUERIES } from './queries.dev'
import { HELDOUT_QUERIES } from './queries.heldout'
import { TUNING_QUERIES } from './queries.tuning'

/**
 * The issue's goal, for every half: engine recall@10 ≥ 0.95 and nDCG@10 ≥ 0.85 overall, every group's
 * recall ≥ 0.85, no decoy in a top 10, and the fallback's recall within 0.05 of the engine's.
 */
const GOAL = { recall: 0.95, ndcg: 0.85, groupRecall: 0.85, decoys: 0 }
const FALLBACK_GAP = 0.05

/** What a half must keep: overall, every group (unless `groups` names its own floor), decoys at most. */
type Floors = { recall: number; ndcg: number; groupRecall: number; groups?: Record<string, number>; decoys: number }
/** `gap`: how far the fallback's recall may fall below the engine's, where a half misses the goal's 0.05. */
type HalfFloors = { engine: Floors; fallback: Floors; gap?: number }

/**
 * Per half: a regression floor just under what was measured (2026-12-01, results.md, fifth round; raised
 * after the English glossary and its one-way everyday words, 22:30 UTC; decoys lowered after the seventh
 * round, 2026-12-02, when shops outranked by a trade listing left the first pages), never
 * the goal quietly lowered: every shortfall is printed as GOAL NOT MET. Where the engine is well above the
 * goal its floor is too, so a regression shows before the goal is lost. The fallback's own figures are
 * regression floors; its goal is the gap to the engine. Decoys are the one part of the goal no half meets.
 */
const TUNING: HalfFloors = {
  engine: { ...GOAL, recall: 0.975, ndcg: 0.975, decoys: 2 },
  fallback: { recall: 0.97, ndcg: 0.955, groupRecall: 0.85, decoys: 2 },
}
const SEEN: HalfFloors = {
  engine: { ...GOAL, recall: 0.975, ndcg: 0.96, decoys: 3 },
  fallback: { recall: 0.97, ndcg: 0.94, groupRecall: 0.85, decoys: 3 },
}
const DEV: HalfFloors = {
  engine: { ...GOAL, recall: 0.98, ndcg: 0.97, decoys: 1 },
  fallback: { recall: 0.975, ndcg: 0.955, groupRecall: 0.85, decoys: 1 },
}
/**
 * Held out until the third round; the fourth round tuned on it (results.md), so it is a tuning half now.
 */
const CLEAN: HalfFloors = {
  engine: { ...GOAL, recall: 0.985, ndcg: 0.965, decoys: 2 },
  fallback: { recall: 0.985, ndcg: 0.965, groupRecall: 0.85, decoys: 1 },
}

/**
 * Written by an outsider and scored once after the fourth round (engine 0.920 / 0.918, synonym 0.726,
 * 13 decoys); the fifth round read its misses and tuned on it (results.md), so it is a tuning half now:
 * engine 0.967 / 0.964 (synonym 0.872), fallback 0.955 / 0.948, decoys 3 / 5 (12 / 12 before shops yielded). The newest blind half is
 * the held-out test.
 */
const BLIND: HalfFloors = {
  engine: { ...GOAL, recall: 0.96, ndcg: 0.96, decoys: 1 },
  fallback: { recall: 0.95, ndcg: 0.94, groupRecall: 0.85, decoys: 1 },
}

/**
 * The second blind half, scored once blind (2026-12-01, 22:10 UTC, after the fifth round): engine 0.851 /
 * 0.822, synonym 0.733, cross-cluster 0.809, English 0.472, 17 decoys; fallback 0.818 / 0.802. Tuned on since
 * (the English glossary, everyday words; on 2026-12-02 the seventh round's synonyms, listing-word pinyin and
 * the fallback's word dropping): engine 0.953 / 0.945, 4 decoys; fallback 0.939 / 0.926, 1 decoy.
 */
const BLIND2: HalfFloors = {
  engine: { ...GOAL, recall: 0.945, ndcg: 0.935, groups: { pinyin: 0.9 }, decoys: 6 },
  fallback: { recall: 0.93, ndcg: 0.915, groupRecall: 0.85, decoys: 3 },
}

/**
 * The third blind half, scored once blind (2026-12-01, 22:45 UTC, after the sixth round): engine 0.869 /
 * 0.854, pinyin 0.718, synonym 0.677, 17 decoys; fallback 0.816 / 0.817, 0.053 below the engine, synonym
 * 0.346. The seventh round (2026-12-02) read its misses and tuned on it: engine 0.904 / 0.910 (pinyin still
 * 0.718: initials and pinyin typos), 6 decoys; fallback 0.870 / 0.884, 0 decoys, 0.034 below the engine.
 */
const BLIND3: HalfFloors = {
  engine: { ...GOAL, recall: 0.895, ndcg: 0.9, groups: { typo: 0.9, pinyin: 0.7 }, decoys: 8 },
  fallback: {
    recall: 0.86,
    ndcg: 0.87,
    groupRecall: 0.85,
    groups: { exact: 0.82, pinyin: 0.7, synonym: 0.72 },
    decoys: 2,
  },
}

/**
 * The fourth blind half (60 listings, 15 decoys, 204 queries), never seen by whoever tuned; floors just
 * under its one scoring (2026-12-02, 01:28 UTC, after the seventh round). It does NOT reach the goal:
 * engine recall 0.880 (nDCG 0.888 does), synonym 0.590 (plain descriptions of a problem: 炼铝剩下的红色废渣),
 * English 0.714, 8 decoys; fallback 0.868 / 0.867, 0.012 below the engine (the gap is met), 5 decoys.
 */
const BLIND4: HalfFloors = {
  engine: { ...GOAL, recall: 0.87, ndcg: 0.875, groups: { synonym: 0.57, english: 0.7 }, decoys: 10 },
  fallback: {
    recall: 0.855,
    ndcg: 0.855,
    groupRecall: 0.85,
    groups: { synonym: 0.54, 'cross-cluster': 0.8, english: 0.8 },
    decoys: 7,
  },
}

/** Both through the same diversity step the search page uses. */
const ENGINES: Record<'engine' | 'fallback', Search> = {
  engine: searchListings,
  fallback: (params) => searchListingsInPostgres(db, params),
}

let idOf: Map<string, number>
let indexer: Awaited<ReturnType<typeof prepareSearch>>['indexer']
const orgIds = new Map<string, number>()
beforeAll(async () => {
  ;({ indexer } = await prepareSearch())
  idOf = await loadFixture(FIXTURE, orgIds)
  await indexer.drainAll()
}, 300_000)

/** Loads the fixtures not loaded yet, in order: a later half's listings join after the earlier ones'. */
async function join(...fixtures: FixtureListing[][]) {
  for (const fixture of fixtures)
    if (!idOf.has(fixture[0]!.key)) for (const [key, id] of await loadFixture(fixture, orgIds)) idOf.set(key, id)
  await indexer.drainAll()
}

const showHeldout = process.env.SEARCH_QUALITY_SHOW_HELDOUT === '1'

async function scoreHalf(name: string, queries: typeof TUNING_QUERIES, misses: boolean) {
  const byEngine: Record<string, QueryScore[]> = {}
  for (const [engine, search] of Object.entries(ENGINES)) byEngine[engine] = await evaluate(search, idOf, queries)
  console.log(`\n${formatSummary(`${name} half (${queries.length} queries over ${idOf.size} listings)`, byEngine, { misses })}\n`)
  return byEngine
}

const overall = (scores: QueryScore[]) => summarise(scores).find((r) => r.group === 'all')!

/** Where the engine misses the issue's goal, or the fallback the gap: said out loud, whatever the floors allow. */
function reportShortfalls(half: string, byEngine: Record<string, QueryScore[]>) {
  const rows = summarise(byEngine.engine!)
  const all = overall(byEngine.engine!)
  const gap = all.recall - overall(byEngine.fallback!).recall
  const shortfalls = [
    ...(all.recall < GOAL.recall ? [`engine recall@10 ${all.recall.toFixed(3)} < ${GOAL.recall}`] : []),
    ...(all.ndcg < GOAL.ndcg ? [`engine nDCG@10 ${all.ndcg.toFixed(3)} < ${GOAL.ndcg}`] : []),
    ...rows
      .filter((r) => r.recall < GOAL.groupRecall)
      .map((r) => `engine ${r.group} recall@10 ${r.recall.toFixed(3)} < ${GOAL.groupRecall}`),
    ...Object.entries(byEngine)
      .map(([engine, scores]) => [engine, overall(scores).decoys] as const)
      .filter(([, decoys]) => decoys > GOAL.decoys)
      .map(([engine, decoys]) => `${engine}: ${decoys} decoys in a top 10 (goal: none)`),
    ...(gap > FALLBACK_GAP ? [`fallback recall@10 ${gap.toFixed(3)} below the engine's (goal ≤ ${FALLBACK_GAP})`] : []),
  ]
  if (shortfalls.length) console.log(`\nGOAL NOT MET on the ${half} half:\n${shortfalls.map((s) => `  - ${s}`).join('\n')}\n`)
}

function expectFloors(half: string, byEngine: Record<string, QueryScore[]>, floors: HalfFloors) {
  reportShortfalls(half, byEngine)
  for (const engine of ['engine', 'fallback'] as const) {
    const floor = floors[engine]
    const rows = summarise(byEngine[engine]!)
    const all = rows.find((r) => r.group === 'all')!
    expect(all.recall, `${engine} recall@10`).toBeGreaterThanOrEqual(floor.recall)
    expect(all.ndcg, `${engine} nDCG@10`).toBeGreaterThanOrEqual(floor.ndcg)
    // The 'all' row is the overall figure, held to floor.recall above, not to a group's floor.
    for (const r of rows.filter((row) => row.group !== 'all'))
      expect(r.recall, `${engine} ${r.group} recall@10`).toBeGreaterThanOrEqual(floor.groups?.[r.group] ?? floor.groupRecall)
    expect(all.decoys, `${engine} decoys in a top 10`).toBeLessThanOrEqual(floor.decoys)
  }
  const gap = overall(byEngine.engine!).recall - overall(byEngine.fallback!).recall
  expect(gap, `fallback recall@10 within ${floors.gap ?? FALLBACK_GAP} of the engine`).toBeLessThanOrEqual(floors.gap ?? FALLBACK_GAP)
}

describe('search quality on queries written as users type them', () => {
  it('is large enough to mean something', () => {
    expect(FIXTURE.length).toBeGreaterThanOrEqual(200)
    expect(TUNING_QUERIES.length + HELDOUT_QUERIES.length).toBeGreaterThanOrEqual(150)
    expect(CLEAN_QUERIES.length).toBeGreaterThanOrEqual(80)
    expect(DEV_QUERIES.length).toBeGreaterThanOrEqual(60)
    expect(BLIND_QUERIES.length).toBeGreaterThanOrEqual(130)
    expect(BLIND2_QUERIES.length).toBeGreaterThanOrEqual(160)
    expect(BLIND3_QUERIES.length).toBeGreaterThanOrEqual(150)
    expect(BLIND4_QUERIES.length).toBeGreaterThanOrEqual(170)
    expect(new Set(FIXTURE.map((l) => l.key)).size).toBe(FIXTURE.length)
  })

  it('tuning half: engine and fallback keep their floors', async () => {
    expectFloors('tuning', await scoreHalf('tuning', TUNING_QUERIES, true), TUNING)
  }, 300_000)

  // The third round tuned on this one (queries.dev.ts), after committing it.
  it('dev half: engine and fallback keep their floors', async () => {
    expectFloors('dev', await scoreHalf('dev', DEV_QUERIES, true), DEV)
  }, 300_000)

  // SEARCH_QUALITY_TUNING_ONLY=1 while tuning: the held-out halves are scored only to report.
  // The first held-out half was looked at during the first round of tuning, so it is reported as "seen".
  it.skipIf(process.env.SEARCH_QUALITY_TUNING_ONLY === '1')(
    'seen held-out half: engine and fallback keep their floors',
    async () => {
      expectFloors('seen held-out', await scoreHalf('seen held-out', HELDOUT_QUERIES, showHeldout), SEEN)
    },
    300_000,
  )

  // Written before the second round of tuning (queries.clean.ts); tuned on from the fourth round.
  it.skipIf(process.env.SEARCH_QUALITY_TUNING_ONLY === '1')(
    'clean half: engine and fallback keep their floors',
    async () => {
      expectFloors('clean', await scoreHalf('clean', CLEAN_QUERIES, true), CLEAN)
    },
    300_000,
  )
  // Written by an engineer who never read the search code or the other halves (queries.blind.ts), scored
  // once after the fourth round; the fifth round read its misses and tuned on it, so it is seen now.
  it.skipIf(process.env.SEARCH_QUALITY_TUNING_ONLY === '1')(
    'blind half: engine and fallback keep their floors',
    async () => {
      // Its listings join the fixture only now: the other halves were judged without them.
      await join(BLIND_FIXTURE)
      expectFloors('blind', await scoreHalf('blind', BLIND_QUERIES, true), BLIND)
    },
    300_000,
  )
  // The second blind half (queries.blind2.ts), written the same way while the fifth round tuned on
  // everything above, and scored once, by the lead, after that round's last change. Its listings join
  // after the first blind half's, and its answers were judged over all three fixtures.
  it.skipIf(process.env.SEARCH_QUALITY_TUNING_ONLY === '1')(
    'second blind held-out half: engine and fallback do not fall below what they scored when first run',
    async () => {
      await join(BLIND_FIXTURE, BLIND2_FIXTURE)
      expectFloors('second blind held-out', await scoreHalf('second blind held-out', BLIND2_QUERIES, showHeldout), BLIND2)
    },
    300_000,
  )
  // The third blind half (queries.blind3.ts), written while the sixth round tuned on everything above
  // (the second blind half included), scored once by the lead after that round's last change. Its
  // listings join last; its answers were judged over all four fixtures.
  it.skipIf(process.env.SEARCH_QUALITY_TUNING_ONLY === '1')(
    'third blind held-out half: engine and fallback do not fall below what they scored when first run',
    async () => {
      await join(BLIND_FIXTURE, BLIND2_FIXTURE, BLIND3_FIXTURE)
      expectFloors('third blind held-out', await scoreHalf('third blind held-out', BLIND3_QUERIES, showHeldout), BLIND3)
    },
    300_000,
  )
  // The fourth blind half (queries.blind4.ts), written while the seventh round tuned on everything
  // above (blind3 included), scored once by the lead after that round's last change. Its listings join
  // last; its answers were judged over all five fixtures.
  it.skipIf(process.env.SEARCH_QUALITY_TUNING_ONLY === '1')(
    'fourth blind held-out half: engine and fallback do not fall below what they scored when first run',
    async () => {
      await join(BLIND_FIXTURE, BLIND2_FIXTURE, BLIND3_FIXTURE, BLIND4_FIXTURE)
      expectFloors('fourth blind held-out', await scoreHalf('fourth blind held-out', BLIND4_QUERIES, showHeldout), BLIND4)
    },
    300_000,
  )
})
