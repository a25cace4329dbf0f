import { createHash } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { platformState } from '../db/schema'
import { listingIndexSettings, organisationIndexSettings } from './settings'

const KEY = 'search_settings_hash'

export function currentSettingsHash() {
  return createHash('sha256').update(JSON.stringify({ listingIndexSettings, organisationIndexSettings })).digest('hex').slice(0, 16)
}

export async function appliedSettingsHash(db: Executor) {
  const [row] = await db.select({ value: platformState.value }).from(platformState).where(eq(platformState.key, KEY))
  return row?.value ?? null
}

export async function recordSettingsHash(db: Executor, hash = currentSettingsHash()) {
  await db
    .insert(platformState)
    .values({ key: KEY, value: hash })
    .onConflictDoUpdate({ target: platformState.key, set: { value: hash, updatedAt: sql`now()` } })
}
