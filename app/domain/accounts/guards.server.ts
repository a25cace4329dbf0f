import { redirect } from '@remix-run/node'
import { cityByCode, regionByCode, regionOfCity } from '../../../db/reference'
import { isOrgAdmin, isMemberOf, isPlatformAdmin, type Actor, type GovScope, type UserActor } from '../actor'
import { getActor } from './session.server'

/** Guards throw: a redirect to sign in for anonymous visitors, 403 for the wrong user. */
export function forbidden(message = '您没有权限执行此操作') {
  return new Response(message, { status: 403, statusText: 'Forbidden' })
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
  if (!allowed) throw forbidden('您不是该机构的' + (role === 'admin' ? '管理员' : '成员'))
}

export async function requireOrgRole(request: Request, organisationId: number, role: 'member' | 'admin') {
  const actor = await requireUser(request)
  assertOrgRole(actor, organisationId, role)
  return actor
}

export async function requirePlatformAdmin(request: Request) {
  const actor = await requireUser(request)
  if (!isPlatformAdmin(actor)) throw forbidden('仅平台管理员可访问')
  return actor
}

export async function requireGovScope(request: Request): Promise<UserActor & { govScope: GovScope }> {
  const actor = await requireUser(request)
  if (!actor.govScope) throw forbidden('仅政府用户可访问')
  return actor as UserActor & { govScope: GovScope }
}

/** The city codes a government scope covers: the province (all), a regional group, or one city. */
export function citiesInScope(scope: GovScope): string[] {
  if (scope.type === 'province') return [...cityByCode.keys()]
  if (scope.type === 'region') return regionByCode.get(scope.code)?.cities ?? []
  return cityByCode.has(scope.code) ? [scope.code] : []
}

export function scopeCovers(scope: GovScope, cityCode: string) {
  if (scope.type === 'province') return true
  if (scope.type === 'region') return regionOfCity.get(cityCode)?.code === scope.code
  return scope.code === cityCode
}
