import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { db } from '../../app/db.server'

const rowsOf = <T>(result: unknown) => (result as { rows?: T[] }).rows ?? (result as T[])

/**
 * Every table of the public schema as `rows:md5 of every row's text`, so any insert, update or delete
 * shows, not only those that touch an updated_at column. `ignoredRows` leaves out rows a read may add (a SQL condition per table).
 */
export async function tableChecksums(ignoredRows: Record<string, string> = {}): Promise<Record<string, string>> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    ),
  )
  const sums: Record<string, string> = {}
  for (const { name } of tables) {
    const [row] = rowsOf<{ n: number; h: string }>(
      await db.execute(
        sql.raw(
          `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from "${name.replaceAll('"', '""')}" t` +
            (ignoredRows[name] ? ` where not (${ignoredRows[name]})` : ''),
        ),
      ),
    )
    sums[name] = `${row!.n}:${row!.h}`
  }
  return sums
}

/** Files under a directory with their sizes: uploads are writes too. */
export function filesUnder(dir: string): Record<string, number> {
  const out: Record<string, number> = {}
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name)
      if (entry.isDirectory()) walk(full)
      else out[path.relative(dir, full)] = statSync(full).size
    }
  }
  walk(dir)
  return out
}

/** The last rows written to a table, to show what a request that should not have written did write. */
export async function latestRows(table: string, limit = 5) {
  return rowsOf<{ row: string }>(
    await db.execute(sql.raw(`select t::text as row from "${table.replaceAll('"', '""')}" t order by ctid desc limit ${limit}`)),
  ).map((r) => r.row)
}
