import { eq, isNotNull } from 'drizzle-orm'
import { db, users } from '~/db.server'
import { cityByCode, regionByCode } from '../../../db/reference'
import { isPlatformAdmin, type Actor, type GovScope } from '../actor'
import { recordAudit } from '../audit/audit.server'
import { DomainError } from '../errors.server'
import { forbidden } from './guards.server'
import { hashPassword } from './password.server'

export function describeScope(scope: GovScope) {
  if (scope.type === 'province') return '山西省（全省）'
  if (scope.type === 'region') return regionByCode.get(scope.code)?.name ?? scope.code
  return cityByCode.get(scope.code)?.name ?? scope.code
}

export function isKnownScope(scope: GovScope) {
  if (scope.type === 'province') return scope.code === 'shanxi'
  if (scope.type === 'region') return regionByCode.has(scope.code)
  return cityByCode.has(scope.code)
}

/** Only a platform administrator creates government accounts, each scoped to the province, a regional group or a city. */
export async function createGovernmentAccount(options: { actor: Actor; name: string; email: string; password: string; scope: GovScope }) {
  if (!isPlatformAdmin(options.actor)) throw forbidden('domain.platformAdminOnly')
  if (!isKnownScope(options.scope)) throw new DomainError('invalid', 'domain.scopeInvalid', { field: 'scope' })
  const email = options.email.trim().toLowerCase()
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email))
  if (existing) throw new DomainError('conflict', 'domain.emailTaken', { field: 'email' })
  const passwordHash = await hashPassword(options.password)
  const userId = await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        email,
        name: options.name,
        passwordHash,
        govScopeType: options.scope.type,
        govScopeCode: options.scope.code,
        // A platform administrator set this account up for a known official; there is no registration to confirm.
        emailConfirmedAt: new Date(),
      })
      .returning({ id: users.id })
    await recordAudit(tx, {
      actor: options.actor,
      action: 'user.government.create',
      entity: 'user',
      entityId: user!.id,
      summary: { email, scope: describeScope(options.scope) },
    })
    return user!.id
  })
  return { userId }
}

export async function listGovernmentAccounts({ actor }: { actor: Actor }) {
  if (!isPlatformAdmin(actor)) throw forbidden('domain.platformAdminOnly')
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, type: users.govScopeType, code: users.govScopeCode })
    .from(users)
    .where(isNotNull(users.govScopeType))
    .orderBy(users.id)
  return rows.map((r) => ({ ...r, scopeName: describeScope({ type: r.type!, code: r.code! }) }))
}
