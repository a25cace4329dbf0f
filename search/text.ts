import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Jieba, TfIdf } from '@node-rs/jieba'
import { pinyin } from 'pinyin-pro'

/**
 * How Chinese text is cut for search, shared by the index documents, the query side and the
 * Postgres fallback, so both sides of a match are cut the same way.
 */

const HAN = /[\u4e00-\u9fff]/
const HAN_RUN = /[\u4e00-\u9fff]+/g
const LATIN_WORD = /[a-z0-9]+/g

/**
 * jieba's dictionary (dict.txt, 4.8 MB) or its IDF table (idf.txt, 5.9 MB), read when needed. Importing
 * `@node-rs/jieba/dict` reads both and keeps them for the life of the process (10.7 MB in each, the
 * cluster primary too), though each is only parsed once, into native memory.
 */
export const jiebaFile = (name: 'dict.txt' | 'idf.txt'): Buffer =>
  readFileSync(createRequire(import.meta.url).resolve(`@node-rs/jieba/${name}`))

/**
 * One dictionary per process: each loaded copy costs ~36 MB of native memory, and production has
 * two copies of this module (the server script's bundle and the Remix build), so the instance lives
 * on globalThis. Matching's keyword extraction uses the same one.
 */
const JIEBA = Symbol.for('jcj.jieba')
export const jiebaTokenizer = (): Jieba => {
  const store = globalThis as unknown as Record<symbol, Jieba | undefined>
  return (store[JIEBA] ??= Jieba.withDict(jiebaFile('dict.txt')))
}

/** A TF-IDF keyword extractor on jieba's IDF table (~27 MB native): matching memoises one per process. */
export const jiebaTfIdf = (): TfIdf => TfIdf.withDict(jiebaFile('idf.txt'))
const cutter = jiebaTokenizer

export const hasHan = (text: string) => HAN.test(text)

/** jieba in search mode: the words and the sub-words of compounds (液压支架 → 液压, 支架 …), without punctuation. */
export function searchWords(text: string): string[] {
  if (!text) return []
  return cutter()
    .cutForSearch(text, true)
    .map((w) => w.trim())
    .filter((w) => w && /[\p{L}\p{N}]/u.test(w))
}

/** jieba's ordinary cut: one segmentation that tiles the text, without punctuation. */
export function cutWords(text: string): string[] {
  if (!text) return []
  return cutter()
    .cut(text, true)
    .map((w) => w.trim())
    .filter((w) => w && /[\p{L}\p{N}]/u.test(w))
}

/**
 * jieba's ordinary cut of one chunk, with lone characters joined to their neighbour: the fallback's
 * index holds bigrams, so a one-character word could never match (等保测评 → 等保 测评, not 等 保 测评),
 * and a lone character is often a typo's remains (焊接机器仁 → 焊接 机器仁).
 */
export function joinedWords(chunk: string): string[] {
  const words: string[] = []
  let pending = ''
  for (const word of cutWords(chunk)) {
    const lone = [...word].length === 1 && hasHan(word)
    if (lone) pending += word
    else if (pending && [...pending].length === 1 && hasHan(word)) {
      words.push(pending + word)
      pending = ''
    } else {
      if (pending) words.push(pending)
      pending = ''
      words.push(word)
    }
  }
  if (pending) {
    if ([...pending].length === 1 && words.length && hasHan(words.at(-1)!)) words.push(words.pop()! + pending)
    else words.push(pending)
  }
  return words
}

/** Pinyin is slow to compute (~50 µs a call) and documents repeat words: cache per word, bounded. */
const CACHE_LIMIT = 100_000
const syllableCache = new Map<string, string[]>()
const termCache = new Map<string, string[]>()

function remembered<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  let value = cache.get(key)
  if (value === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear()
    value = compute()
    cache.set(key, value)
  }
  return value
}

/** Uncached: for one pass over many words (the vocabulary index), which would only flush the cache. */
export const wordSyllables = (word: string) => pinyin(word, { toneType: 'none', type: 'array', v: true }).map((s) => s.replace(/\s+/g, ''))

const syllables = (word: string) => remembered(syllableCache, word, () => wordSyllables(word))

/** Toneless pinyin of a Chinese word, joined: 液压支架 → yeyazhijia. */
export const fullPinyin = (word: string) => syllables(word).join('')
/** First letters of its syllables: 液压支架 → yyzj. */
export const initials = (word: string) =>
  syllables(word)
    .map((s) => s[0] ?? '')
    .join('')

/** Full pinyin and initials of one run of Chinese: each word, each pair of neighbours, the whole run. */
function runTerms(run: string): string[] {
  return remembered(termCache, run, () => {
    const words = cutter()
      .cut(run, true)
      .filter((w) => hasHan(w))
      .map(syllables)
    const units = [...words, ...words.slice(1).map((w, i) => [...words[i]!, ...w])]
    if (words.length > 2) units.push(words.flat())
    return units.filter((u) => u.length > 1).flatMap((u) => [u.join(''), u.map((s) => s[0] ?? '').join('')])
  })
}

/**
 * Full pinyin and initials of every word of a short text (titles, organisation and cluster names),
 * and of each pair of neighbouring words, so 液压支架 is found by yeya, yeyazhijia and yyzj.
 */
export function pinyinTerms(...texts: string[]): string {
  const out = new Set<string>()
  for (const text of texts) for (const run of text.match(HAN_RUN) ?? []) for (const term of runTerms(run)) out.add(term)
  return [...out].join(' ')
}

/**
 * Full pinyin of the words of a listing's longer text (description, majors): each word of two or more
 * syllables and each pair of neighbours, so a word jieba splits is found whole (中部/槽 → zhongbucao,
 * 石墨/烯 → shimoxi) and a pinyin query finds what only the description says. No initials: even of three
 * syllables or more (甲醇发动机 → jcfdj) they let Latin abbreviations (BMS, NEV …) match descriptions by
 * chance, and the quality set lost more than it gained. No whole runs: a sentence's worth matches nothing
 * typed. Terms in `except` (the title's pinyin) are left out; runs are not cached, as sentences rarely repeat.
 */
export function wordPinyinTerms(texts: string[], except = ''): string {
  const skip = new Set(except.split(' '))
  const out = new Set<string>()
  for (const text of texts)
    for (const run of text.match(HAN_RUN) ?? []) {
      const words = cutter()
        .cut(run, true)
        .filter((w) => hasHan(w))
        .map(syllables)
      const units = [...words.filter((w) => w.length > 1), ...words.slice(1).map((w, i) => [...words[i]!, ...w])]
      for (const unit of units) {
        const term = unit.join('')
        if (!skip.has(term)) out.add(term)
      }
    }
  return [...out].join(' ')
}

/**
 * Character bigrams of Chinese runs (a lone character stays itself) and lower-cased Latin words:
 * the same tokens as the SQL function jcj_search_tokens (db/migrations/0005_listing_majors.sql).
 */
export function bigramTokens(text: string): string[] {
  const tokens: string[] = [...(text.toLowerCase().match(LATIN_WORD) ?? [])]
  for (const run of text.match(HAN_RUN) ?? []) {
    const chars = [...run]
    if (chars.length === 1) tokens.push(run)
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!)
  }
  return tokens
}

// Private-use markers survive HTML escaping; they become <mark> after it (markHighlights). User text never
// carries them: documents and the fallback's text drop them first, so every mark left is the engine's.
export const PRE = '\uE000'
export const POST = '\uE001'

export const withoutHighlightMarkers = (text: string) => text.replace(/[\uE000\uE001]/g, '')
