import { once } from 'node:events'
import type { Writable } from 'node:stream'
import type { PGlite } from '@electric-sql/pglite'
import type { Sql } from 'postgres'

/**
 * Bulk loading with COPY … FROM STDIN in text format, with triggers off on the loading session
 * (session_replication_role = replica: no foreign-key checks, no rollup triggers; the generator makes
 * the rows coherent, rebuilds the rollups afterwards and checks the keys). postgres-js streams each
 * table on a reserved connection; PGlite takes batches through COPY FROM '/dev/blob'.
 */
export type CopyValue = string | number | boolean | Date | null | undefined | readonly string[] | Record<string, unknown>

export type TableWriter = {
  /** One row, its values in the order of the columns given to `open`. */
  write(values: readonly CopyValue[]): Promise<void> | void
  end(): Promise<void>
}

export type BulkLoader = {
  driver: 'postgres' | 'pglite'
  open(table: string, columns: readonly string[]): Promise<TableWriter>
  /** A statement on a session with triggers off (truncate, set-based inserts). */
  run(statement: string): Promise<void>
  close(): Promise<void>
}

const escapeText = (s: string) => s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
const arrayLiteral = (items: readonly string[]) => `{${items.map((s) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`

/** One value in COPY text format: \N for null, arrays as {"…"}, objects as JSON, dates as ISO. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N'
  if (typeof value === 'string') return escapeText(value)
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? 't' : 'f'
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return escapeText(arrayLiteral(value))
  return escapeText(JSON.stringify(value))
}

export const copyLine = (values: readonly CopyValue[]) => values.map(copyField).join('\t') + '\n'

const CHUNK_BYTES = 256 * 1024
const quoteColumns = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(', ')

export function postgresLoader(sql: Sql): BulkLoader {
  const reserved: Awaited<ReturnType<Sql['reserve']>>[] = []
  const session = async () => {
    const connection = await sql.reserve()
    await connection.unsafe("set session_replication_role = replica; set work_mem = '256MB'; set maintenance_work_mem = '1GB'")
    reserved.push(connection)
    return connection
  }
  return {
    driver: 'postgres',
    async open(table, columns) {
      const connection = await session()
      const stream = (await connection.unsafe(`copy "${table}" (${quoteColumns(columns)}) from stdin`).writable()) as Writable
      const finished = new Promise<void>((resolve, reject) => {
        stream.on('finish', resolve)
        stream.on('error', reject)
      })
      let pending = ''
      const flush = async () => {
        const chunk = pending
        pending = ''
        if (!stream.write(chunk)) await once(stream, 'drain')
      }
      return {
        write(values) {
          pending += copyLine(values)
          if (pending.length >= CHUNK_BYTES) return flush()
        },
        async end() {
          if (pending) await flush()
          stream.end()
          await finished
          await connection.unsafe('reset session_replication_role; reset work_mem; reset maintenance_work_mem')
          connection.release()
          reserved.splice(reserved.indexOf(connection), 1)
        },
      }
    },
    async run(statement) {
      const connection = await session()
      try {
        await connection.unsafe(statement)
      } finally {
        // Never hand a session with triggers off back to the pool.
        await connection.unsafe('reset session_replication_role; reset work_mem; reset maintenance_work_mem')
        connection.release()
        reserved.splice(reserved.indexOf(connection), 1)
      }
    },
    async close() {
      for (const connection of reserved.splice(0)) connection.release()
    },
  }
}

const PGLITE_BATCH_BYTES = 8 * 1024 * 1024

/** PGlite is one session: triggers stay off on it until `close`. */
export function pgliteLoader(pg: PGlite): BulkLoader {
  let ready: Promise<unknown> | undefined
  const replica = () => (ready ??= pg.exec('set session_replication_role = replica'))
  // One session: COPY batches of different tables take turns.
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(work: () => Promise<T>) => {
    const next = queue.then(work)
    queue = next.catch(() => {})
    return next
  }
  return {
    driver: 'pglite',
    async open(table, columns) {
      await replica()
      const statement = `copy "${table}" (${quoteColumns(columns)}) from '/dev/blob'`
      let parts: string[] = []
      let size = 0
      const flush = () => {
        const blob = new Blob(parts)
        parts = []
        size = 0
        return serial(() => pg.query(statement, [], { blob }))
      }
      return {
        write(values) {
          const line = copyLine(values)
          parts.push(line)
          size += line.length
          if (size >= PGLITE_BATCH_BYTES) return flush().then(() => {})
        },
        async end() {
          if (parts.length) await flush()
        },
      }
    },
    async run(statement) {
      await replica()
      await serial(() => pg.exec(statement))
    },
    async close() {
      await queue
      if (ready) await pg.exec('set session_replication_role = origin')
    },
  }
}
