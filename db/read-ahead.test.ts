import { describe, expect, it } from 'vitest'
import { readAhead } from './read-ahead'

function source(batches: number) {
  const log: string[] = []
  async function* gen() {
    try {
      for (let i = 0; i < batches; i++) {
        log.push(`read ${i}`)
        yield i
      }
    } finally {
      log.push('closed')
    }
  }
  return { log, gen: gen() }
}

describe('readAhead', () => {
  it('asks for the next batch before the caller has used this one, and hands out every batch in order', async () => {
    const { log, gen } = source(3)
    const seen: number[] = []
    for await (const batch of readAhead(gen)) {
      seen.push(batch)
      log.push(`use ${batch}`)
    }
    expect(seen).toEqual([0, 1, 2])
    expect(log).toEqual(['read 0', 'read 1', 'use 0', 'read 2', 'use 1', 'closed', 'use 2'])
  })

  it('closes the source when the caller stops early (a cancelled download closes its cursor)', async () => {
    const { log, gen } = source(100)
    for await (const batch of readAhead(gen)) if (batch === 1) break
    expect(log.at(-1)).toBe('closed')
    expect(log.filter((l) => l.startsWith('read')).length).toBeLessThanOrEqual(3)
  })
})
