/** A deterministic generator (mulberry32): the same seed gives the same demo data on every machine. */
export function createRandom(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  return {
    next,
    int,
    pick,
    chance: (p: number) => next() < p,
    /** Picks by weight: [[value, weight], …]. */
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
      const total = entries.reduce((s, [, w]) => s + w, 0)
      let r = next() * total
      for (const [value, weight] of entries) if ((r -= weight) < 0) return value
      return entries[entries.length - 1]![0]
    },
    sample<T>(items: readonly T[], n: number): T[] {
      const copy = [...items]
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
      }
      return copy.slice(0, Math.min(n, copy.length))
    },
    /** A date between two others, as YYYY-MM-DD. */
    dateBetween(from: Date, to: Date) {
      return new Date(from.getTime() + next() * (to.getTime() - from.getTime())).toISOString().slice(0, 10)
    },
  }
}

export type Random = ReturnType<typeof createRandom>
