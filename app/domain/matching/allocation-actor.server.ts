import { and, asc, eq, sql } from 'drizzle-orm'
import { db, memberships, organisations, users } from '~/db.server'
import type { GovScope, UserActor } from '../actor'
import { DomainError } from '../errors.server'

/**
 * Who runs an allocation from the command line: the user with that email (acting for the named
 * organisation, else their first college), or the official account of exactly that government scope.
 */
export async function allocationActorFor({
  email,
  organisation,
  scope,
}: {
  email?: string
  /** An organisation id or its full name, among the user's memberships. */
  organisation?: string
  scope?: GovScope
}): Promise<UserActor> {
  const [user] = await db
    .select({ id: users.id, platformRole: users.platformRole, govScopeType: users.govScopeType, govScopeCode: users.govScopeCode })
    .from(users)
    .where(
      email
        ? eq(sql`lower(${users.email})`, email.trim().toLowerCase())
        : scope
          ? and(eq(users.govScopeType, scope.type), eq(users.govScopeCode, scope.code))
          : sql`false`,
    )
    .orderBy(asc(users.id))
    .limit(1)
  if (!user) throw new DomainError('not_found', email ? 'allocation.error.noUser' : 'allocation.error.noOfficial')
  const orgs = await db
    .select({ id: memberships.organisationId, role: memberships.role, name: organisations.name, kind: organisations.kind })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, user.id))
    .orderBy(asc(memberships.organisationId))
  const named = organisation ? orgs.find((o) => String(o.id) === organisation.trim() || o.name === organisation.trim()) : undefined
  if (organisation && !named) throw new DomainError('forbidden', 'allocation.error.notMember')
  const active = named ?? orgs.find((o) => o.kind !== 'enterprise' && o.kind !== 'government') ?? orgs[0]
  return {
    kind: 'user',
    userId: user.id,
    platformRole: user.platformRole,
    govScope: !named && user.govScopeType && user.govScopeCode ? { type: user.govScopeType, code: user.govScopeCode } : null,
    activeOrganisationId: active?.id ?? null,
    memberships: orgs.map((o) => ({ organisationId: o.id, role: o.role })),
  }
}
