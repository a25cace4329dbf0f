import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

// In a child with a collector to call: the heap the index keeps once built, in every serving process.
const measure = `
  const { hanziForPinyin, warmVocabulary } = await import(${JSON.stringify(path.join(import.meta.dirname, 'vocabulary.ts'))})
  gc()
  const before = process.memoryUsage().heapUsed
  warmVocabulary()
  gc()
  console.log(JSON.stringify({ kept: (process.memoryUsage().heapUsed - before) / 2 ** 20, meiji: hanziForPinyin('meiji') }))
`

describe('vocabulary memory', () => {
  it('keeps the pinyin index within 16 MB of heap (an object and an array per word took 23.5 MB)', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', measure],
      {
        env: { ...process.env, NODE_OPTIONS: '' },
      },
    )
    const { kept, meiji } = JSON.parse(stdout) as { kept: number; meiji: string[] }
    expect(meiji[0]).toBe('煤机')
    expect(kept).toBeLessThan(16)
  }, 60_000)
})
