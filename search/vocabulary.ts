import { taxonomy } from '../db/reference'
import { inChinese } from './glossary'
import { ONE_WAY, SYNONYM_GROUPS, TRADE_TERMS, synonymMap } from './synonyms'
import { fullPinyin, hasHan, jiebaFile, joinedWords, wordSyllables } from './text'

/**
 * A pinyin index of the words people search for: the platform's own vocabulary (cluster names and
 * keywords, cities, the curated synonyms) first, then jieba's dictionary. It turns a homophone typo
 * (typed by pinyin input: 碳化归 for 碳化硅) back into the intended word, and a pinyin query
 * (tanhuagui) into Chinese for the Postgres fallback, beside its own pinyin table (listing_search_pinyin).
 */

type Entry = { word: string; rank: number }
/**
 * Words by sound, best first, each list packed into one string (`煤机 9007199254740991,美籍 2301`): an
 * object and an array per word (75k sounds, 96k words) held 19.5 MB of each serving process's heap, the
 * packed strings 9 MB.
 */
type Packed = Map<string, string>
type Index = { known: WordSet; byPinyin: Packed; byInitials: Packed }

const pack = (list: Entry[]) => list.map((e) => `${e.word} ${e.rank}`).join(',')
const entries = (map: Packed, key: string): Entry[] =>
  (map.get(key)?.split(',') ?? []).map((item) => {
    const space = item.indexOf(' ')
    return { word: item.slice(0, space), rank: Number(item.slice(space + 1)) }
  })

/**
 * Dictionary words rarer than this are never offered as a correction: more often noise than what was
 * meant. jieba counts trade words low (轮毂 11), and a correction that is not sure is only tried when the
 * query as typed finds few, so 10 rather than 20 (about 25k more words, ~14 MB of heap per process).
 */
const MIN_FREQUENCY = 10
const DOMAIN_RANK = Number.MAX_SAFE_INTEGER

const vocabularyGroups = () => [...SYNONYM_GROUPS, ...Object.entries(ONE_WAY).map(([word, targets]) => [word, ...targets]), TRADE_TERMS]

export function domainWords(): string[] {
  const words = new Set<string>()
  for (const c of taxonomy.clusters) for (const w of [c.name, c.short, ...c.keywords]) words.add(w)
  for (const c of taxonomy.regions.cities) words.add(c.name.replace(/市$/, ''))
  for (const t of taxonomy.cooperation_types) for (const w of t.name.split(/[（）/ ]+/)) words.add(w)
  for (const group of vocabularyGroups()) for (const w of group) words.add(w)
  return [...words].filter((w) => /^[\u4e00-\u9fff]{2,8}$/.test(w))
}

/**
 * Every dictionary word of 2–5 characters (334k), held as two 32-bit hashes per word in an
 * open-addressed table of 2^19 slots (about two thirds full): 4 MB instead of ~35 MB of strings and map
 * entries in each server process.
 * A word wrongly taken as known needs both hashes to collide (about 1e-14 a lookup).
 */
class WordSet {
  private readonly first: Int32Array
  private readonly second: Int32Array
  private readonly mask: number

  constructor(expected: number) {
    let size = 1
    while (size < expected * 1.25) size <<= 1
    this.first = new Int32Array(size)
    this.second = new Int32Array(size)
    this.mask = size - 1
  }

  private static hashes(word: string): [number, number] {
    let fnv = 0x811c9dc5
    let djb = 5381
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i)
      fnv = Math.imul(fnv ^ c, 0x01000193)
      djb = Math.imul(djb, 33) ^ c
    }
    // The second hash is never 0, so (0, 0) marks an empty slot.
    return [fnv | 0, djb | 1]
  }

  private slot(word: string): [number, number, number] {
    const [a, b] = WordSet.hashes(word)
    let i = a & this.mask
    while (this.second[i] !== 0 && (this.first[i] !== a || this.second[i] !== b)) i = (i + 1) & this.mask
    return [i, a, b]
  }

  add(word: string) {
    const [i, a, b] = this.slot(word)
    this.first[i] = a
    this.second[i] = b
  }

  has(word: string): boolean {
    return this.second[this.slot(word)[0]] !== 0
  }
}

const DICTIONARY_WORD = /^[\u4e00-\u9fff]{2,5}$/

