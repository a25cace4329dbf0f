/**
 * A small deterministic generator (mulberry32): the same seed gives the same demo data on every
 * machine. Never use Math.random in the seeder — every choice goes through one of these.
 */
export function createRandom(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  /** An integer in [min, max], both included. */
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[Math.floor(next() * items.length)]!
  }
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items]
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
    }
    return copy
  }
  /** A moment between two others (uniform). */
  const between = (from: Date, to: Date) => new Date(from.getTime() + next() * Math.max(0, to.getTime() - from.getTime()))
  return {
    next,
    int,
    pick,
    shuffle,
    between,
    /** A float in [min, max). */
    float: (min: number, max: number) => min + next() * (max - min),
    chance: (p: number) => next() < p,
    /** Picks by weight: [[value, weight], …]. */
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
      const total = entries.reduce((s, [, w]) => s + w, 0)
      let r = next() * total
      for (const [value, weight] of entries) if ((r -= weight) < 0) return value
      return entries[entries.length - 1]![0]
    },
    /** n distinct items in random order (all of them when n ≥ length). */
    sample<T>(items: readonly T[], n: number): T[] {
      return shuffle(items).slice(0, Math.max(0, Math.min(n, items.length)))
    },
    /** Skewed towards `min`: most values small, a long tail up to `max` (log-uniform). */
    skewed(min: number, max: number) {
      return Math.round(Math.exp(Math.log(min) + next() * (Math.log(max) - Math.log(min))))
    },
    /** A date between two others, as YYYY-MM-DD. */
    dateBetween(from: Date, to: Date) {
      return between(from, to).toISOString().slice(0, 10)
    },
  }
}

export type Random = ReturnType<typeof createRandom>
