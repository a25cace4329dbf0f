import { and, eq, gt, isNull } from 'drizzle-orm'
import { db, invitations, memberships, organisations, users } from '~/db.server'
import { linkHolder, type Actor } from '../actor'
import { assertOrgRole } from '../accounts/guards.server'
import { DomainError } from '../errors.server'
import { hashPassword } from '../accounts/password.server'
import { hashToken, newToken } from '../accounts/sign-in.server'
import { recordAudit } from '../audit/audit.server'
import { queueMail } from '../mail/mail.server'
import { bilingualMail } from '../mail/messages.server'
import { translate } from '~/lib/i18n'

const INVITATION_DAYS = 7

export async function listMembers({ actor, organisationId }: { actor: Actor; organisationId: number }) {
  assertOrgRole(actor, organisationId, 'member')
  const members = await db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(users.name)
  const pending = await db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(eq(invitations.organisationId, organisationId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date())))
  return { members, pending }
}

export async function inviteMember(options: {
  actor: Actor
  organisationId: number
  email: string
  role: 'admin' | 'member'
  acceptUrl: (token: string) => string
}) {
  assertOrgRole(options.actor, options.organisationId, 'admin')
  const email = options.email.trim().toLowerCase()
  const [already] = await db
    .select({ userId: users.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, options.organisationId), eq(users.email, email)))
  if (already) throw new DomainError('conflict', 'domain.alreadyMember', { field: 'email' })
  const [org] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, options.organisationId))
  const token = newToken()
  await db.transaction(async (tx) => {
    const [invitation] = await tx
      .insert(invitations)
      .values({
        organisationId: options.organisationId,
        email,
        role: options.role,
        tokenHash: hashToken(token),
        invitedByUserId: options.actor.kind === 'user' ? options.actor.userId : null,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      })
      .returning({ id: invitations.id })
    await queueMail(tx, {
      to: email,
      ...bilingualMail(
        'invite',
        { org: org!.name, days: INVITATION_DAYS, url: options.acceptUrl(token) },
        {
          zh: { role: translate('zh-CN', options.role === 'admin' ? 'auth.role.admin' : 'auth.role.member') },
          en: { role: translate('en', options.role === 'admin' ? 'auth.role.admin' : 'auth.role.member').toLowerCase() },
        },
      ),
    })
    await recordAudit(tx, {
      actor: options.actor,
      organisationId: options.organisationId,
      action: 'membership.invite',
      entity: 'invitation',
      entityId: invitation!.id,
      summary: { email, role: options.role },
    })
  })
}

export async function findInvitation({ token }: { token: string }) {
  const [row] = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      organisationId: invitations.organisationId,
      organisationName: organisations.name,
    })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date())))
  return row ?? null
}

/**
 * Accepts an invitation. A signed-in user joins with their account; a newcomer creates one
 * with the invited email (name and password required).
 */
export async function acceptInvitation(options: { token: string; actor: Actor; newAccount?: { name: string; password: string } }) {
  const invitation = await findInvitation({ token: options.token })
  if (!invitation) throw new DomainError('invalid', 'auth.invite.invalid')
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, invitation.email))
  let userId: number
  if (options.actor.kind === 'user') {
    // The link is a bearer token that may be forwarded or leaked: only the invited email's account may use it.
    const [me] = await db.select({ email: users.email }).from(users).where(eq(users.id, options.actor.userId))
    if (me?.email.trim().toLowerCase() !== invitation.email.trim().toLowerCase())
      throw new DomainError('forbidden', 'security.invitationOtherEmail', { vars: { email: invitation.email } })
    userId = options.actor.userId
  } else if (existing) throw new DomainError('conflict', 'domain.invitationNeedsSignIn')
  else if (!options.newAccount) throw new DomainError('invalid', 'domain.invitationNeedsAccount')
  else userId = 0
  const passwordHash = options.newAccount ? await hashPassword(options.newAccount.password) : null
  const joinedUserId = await db.transaction(async (tx) => {
    if (!userId) {
      const [user] = await tx
        .insert(users)
        // The invitation link went to this mailbox, so the email is as confirmed as a confirmation link would make it.
        .values({ email: invitation.email, name: options.newAccount!.name, passwordHash, emailConfirmedAt: new Date() })
        .returning({ id: users.id })
      userId = user!.id
    }
    // Spent in the same statement that checks it, so two parallel accepts join once.
    const [spent] = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id })
    if (!spent) throw new DomainError('invalid', 'auth.invite.invalid')
    await tx.insert(memberships).values({ userId, organisationId: invitation.organisationId, role: invitation.role }).onConflictDoNothing()
    await recordAudit(tx, {
      actor: options.actor.kind === 'user' ? options.actor : linkHolder(userId),
      organisationId: invitation.organisationId,
      action: 'membership.accept',
      entity: 'invitation',
      entityId: invitation.id,
      summary: { email: invitation.email, role: invitation.role },
    })
    return userId
  })
  return { userId: joinedUserId, organisationId: invitation.organisationId }
}

/** Changes a member's role or removes them; an organisation always keeps at least one administrator. */
export async function updateMember(options: {
  actor: Actor
  organisationId: number
  userId: number
  change: { role: 'admin' | 'member' } | { remove: true }
}) {
  assertOrgRole(options.actor, options.organisationId, 'admin')
  const actorId = options.actor.kind === 'user' ? options.actor.userId : 0
  // The rules are checked on the organisation's membership rows locked for this transaction, so two
  // admins demoting each other at once are serialised and the second finds it would leave no admin.
  await db.transaction(async (tx) => {
    const rows = await tx
      .select({ userId: memberships.userId, role: memberships.role })
      .from(memberships)
      .where(eq(memberships.organisationId, options.organisationId))
      .for('update')
    const member = rows.find((r) => r.userId === options.userId)
    if (!member) throw new DomainError('not_found', 'domain.notAMember')
    if (!rows.some((r) => r.userId === actorId && r.role === 'admin')) throw new DomainError('forbidden', 'domain.forbidden')
    const losingAdmin = member.role === 'admin' && ('remove' in options.change || options.change.role !== 'admin')
    if (losingAdmin && rows.filter((r) => r.role === 'admin').length <= 1) throw new DomainError('conflict', 'domain.lastAdmin')
    const where = and(eq(memberships.organisationId, options.organisationId), eq(memberships.userId, options.userId))
    if ('remove' in options.change) await tx.delete(memberships).where(where)
    else await tx.update(memberships).set({ role: options.change.role }).where(where)
    await recordAudit(tx, {
      actor: options.actor,
      organisationId: options.organisationId,
      action: 'remove' in options.change ? 'membership.remove' : 'membership.role',
      entity: 'user',
      entityId: options.userId,
      summary: { from: member.role, to: 'remove' in options.change ? null : options.change.role },
    })
  })
}
