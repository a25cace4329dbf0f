import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'
import * as schema from './schema'
import { inProcessLeaderLocks, pgliteListen, postgresLeaderLocks, postgresListener, type LeaderLocks, type Listen } from './session'

export type Schema = typeof schema
export type Database = PgDatabase<PgQueryResultHKT, Schema>
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>
/** Anything that can run a query: the database itself or an open transaction. */
export type Executor = Database | Transaction

export type DatabaseHandle = {
  db: Database
  driver: 'postgres' | 'pglite'
  /** Where the data lives, for messages: the server URL without password, or the PGlite folder. */
  location: string
  migrate(): Promise<void>
  close(): Promise<void>
  /** Advisory locks on a session of their own, for leader election (see db/session.ts). */
  leaderLocks(): LeaderLocks
  /** LISTEN on a channel (one connection of its own per process); NOTIFY is delivered after the notifying transaction commits. */
  listen: Listen
  /**
   * A query's rows in batches through a server-side cursor (postgres-js `cursor()`), so a big export never holds
   * them all; Postgres only: PGlite is one session, and a cursor would hold it for the whole download.
   */
  cursor?: (statement: SQL, batch: number) => AsyncIterable<Record<string, unknown>[]>
}

export const migrationsFolder = path.join(import.meta.dirname, 'migrations')

export type DatabaseConfig = {
  /** postgres://… — when absent, PGlite on disk in `pgliteDir`. */
  databaseUrl?: string
  pgliteDir: string
  maxConnections?: number
}

export function openDatabase(config: DatabaseConfig): DatabaseHandle {
  if (config.databaseUrl) {
    const client = postgres(config.databaseUrl, {
      max: config.maxConnections ?? 10,
      onnotice: () => {},
      connect_timeout: 10,
    })
    const db = drizzlePostgres(client, { schema }) as unknown as Database
    const listener = postgresListener(config.databaseUrl)
    return {
      db,
      driver: 'postgres',
      location: redactUrl(config.databaseUrl),
      migrate: () => migratePostgres(db as never, { migrationsFolder }),
      close: async () => {
        await listener.close()
        await client.end({ timeout: 5 })
      },
      leaderLocks: () => postgresLeaderLocks(config.databaseUrl!),
      listen: listener.listen,
      cursor: (statement, batch) => {
        const query = (db as unknown as { dialect: { sqlToQuery(s: SQL): { sql: string; params: unknown[] } } }).dialect.sqlToQuery(
          statement,
        )
        return client.unsafe(query.sql, query.params as never[]).cursor(batch)
      },
    }
  }
  mkdirSync(config.pgliteDir, { recursive: true })
  const client = new PGlite(config.pgliteDir)
  const db = drizzlePglite(client, { schema }) as unknown as Database
  const locksTaken = new Set<number>()
  return {
    db,
    driver: 'pglite',
    location: config.pgliteDir,
    migrate: async () => {
      await client.waitReady
      await migratePglite(db as never, { migrationsFolder })
    },
    close: () => client.close(),
    leaderLocks: () => inProcessLeaderLocks(locksTaken),
    listen: pgliteListen(client),
  }
}

export function redactUrl(url: string) {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return '(invalid url)'
  }
}
