import jieba from '@node-rs/jieba'
import jiebaDict from '@node-rs/jieba/dict.js'
import { remember } from '~/lib/remember'
import type { Term } from './features'
import stopwords from './stopwords.json' with { type: 'json' }

const KEYWORDS = 12
const CACHE_LIMIT = 50_000

/** One jieba and TF-IDF model per process (loading the dictionary takes ~70 ms); words every listing uses are stop words. */
const engine = remember('matching-jieba', () => {
  const tokenizer = jieba.Jieba.withDict(jiebaDict.dict)
  const tfidf = jieba.TfIdf.withDict(jiebaDict.idf)
  return { tokenizer, tfidf, stop: new Set<string>(stopwords), cache: new Map<string, Term[]>() }
})

/**
 * The text's strongest TF-IDF keywords (jieba segmentation). `cacheKey` (e.g. listing id and
 * update time) lets ranking reuse them instead of segmenting the same listing on every request.
 */
export function keyTerms(text: string, cacheKey?: string): Term[] {
  const { cache, tfidf, tokenizer, stop } = engine
  if (cacheKey) {
    const hit = cache.get(cacheKey)
    if (hit) return hit
  }
  const terms = tfidf
    .extractKeywords(tokenizer, text.slice(0, 600), KEYWORDS * 2)
    .filter((k) => k.keyword.length >= 2 && !stop.has(k.keyword))
    .slice(0, KEYWORDS)
    .map((k) => ({ keyword: k.keyword, weight: k.weight }))
  if (cacheKey) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!)
    cache.set(cacheKey, terms)
  }
  return terms
}
