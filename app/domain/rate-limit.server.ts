import { sql } from 'drizzle-orm'
import { db, rateLimits } from '~/db.server'

export type RateLimitRule = { limit: number; windowSeconds: number }

export const RATE_LIMITS = {
  // An office behind one NAT address may need more: SIGN_IN_PER_IP_LIMIT (accounts keep their own limit below).
  signInPerIp: { limit: Number(process.env.SIGN_IN_PER_IP_LIMIT) || 20, windowSeconds: 15 * 60 },
  /** Failed passwords per account, in growing windows: 5 quickly → wait up to a minute, 10 → 15 minutes, 20 → an hour. */
  signInFailuresPerAccount: [
    { limit: 5, windowSeconds: 60 },
    { limit: 10, windowSeconds: 15 * 60 },
    { limit: 20, windowSeconds: 60 * 60 },
  ],
  /** Failed passwords per address, also in growing windows: one machine guessing across many accounts slows down step by step. */
  signInFailuresPerIp: [
    { limit: 10, windowSeconds: 60 },
    { limit: 30, windowSeconds: 15 * 60 },
    { limit: 100, windowSeconds: 60 * 60 },
  ],
  registerPerIp: { limit: 10, windowSeconds: 60 * 60 },
  passwordResetPerIp: { limit: 10, windowSeconds: 60 * 60 },
  passwordResetPerAccount: { limit: 3, windowSeconds: 60 * 60 },
  /** Confirmation mails (and "someone tried to register" notices) per email, so nobody can flood a mailbox. */
  confirmationMailPerAccount: { limit: 3, windowSeconds: 60 * 60 },
  confirmationResendPerIp: { limit: 10, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule | RateLimitRule[]>

/**
 * Counts one attempt against `key` in a fixed window stored in Postgres (so it holds across
 * processes) and says whether it is still allowed.
 */
export async function consumeRateLimit(key: string, rule: RateLimitRule) {
  const windowMs = rule.windowSeconds * 1000
  const windowStart = new Date(Math.floor(Date.now() / windowMs) * windowMs)
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count })
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - Date.now()) / 1000)
  return { allowed: row!.count <= rule.limit, retryAfterSeconds }
}

export async function resetRateLimit(key: string) {
  await db.delete(rateLimits).where(sql`${rateLimits.key} = ${key}`)
}

/** The server script replaces this header with the socket's address, so a client cannot choose it. */
export const CLIENT_ADDRESS_HEADER = 'x-jcj-client-address'

export function clientAddress(request: Request) {
  return request.headers.get(CLIENT_ADDRESS_HEADER) || 'unknown'
}

const windowOf = (rule: RateLimitRule, now = Date.now()) => {
  const windowMs = rule.windowSeconds * 1000
  const start = Math.floor(now / windowMs) * windowMs
  return { windowStart: new Date(start), retryAfterSeconds: Math.ceil((start + windowMs - now) / 1000) }
}

/** Whether `key` is over any of the rules, without counting an attempt. */
export async function checkRateLimits(key: string, rules: RateLimitRule[]) {
  let retryAfterSeconds = 0
  for (const rule of rules) {
    // This window and the one before, so a burst across a window boundary still counts as one burst.
    const { windowStart, retryAfterSeconds: wait } = windowOf(rule)
    const previous = new Date(windowStart.getTime() - rule.windowSeconds * 1000)
    const [row] = await db
      .select({ count: sql<number>`coalesce(sum(${rateLimits.count}), 0)::int` })
      .from(rateLimits)
      .where(
        sql`${rateLimits.key} = ${`${key}:${rule.windowSeconds}`} and ${rateLimits.windowStart} in (${windowStart.toISOString()}, ${previous.toISOString()})`,
      )
    if (Number(row?.count ?? 0) >= rule.limit) retryAfterSeconds = Math.max(retryAfterSeconds, wait)
  }
  return { allowed: retryAfterSeconds === 0, retryAfterSeconds }
}

/** Counts one event (a failed password) against each of the rules' windows. */
export async function recordRateLimited(key: string, rules: RateLimitRule[]) {
  for (const rule of rules) await consumeRateLimit(`${key}:${rule.windowSeconds}`, rule)
}

export async function resetRateLimits(key: string, rules: RateLimitRule[]) {
  for (const rule of rules) await resetRateLimit(`${key}:${rule.windowSeconds}`)
}
