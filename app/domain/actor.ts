/**
 * Who is asking. Every domain function takes one, so every query is scoped by it.
 * Until accounts exist (issue 4) every visitor is anonymous and sees only public data.
 */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user'
      userId: number
      platformRole: 'user' | 'admin'
      memberships: { organisationId: number; role: 'admin' | 'member' }[]
    }

export const anonymous: Actor = { kind: 'anonymous' }

export function isMemberOf(actor: Actor, organisationId: number) {
  return actor.kind === 'user' && actor.memberships.some((m) => m.organisationId === organisationId)
}
