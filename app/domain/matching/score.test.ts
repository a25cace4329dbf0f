import { describe, expect, it } from 'vitest'
import { directionalFit, scorePair, type Party } from './score'

const college: Party = {
  organisationId: 1,
  organisationKind: 'vocational_higher',
  type: 'internship',
  clusters: ['coal_machinery'],
  majors: ['机电一体化技术'],
  terms: [
    { keyword: '液压支架', weight: 2 },
    { keyword: '实习', weight: 1 },
  ],
  cityCode: 'taiyuan',
  window: { startsOn: '2026-03-01', endsOn: '2026-06-30' },
  capacity: 12,
  openMatches: 0,
  verification: 'verified',
  quota: null,
}
const enterprise: Party = {
  ...college,
  organisationId: 2,
  organisationKind: 'enterprise',
  majors: ['机电一体化技术', '电气自动化技术'],
  cityCode: 'jinzhong',
  window: { startsOn: '2026-04-01', endsOn: '2026-08-31' },
  capacity: 30,
  quota: { indicator: 'internship_post_ratio', base: 300, threshold: 0.1, published: 18 },
}

describe('pair scoring', () => {
  it('explains from the viewer side: cluster, majors, distance, window and the enterprise quota gap', () => {
    const pair = scorePair(college, enterprise)
    expect(pair.reasons).toHaveLength(3)
    expect(pair.reasons[0]).toMatchObject({ key: 'matching.reason.cluster', vars: { cluster: 'coal_machinery' } })
    expect(pair.reasons.map((r) => r.key)).toContain('matching.reason.majors')
    const all = directionalFit(college, enterprise).contributions.flatMap((c) => (c.reason ? [c.reason] : []))
    expect(all).toContainEqual({ key: 'matching.reason.quotaInternship', vars: { missing: 12, pct: 10 } })
    expect(all).toContainEqual({ key: 'matching.reason.internshipWindow', vars: { weeks: 13 } })
    expect(all.find((r) => r.key === 'matching.reason.distance')?.vars.km).toBeGreaterThan(15)
    // Weights are shares of the score and sorted strongest first.
    expect(pair.reasons[0]!.weight).toBeGreaterThanOrEqual(pair.reasons[1]!.weight)
  })

  it('is two-sided: the score is the harmonic mean of both directions, and asymmetric features differ', () => {
    const pair = scorePair(college, enterprise)
    expect(pair.forViewer).not.toBeCloseTo(pair.forOther, 3)
    expect(pair.score).toBeCloseTo((2 * pair.forViewer * pair.forOther) / (pair.forViewer + pair.forOther), 9)
  })

  it('a congested post ranks lower than the same post with room', () => {
    const crowded = { ...enterprise, openMatches: 90 }
    expect(scorePair(college, crowded).score).toBeLessThan(scorePair(college, enterprise).score)
  })

  it('a pair in different clusters, far apart and without shared majors scores low', () => {
    const far: Party = {
      ...enterprise,
      clusters: ['semiconductor'],
      majors: ['微电子技术'],
      cityCode: 'yuncheng',
      terms: [{ keyword: '芯片', weight: 3 }],
    }
    expect(scorePair(college, far).score).toBeLessThan(scorePair(college, enterprise).score * 0.7)
  })
})
