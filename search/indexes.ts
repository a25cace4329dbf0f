import type { Meilisearch } from 'meilisearch'
import { listingIndexSettings, organisationIndexSettings } from './settings'

export type IndexNames = { listings: string; organisations: string }

export function indexNames(prefix = ''): IndexNames {
  return { listings: `${prefix}listings`, organisations: `${prefix}organisations` }
}

/** Creates the indexes if needed and applies the settings declared in code. Idempotent. */
export async function ensureIndexes(client: Meilisearch, names: IndexNames) {
  for (const [uid, settings] of [
    [names.listings, listingIndexSettings],
    [names.organisations, organisationIndexSettings],
  ] as const) {
    const exists = await client
      .getIndex(uid)
      .then(() => true)
      .catch(() => false)
    if (!exists) await client.createIndex(uid, { primaryKey: 'id' }).waitTask()
    const task = await client.index(uid).updateSettings(settings).waitTask()
    if (task.status !== 'succeeded') throw new Error(`Meilisearch settings for ${uid} failed: ${task.error?.message}`)
  }
}
