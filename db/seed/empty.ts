import { count } from 'drizzle-orm'
import type { Executor } from '../client'
import { organisations } from '../schema'

/** Apart from the seed itself, so a server that finds data never loads the seed's generators and templates. */
export async function isDatabaseEmpty(db: Executor): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organisations)
  return Number(row?.n ?? 0) === 0
}