function buildIndex(): Index {
  const text = jiebaFile('dict.txt').toString('utf8')
  const known = new WordSet(340_000)
  // Only words frequent enough to be offered as a correction keep their string.
  const offered = new Map<string, number>()
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    const space = text.indexOf(' ', start)
    if (space > start && space < end) {
      const word = text.slice(start, space)
      const next = text.indexOf(' ', space + 1)
      const f = Number(text.slice(space + 1, next > space && next < end ? next : end))
      if (f > 0 && DICTIONARY_WORD.test(word)) {
        known.add(word)
        if (f >= MIN_FREQUENCY) offered.set(word, f)
      }
    }
    start = end + 1
  }
  for (const word of domainWords()) {
    known.add(word)
    offered.set(word, DOMAIN_RANK)
  }
  const byPinyin = new Map<string, Entry[]>()
  const byInitials = new Map<string, Entry[]>()
  const add = (map: Map<string, Entry[]>, key: string, entry: Entry) => {
    const list = map.get(key)
    if (list) list.push(entry)
    else map.set(key, [entry])
  }
  for (const [word, rank] of offered) {
    const syllables = wordSyllables(word)
    add(byPinyin, syllables.join(''), { word, rank })
    if (rank === DOMAIN_RANK) add(byInitials, syllables.map((s) => s[0] ?? '').join(''), { word, rank })
  }
  const packed = (map: Map<string, Entry[]>): Packed =>
    new Map([...map].map(([key, list]) => [key, pack(list.sort((a, b) => b.rank - a.rank))]))
  return { known, byPinyin: packed(byPinyin), byInitials: packed(byInitials) }
}

// One index per process, shared by the two bundled copies of this module (server script and Remix build).
const INDEX = Symbol.for('jcj.vocabulary')
const vocabulary = (): Index => {
  const store = globalThis as unknown as Record<symbol, Index | undefined>
  return (store[INDEX] ??= buildIndex())
}

/** Builds the index now (about a second), so the first search that needs it does not wait. */
export function warmVocabulary() {
  vocabulary()
}

const differsInOne = (a: string, b: string) => {
  const x = [...a]
  const y = [...b]
  return x.length === y.length && x.filter((c, i) => c !== y[i]).length === 1
}

/**
 * A corrected query; `sure` when the correction is almost surely meant, so it is taken even when the
 * query as typed finds something: a platform term of three or more characters (碳化归 → 碳化硅), or a
 * common dictionary word of three or more characters made whole by changing a stray character that no
 * known word covers (焊接机器仁 → 焊接机器人: 仁 stands alone, 机器人 is what was typed by pinyin).
 */
export type Correction = { query: string; sure: boolean }

/** A dictionary word at least this frequent (jieba's counts; 机器人 384, 传感器 1017) is a sure correction. */
const SURE_FREQUENCY = 100

const isBetter = (a: number[], b: number[]) => {
  const k = a.findIndex((v, i) => v !== b[i])
  return k >= 0 && a[k]! > b[k]!
}

/**
 * The query with typos corrected, or null when nothing needed correcting: homophones in Chinese runs
 * (correctRun), then Latin words one edit from a platform term (Jave → java, Pyhton → python), anywhere
 * in the query, so both engines correct a typo in the middle of a multi-word query alike.
 */
export function correctTypos(query: string): Correction | null {
  let changed = false
  let sure = false
  const corrected = query
    .replace(/[\u4e00-\u9fff]+/g, (run) => {
      const fixed = correctRun(run)
      if (!fixed) return run
      changed = true
      sure ||= fixed.sure
      return fixed.query
    })
    .replace(/[A-Za-z][A-Za-z0-9+#]*/g, (word) => {
      const fixed = latinCorrection(word)
      if (!fixed) return word
      changed = true
      return fixed
    })
  return changed ? { query: corrected, sure } : null
}

/**
 * Homophone typos in one run of Chinese. Only characters not covered by a known word may change
 * (液压支架 is never "corrected" into 液压制架), unless the correction is a platform word of three or
 * more characters and no known word reaching outside it holds the character (光伏组建 → 光伏组件); the
 * corrected window must sound exactly like the typed one.
 * Of several candidates, the one covering most uncertain characters wins (养老户理 → 养老护理, not 养老虎理).
 */
function correctRun(run: string): Correction | null {
  const { known, byPinyin } = vocabulary()
  let changed = false
  let sure = false
  const chars = [...run]
  const locked = chars.map(() => false)
  const fixed = chars.map(() => false)
  const spans: [number, number][] = []
  for (let size = Math.min(chars.length, 8); size >= 2; size--)
    for (let i = 0; i + size <= chars.length; i++)
      if (known.has(chars.slice(i, i + size).join(''))) {
        spans.push([i, i + size])
        for (let j = i; j < i + size; j++) locked[j] = true
      }
  // A known word reaching outside the window holds its characters: 云计算技术 is never 云计算机术, though
  // 计算机 is a platform word, because 技 belongs to 技术; 光伏组建's 组建 lies inside 光伏组件's window.
  const heldFromOutside = (j: number, from: number, to: number) => spans.some(([a, b]) => a <= j && j < b && (a < from || b > to))
  for (let round = 0; round < 4; round++) {
    let best: { i: number; word: string; score: number[] } | null = null
    for (let size = Math.min(chars.length, 5); size >= 2; size--) {
      for (let i = 0; i + size <= chars.length; i++) {
        const window = chars.slice(i, i + size).join('')
        if (known.has(window) || fixed.slice(i, i + size).some(Boolean)) continue
        const uncertain = locked.slice(i, i + size).filter((l) => !l).length
        for (const entry of entries(byPinyin, fullPinyin(window))) {
          if (entry.rank < MIN_FREQUENCY || !differsInOne(entry.word, window)) continue
          const changes = [...entry.word].flatMap((c, k) => (c === chars[i + k] ? [] : [i + k]))
          const platformWord = entry.rank === DOMAIN_RANK && size >= 3 && !changes.some((j) => heldFromOutside(j, i, i + size))
          const changesOnlyUncertain = changes.every((j) => !locked[j])
          if (!platformWord && !changesOnlyUncertain) continue
          const common = size >= 3 && entry.rank >= SURE_FREQUENCY && changesOnlyUncertain
          const score = [platformWord ? 2 : common ? 1 : 0, uncertain, size, entry.rank]
          if (!best || isBetter(score, best.score)) best = { i, word: entry.word, score }
        }
      }
    }
    if (!best) break
    ;[...best.word].forEach((c, k) => {
      chars[best!.i + k] = c
      locked[best!.i + k] = true
      fixed[best!.i + k] = true
    })
    changed = true
    if (best.score[0]! > 0) sure = true
  }
  return changed ? { query: chars.join(''), sure } : null
}

