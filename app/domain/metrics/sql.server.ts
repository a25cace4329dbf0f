import '~/lib/i18n/server-catalogues.server'
import { sql, type SQL } from 'drizzle-orm'
import { db } from '~/db.server'

/** Raw query rows from either driver (postgres-js returns an array, PGlite an object with rows). */
export async function query<T>(statement: SQL): Promise<T[]> {
  const result = (await db.execute(statement)) as unknown
  return (Array.isArray(result) ? result : ((result as { rows: T[] }).rows ?? [])) as T[]
}

/** `(a, b, c)` for an IN clause; never empty. */
export function inList(values: readonly (string | number)[]) {
  if (values.length === 0) return sql`(null)`
  return sql`(${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`
}

/** The first instant of a Beijing day and of the day after another, for range conditions on timestamps. */
export const dayStart = (day: string) => sql`${`${day}T00:00:00+08:00`}::timestamptz`
export const dayAfter = (day: string) => sql`(${`${day}T00:00:00+08:00`}::timestamptz + interval '1 day')`
export const between = (column: SQL, from: string, to: string) => sql`(${column} >= ${dayStart(from)} and ${column} < ${dayAfter(to)})`

export const num = (v: unknown) => Number(v ?? 0)
