import { redirect } from '@remix-run/node'
import { getLanguage, type MessageKey } from '~/lib/i18n'
import { cityByCode, regionByCode } from '../../../db/reference'
import { isOrgAdmin, isMemberOf, isPlatformAdmin, type Actor, type GovScope, type UserActor } from '../actor'
import { DomainError, errorResponse } from '../errors.server'
import { getActor } from './session.server'

/**
 * Guards throw: a redirect to sign in for anonymous visitors; for the wrong user a DomainError
 * (inside the domain) or, where the request is at hand, its 403 response in the reader's language.
 */
export const forbidden = (messageKey: MessageKey = 'domain.forbidden') => new DomainError('forbidden', messageKey)

function refuse(request: Request, messageKey: MessageKey): never {
  throw errorResponse(forbidden(messageKey), getLanguage(request))
}

export async function requireUser(request: Request): Promise<UserActor> {
  const actor = await getActor(request)
  if (actor.kind !== 'user') {
    const url = new URL(request.url)
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`)
  }
  return actor
}

export function assertOrgRole(actor: Actor, organisationId: number, role: 'member' | 'admin') {
  const allowed = role === 'admin' ? isOrgAdmin(actor, organisationId) : isMemberOf(actor, organisationId)
  if (!allowed) throw forbidden(role === 'admin' ? 'domain.notOrgAdmin' : 'auth.account.notMember')
}

export async function requireOrgRole(request: Request, organisationId: number, role: 'member' | 'admin') {
  const actor = await requireUser(request)
  const allowed = role === 'admin' ? isOrgAdmin(actor, organisationId) : isMemberOf(actor, organisationId)
  if (!allowed) refuse(request, role === 'admin' ? 'domain.notOrgAdmin' : 'auth.account.notMember')
  return actor
}

export async function requirePlatformAdmin(request: Request) {
  const actor = await requireUser(request)
  if (!isPlatformAdmin(actor)) refuse(request, 'domain.platformAdminOnly')
  return actor
}

export async function requireGovScope(request: Request): Promise<UserActor & { govScope: GovScope }> {
  const actor = await requireUser(request)
  if (!actor.govScope) refuse(request, 'domain.governmentOnly')
  return actor as UserActor & { govScope: GovScope }
}

/** The city codes a government scope covers: the province (all), a regional group, or one city. */
export function citiesInScope(scope: GovScope): string[] {
  if (scope.type === 'province') return [...cityByCode.keys()]
  if (scope.type === 'region') return regionByCode.get(scope.code)?.cities ?? []
  return cityByCode.has(scope.code) ? [scope.code] : []
}
