import { sql } from 'drizzle-orm'
import { db, rateLimits } from '~/db.server'

export type RateLimitRule = { limit: number; windowSeconds: number }

export const RATE_LIMITS = {
  signInPerIp: { limit: 20, windowSeconds: 15 * 60 },
  signInPerAccount: { limit: 5, windowSeconds: 15 * 60 },
  registerPerIp: { limit: 10, windowSeconds: 60 * 60 },
  passwordResetPerIp: { limit: 10, windowSeconds: 60 * 60 },
  passwordResetPerAccount: { limit: 3, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>

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
