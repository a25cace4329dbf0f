import { describe, expect, it } from 'vitest'
import { createInvalidatedCache, type PageInvalidation } from './page-invalidation.server'

describe('invalidated result cache', () => {
  const setup = (options: { maxBytes?: number; maxEntries?: number } = {}) => {
    const state: PageInvalidation = { generation: 0, live: true }
    let computed = 0
    const cache = createInvalidatedCache<string>({
      maxEntries: options.maxEntries ?? 100,
      maxBytes: options.maxBytes,
      sizeOf: (text) => text.length,
      state: () => state,
    })
    const get = (key: string, value = key.repeat(10)) => cache.get(key, async () => (computed++, value))
    return { state, cache, get, computed: () => computed }
  }

  it('reuses a result within its generation and computes again after a bump', async () => {
    const { state, get, computed } = setup()
    await get('a')
    await get('a')
    expect(computed()).toBe(1)
    state.generation++
    await get('a')
    expect(computed()).toBe(2)
  })

  it('keeps nothing while not live, nor what was computed across a bump', async () => {
    const { state, cache, get, computed } = setup()
    state.live = false
    await get('a')
    await get('a')
    expect(computed()).toBe(2)
    state.live = true
    await cache.get('b', async () => {
      state.generation++ // the index changed while the engine was answering
      return 'old'
    })
    await get('b')
    expect(computed()).toBe(3)
  })

  it('holds no more than maxBytes, dropping the least recently used first', async () => {
    const { cache, get, computed } = setup({ maxBytes: 100 })
    for (const key of ['a', 'b', 'c', 'd']) await get(key, key.repeat(20)) // 21 bytes each with its key
    await get('a') // a is now the most recent
    expect(computed()).toBe(4)
    await get('e', 'e'.repeat(20)) // 105 bytes: b, the least recently used, goes
    expect(cache.size()).toBe(84)
    await get('a')
    expect(computed()).toBe(5)
    await get('b', 'b'.repeat(20))
    expect(computed()).toBe(6)
  })

  it('does not keep a result larger than a quarter of its room', async () => {
    const { get, computed } = setup({ maxBytes: 100 })
    await get('big', 'x'.repeat(30))
    await get('big', 'x'.repeat(30))
    expect(computed()).toBe(2)
  })
})
