import { describe, expect, it } from 'vitest'
import { clusterByCode } from '../../db/reference'
import { FIXTURE } from './fixture'
import { BLIND_FIXTURE } from './fixture.blind'
import { BLIND2_FIXTURE } from './fixture.blind2'
import { BLIND3_FIXTURE } from './fixture.blind3'
import { GROUPS } from './queries'
import { BLIND3_QUERIES } from './queries.blind3'

/**
 * The third blind held-out set (queries.blind3.ts, fixture.blind3.ts) is well formed: no search, no
 * database. It is scored once by the lead over all four fixtures; this only keeps it from rotting (a renamed
 * key, a group typo, a cluster left without a specific question, a decoy nobody asks about).
 */
const ALL = [...FIXTURE, ...BLIND_FIXTURE, ...BLIND2_FIXTURE, ...BLIND3_FIXTURE]
const byKey = new Map(ALL.map((l) => [l.key, l]))
const TYPES = ['internship', 'teacher_practice', 'joint_lab', 'industry_college', 'tech_transfer']
const isDecoy = (key: string) => key.startsWith('d-decoy-')

/** A specific query: one whose answer fits on a first page, not a facet name that means a whole cluster. */
const SPECIFIC = 10

describe('blind3 quality set', () => {
  it('adds listings with their own keys, beside the other fixtures', () => {
    expect(BLIND3_FIXTURE.length).toBeGreaterThanOrEqual(45)
    expect(BLIND3_FIXTURE.every((l) => l.key.startsWith('d-'))).toBe(true)
    expect(new Set(ALL.map((l) => l.key)).size).toBe(ALL.length)
    expect(BLIND3_FIXTURE.filter((l) => isDecoy(l.key)).length).toBeGreaterThanOrEqual(12)
  })

  it('covers every cluster, type and direction with real codes', () => {
    for (const l of BLIND3_FIXTURE) {
      for (const c of l.clusters) expect(clusterByCode.has(c), `${l.key}: ${c}`).toBe(true)
      expect(TYPES, l.key).toContain(l.type)
    }
    const real = BLIND3_FIXTURE.filter((l) => !isDecoy(l.key))
    expect(new Set(real.flatMap((l) => l.clusters)).size).toBe(clusterByCode.size)
    expect(new Set(real.map((l) => l.type))).toEqual(new Set(TYPES))
    expect(new Set(real.map((l) => l.direction))).toEqual(new Set(['need', 'offer']))
  })

  it('names only listings that exist, never one both expected and avoided, and no query twice', () => {
    for (const q of BLIND3_QUERIES) {
      expect(q.expect.length, `「${q.q}」 expects nothing`).toBeGreaterThan(0)
      const unknown = [...q.expect, ...(q.avoid ?? [])].filter((k) => !byKey.has(k))
      expect(unknown, `「${q.q}」`).toEqual([])
      expect(
        q.expect.filter((k) => q.avoid?.includes(k)),
        `「${q.q}」`,
      ).toEqual([])
      expect(new Set(q.expect).size, `「${q.q}」 repeats a key`).toBe(q.expect.length)
    }
    const asked = BLIND3_QUERIES.map((q) => `${q.q} ${JSON.stringify(q.filters ?? {})}`)
    expect(new Set(asked).size).toBe(asked.length)
  })

  it('expects, under a query’s filters, only listings those filters let through', () => {
    for (const q of BLIND3_QUERIES.filter((q) => q.filters)) {
      const f = q.filters!
      const outside = q.expect.filter((k) => {
        const l = byKey.get(k)!
        return (
          (f.clusters && !l.clusters.some((c) => f.clusters!.includes(c))) ||
          (f.types && !f.types.includes(l.type)) ||
          (f.cities && !f.cities.includes(l.city)) ||
          (f.directions && !f.directions.includes(l.direction)) ||
          (f.majors && !(l.majors ?? []).some((m) => f.majors!.includes(m))) ||
          (f.orgKinds && !f.orgKinds.includes(l.orgKind ?? 'enterprise'))
        )
      })
      expect(outside, `「${q.q}」`).toEqual([])
    }
  })

  it('uses its decoys: every one is avoided by some query', () => {
    const avoided = new Set(BLIND3_QUERIES.flatMap((q) => q.avoid ?? []))
    const unused = BLIND3_FIXTURE.filter((l) => isDecoy(l.key) && !avoided.has(l.key)).map((l) => l.key)
    expect(unused).toEqual([])
  })

  it('has at least 150 queries, every group at least 10', () => {
    expect(BLIND3_QUERIES.length).toBeGreaterThanOrEqual(150)
    for (const q of BLIND3_QUERIES) expect(GROUPS, q.q).toContain(q.group)
    for (const g of GROUPS) expect(BLIND3_QUERIES.filter((q) => q.group === g).length, g).toBeGreaterThanOrEqual(10)
  })

  it('asks specific questions of every cluster, at least 3 each', () => {
    const perCluster = new Map<string, number>()
    for (const q of BLIND3_QUERIES.filter((q) => q.expect.length <= SPECIFIC)) {
      const clusters = new Set(q.expect.flatMap((k) => byKey.get(k)!.clusters))
      for (const c of clusters) perCluster.set(c, (perCluster.get(c) ?? 0) + 1)
    }
    for (const c of clusterByCode.keys()) expect(perCluster.get(c) ?? 0, c).toBeGreaterThanOrEqual(3)
  })
})
