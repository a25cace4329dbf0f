import { sql } from 'drizzle-orm'
import type { Database } from '../../../db/client'
import type { BulkLoader } from './copy'

export async function rows<T>(db: Database, statement: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(statement)) as unknown
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]
}

/** Runs statements two at a time (one session per core on Postgres; PGlite takes them in turn), in the order given. */
export async function inPairs(loader: BulkLoader, statements: string[], onDone: () => void = () => {}) {
  const queue = [...statements]
  const worker = async () => {
    for (let statement = queue.shift(); statement; statement = queue.shift()) {
      await loader.run(statement)
      onDone()
    }
  }
  await Promise.all([worker(), worker()])
}

/**
 * Drops the indexes of `tables` before a bulk load and returns what builds them again (`restore`: all,
 * two at a time; `definitions`: a table's statements, to schedule with other work), in one sort each
 * instead of row by row. `constraints`: also primary keys and unique constraints (only for tables no
 * foreign key points at).
 */
export async function dropIndexes(db: Database, loader: BulkLoader, tables: string[], { constraints = false } = {}) {
  const indexes = await rows<{ table: string; name: string; constraint: boolean; definition: string }>(
    db,
    sql`select c.relname as table, i.relname as name, con.conname is not null as constraint,
        coalesce('alter table ' || quote_ident(c.relname) || ' add constraint ' || quote_ident(con.conname) || ' ' || pg_get_constraintdef(con.oid), pg_get_indexdef(i.oid)) as definition
      from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid
      left join pg_constraint con on con.conindid = i.oid and con.conrelid = c.oid
      where c.relname = any(string_to_array(${tables.join(',')}, ',')) and c.relnamespace = 'public'::regnamespace`,
  )
  const dropped = indexes.filter((i) => constraints || !i.constraint)
  for (const index of dropped)
    await loader.run(index.constraint ? `alter table "${index.table}" drop constraint "${index.name}"` : `drop index "${index.name}"`)
  return {
    restore: () =>
      inPairs(
        loader,
        dropped.map((i) => i.definition),
      ),
    definitions: (table: string) => dropped.filter((i) => i.table === table).map((i) => i.definition),
  }
}
