import { remember } from '~/lib/remember'
import { jiebaTfIdf, jiebaTokenizer } from '~/search.server'
import type { Term } from './features'
import stopwords from './stopwords.json' with { type: 'json' }

const KEYWORDS = 12
const CACHE_LIMIT = 50_000

/**
 * The TF-IDF model (~27 MB native) loads on the first recommendation, not at start-up; the tokenizer
 * is search's, one per process. Words every listing uses are stop words.
 */
const model = () =>
  remember('matching-tfidf', () => ({
    tokenizer: jiebaTokenizer(),
    tfidf: jiebaTfIdf(),
    stop: new Set<string>(stopwords),
    cache: new Map<string, Term[]>(),
  }))

/**
 * The text's strongest TF-IDF keywords (jieba segmentation). `cacheKey` (e.g. listing id and
 * update time) lets ranking reuse them instead of segmenting the same listing on every request.
 */
export function keyTerms(text: string, cacheKey?: string): Term[] {
  const { cache, tfidf, tokenizer, stop } = model()
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
