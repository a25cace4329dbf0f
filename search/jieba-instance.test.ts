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
})
