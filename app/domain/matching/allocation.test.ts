import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allocate, expandRequest, findBlockingPairs, type AllocationInput, type AllocationResult } from './allocation'

const MAJORS = ['机电一体化技术', '电气自动化技术', '软件技术']

/** Small random instances with ties on both sides and, optionally, regional caps and floors. */
const instance = (withCaps: boolean) =>
  fc
    .record({
      posts: fc.array(
        fc.record({
          capacity: fc.integer({ min: 1, max: 4 }),
          region: fc.constantFrom('central', 'north', 'south'),
          majors: fc.subarray(MAJORS),
        }),
        { minLength: 1, maxLength: 8 },
      ),
      units: fc.array(
        fc.record({
          major: fc.constantFrom(...MAJORS),
          prefs: fc.array(fc.record({ post: fc.nat(), rank: fc.integer({ min: 1, max: 3 }) }), { maxLength: 6 }),
        }),
        { minLength: 1, maxLength: 30 },
      ),
      scores: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 64, maxLength: 64 }),
      caps: withCaps
        ? fc.array(
            fc.record({
              region: fc.constantFrom('central', 'north', 'south'),
              max: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
              min: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
            }),
            { maxLength: 3 },
          )
        : fc.constant([]),
    })
    .map(({ posts, units, scores, caps }): AllocationInput => {
      const postRows = posts.map((p, i) => ({ id: `p${i}`, ...p }))
      const regions = new Set<string>(postRows.map((p) => p.region))
      const seen = new Set<string>()
      return {
        posts: postRows,
        units: units.map((u, i) => ({
          id: `u${i}`,
          major: u.major,
          preferences: u.prefs.map((pref) => ({ post: `p${pref.post % postRows.length}`, rank: pref.rank })),
        })),
        // Ties: a 64-entry table of 0..3 scores, so many unit/post pairs share a priority.
        priority: (unit, post) => scores[(Number(unit.slice(1)) * 7 + Number(post.slice(1)) * 13) % 64]!,
        caps: (caps as { region: string; max?: number; min?: number }[])
          .filter((c) => regions.has(c.region) && !seen.has(c.region) && seen.add(c.region))
          .map((c) => (c.min !== undefined && c.max !== undefined && c.min > c.max ? { ...c, min: c.max } : c)),
      }
    })

function assertFeasible(input: AllocationInput, result: Extract<AllocationResult, { ok: true }>) {
  const load = new Map<string, number>()
  for (const a of result.assignments) load.set(a.post, (load.get(a.post) ?? 0) + 1)
  for (const p of input.posts) expect(load.get(p.id) ?? 0).toBeLessThanOrEqual(p.capacity)
  expect(new Set(result.assignments.map((a) => a.unit)).size).toBe(result.assignments.length)
  expect(result.assignments.length + result.unassigned.length).toBe(input.units.length)
  const region = new Map(input.posts.map((p) => [p.id, p.region]))
  const perRegion = new Map<string, number>()
  for (const a of result.assignments) perRegion.set(region.get(a.post)!, (perRegion.get(region.get(a.post)!) ?? 0) + 1)
  for (const cap of input.caps ?? []) {
    if (cap.max !== undefined) expect(perRegion.get(cap.region) ?? 0).toBeLessThanOrEqual(cap.max)
    if (cap.min !== undefined) expect(perRegion.get(cap.region) ?? 0).toBeGreaterThanOrEqual(cap.min)
  }
  // Every assignment is acceptable to both sides.
  const unit = new Map(input.units.map((u) => [u.id, u]))
  const post = new Map(input.posts.map((p) => [p.id, p]))
  for (const a of result.assignments) {
    expect(unit.get(a.unit)!.preferences.some((p) => p.post === a.post)).toBe(true)
    const majors = post.get(a.post)!.majors
    if (majors.length) expect(majors).toContain(unit.get(a.unit)!.major)
  }
}

const canonical = (result: AllocationResult) =>
  result.ok ? result.assignments.map((a) => `${a.unit}->${a.post}`).sort() : result.problems.map((p) => p.code).sort()

