import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatCount, formatDate, formatYuan } from './format'

describe('formatting for Chinese readers', () => {
  it('writes dates as 年月日 in Chinese and ISO in English', () => {
    expect(formatDate('2026-11-23', 'zh-CN')).toBe('2026年11月23日')
    expect(formatDate('2026-11-23', 'en')).toBe('2026-11-23')
  })
  it('puts timestamps on the Shanxi calendar (UTC+8), as Intl does for Asia/Shanghai, 1986–1991 daylight saving included', () => {
    expect(formatDate(new Date('2026-11-23T15:59:59.999Z'), 'en')).toBe('2026-11-23')
    expect(formatDate(new Date('2026-11-23T16:00:00Z'), 'en')).toBe('2026-11-24')
    expect(formatDate('2026-11-23T16:00:00Z', 'zh-CN')).toBe('2026年11月24日')
    expect(formatDate('not a date', 'en')).toBe('')
    const shanghai = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1985, 0, 1), max: Date.UTC(2100, 0, 1) }), (time) => {
        expect(formatDate(time, 'en')).toBe(shanghai.format(new Date(time)))
      }),
      { numRuns: 5_000 },
    )
  })
  it('uses separators and 万 for large counts', () => {
    expect(formatCount(2200, 'zh-CN')).toBe('2,200')
    expect(formatCount(500_000, 'zh-CN')).toBe('50万')
    expect(formatCount(500_000, 'en')).toBe('500,000')
  })
  it('states money in 万元', () => {
    expect(formatYuan(1_200_000, 'zh-CN')).toBe('120 万元')
  })
})
