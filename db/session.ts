import type { PGlite } from '@electric-sql/pglite'
import postgres from 'postgres'

/** Session-level advisory locks for leader election: one per job, held for as long as this process leads it. */
export type LeaderLocks = {
  /** Takes the lock if nobody holds it; true when this process now leads. */
  tryLock(key: number): Promise<boolean>
  /** Whether this process still holds the lock (false once its connection was lost). */
  holds(key: number): Promise<boolean>
  unlock(key: number): Promise<void>
  close(): Promise<void>
}

export type Listen = (channel: string, onNotify: () => void) => Promise<() => Promise<void>>

/**
 * Session locks live on one connection, so each process's locks get a connection of their own (a pooled
 * query could land on any connection, and a reserved one is not reconnected by postgres-js). If that
 * connection dies, Postgres frees the locks; `holds` notices, and the job stops leading until it wins
 * the lock again on the next connection.
 */
export function postgresLeaderLocks(url: string): LeaderLocks {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10, idle_timeout: 0, max_lifetime: null })
  const held = new Set<number>()
  return {
    async tryLock(key) {
      try {
        const [row] = await sql`select pg_try_advisory_lock(${key}::bigint) as ok`
        if (row?.ok) held.add(key)
        return Boolean(row?.ok)
      } catch {
        return false
      }
    },
    async holds(key) {
      if (!held.has(key)) return false
      try {
        const [row] = await sql`
          select exists (
            select 1 from pg_locks
            where locktype = 'advisory' and pid = pg_backend_pid() and granted and objsubid = 1 and classid = 0 and objid::bigint = ${key}::bigint
          ) as ok`
        if (!row?.ok) held.delete(key)
        return Boolean(row?.ok)
      } catch {
        held.clear()
        return false
      }
    },
    async unlock(key) {
      if (!held.delete(key)) return
      await sql`select pg_advisory_unlock(${key}::bigint)`.catch(() => {})
    },
    async close() {
      held.clear()
      await sql.end({ timeout: 2 })
    },
  }
}

/** PGlite is one process with one session by nature; the process itself is the only contender. */
export function inProcessLeaderLocks(taken: Set<number>): LeaderLocks {
  const mine = new Set<number>()
  return {
    async tryLock(key) {
      if (mine.has(key)) return true
      if (taken.has(key)) return false
      taken.add(key)
      mine.add(key)
      return true
    },
    async holds(key) {
      return mine.has(key)
    },
    async unlock(key) {
      if (mine.delete(key)) taken.delete(key)
    },
    async close() {
      for (const key of mine) taken.delete(key)
      mine.clear()
    },
  }
}

export function postgresListen(client: postgres.Sql): Listen {
  return async (channel, onNotify) => {
    const { unlisten } = await client.listen(channel, () => onNotify())
    return unlisten
  }
}

export function pgliteListen(client: PGlite): Listen {
  return async (channel, onNotify) => client.listen(channel, () => onNotify())
}
