import { blankSearch } from '../../app/lib/search-params'
import type { ListingSearchParams, ListingSearchResult } from '../../search/types'
import { GROUPS, type QualityQuery } from './queries'

export type QueryScore = { query: QualityQuery; recall: number; ndcg: number; missing: string[]; decoys: string[] }
export type Search = (params: ListingSearchParams) => Promise<ListingSearchResult>

const K = 10

/**
 * recall@10: share of the expected listings in the top 10 (out of at most 10, so a query with 30
 * relevant listings scores 1 when the first page is all relevant); nDCG@10 rewards finding them high up.
 * A decoy in the top 10 is reported separately.
 */
export async function evaluate(search: Search, idOf: Map<string, number>, queries: QualityQuery[]) {
  const keyOf = new Map([...idOf].map(([k, id]) => [id, k]))
  const scores: QueryScore[] = []
  for (const query of queries) {
    const unknown = [...query.expect, ...(query.avoid ?? [])].filter((k) => !idOf.has(k))
    if (unknown.length) throw new Error(`「${query.q}」 names listings not in the fixture: ${unknown.join(', ')}`)
    const result = await search(blankSearch({ q: query.q, ...query.filters, perPage: K } as Partial<ListingSearchParams>))
    const ranked = result.hits.slice(0, K).map((h) => keyOf.get(h.id))
    const expected = new Set(query.expect)
    const found = ranked.filter((k) => k && expected.has(k)).length
    const dcg = ranked.reduce((sum, k, i) => sum + (k && expected.has(k) ? 1 / Math.log2(i + 2) : 0), 0)
    const ideal = Array.from({ length: Math.min(K, expected.size) }, (_, i) => 1 / Math.log2(i + 2)).reduce((a, b) => a + b, 0)
    scores.push({
      query,
      recall: found / Math.min(K, expected.size),
      ndcg: ideal ? dcg / ideal : 1,
      missing: expected.size <= K ? query.expect.filter((k) => !ranked.includes(k)) : found < K ? [`${K - found} of ${expected.size}`] : [],
      decoys: (query.avoid ?? []).filter((k) => ranked.includes(k)),
    })
  }
  return scores
}

export type SummaryRow = { group: string; queries: number; recall: number; ndcg: number; decoys: number }

export function summarise(scores: QueryScore[]): SummaryRow[] {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
  const row = (group: string, inGroup: QueryScore[]) => ({
    group,
    queries: inGroup.length,
    recall: mean(inGroup.map((s) => s.recall)),
    ndcg: mean(inGroup.map((s) => s.ndcg)),
    decoys: inGroup.reduce((n, s) => n + s.decoys.length, 0),
  })
  const rows = GROUPS.map((g) => scores.filter((s) => s.query.group === g))
    .filter((inGroup) => inGroup.length)
    .map((inGroup) => row(inGroup[0]!.query.group, inGroup))
  rows.push(row('all', scores))
  return rows
}

/** A table with one column pair per engine; misses are listed only when asked (never for the held-out half). */
export function formatSummary(title: string, byEngine: Record<string, QueryScore[]>, { misses = false } = {}) {
  const engines = Object.keys(byEngine)
  const tables = engines.map((e) => summarise(byEngine[e]!))
  const lines = [
    title,
    `| group | queries | ${engines.map((e) => `${e} recall@10 | ${e} nDCG@10 | ${e} decoys`).join(' | ')} |`,
    `|---|---|${engines.map(() => '---|---|---|').join('')}`,
  ]
  tables[0]!.forEach((r, i) => {
    const cells = tables.map((t) => `${t[i]!.recall.toFixed(3)} | ${t[i]!.ndcg.toFixed(3)} | ${t[i]!.decoys}`)
    lines.push(`| ${r.group} | ${r.queries} | ${cells.join(' | ')} |`)
  })
  if (misses)
    for (const e of engines) {
      const missed = byEngine[e]!.filter((s) => s.missing.length || s.decoys.length)
      if (missed.length)
        lines.push(
          '',
          `${e} missed:`,
          ...missed.map(
            (s) =>
              `  [${s.query.group}] 「${s.query.q}」 ${s.query.filters ? JSON.stringify(s.query.filters) : ''} → missing ${s.missing.join(', ')}${s.decoys.length ? ` decoys ${s.decoys.join(', ')}` : ''}`,
          ),
        )
    }
  return lines.join('\n')
}
