import path from 'node:path'
import type { SQL } from 'drizzle-orm'
import { openDatabase, type DatabaseHandle } from '../db/client'
import { getEnv } from './env.server'
import { remember } from './lib/remember'

export type { Database, DatabaseHandle, Executor, Transaction } from '../db/client'
// The app's one way into db/: tables, the outbox writers and shared column sets come from here,
// so `.server` keeps all of it out of the browser bundle.
export * from '../db/schema'
export * from '../db/outbox'
export * from '../db/fragments'

export function getDatabaseHandle(): DatabaseHandle {
  return remember('database', () => {
    const env = getEnv()
    return openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: path.join(env.DATA_DIR, 'pglite') })
  })
}

/** The one database client of this process. */
export const db = new Proxy({} as DatabaseHandle['db'], {
  get(_, key) {
    const real = getDatabaseHandle().db
    const value = Reflect.get(real, key)
    return typeof value === 'function' ? value.bind(real) : value
  },
})

/** A query's rows in batches through a cursor (Postgres), or null where there is none (PGlite: page by keyset instead). */
export const queryCursor = (statement: SQL, batch: number) => getDatabaseHandle().cursor?.(statement, batch) ?? null

export { readAhead } from '../db/read-ahead'
export { isConnectionError, uniqueViolation } from '../db/errors'
