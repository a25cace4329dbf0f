import { sql } from 'drizzle-orm'
import { db, outboxLag } from '~/db.server'
import { checkSearchHealth } from '~/search.server'

export type HealthReport = {
  status: 'ok' | 'degraded' | 'down'
  database: { ok: boolean; error?: string }
  search: { ok: boolean }
  outbox: { pending: number; oldestSeconds: number | null } | null
}

/** ok: everything answers; degraded: pages work but search or indexing lags; down: no database. */
export async function checkHealth(): Promise<HealthReport> {
  const [database, search] = await Promise.all([
    db
      .execute(sql`select 1`)
      .then(() => ({ ok: true }))
      .catch((error: Error) => ({ ok: false, error: error.message })),
    checkSearchHealth(),
  ])
  const outbox = database.ok ? await outboxLag(db).catch(() => null) : null
  const lagging = outbox !== null && outbox.oldestSeconds !== null && outbox.oldestSeconds > 60
  const status = !database.ok ? 'down' : !search || lagging ? 'degraded' : 'ok'
  return { status, database, search: { ok: search }, outbox }
}
