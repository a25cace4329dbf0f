import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import type { DatabaseHandle } from '../../../db/client'

function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const full = path.join(dir, entry.name)
    return sum + (entry.isDirectory() ? folderBytes(full) : statSync(full).size)
  }, 0)
}

/** The database's size on disk, for the report: pg_database_size on Postgres, the data folder for PGlite. */
export async function databaseSize(handle: DatabaseHandle): Promise<string> {
  if (handle.driver === 'pglite') return `${(folderBytes(handle.location) / 1e6).toFixed(0)} MB`
  const result = (await handle.db.execute(sql`select pg_size_pretty(pg_database_size(current_database())) as size`)) as unknown
  const [row] = (Array.isArray(result) ? result : (result as { rows: { size: string }[] }).rows) as { size: string }[]
  return row!.size
}
