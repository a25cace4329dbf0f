import { afterAll, describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { getEnv } from '~/env.server'
import { startSearch } from '../../scripts/lib/search'

// The homophone index is memoised on globalThis (search/vocabulary.ts), one per process: built or not.
const vocabularyBuilt = () => (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('jcj.vocabulary')] !== undefined
const afterTimers = (ms: number) => new Promise((r) => setTimeout(r, ms))

const testNodeEnv = process.env.NODE_ENV
afterAll(() => {
  process.env.NODE_ENV = testNodeEnv
})

describe('search start-up in production', () => {
  it('the cluster primary (serving: false) never builds the vocabulary; a serving process builds it at start', async () => {
    const env = getEnv()
    // Only production warms it (development and tests build it on first use).
    process.env.NODE_ENV = 'production'
    const stops: (() => Promise<void>)[] = []

    const primary = await startSearch(env, db, { serving: false, autoReindex: false })
    expect(primary?.endpoint.url).toBe(env.MEILI_URL)
    stops.push(primary!.stop)
    await afterTimers(100)
    expect(vocabularyBuilt()).toBe(false)

    const worker = await startSearch(env, db, { embedded: false, autoReindex: false })
    stops.push(worker!.stop)
    const deadline = Date.now() + 20_000
    while (!vocabularyBuilt() && Date.now() < deadline) await afterTimers(50)
    expect(vocabularyBuilt()).toBe(true)
    await Promise.all(stops.map((stop) => stop()))
  })
})
