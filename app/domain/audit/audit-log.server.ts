import { desc, eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { db, auditLog, organisations, users } from '~/db.server'
import { isOrgAdmin, isPlatformAdmin, type Actor } from '../actor'
import { forbidden } from '../accounts/guards.server'

/** Platform admins read everything; an org admin reads their own organisation's entries. */
export async function listAuditEntries(options: { actor: Actor; organisationId?: number; limit?: number }) {
  const { actor, organisationId } = options
  if (organisationId === undefined ? !isPlatformAdmin(actor) : !(isPlatformAdmin(actor) || isOrgAdmin(actor, organisationId)))
    throw forbidden('domain.auditForbidden')
  const actorUser = alias(users, 'actor_user')
  const query = db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      summary: auditLog.summary,
      createdAt: auditLog.createdAt,
      actorName: actorUser.name,
      actorEmail: actorUser.email,
      organisationName: organisations.name,
    })
    .from(auditLog)
    .leftJoin(actorUser, eq(actorUser.id, auditLog.actorUserId))
    .leftJoin(organisations, eq(organisations.id, auditLog.organisationId))
    .orderBy(desc(auditLog.id))
    .limit(options.limit ?? 200)
  return organisationId === undefined ? query : query.where(eq(auditLog.organisationId, organisationId))
}
