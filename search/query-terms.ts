import { clusterByCode, cooperationTypeByCode, cityByCode, orgKindByCode, regionByCode } from '../db/reference'
import { synonymMap } from './synonyms'
import { bigramTokens, cutWords, hasHan, joinedWords } from './text'
import { hanziForPinyin, isKnownWord, latinCorrection } from './vocabulary'

/**
 * A query as the Postgres fallback reads it: terms that must all match, each with the spellings that
 * count (the word, its synonyms, the Chinese a pinyin word stands for) and the reference entries an
 * English or cluster word names. Meilisearch does the same with its own settings (search/settings.ts).
 */
export type QueryTerm = {
  word: string
  /** to_tsquery('simple', …) text over jcj_search_tokens bigrams: (a & b) | (c & d). */
  tsquery: string
  /** to_tsquery text over listing_search_pinyin (full pinyin as a prefix, initials exact), for a Latin word. */
  pinyin: string | null
  /** Words to highlight. */
  spellings: string[]
  clusters: string[]
  types: string[]
  cities: string[]
  orgKinds: string[]
}

// A Map, because the words are the user's: `constructor` or `__proto__` must not find Object's own properties.
// Keyed lower-case, as Meilisearch matches synonyms: sic finds 碳化硅 as SiC does.
const synonyms = new Map<string, string[]>()
for (const [word, others] of Object.entries(synonymMap())) {
  const key = word.toLowerCase()
  synonyms.set(key, [...new Set([...(synonyms.get(key) ?? []), ...others])])
}
const MAX_TERMS = 8

const lower = (s: string) => s.toLowerCase()
const unique = (xs: string[]) => [...new Set(xs)]
const englishWords = (name: string) =>
  lower(name)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
/** An English word names an entry when it starts one of the words of its English name (coal → coal-mining). */
const namedBy = (word: string, en: string | undefined) => word.length >= 3 && !!en && englishWords(en).some((w) => w.startsWith(word))

function spellingQuery(spelling: string): string | null {
  const tokens = [...new Set(bigramTokens(spelling))]
  if (!tokens.length) return null
  // A Latin word may be the start of a longer one (topcon → TOPCon电池), or have its last letter
  // mistyped (TOPCom); Chinese bigrams are exact (homophone typos are corrected before).
  const latin = (t: string) => (t.length >= 5 && /^[a-z]+$/.test(t) ? `(${t}:* | ${t.slice(0, -1)}:*)` : `${t}:*`)
  // A lone character (镁, 4S店) is rarely a token of the index, whose Chinese runs are bigrams: it matches
  // as the start of one (镁合, 店参与), as Meilisearch matches a last word as a prefix.
  const lone = (t: string) => ([...t].length === 1 && hasHan(t) ? `${t}:*` : t)
  return `(${tokens.map((t) => (/^[a-z0-9]+$/.test(t) ? latin(t) : lone(t))).join(' & ')})`
}

/** A prefix, as Meilisearch matches the last word: xinneng… finds xinnengyuan, tylg finds tylgdx (太原理工大学); two letters must be a whole unit. */
function pinyinQuery(word: string): string | null {
  const w = lower(word)
  if (!/^[a-z]{2,30}$/.test(w)) return null
  return w.length >= 3 ? `${w}:*` : w
}

function termOf(word: string): QueryTerm {
  const spellings = new Set([word, ...(synonyms.get(lower(word)) ?? [])])
  if (!hasHan(word)) for (const hanzi of hanziForPinyin(word)) spellings.add(hanzi)
  const matches = (names: (string | undefined)[]) =>
    [...spellings].some((s) => names.some((n) => n && (n === s || (hasHan(s) && n.includes(s)))))
  const w = lower(word)
  const clusters = [...clusterByCode.values()]
    .filter((c) => matches([c.name, c.short]) || c.keywords.some((k) => spellings.has(k)) || namedBy(w, c.en))
    .map((c) => c.code)
  return {
    word,
    tsquery: [...spellings].map(spellingQuery).filter(Boolean).join(' | '),
    pinyin: pinyinQuery(word),
    spellings: [...spellings],
    clusters,
    types: [...cooperationTypeByCode.values()].filter((t) => namedBy(w, t.en)).map((t) => t.code),
    cities: unique([
      ...[...cityByCode.values()].filter((c) => namedBy(w, c.en) || matches([c.name])).map((c) => c.code),
      // A region only by its whole name: 太原 is a city, not 太原都市圈.
      ...[...regionByCode.values()].filter((r) => spellings.has(r.name) || spellings.has(r.older_name)).flatMap((r) => r.cities),
    ]),
    orgKinds: [...orgKindByCode.values()].filter((k) => namedBy(w, k.en)).map((k) => k.code),
  }
}

