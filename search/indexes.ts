import type { Meilisearch } from 'meilisearch'
import { listingIndexSettings, organisationIndexSettings } from './settings'

export type IndexNames = { listings: string; organisations: string }

export function indexNames(prefix = ''): IndexNames {
  return { listings: `${prefix}listings`, organisations: `${prefix}organisations` }
}

/**
 * Creates missing indexes with the settings declared in code. Idempotent. Changed settings on an
 * existing index are the reindex's job (search/settings-hash.ts), so search never degrades meanwhile.
 */
export async function ensureIndexes(client: Meilisearch, names: IndexNames, { applySettings = false } = {}) {
  const created: string[] = []
  for (const [uid, settings] of [
    [names.listings, listingIndexSettings],
    [names.organisations, organisationIndexSettings],
  ] as const) {
    const exists = await client
      .getIndex(uid)
      .then(() => true)
      .catch(() => false)
    if (exists && !applySettings) continue
    if (!exists) {
      await client.createIndex(uid, { primaryKey: 'id' }).waitTask()
      created.push(uid)
    }
    const task = await client.index(uid).updateSettings(settings).waitTask()
    if (task.status !== 'succeeded') throw new Error(`Meilisearch settings for ${uid} failed: ${task.error?.message}`)
  }
  return { created }
}