/** Chinese words a Latin word may be the pinyin of: full pinyin (any known word), initials (platform words only). */
export function hanziForPinyin(word: string, limit = 3): string[] {
  const key = word.toLowerCase()
  if (!/^[a-z]{2,30}$/.test(key)) return []
  const { byPinyin, byInitials } = vocabulary()
  const full = entries(byPinyin, key)
  const short = key.length <= 6 ? entries(byInitials, key) : []
  return [...new Set([...full, ...short].map((e) => e.word))].slice(0, limit)
}

/** One edit apart (a letter wrong, missing, extra, or two neighbours swapped): TOPCno → TOPCon, eVOTL → eVTOL. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && a[i] === b[i]) i++
  if (a.length === b.length)
    return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}

let latinWords: string[] | null = null

/**
 * The platform term a mistyped Latin word stands for (words of four letters or more, one edit away,
 * only when exactly one term is that close), or null. Meilisearch does this itself; the fallback asks here.
 */
export function latinCorrection(word: string): string | null {
  const w = word.toLowerCase()
  if (!/^[a-z0-9]{4,30}$/.test(w)) return null
  latinWords ??= [
    ...new Set([...vocabularyGroups().flat(), ...taxonomy.clusters.flatMap((c) => c.keywords)].map((x) => x.toLowerCase())),
  ].filter((x) => /^[a-z0-9]{4,}$/.test(x))
  if (latinWords.includes(w)) return null
  const near = latinWords.filter((x) => oneEditApart(w, x))
  return near.length === 1 ? near[0]! : null
}

export const isKnownWord = (word: string) => hasHan(word) && vocabulary().known.has(word)

/**
 * A query as it sounds: each Chinese word as its full pinyin (点运标注 → dianyun biaozhu), Latin words
 * kept. The pinyin field holds every title word's pinyin, so a homophone typo of a word the corrector
 * lacks still finds the listing that says it. Only for a query holding a word no dictionary knows (a
 * lone character counts), or one that `foundNothing` (光线熔接 → 光纤熔接): 提升机 as typed is meant, not
 * every tishengji.
 */
export function soundsLike(q: string, foundNothing = false): string | null {
  const words = q.split(/\s+/).flatMap((chunk) => (hasHan(chunk) ? joinedWords(chunk) : chunk ? [chunk] : []))
  if (!words.some(hasHan) || !(foundNothing || words.some((w) => hasHan(w) && !isKnownWord(w)))) return null
  return words.map((w) => (hasHan(w) ? fullPinyin(w) : w)).join(' ')
}

/**
 * Pinyin words spelt as the platform word they stand for (laonianhuli → 老年护理, ddb → 订单班), other
 * words kept; null when no word changes. A pinyin query then finds what the word's synonyms find.
 */
export function spelledInHanzi(q: string, { every = false } = {}): string | null {
  let changed = false
  let kept = false
  const words = q
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => {
      // With `every`, a Latin term posts use (BI, UG, ai) is meant as typed, not as pinyin.
      const hanzi = every && isLatinTerm(w) ? undefined : hanziForPinyin(w, 1)[0]
      if (!hanzi) {
        kept = true
        return w
      }
      changed = true
      return hanzi
    })
  return changed && !(every && kept) ? words.join(' ') : null
}

/** An English query in Chinese (search/glossary.ts), a Latin term the platform knows kept as typed. */
export const englishInChinese = (q: string) => inChinese(q, isLatinTerm)

/** A Latin word the platform knows as itself (a synonym, trade term or cluster keyword: BI, UG, IoT, AI). */
function isLatinTerm(word: string): boolean {
  latinTerms ??= new Set(
    [...vocabularyGroups().flat(), ...Object.keys(synonymMap()), ...taxonomy.clusters.flatMap((c) => c.keywords)]
      .filter((x) => /^[A-Za-z0-9 ]+$/.test(x))
      .map((x) => x.toLowerCase()),
  )
  return latinTerms.has(word.toLowerCase())
}
let latinTerms: Set<string> | null = null
