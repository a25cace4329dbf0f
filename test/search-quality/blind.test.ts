import { describe, expect, it } from 'vitest'
import { clusterByCode } from '../../db/reference'
import { FIXTURE } from './fixture'
import { BLIND_FIXTURE } from './fixture.blind'
import { GROUPS } from './queries'
import { BLIND_QUERIES } from './queries.blind'

/**
 * The blind held-out half (queries.blind.ts, fixture.blind.ts) is well formed: no search, no database.
 * It is scored once by the lead; this only keeps it from rotting (a renamed key, a group typo).
 */
const ALL = [...FIXTURE, ...BLIND_FIXTURE]
const byKey = new Map(ALL.map((l) => [l.key, l]))

/** A specific query: one whose answer fits on a first page, not a facet name that means a whole cluster. */
const SPECIFIC = 10

describe('blind quality set', () => {
  it('adds listings with their own keys, beside the fixture', () => {
    expect(BLIND_FIXTURE.length).toBeGreaterThanOrEqual(40)
    expect(BLIND_FIXTURE.every((l) => l.key.startsWith('b-'))).toBe(true)
    expect(new Set(ALL.map((l) => l.key)).size).toBe(ALL.length)
    expect(BLIND_FIXTURE.filter((l) => l.key.startsWith('b-decoy-')).length).toBeGreaterThanOrEqual(12)
  })

  it('covers every cluster, type and direction with real cluster codes', () => {
    for (const l of BLIND_FIXTURE) for (const c of l.clusters) expect(clusterByCode.has(c), `${l.key}: ${c}`).toBe(true)
    const real = BLIND_FIXTURE.filter((l) => !l.key.startsWith('b-decoy-'))
    expect(new Set(real.flatMap((l) => l.clusters)).size).toBe(clusterByCode.size)
    expect(new Set(real.map((l) => l.type)).size).toBe(5)
    expect(new Set(real.map((l) => l.direction))).toEqual(new Set(['need', 'offer']))
  })

  it('names only listings that exist, never one both expected and avoided, and no query twice', () => {
    for (const q of BLIND_QUERIES) {
      expect(q.expect.length, `「${q.q}」 expects nothing`).toBeGreaterThan(0)
      const unknown = [...q.expect, ...(q.avoid ?? [])].filter((k) => !byKey.has(k))
      expect(unknown, `「${q.q}」`).toEqual([])
      expect(
        q.expect.filter((k) => q.avoid?.includes(k)),
        `「${q.q}」`,
      ).toEqual([])
      expect(new Set(q.expect).size, `「${q.q}」 repeats a key`).toBe(q.expect.length)
    }
    const asked = BLIND_QUERIES.map((q) => `${q.q} ${JSON.stringify(q.filters ?? {})}`)
    expect(new Set(asked).size).toBe(asked.length)
  })

  it('has at least 130 queries, every group at least 8', () => {
    expect(BLIND_QUERIES.length).toBeGreaterThanOrEqual(130)
    for (const q of BLIND_QUERIES) expect(GROUPS, q.q).toContain(q.group)
    for (const g of GROUPS) expect(BLIND_QUERIES.filter((q) => q.group === g).length, g).toBeGreaterThanOrEqual(8)
  })

  it('asks specific questions of every cluster, at least 3 each', () => {
    const perCluster = new Map<string, number>()
    for (const q of BLIND_QUERIES.filter((q) => q.expect.length <= SPECIFIC)) {
      const clusters = new Set(q.expect.flatMap((k) => byKey.get(k)!.clusters))
      for (const c of clusters) perCluster.set(c, (perCluster.get(c) ?? 0) + 1)
    }
    for (const c of clusterByCode.keys()) expect(perCluster.get(c) ?? 0, c).toBeGreaterThanOrEqual(3)
  })
})
