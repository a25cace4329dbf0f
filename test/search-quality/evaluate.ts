import { blankSearch } from '../../app/lib/search-params'
import type { ListingSearchParams, ListingSearchResult } from '../../search/types'
import { FIXTURE } from './fixture'
import { QUERIES, type QualityQuery } from './queries'

export type QueryScore = { query: QualityQuery; recall: number; ndcg: number; missing: string[] }

/** recall@10: share of the expected listings found in the top 10; nDCG@10 rewards finding them high up. */
export async function evaluate(search: (params: ListingSearchParams) => Promise<ListingSearchResult>, idOf: Map<string, number>) {
  const keyOf = new Map([...idOf].map(([k, id]) => [id, k]))
  const scores: QueryScore[] = []
  for (const query of QUERIES) {
    const result = await search(blankSearch({ q: query.q, ...query.filters, perPage: 10 }))
    const ranked = result.hits.map((h) => keyOf.get(h.id))
    const expected = new Set(query.expect)
    const found = query.expect.filter((k) => ranked.includes(k))
    const dcg = ranked.reduce((sum, k, i) => sum + (k && expected.has(k) ? 1 / Math.log2(i + 2) : 0), 0)
    const ideal = query.expect.slice(0, 10).reduce((sum, _, i) => sum + 1 / Math.log2(i + 2), 0)
    scores.push({
      query,
      recall: found.length / query.expect.length,
      ndcg: ideal ? dcg / ideal : 1,
      missing: query.expect.filter((k) => !ranked.includes(k)),
    })
  }
  return scores
}

export function summarise(scores: QueryScore[]) {
  const groups = [...new Set(scores.map((s) => s.query.group))]
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
  const rows: { group: string; queries: number; recall: number; ndcg: number }[] = groups.map((group) => {
    const inGroup = scores.filter((s) => s.query.group === group)
    return { group, queries: inGroup.length, recall: mean(inGroup.map((s) => s.recall)), ndcg: mean(inGroup.map((s) => s.ndcg)) }
  })
  rows.push({ group: 'all', queries: scores.length, recall: mean(scores.map((s) => s.recall)), ndcg: mean(scores.map((s) => s.ndcg)) })
  return rows
}

export function formatSummary(scores: QueryScore[]) {
  const lines = ['| group | queries | recall@10 | nDCG@10 |', '|---|---|---|---|']
  for (const r of summarise(scores)) lines.push(`| ${r.group} | ${r.queries} | ${r.recall.toFixed(3)} | ${r.ndcg.toFixed(3)} |`)
  const misses = scores.filter((s) => s.missing.length)
  if (misses.length)
    lines.push(
      '',
      'missed:',
      ...misses.map((s) => `  「${s.query.q}」 ${JSON.stringify(s.query.filters ?? {})} → missing ${s.missing.join(', ')}`),
    )
  return lines.join('\n')
}

export { FIXTURE }
