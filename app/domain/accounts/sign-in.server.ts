import { createHash, randomBytes } from 'node:crypto'
import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import { db, passwordResets, sessions, users } from '~/db.server'
import { linkHolder } from '../actor'
import { recordAudit } from '../audit/audit.server'
import { DomainError } from '../errors.server'
import { queueMail } from '../mail/mail.server'
import { bilingualMail } from '../mail/messages.server'
import { RATE_LIMITS, checkRateLimits, consumeRateLimit, recordRateLimited, resetRateLimits } from '../rate-limit.server'
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.server'

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')
export const newToken = () => randomBytes(32).toString('base64url')

const tooMany = (retryAfterSeconds: number) =>
  new DomainError('rate_limited', 'auth.login.tooManyAttempts', { vars: { minutes: Math.ceil(retryAfterSeconds / 60) } })

/**
 * OWASP-style throttling, per address and per account separately. Every attempt counts against the
 * address's cap, and failed passwords against the address and the account, each in growing windows
 * (the wait grows from a minute to an hour as failures pile up; rotating addresses gains nothing
 * against an account, guessing across accounts gains nothing from one address). Both throttles are
 * skipped on a device the account has signed in from before (`knownDeviceUserId`, a signed cookie),
 * so nobody can lock the owner out by failing on purpose, even from the owner's own office network.
 * Unknown emails are throttled the same way as real ones, so the answers do not tell which accounts exist.
 */
export async function authenticate(options: {
  email: string
  password: string
  address: string
  knownDeviceUserId?: number | null
}): Promise<{ userId: number }> {
  const email = options.email.trim().toLowerCase()
  const accountKey = `signin:failures:${email}`
  const addressKey = `signin:ip-failures:${options.address}`
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, confirmedAt: users.emailConfirmedAt })
    .from(users)
    .where(eq(users.email, email))
  const knownDevice = user !== undefined && options.knownDeviceUserId === user.id
  if (!knownDevice) {
    const perIp = await consumeRateLimit(`signin:ip:${options.address}`, RATE_LIMITS.signInPerIp)
    if (!perIp.allowed) throw tooMany(perIp.retryAfterSeconds)
    for (const [key, rules] of [
      [addressKey, RATE_LIMITS.signInFailuresPerIp],
      [accountKey, RATE_LIMITS.signInFailuresPerAccount],
    ] as const) {
      const throttle = await checkRateLimits(key, rules)
      if (!throttle.allowed) throw tooMany(throttle.retryAfterSeconds)
    }
  }
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, options.password)
  if (!user || !valid) {
    await recordRateLimited(accountKey, RATE_LIMITS.signInFailuresPerAccount)
    await recordRateLimited(addressKey, RATE_LIMITS.signInFailuresPerIp)
    throw new DomainError('invalid', 'auth.login.wrong')
  }
  await resetRateLimits(accountKey, RATE_LIMITS.signInFailuresPerAccount)
  // Said only after the right password, so it tells nothing to someone who does not know it.
  if (!user.confirmedAt) throw new DomainError('invalid', 'auth.login.unconfirmed')
  return { userId: user.id }
}

const RESET_MINUTES = 30

/** Always answers the same way, whether or not the email has an account. */
export async function requestPasswordReset(options: { email: string; address: string; resetUrl: (token: string) => string }) {
  const email = options.email.trim().toLowerCase()
  const perIp = await consumeRateLimit(`reset:ip:${options.address}`, RATE_LIMITS.passwordResetPerIp)
  const perAccount = await consumeRateLimit(`reset:account:${email}`, RATE_LIMITS.passwordResetPerAccount)
  if (!perIp.allowed || !perAccount.allowed) throw new DomainError('rate_limited', 'auth.forgot.tooMany')
  const [user] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, email))
  if (!user) return
  const token = newToken()
  await db.transaction(async (tx) => {
    await tx
      .insert(passwordResets)
      .values({ userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000) })
    await queueMail(tx, {
      to: email,
      ...bilingualMail('reset', { name: user.name, minutes: RESET_MINUTES, url: options.resetUrl(token) }),
    })
    await recordAudit(tx, { actor: { kind: 'anonymous' }, action: 'user.password_reset.request', entity: 'user', entityId: user.id })
  })
}

export async function findValidReset({ token }: { token: string }) {
  const [reset] = await db
    .select({ id: passwordResets.id, userId: passwordResets.userId })
    .from(passwordResets)
    .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
  return reset ?? null
}

/** Sets the new password, spends the link and signs out every existing session. */
export async function completePasswordReset(options: { token: string; password: string }) {
  const reset = await findValidReset({ token: options.token })
  if (!reset) throw new DomainError('invalid', 'auth.reset.invalidRetry')
  const passwordHash = await hashPassword(options.password)
  await db.transaction(async (tx) => {
    // The reset link went to the mailbox, so following it proves the email as a confirmation link would.
    await tx
      .update(users)
      .set({ passwordHash, emailConfirmedAt: sql`coalesce(${users.emailConfirmedAt}, now())` })
      .where(eq(users.id, reset.userId))
    // Every link of this user is spent, not only this one: an older mail must not reset the new password.
    await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)))
    await tx.delete(sessions).where(eq(sessions.userId, reset.userId))
    await recordAudit(tx, {
      actor: linkHolder(reset.userId),
      action: 'user.password_reset.complete',
      entity: 'user',
      entityId: reset.userId,
    })
  })
  return { userId: reset.userId }
}
