import { taxonomy } from '../../db/reference'

export type IntentParam = 'type' | 'city' | 'cluster'
export type QueryIntent = { param: IntentParam; code: string; matched: string; remainingQuery: string }

type Entry = { param: IntentParam; code: string; terms: string[] }

const HAN = /\p{Script=Han}/u
const splitName = (name: string) =>
  name
    .split(/[/／()（）,，、]/)
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p.length >= 2)

// Built from the taxonomy only, so a renamed type or a new cluster is recognised without touching this file.
const VOCABULARY: Entry[] = [
  ...taxonomy.cooperation_types.map((t) => ({ param: 'type' as const, code: t.code, terms: [...splitName(t.name), ...splitName(t.en)] })),
  ...taxonomy.regions.cities.map((c) => ({
    param: 'city' as const,
    code: c.code,
    terms: [c.name, c.name.replace(/市$/, ''), c.en.toLowerCase()].filter((x) => x.length >= 2),
  })),
  ...taxonomy.clusters.map((c) => ({
    param: 'cluster' as const,
    code: c.code,
    terms: [c.name, c.short, ...splitName(c.en)].filter((x) => x.length >= 2),
  })),
]

/** "教师实践" reads as "教师企业实践": every character of the word, in order, inside the term. */
function isSubsequence(word: string, term: string) {
  let i = 0
  for (const ch of term) if (ch === word[i]) i++
  return i === word.length
}

/** How a query word names a taxonomy term, or null. Han words of two characters and Latin words of four are the shortest that count. */
function wordMatches(word: string, term: string) {
  const han = HAN.test(word)
  if (han ? word.length < 2 : word.length < 4) return false
  if (term.includes(word)) return true
  return han && word.length >= 3 && isSubsequence(word, term)
}

/**
 * Filters the words of a search query point at: a cooperation type, a city or a cluster.
 * Filters already chosen are not offered again; each filter is offered once.
 */
export function detectQueryIntents(query: string, chosen: Partial<Record<IntentParam, readonly string[]>> = {}): QueryIntent[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean)
  if (!words.length) return []
  const whole = words.join(' ')
  const found: QueryIntent[] = []
  for (const entry of VOCABULARY) {
    if (chosen[entry.param]?.includes(entry.code)) continue
    const word = words.find((w) => entry.terms.some((term) => wordMatches(w, term)))
    // An unspaced query ("太原实习") still names a term it contains.
    const contained = word ? null : entry.terms.find((term) => HAN.test(term) && whole.includes(term))
    const matched = word ?? contained
    if (!matched) continue
    const remainingQuery = word ? words.filter((w) => w !== word).join(' ') : whole.replace(matched, ' ').replace(/\s+/g, ' ').trim()
    found.push({ param: entry.param, code: entry.code, matched, remainingQuery })
  }
  return found
}
