import { describe, expect, it } from 'vitest'
import { formatDateTime } from './match-format'

describe('formatDateTime', () => {
  it('gives the day and the time on the same (Shanxi) clock, also just after midnight there', () => {
    expect(formatDateTime('2026-12-01T16:02:00Z', 'zh-CN')).toBe('2026年12月2日 00:02')
    expect(formatDateTime(new Date('2026-12-01T03:30:00Z'), 'en')).toBe('2026-12-01 11:30')
  })
})
