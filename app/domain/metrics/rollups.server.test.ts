import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { monthIndexes, splitRange } from './rollups.server'

const DAY = 86_400_000
const iso = (t: number) => new Date(t).toISOString().slice(0, 10)
const daysOf = ({ from, to }: { from: string; to: string }) => {
  const out: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY) out.push(iso(t))
  return out
}
const monthDays = (first: string) => {
  const [y, m] = first.split('-').map(Number)
  return daysOf({ from: first, to: iso(Date.UTC(y!, m!, 0)) })
}

describe('splitRange', () => {
  it('reads a year back from the 3rd as whole months, the first month less its first two days, and two days', () => {
    expect(splitRange({ from: '2025-12-03', to: '2026-12-02' })).toEqual({
      months: { from: '2026-01-01', to: '2026-11-01' },
      edgeMonths: ['2025-12-01'],
      minusDays: [{ from: '2025-12-01', to: '2025-12-02' }],
      days: [{ from: '2026-12-01', to: '2026-12-02' }],
    })
    expect(splitRange({ from: '2026-03-02', to: '2026-03-30' })).toEqual({
      months: null,
      edgeMonths: ['2026-03-01'],
      minusDays: [
        { from: '2026-03-01', to: '2026-03-01' },
        { from: '2026-03-31', to: '2026-03-31' },
      ],
      days: [],
    })
    expect(monthIndexes({ from: '2025-11-01', to: '2026-02-01' })).toEqual([24310, 24311, 24312, 24313])
  })

  it('counts every day of any range exactly once, reading no more daily rows than the smaller side of each partial month', () => {
    const day = fc.integer({ min: Date.UTC(2023, 0, 1) / DAY, max: Date.UTC(2027, 11, 31) / DAY }).map((d) => iso(d * DAY))
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = a < b ? [a, b] : [b, a]
        const span = splitRange({ from, to })
        const count = new Map<string, number>()
        const add = (days: string[], n: number) => days.forEach((d) => count.set(d, (count.get(d) ?? 0) + n))
        const whole = span.months ? monthIndexes(span.months) : []
        for (const i of whole) add(monthDays(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`), 1)
        for (const m of span.edgeMonths) add(monthDays(m), 1)
        for (const d of span.days) add(daysOf(d), 1)
        for (const d of span.minusDays) add(daysOf(d), -1)
        const counted = [...count].filter(([, n]) => n !== 0)
        if (counted.some(([, n]) => n !== 1)) expect(counted.filter(([, n]) => n !== 1)).toEqual([])
        expect(counted.map(([d]) => d).sort()).toEqual(daysOf({ from, to }))
        for (const m of span.edgeMonths) {
          const minus = span.minusDays.filter((r) => r.from.slice(0, 7) === m.slice(0, 7)).flatMap(daysOf).length
          expect(minus).toBeLessThan(monthDays(m).length - minus)
        }
        for (const d of span.days) expect(daysOf(d).length * 2).toBeLessThanOrEqual(monthDays(`${d.from.slice(0, 7)}-01`).length)
      }),
      { numRuns: 300 },
    )
  })
})