/**
 * Whitespace separates what the user typed; a run of Chinese without spaces is cut by jieba
 * (封装测试实习 → 封装 测试 实习) unless it is one known synonym, so each word may match anywhere.
 * `wordByWord`: lone characters stay words of their own (新能源车修车实习 → 新能源 车 修车 实习), as Meilisearch
 * cuts the query when it drops words from the end.
 */
export function queryTerms(q: string, { wordByWord = false } = {}): QueryTerm[] {
  const words: string[] = []
  for (const chunk of joinedPhrases(chunksOf(q))) {
    if (!hasHan(chunk) || synonyms.has(lower(chunk)) || (!wordByWord && [...chunk].length <= 3)) words.push(chunk)
    else words.push(...(wordByWord ? cutWords(chunk) : joinedWords(chunk)))
  }
  return [...new Set(words)].slice(0, MAX_TERMS).map(termOf)
}

/**
 * What the user typed, split at whitespace and, as Meilisearch splits, at hyphens and slashes between
 * Latin words unless the whole is a synonym (SiC-MOSFET → SiC MOSFET, each with its synonyms).
 */
function chunksOf(q: string): string[] {
  return q
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((chunk) => (synonyms.has(lower(chunk)) ? [chunk] : chunk.split(/(?<=[A-Za-z0-9])[-/](?=[A-Za-z0-9])/)))
}

/** Neighbouring words that together are a synonym (solar panel, carbon fiber) stay one term, as Meilisearch reads them. */
function joinedPhrases(chunks: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < chunks.length; i++) {
    const size = [3, 2].find((n) => i + n <= chunks.length && synonyms.has(lower(chunks.slice(i, i + n).join(' '))))
    out.push(size ? chunks.slice(i, i + size).join(' ') : chunks[i]!)
    if (size) i += size - 1
  }
  return out
}

/**
 * For a Chinese spelling of three or more characters: it matches when, for some one character, every
 * bigram not touching it does (逆变气 → 逆变 | 变气; 活性碳 → 活性 | 性碳), i.e. one character may be wrong.
 * A known word (服务器) is taken as meant: loosened, it would match every 服务.
 */
function oneWrongCharacter(spelling: string): string | null {
  const chars = [...spelling]
  if (chars.length < 3 || !chars.every((c) => hasHan(c)) || isKnownWord(spelling)) return null
  const bigrams = chars.slice(1).map((c, i) => chars[i]! + c)
  const options = chars
    .map((_, wrong) => bigrams.filter((_, b) => b !== wrong && b !== wrong - 1))
    .filter((kept) => kept.length)
    .map((kept) => `(${kept.join(' & ')})`)
  return options.length ? [...new Set(options)].join(' | ') : null
}

/**
 * The terms with one typo tolerated, as Meilisearch tolerates them, for when the query as typed finds
 * nothing: a Latin word one edit from a platform term is read as that term (TOPCno → TOPCon), and a Chinese
 * word of three or more characters may have one character wrong. Null when nothing would change.
 */
export function tolerantTerms(terms: QueryTerm[]): QueryTerm[] | null {
  let changed = false
  const tolerant = terms.map((term) => {
    const corrected = latinCorrection(term.word)
    if (corrected) {
      changed = true
      return termOf(corrected)
    }
    const loose = term.spellings.map(oneWrongCharacter).filter(Boolean)
    if (!loose.length) return term
    changed = true
    return { ...term, tsquery: [term.tsquery, ...loose].filter(Boolean).join(' | ') }
  })
  return changed ? tolerant : null
}
