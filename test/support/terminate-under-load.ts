// Run as a child process by connection-loss.test.ts: queries and transactions on the app's own
// database client while every backend of the database is terminated again and again. A crash of
// this process (exit code ≠ 0) or a query that never settles (timeout) fails the test.
import { sql } from 'drizzle-orm'
import postgres from 'postgres'
import { openDatabase } from '../../db/client'
import { isConnectionError } from '../../db/errors'

const databaseUrl = process.env.DATABASE_URL!
const handle = openDatabase({ databaseUrl, pgliteDir: '' })
const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} })
const database = new URL(databaseUrl).pathname.slice(1)
const counts = { ok: 0, connectionErrors: 0, otherErrors: 0 }

async function worker() {
  for (let i = 0; i < 60; i++) {
    try {
      if (i % 3 === 0)
        await handle.db.transaction(async (tx) => {
          await tx.execute(sql`select 1`)
          await tx.execute(sql`select pg_sleep(0.002)`)
        })
      else await handle.db.execute(sql`select ${i}::int, pg_sleep(0.002)`)
      counts.ok++
    } catch (error) {
      if (isConnectionError(error)) counts.connectionErrors++
      else {
        counts.otherErrors++
        console.error(error)
      }
    }
  }
}

async function terminateBackends() {
  for (let i = 0; i < 20; i++) {
    await admin.unsafe(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [database])
    await new Promise((r) => setTimeout(r, 80))
  }
}

await Promise.all([...Array.from({ length: 24 }, worker), terminateBackends()])
// A connection whose backend was terminated during its start-up handshake can fail once with
// CONNECT_TIMEOUT (after connect_timeout, 10 s) on the first query after the storm; the pool then
// connects afresh. That query may be retried once, as the app's loaders are (scripts/lib/database-outage.ts).
const answer = async () => ((await handle.db.execute(sql`select 42 as answer`)) as unknown as { answer: number }[])[0]!.answer
let afterRetries = 0
const after = await answer().catch((error: unknown) => {
  if (!isConnectionError(error)) throw error
  afterRetries++
  return answer()
})
console.log(JSON.stringify({ ...counts, after, afterRetries }))
await admin.end({ timeout: 2 })
await handle.close()
