import { remember } from '~/lib/remember'

const TTL_MS = 5 * 60_000

type Entry<T> = { at: number; value: T }

/**
 * Per-organisation facts that change slowly (quota counts, responsiveness), kept for five minutes so
 * ranking at 500,000 listings does not re-aggregate them on every request. Loads only the missing ids.
 */
export async function cachedByOrganisation<T>({
  name,
  organisationIds,
  load,
  empty,
  now = Date.now(),
}: {
  name: string
  organisationIds: number[]
  load: (missing: number[]) => Promise<Map<number, T>>
  empty: T
  now?: number
}): Promise<Map<number, T>> {
  const cache = remember(`matching-org-cache:${name}`, () => new Map<number, Entry<T>>())
  const missing = organisationIds.filter((id) => {
    const hit = cache.get(id)
    return !hit || now - hit.at > TTL_MS
  })
  if (missing.length) {
    const loaded = await load(missing)
    for (const id of missing) cache.set(id, { at: now, value: loaded.get(id) ?? empty })
  }
  return new Map(organisationIds.map((id) => [id, cache.get(id)!.value]))
}
