import { describe, expect, it } from 'vitest'
import { formatCount, formatDate, formatYuan } from './format'

describe('formatting for Chinese readers', () => {
  it('writes dates as 年月日 in Chinese and ISO in English', () => {
    expect(formatDate('2026-11-23', 'zh-CN')).toBe('2026年11月23日')
    expect(formatDate('2026-11-23', 'en')).toBe('2026-11-23')
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
