import { type Executor, auditLog } from '~/db.server'
import type { Actor } from '../actor'

export type AuditEntry = {
  actor: Actor
  organisationId?: number | null
  action: string
  entity: string
  entityId?: number | null
  summary?: Record<string, unknown>
}

/** One row per write, inside the write's own transaction. */
export async function recordAudit(tx: Executor, entry: AuditEntry) {
  await tx.insert(auditLog).values({
    actorUserId: entry.actor.kind === 'user' ? entry.actor.userId : null,
    organisationId: entry.organisationId ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    summary: entry.summary ?? {},
  })
}
