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

/** Told when notifications may have been missed (the connection was lost) and when they flow again. */
export type ListenState = { onListening?: () => void; onLost?: () => void }

/** LISTEN on a channel; NOTIFY is delivered after the notifying transaction commits. `state` hears losses and recoveries. */
export type Listen = (channel: string, onNotify: () => void, state?: ListenState) => Promise<() => Promise<void>>

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

/** How the LISTEN session shows in pg_stat_activity (the drills terminate it by this name). */
export const LISTEN_APPLICATION_NAME = 'jcj_listen'

type Listener = { onNotify: () => void; state?: ListenState }

/**
 * LISTEN on a connection of its own, as postgres-js's `listen` does, but it says when the connection
 * was lost (NOTIFYs sent meanwhile are gone for good) and keeps trying to listen again with back-off
 * (1 s … 10 s) instead of giving up after one failed attempt, as postgres-js does while the database is down.
 */
export function postgresListener(url: string) {
  const channels = new Map<string, Set<Listener>>()
  const listening = new Set<string>()
  let sql: postgres.Sql | undefined
  let closed = false
  let retry: NodeJS.Timeout | undefined
  let failures = 0

  const quoted = (channel: string) => `"${channel.replace(/"/g, '""')}"`
  const connection = () =>
    (sql ??= postgres(url, {
      max: 1,
      idle_timeout: 0,
      max_lifetime: null,
      fetch_types: false,
      connect_timeout: 10,
      onnotice: () => {},
      connection: { application_name: LISTEN_APPLICATION_NAME },
      onclose: () => lost(),
      // Not in the published types, but the option postgres-js's own `listen` is built on.
      ...({ onnotify: (channel: string) => channels.get(channel)?.forEach((l) => l.onNotify()) } as object),
    }))

  function lost() {
    if (closed || listening.size === 0) return
    listening.clear()
    for (const listeners of channels.values()) listeners.forEach((l) => l.state?.onLost?.())
    schedule()
  }

  function schedule() {
    if (closed || retry) return
    retry = setTimeout(
      () => {
        retry = undefined
        void subscribeAll()
      },
      Math.min(1000 * 2 ** failures, 10_000),
    )
    retry.unref()
  }

  async function subscribe(channel: string) {
    if (listening.has(channel)) return
    await connection().unsafe(`listen ${quoted(channel)}`)
    listening.add(channel)
    channels.get(channel)?.forEach((l) => l.state?.onListening?.())
  }

  async function subscribeAll() {
    try {
      for (const channel of channels.keys()) await subscribe(channel)
      failures = 0
    } catch {
      failures++
      schedule()
    }
  }

  const listen: Listen = async (channel, onNotify, state) => {
    const listener: Listener = { onNotify, state }
    const listeners = channels.get(channel) ?? new Set()
    channels.set(channel, listeners)
    listeners.add(listener)
    if (listening.has(channel)) state?.onListening?.()
    // The database may be down at start: keep trying; `onListening` says when notifications flow.
    else await subscribe(channel).catch(() => schedule())
    return async () => {
      listeners.delete(listener)
      if (listeners.size > 0 || channels.get(channel) !== listeners) return
      channels.delete(channel)
      if (listening.delete(channel)) await sql?.unsafe(`unlisten ${quoted(channel)}`).catch(() => {})
    }
  }

  return {
    listen,
    async close() {
      closed = true
      clearTimeout(retry)
      await sql?.end({ timeout: 2 })
    },
  }
}

export function pgliteListen(client: PGlite): Listen {
  // In-process: a NOTIFY of this PGlite reaches its listeners directly, and there is no connection to lose.
  return async (channel, onNotify, state) => {
    const unlisten = await client.listen(channel, () => onNotify())
    state?.onListening?.()
    return unlisten
  }
}
