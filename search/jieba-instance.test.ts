import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it, vi } from 'vitest'

describe('the jieba tokenizer', () => {
  it('is one instance per process, even across two loaded copies of the module (server script and Remix build)', async () => {
    const first = await import('./text')
    const tokenizer = first.jiebaTokenizer()
    expect(first.jiebaTokenizer()).toBe(tokenizer)

    // A second, separately evaluated copy of search/text.ts, as production has one in each bundle.
    vi.resetModules()
    const second = await import('./text')
    expect(second).not.toBe(first)
    expect(second.jiebaTokenizer()).toBe(tokenizer)
    expect(second.cutWords('液压支架装配')).toEqual(first.cutWords('液压支架装配'))
  })

  it('keeps no copy of its dictionary files once they are parsed (they were 10.7 MB in every process)', async () => {
    // A fresh process: what loading search's text and vocabulary modules, the tokenizer and the
    // vocabulary leave in buffers, beyond the vocabulary's own hash table.
    const script = `
      const buffers = () => (globalThis.gc(), process.memoryUsage().arrayBuffers)
      const before = buffers()
      const text = await import('./search/text.ts')
      const vocabulary = await import('./search/vocabulary.ts')
      text.jiebaTokenizer()
      vocabulary.warmVocabulary()
      console.log(JSON.stringify({ kept: buffers() - before, cut: text.cutWords('液压支架装配') }))
    `
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script],
      { env: { ...process.env, NODE_OPTIONS: '' } },
    )
    const { kept, cut } = JSON.parse(stdout) as { kept: number; cut: string[] }
    expect(cut).toEqual(['液压', '支架', '装配'])
    const hashTable = 4 * 2 ** 20 // two Int32Arrays of 2^19 slots (search/vocabulary.ts)
    expect(kept - hashTable).toBeLessThan(2 ** 20)
  }, 60_000)
})
