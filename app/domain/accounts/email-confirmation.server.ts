import { and, eq, gt, isNull } from 'drizzle-orm'
import { CONFIRM_HOURS } from '~/lib/email-confirmation'
import { db, emailConfirmations, type Executor, users } from '~/db.server'
import { linkHolder } from '../actor'
import { recordAudit } from '../audit/audit.server'
import { DomainError } from '../errors.server'
import { publicUrl } from '../mail/link-origin.server'
import { queueMail } from '../mail/mail.server'
import { bilingualMail } from '../mail/messages.server'
import { RATE_LIMITS, consumeRateLimit } from '../rate-limit.server'
import { hashToken, newToken } from './sign-in.server'

/** The links a registration's mail may carry, built by the route from the configured origin only. */
export type RegistrationLinks = { confirmUrl: (token: string) => string; signInUrl: string; resetUrl: string }

/** Throws (503, a message for the user) before anything is written when no origin is configured. */
export const registrationLinks = (request: Request): RegistrationLinks => ({
  confirmUrl: (token) => publicUrl(request, `/confirm-email/${token}`),
  signInUrl: publicUrl(request, '/login'),
  resetUrl: publicUrl(request, '/forgot-password'),
})

/**
 * Counts one confirmation mail against the address's account. Counted before anyone looks the email
 * up, so a known and an unknown address meet the same limit.
 */
export const mailAllowedFor = async ({ email }: { email: string }) =>
  (await consumeRateLimit(`confirm:account:${email}`, RATE_LIMITS.confirmationMailPerAccount)).allowed

/** A new single-use link for `user`, and its mail, in the caller's transaction. */
export async function queueConfirmation(
  tx: Executor,
  user: { id: number; email: string; name: string },
  confirmUrl: RegistrationLinks['confirmUrl'],
) {
  const token = newToken()
  await tx
    .insert(emailConfirmations)
    .values({ userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + CONFIRM_HOURS * 3_600_000) })
  await queueMail(tx, { to: user.email, ...bilingualMail('confirm', { name: user.name, hours: CONFIRM_HOURS, url: confirmUrl(token) }) })
}

/** Someone registered with an email that already has an account: its owner is told, nobody else. */
export async function queueExistingAccountNotice(tx: Executor, user: { email: string; name: string }, links: RegistrationLinks) {
  await queueMail(tx, {
    to: user.email,
    ...bilingualMail('registerExisting', { name: user.name, signInUrl: links.signInUrl, resetUrl: links.resetUrl }),
  })
}

/**
 * A fresh link for an account that has not confirmed its email yet. Answers the same way for an
 * unknown, a confirmed and an unconfirmed email: only the mailbox learns which it was.
 */
export async function resendConfirmation(options: { email: string; address: string; confirmUrl: RegistrationLinks['confirmUrl'] }) {
  const email = options.email.trim().toLowerCase()
  const perIp = await consumeRateLimit(`confirm:ip:${options.address}`, RATE_LIMITS.confirmationResendPerIp)
  const perAccount = await mailAllowedFor({ email })
  if (!perIp.allowed || !perAccount) throw new DomainError('rate_limited', 'auth.confirm.tooMany')
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, confirmedAt: users.emailConfirmedAt })
    .from(users)
    .where(eq(users.email, email))
  if (!user || user.confirmedAt) return
  await db.transaction(async (tx) => {
    // The account is locked first, as the purge of unconfirmed registrations does: one it is removing
    // right now is gone once the lock is ours (nothing to send, the same answer), and one it has not
    // reached yet is kept by this new link.
    const [still] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, user.id), isNull(users.emailConfirmedAt)))
      .for('update')
    if (still) await queueConfirmation(tx, user, options.confirmUrl)
  })
}

const live = (token: string) =>
  and(eq(emailConfirmations.tokenHash, hashToken(token)), isNull(emailConfirmations.usedAt), gt(emailConfirmations.expiresAt, new Date()))

/** The account a link would confirm, if the link is unused and unexpired. */
export async function findPendingEmailConfirmation({ token }: { token: string }) {
  const [row] = await db
    .select({ email: users.email })
    .from(emailConfirmations)
    .innerJoin(users, eq(users.id, emailConfirmations.userId))
    .where(live(token))
  return row ?? null
}

/** Spends the link (and every other link of the account) and marks the email confirmed. */
export async function confirmEmail({ token }: { token: string }) {
  return db.transaction(async (tx) => {
    // Spent in the statement that checks it, so two clicks at once confirm once.
    const [spent] = await tx
      .update(emailConfirmations)
      .set({ usedAt: new Date() })
      .where(live(token))
      .returning({ userId: emailConfirmations.userId })
    if (!spent) throw new DomainError('invalid', 'auth.confirm.invalid')
    await tx
      .update(emailConfirmations)
      .set({ usedAt: new Date() })
      .where(and(eq(emailConfirmations.userId, spent.userId), isNull(emailConfirmations.usedAt)))
    await tx
      .update(users)
      .set({ emailConfirmedAt: new Date() })
      .where(and(eq(users.id, spent.userId), isNull(users.emailConfirmedAt)))
    await recordAudit(tx, {
      actor: linkHolder(spent.userId),
      action: 'user.email_confirm',
      entity: 'user',
      entityId: spent.userId,
    })
    return { userId: spent.userId }
  })
}
