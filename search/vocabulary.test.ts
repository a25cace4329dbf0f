import { dict } from '@node-rs/jieba/dict'
import { describe, expect, it } from 'vitest'
import { domainWords, isKnownWord } from './vocabulary'

/** The known-word set keeps hashes, not strings: no dictionary word may be lost, and no made-up word let in. */
describe('vocabulary known words', () => {
  it('knows every dictionary word of 2–5 characters and every platform word', () => {
    const words = Buffer.from(dict)
      .toString('utf8')
      .split('\n')
      .map((line) => line.split(' '))
      .filter(([word, f]) => word && Number(f) > 0 && /^[\u4e00-\u9fff]{2,5}$/.test(word))
      .map(([word]) => word!)
    expect(words.length).toBeGreaterThan(300_000)
    expect(words.filter((word) => !isKnownWord(word))).toEqual([])
    expect(domainWords().filter((word) => !isKnownWord(word))).toEqual([])
  })

  it('does not know strings that are not words', () => {
    const made = Array.from({ length: 20_000 }, (_, i) =>
      String.fromCharCode(0x9000 + (i % 997), 0x8000 + ((i * 7) % 991), 0x7000 + (i % 983)),
    )
    const known = new Set(
      Buffer.from(dict)
        .toString('utf8')
        .split('\n')
        .map((line) => line.split(' ')[0]),
    )
    expect(made.filter((word) => !known.has(word) && isKnownWord(word))).toEqual([])
    expect(isKnownWord('液压制架')).toBe(false)
  })
})
