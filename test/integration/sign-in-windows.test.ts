import { afterEach, describe, expect, it, vi } from 'vitest'
import { authenticate } from '../../app/domain/accounts/sign-in.server'
import { DomainError } from '../../app/domain/errors.server'

/**
 * Failed passwords against one account wait longer as they pile up (5 → about a minute, 10 → up to
 * 15 minutes), from addresses that change every attempt, so the per-address limits never decide.
 * Only the clock is faked: the windows are computed from Date.now(), the database runs for real.
 */
let address = 0
const attempt = (email: string) =>
  authenticate({ email, password: 'wrong-password-x', address: `10.77.${Math.floor(address / 200)}.${address++ % 200}` }).then(
    () => 'signed in' as const,
    (error: unknown) => (error instanceof DomainError ? error : Promise.reject(error)),
  )
const waitMinutes = (outcome: Awaited<ReturnType<typeof attempt>>) =>
  outcome instanceof DomainError && outcome.code === 'rate_limited' ? Number(outcome.vars?.minutes) : null

describe('sign-in lockout windows', () => {
  afterEach(() => vi.useRealTimers())

  it('grow from about a minute to a quarter of an hour as failures pile up', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    // An unknown email is throttled exactly like a real one, so the answers do not tell which exist.
    const email = 'nobody-windows@demo.jcj.example.cn'
    vi.setSystemTime(new Date('2026-06-01T00:00:10Z'))
    for (let i = 0; i < 5; i++) expect(((await attempt(email)) as DomainError).code).toBe('invalid')
    expect(waitMinutes(await attempt(email))).toBe(1)

    // Two minutes later the one-minute window has passed: five more tries, then the 15-minute window holds.
    vi.setSystemTime(new Date('2026-06-01T00:02:11Z'))
    for (let i = 0; i < 5; i++) expect(((await attempt(email)) as DomainError).code).toBe('invalid')
    expect(waitMinutes(await attempt(email))).toBe(13)

    // Still refused after the short window, until the longer one has passed.
    vi.setSystemTime(new Date('2026-06-01T00:05:00Z'))
    expect(waitMinutes(await attempt(email))).toBe(10)
  })
})
