/**
 * Who is asking. Every domain function takes one, so every query is scoped by it.
 */
export type GovScope = { type: 'province' | 'region' | 'city'; code: string }

export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user'
      userId: number
      platformRole: 'user' | 'admin'
      govScope: GovScope | null
      activeOrganisationId: number | null
      memberships: { organisationId: number; role: 'admin' | 'member' }[]
    }

export type UserActor = Extract<Actor, { kind: 'user' }>

export const anonymous: Actor = { kind: 'anonymous' }

/** The audit log's actor for someone acting by a mailed link (confirming an email, resetting a password), not signed in. */
export const linkHolder = (userId: number): UserActor => ({
  kind: 'user',
  userId,
  platformRole: 'user',
  govScope: null,
  activeOrganisationId: null,
  memberships: [],
})

export function isMemberOf(actor: Actor, organisationId: number) {
  return actor.kind === 'user' && actor.memberships.some((m) => m.organisationId === organisationId)
}

export function isOrgAdmin(actor: Actor, organisationId: number) {
  return actor.kind === 'user' && actor.memberships.some((m) => m.organisationId === organisationId && m.role === 'admin')
}

export function isPlatformAdmin(actor: Actor) {
  return actor.kind === 'user' && actor.platformRole === 'admin'
}
