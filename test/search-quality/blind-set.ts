import { describe, expect, it } from 'vitest'
import { clusterByCode } from '../../db/reference'
import type { FixtureListing } from './fixture'
import { GROUPS, type QualityQuery } from './queries'

const TYPES = ['internship', 'teacher_practice', 'joint_lab', 'industry_college', 'tech_transfer']

/** A specific query: one whose answer fits on a first page, not a facet name that means a whole cluster. */
const SPECIFIC = 10

/**
 * That a blind held-out set is well formed: no search, no database. Each set is scored once by the lead
 * over every fixture loaded by then (`earlier` and its own); this only keeps it from rotting (a renamed
 * key, a group typo, a cluster left without a specific question, a decoy nobody asks about).
 */
export function describeBlindSet({
  name,
  fixture,
  queries,
  earlier,
  prefix,
  least,
}: {
  name: string
  fixture: FixtureListing[]
  queries: QualityQuery[]
  /** The fixtures loaded before this one: its answers were judged over them too. */
  earlier: FixtureListing[]
  /** Its listings' key prefix; decoys are `${prefix}decoy-…`. */
  prefix: string
  least: { listings: number; decoys: number; queries: number; perGroup: number }
}) {
  const all = [...earlier, ...fixture]
  const byKey = new Map(all.map((l) => [l.key, l]))
  const isDecoy = (key: string) => key.startsWith(`${prefix}decoy-`)

  describe(`${name} quality set`, () => {
    it('adds listings with their own keys, beside the other fixtures', () => {
      expect(fixture.length).toBeGreaterThanOrEqual(least.listings)
      expect(fixture.every((l) => l.key.startsWith(prefix))).toBe(true)
      expect(new Set(all.map((l) => l.key)).size).toBe(all.length)
      expect(fixture.filter((l) => isDecoy(l.key)).length).toBeGreaterThanOrEqual(least.decoys)
    })

    it('covers every cluster, type and direction with real codes', () => {
      for (const l of fixture) {
        for (const c of l.clusters) expect(clusterByCode.has(c), `${l.key}: ${c}`).toBe(true)
        expect(TYPES, l.key).toContain(l.type)
      }
      const real = fixture.filter((l) => !isDecoy(l.key))
      expect(new Set(real.flatMap((l) => l.clusters)).size).toBe(clusterByCode.size)
      expect(new Set(real.map((l) => l.type))).toEqual(new Set(TYPES))
      expect(new Set(real.map((l) => l.direction))).toEqual(new Set(['need', 'offer']))
    })

    it('names only listings that exist, never one both expected and avoided, and no query twice', () => {
      for (const q of queries) {
        expect(q.expect.length, `「${q.q}」 expects nothing`).toBeGreaterThan(0)
        const unknown = [...q.expect, ...(q.avoid ?? [])].filter((k) => !byKey.has(k))
        expect(unknown, `「${q.q}」`).toEqual([])
        expect(
          q.expect.filter((k) => q.avoid?.includes(k)),
          `「${q.q}」`,
        ).toEqual([])
        expect(new Set(q.expect).size, `「${q.q}」 repeats a key`).toBe(q.expect.length)
      }
      const asked = queries.map((q) => `${q.q} ${JSON.stringify(q.filters ?? {})}`)
      expect(new Set(asked).size).toBe(asked.length)
    })

    it('expects, under a query’s filters, only listings those filters let through', () => {
      for (const q of queries.filter((q) => q.filters)) {
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
      const avoided = new Set(queries.flatMap((q) => q.avoid ?? []))
      const unused = fixture.filter((l) => isDecoy(l.key) && !avoided.has(l.key)).map((l) => l.key)
      expect(unused).toEqual([])
    })

    it(`has at least ${least.queries} queries, every group at least ${least.perGroup}`, () => {
      expect(queries.length).toBeGreaterThanOrEqual(least.queries)
      for (const q of queries) expect(GROUPS, q.q).toContain(q.group)
      for (const g of GROUPS) expect(queries.filter((q) => q.group === g).length, g).toBeGreaterThanOrEqual(least.perGroup)
    })

    it('asks specific questions of every cluster, at least 3 each', () => {
      const perCluster = new Map<string, number>()
      for (const q of queries.filter((q) => q.expect.length <= SPECIFIC)) {
        const clusters = new Set(q.expect.flatMap((k) => byKey.get(k)!.clusters))
        for (const c of clusters) perCluster.set(c, (perCluster.get(c) ?? 0) + 1)
      }
      for (const c of clusterByCode.keys()) expect(perCluster.get(c) ?? 0, c).toBeGreaterThanOrEqual(3)
    })
  })
}
