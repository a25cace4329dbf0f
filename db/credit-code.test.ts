import { describe, expect, it } from 'vitest'
import { creditCodeCheckChar, generateCreditCode, isValidCreditCode } from './credit-code'

describe('统一社会信用代码', () => {
  it.each(['91350100M000100Y43', '91110000100006485K'])('accepts the published code %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true)
  })

  it.each([
    ['91350100M000100Y44', 'wrong check character'],
    ['91350100m000100y43', 'lowercase'],
    ['91350100M000100Y4', '17 characters'],
    ['91350100M0001I0Y43', 'the letter I'],
    ['91350100M0001O0Y43', 'the letter O'],
    ['', 'empty'],
  ])('refuses %s (%s)', (code) => {
    expect(isValidCreditCode(code)).toBe(false)
  })

  it('computes the check character over the first 17', () => {
    expect(creditCodeCheckChar('91110000100006485')).toBe('K')
  })

  it('generates valid Shanxi codes for demo organisations', () => {
    let seed = 1
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647)
    for (let i = 0; i < 200; i++) {
      const code = generateCreditCode(rand, { cityCode: 'taiyuan' })
      expect(isValidCreditCode(code)).toBe(true)
      expect(code.slice(2, 8)).toBe('140100')
    }
  })
})