describe('deferred acceptance allocation', () => {
  it('without caps: feasible and 0 blocking pairs (envy or wasted seat) on random instances with ties', () => {
    fc.assert(
      fc.property(instance(false), (input) => {
        const result = allocate(input)
        expect(result.ok).toBe(true)
        if (!result.ok) return
        expect(result.variant).toBe('deferred_acceptance')
        assertFeasible(input, result)
        expect(findBlockingPairs(input, result)).toEqual([])
      }),
      { numRuns: 600 },
    )
  })

  it('with regional caps and floors: feasible, caps met, 0 Kamada–Kojima blocking pairs', () => {
    let solved = 0
    let capped = 0
    fc.assert(
      fc.property(instance(true), (input) => {
        const result = allocate(input)
        if (!result.ok) {
          // Only floors may make an instance unsolvable here.
          expect(result.problems.every((p) => p.code === 'floor_unmeetable')).toBe(true)
          return
        }
        solved++
        if (Object.keys(result.effectiveCaps).length) capped++
        assertFeasible(input, result)
        expect(findBlockingPairs(input, result)).toEqual([])
      }),
      { numRuns: 800 },
    )
    expect(solved).toBeGreaterThan(400)
    expect(capped).toBeGreaterThan(200)
  })

  it('the stability check itself catches envy and wasted seats in a hand-broken result', () => {
    const input: AllocationInput = {
      posts: [
        { id: 'a', capacity: 1, region: 'central', majors: [] },
        { id: 'b', capacity: 2, region: 'central', majors: [] },
      ],
      units: [
        {
          id: 'u1',
          major: 'x',
          preferences: [
            { post: 'a', rank: 1 },
            { post: 'b', rank: 2 },
          ],
        },
        {
          id: 'u2',
          major: 'x',
          preferences: [
            { post: 'a', rank: 1 },
            { post: 'b', rank: 2 },
          ],
        },
      ],
      priority: (u) => (u === 'u1' ? 2 : 1),
    }
    const good = allocate(input)
    if (!good.ok) throw new Error('expected a result')
    expect(findBlockingPairs(input, good)).toEqual([])
    const swapped = {
      ...good,
      assignments: [
        { ...good.assignments[0]!, post: 'b' },
        { ...good.assignments[1]!, post: 'a' },
      ],
    }
    expect(findBlockingPairs(input, swapped)).toEqual([{ unit: 'u1', post: 'a', kind: 'envy' }])
    const dropped = { ...good, assignments: [good.assignments[0]!], unassigned: [] }
    expect(findBlockingPairs(input, dropped)).toEqual([{ unit: 'u2', post: 'b', kind: 'waste' }])
  })

  it('is deterministic: the same instance listed in another order gives the same result', () => {
    fc.assert(
      fc.property(instance(true), fc.func(fc.integer()), fc.func(fc.integer()), (input, unitKey, postKey) => {
        const shuffled = {
          ...input,
          units: [...input.units].sort((a, b) => unitKey(a.id) - unitKey(b.id)),
          posts: [...input.posts].sort((a, b) => postKey(a.id) - postKey(b.id)),
        }
        expect(canonical(allocate(shuffled))).toEqual(canonical(allocate(input)))
        expect(canonical(allocate(input))).toEqual(canonical(allocate(input)))
      }),
      { numRuns: 300 },
    )
  })

  it('gives each unit its best stable post: first choices win when there is room', () => {
    const result = allocate({
      posts: [
        { id: 'a', capacity: 2, region: 'central', majors: ['机电一体化技术'] },
        { id: 'b', capacity: 1, region: 'central', majors: [] },
      ],
      units: [
        {
          id: 'u1',
          major: '机电一体化技术',
          preferences: [
            { post: 'a', rank: 1 },
            { post: 'b', rank: 2 },
          ],
        },
        { id: 'u2', major: '机电一体化技术', preferences: [{ post: 'a', rank: 1 }] },
        {
          id: 'u3',
          major: '机电一体化技术',
          preferences: [
            { post: 'a', rank: 1 },
            { post: 'b', rank: 2 },
          ],
        },
      ],
      priority: (u) => ({ u1: 3, u2: 2, u3: 1 })[u]!,
    })
    expect(result.ok && result.assignments.map((a) => [a.unit, a.post, a.choice])).toEqual([
      ['u1', 'a', 1],
      ['u2', 'a', 1],
      ['u3', 'b', 2],
    ])
  })

  it('says why demand stays unassigned: no post for the major, capacity, regional cap', () => {
    const input: AllocationInput = {
      posts: [
        { id: 'taiyuan-1', capacity: 1, region: 'central', majors: ['机电一体化技术'] },
        { id: 'datong-1', capacity: 3, region: 'north', majors: ['机电一体化技术'] },
      ],
      units: [
        { id: 'soft', major: '软件技术', preferences: [{ post: 'taiyuan-1', rank: 1 }] },
        { id: 'none', major: '软件技术', preferences: [] },
        { id: 'm1', major: '机电一体化技术', preferences: [{ post: 'taiyuan-1', rank: 1 }] },
        { id: 'm2', major: '机电一体化技术', preferences: [{ post: 'taiyuan-1', rank: 1 }] },
        { id: 'n1', major: '机电一体化技术', preferences: [{ post: 'datong-1', rank: 1 }] },
        { id: 'n2', major: '机电一体化技术', preferences: [{ post: 'datong-1', rank: 1 }] },
      ],
      priority: (u) => ({ m1: 2, m2: 1, n1: 2, n2: 1 })[u] ?? 0,
      caps: [{ region: 'north', max: 1 }],
    }
    const result = allocate(input)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.variant).toBe('flexible_deferred_acceptance')
    expect(Object.fromEntries(result.unassigned.map((u) => [u.unit, u.reason]))).toEqual({
      soft: 'no_post_for_major',
      none: 'no_preferences',
      m2: 'capacity',
      n2: 'regional_cap',
    })
  })

  it('meets an "at least N" floor by capping the region that competes for the same units', () => {
    const posts = [
      { id: 'ty', capacity: 5, region: 'central', majors: [] },
      { id: 'dt', capacity: 5, region: 'north', majors: [] },
    ]
    const units = Array.from({ length: 5 }, (_, i) => ({
      id: `u${i}`,
      major: '机电一体化技术',
      preferences: [
        { post: 'ty', rank: 1 },
        { post: 'dt', rank: 2 },
      ],
    }))
    const plain = allocate({ posts, units })
    expect(plain.ok && plain.regionCounts).toEqual({ central: 5, north: 0 })
    const floored = allocate({ posts, units, caps: [{ region: 'north', min: 2 }] })
    expect(floored.ok && floored.regionCounts).toEqual({ central: 3, north: 2 })
    expect(floored.ok && floored.effectiveCaps).toEqual({ central: 3 })
  })

  it('refuses bad input with every problem named and no result', () => {
    expect(allocate({ posts: [], units: [] })).toEqual({ ok: false, problems: [{ code: 'no_units' }, { code: 'no_posts' }] })
    const result = allocate({
      posts: [{ id: 'p', capacity: 0, region: 'central', majors: [] }],
      units: [{ id: 'u', major: 'x', preferences: [{ post: 'closed-listing', rank: 1 }] }],
      caps: [
        { region: 'central', min: 3, max: 1 },
        { region: 'mars', max: 1 },
      ],
    })
    expect(result).toEqual({
      ok: false,
      problems: [
        { code: 'zero_capacity', post: 'p' },
        { code: 'unknown_post', unit: 'u', post: 'closed-listing' },
        { code: 'cap_invalid', region: 'central' },
        { code: 'cap_invalid', region: 'mars' },
      ],
    })
    const floor = allocate({
      posts: [{ id: 'p', capacity: 2, region: 'north', majors: [] }],
      units: [{ id: 'u', major: 'x', preferences: [{ post: 'p', rank: 1 }] }],
      caps: [{ region: 'north', min: 3 }],
    })
    expect(floor).toEqual({ ok: false, problems: [{ code: 'floor_unmeetable', region: 'north', min: 3, reachable: 1 }] })
  })

  it('expands a request into one unit per student with the same preferences', () => {
    const units = expandRequest({ id: 'r1', major: '软件技术', headcount: 3, preferences: [{ post: 'p', rank: 1 }] })
    expect(units.map((u) => u.id)).toEqual(['r1#1', 'r1#2', 'r1#3'])
  })
})
