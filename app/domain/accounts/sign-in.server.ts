import { createHash, randomBytes } from 'node:crypto'
import { and, eq, gt, isNull } from 'drizzle-orm'
import { db, passwordResets, sessions, users } from '~/db.server'
import { recordAudit } from '../audit/audit.server'
import { DomainError } from '../errors.server'
import { queueMail } from '../mail/mail.server'
import { bilingualMail } from '../mail/messages.server'
import { RATE_LIMITS, consumeRateLimit, resetRateLimit } from '../rate-limit.server'
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.server'

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')
export const newToken = () => randomBytes(32).toString('base64url')

/** Limits per address and per account, so neither one machine nor a botnet can guess a password. */
export async function authenticate(options: { email: string; password: string; address: string }): Promise<{ userId: number }> {
  const email = options.email.trim().toLowerCase()
  for (const [key, rule] of [
    [`signin:ip:${options.address}`, RATE_LIMITS.signInPerIp],
    [`signin:account:${email}`, RATE_LIMITS.signInPerAccount],
  ] as const) {
    const limit = await consumeRateLimit(key, rule)
    if (!limit.allowed)
      throw new DomainError('rate_limited', 'auth.login.tooManyAttempts', {
        vars: { minutes: Math.ceil((limit.retryAfterSeconds ?? 900) / 60) },
      })
  }
  const [user] = await db.select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(eq(users.email, email))
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, options.password)
  if (!user || !valid) throw new DomainError('invalid', 'auth.login.wrong')
  await resetRateLimit(`signin:account:${email}`)
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
    await tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId))
    await tx.update(passwordResets).set({ usedAt: new Date() }).where(eq(passwordResets.id, reset.id))
    await tx.delete(sessions).where(eq(sessions.userId, reset.userId))
    await recordAudit(tx, {
      actor: { kind: 'user', userId: reset.userId, platformRole: 'user', govScope: null, activeOrganisationId: null, memberships: [] },
      action: 'user.password_reset.complete',
      entity: 'user',
      entityId: reset.userId,
    })
  })
  return { userId: reset.userId }
}
