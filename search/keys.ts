import type { Meilisearch } from 'meilisearch'

/**
 * A key that may only search the app's indexes, for page requests; the master key stays with indexing.
 * Made once through the keys API and found again by name on later starts.
 */
export async function ensureSearchKey(admin: Meilisearch, indexPrefix: string): Promise<string> {
  const name = `jcj-search:${indexPrefix || '*'}`
  const { results } = await admin.getKeys({ limit: 1000 })
  const existing = results.find((k) => k.name === name)
  if (existing) return existing.key
  const created = await admin.createKey({
    name,
    description: '晋产教 pages: search only',
    actions: ['search'],
    indexes: [`${indexPrefix}*`],
    expiresAt: null,
  })
  return created.key
}
