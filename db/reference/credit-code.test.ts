import { describe, expect, it } from 'vitest'
import { createRandom } from '../seed/random'
import { creditCodeCheckChar, generateCreditCode, isValidCreditCode, orgCodeCheckChar, SHANXI_DIVISIONS } from './credit-code'

// Publicly printed codes (business licences, standard examples); each also carries a valid GB 11714 organisation code.
const PUBLISHED = [
  '91350100M000100Y43', // the GB 32100-2015 example
  '91110000100006485K',
  '914403001922038216',
  '91330100716105852F',
  '9144030071526726XG',
  '91110108551385082Q',
]

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each(PUBLISHED)('accepts the published code %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true)
    expect(orgCodeCheckChar(code.slice(8, 16))).toBe(code[16])
  })

  it.each([
    ['91350100M000100Y44', 'wrong check character'],
    ['91110000100006485J', 'wrong check character'],
    ['91350100m000100y43', 'lowercase'],
    ['91350100M000100Y4', '17 characters'],
    ['91350100M000100Y431', '19 characters'],
    ['91350100M0001I0Y43', 'the letter I'],
    ['91350100M0001O0Y43', 'the letter O'],
    ['9135010AM000100Y43', 'a letter in the division code'],
    ['91350100M000100Y4 ', 'a trailing space'],
    ['', 'empty'],
  ])('refuses %s (%s)', (code) => {
    expect(isValidCreditCode(code)).toBe(false)
  })

  it('computes the check character over the first 17, mapping 31 to 0', () => {
    expect(creditCodeCheckChar('91110000100006485')).toBe('K')
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3')
    expect(creditCodeCheckChar('91440300192203821')).toBe('6')
    expect(() => creditCodeCheckChar('91350100M000100Z4')).toThrow()
  })

  it('computes the GB 11714 organisation-code check character, including X', () => {
    expect(orgCodeCheckChar('M000100Y')).toBe('4')
    expect(orgCodeCheckChar('71526726')).toBe('X')
  })

  it('generates valid, deterministic Shanxi codes for demo organisations', () => {
    const a = createRandom(42)
    const b = createRandom(42)
    const seen = new Set<string>()
    for (const [city, division] of Object.entries(SHANXI_DIVISIONS)) {
      for (let i = 0; i < 50; i++) {
        const code = generateCreditCode(a.next, { cityCode: city, prefix: i % 2 ? '12' : '91' })
        expect(isValidCreditCode(code)).toBe(true)
        expect(orgCodeCheckChar(code.slice(8, 16))).toBe(code[16])
        expect(code.slice(2, 8)).toBe(division)
        expect(code.slice(0, 2)).toBe(i % 2 ? '12' : '91')
        expect(generateCreditCode(b.next, { cityCode: city, prefix: i % 2 ? '12' : '91' })).toBe(code)
        seen.add(code)
      }
    }
    expect(seen.size).toBe(550)
    expect(generateCreditCode(a.next, { regionCode: '140121' }).slice(2, 8)).toBe('140121')
    expect(generateCreditCode(a.next).slice(0, 8)).toBe('91140000')
  })
})
