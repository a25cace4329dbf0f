import { and, desc, eq, inArray } from 'drizzle-orm'
import postgres from 'postgres'
import { describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { confirmEmail, resendConfirmation } from '../../app/domain/accounts/email-confirmation.server'
import { hashToken, newToken } from '../../app/domain/accounts/sign-in.server'
import { purgeAbandonedRegistrations } from '../../app/domain/orgs/abandoned-registrations.server'
import { registerOrganisation } from '../../app/domain/orgs/register.server'
import '../../app/jobs/index.server'
import { registeredJobs } from '../../app/jobs/scheduler.server'
import { translate } from '../../app/lib/i18n'
import { RegisterOrganisationSchema } from '../../app/lib/schemas/registration'
import { generateCreditCode } from '../../db/reference/credit-code'
import { auditLog, emailConfirmations, mailOutbox, memberships, organisations, outbox, users } from '../../db/schema'
import { createListing } from '../factories'
import { addMember, createUser } from '../factories/accounts'
import { registrationForm, registrationLinks as links } from '../factories/forms'

let n = 0

/** A registration through the domain, as the form makes it: an unconfirmed account, its organisation, one link. */
async function register(overrides: { email?: string; creditCode?: string } = {}) {
  n++
  const input = RegisterOrganisationSchema.parse({
    ...registrationForm({
      name: `晋中示例待确认装备有限公司${n}`,
      email: overrides.email ?? `pending${n}-${Date.now()}@demo.jcj.example.cn`,
    }),
    creditCode: overrides.creditCode ?? generateCreditCode(Math.random, { cityCode: 'jinzhong' }),
  })
  const outcome = await registerOrganisation({ input, links })
  if (!outcome.created) throw new Error('registration created nothing')
  return { ...outcome, email: input.email, creditCode: input.creditCode }
}

/** Moves a registration (the account, its organisation and its links) `hours` into the past. */
async function age(registration: { userId: number; organisationId: number }, hours: number) {
  const back = (date: Date) => new Date(date.getTime() - hours * 3_600_000)
  const [user] = await db.select().from(users).where(eq(users.id, registration.userId))
  await db
    .update(users)
    .set({ createdAt: back(user!.createdAt) })
    .where(eq(users.id, registration.userId))
  for (const link of await db.select().from(emailConfirmations).where(eq(emailConfirmations.userId, registration.userId)))
    await db
      .update(emailConfirmations)
      .set({ createdAt: back(link.createdAt), expiresAt: back(link.expiresAt) })
      .where(eq(emailConfirmations.id, link.id))
}

const DAY = 24
const exists = {
  user: async (id: number) => (await db.select().from(users).where(eq(users.id, id))).length === 1,
  organisation: async (id: number) => (await db.select().from(organisations).where(eq(organisations.id, id))).length === 1,
}

describe('the purge of registrations nobody confirmed', () => {
  it('removes one idle for a week with its organisation, links and membership, audited and through the outbox', async () => {
    const stale = await register()
    await age(stale, 8 * DAY)
    const outboxBefore = (await db.select({ id: outbox.id }).from(outbox).orderBy(desc(outbox.id)).limit(1))[0]?.id ?? 0

    expect(await purgeAbandonedRegistrations()).toBeGreaterThanOrEqual(1)

    expect(await exists.user(stale.userId)).toBe(false)
    expect(await exists.organisation(stale.organisationId)).toBe(false)
    expect(await db.select().from(emailConfirmations).where(eq(emailConfirmations.userId, stale.userId))).toEqual([])
    expect(await db.select().from(memberships).where(eq(memberships.organisationId, stale.organisationId))).toEqual([])
    const queued = await db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.entity, 'organisation'), eq(outbox.entityId, stale.organisationId)))
    expect(queued.some((row) => row.id > outboxBefore)).toBe(true)
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'registration.purge'), eq(auditLog.entityId, stale.userId)))
    expect(audit!.summary).toMatchObject({
      email: stale.email,
      organisations: [{ id: stale.organisationId, creditCode: stale.creditCode }],
    })
  })

  it('keeps a confirmed registration, a recent one, one whose link was asked for again, and an organisation used beyond its registration', async () => {
    const confirmed = await register()
    await db.update(users).set({ emailConfirmedAt: new Date() }).where(eq(users.id, confirmed.userId))
    const recent = await register()
    await age(recent, 5 * DAY)
    const resent = await register()
    await age(resent, 20 * DAY)
    await db
      .insert(emailConfirmations)
      .values({ userId: resent.userId, tokenHash: hashToken(newToken()), expiresAt: new Date(Date.now() - 2 * DAY * 3_600_000) })
    const listed = await register()
    await createListing(listed.organisationId)
    for (const r of [confirmed, listed]) await age(r, 30 * DAY)

    await purgeAbandonedRegistrations()

    for (const r of [confirmed, recent, resent, listed]) {
      expect(await exists.user(r.userId)).toBe(true)
      expect(await exists.organisation(r.organisationId)).toBe(true)
    }
  })

  it('removes the account but keeps an organisation that has another member', async () => {
    const shared = await register()
    const colleague = await createUser()
    await addMember(colleague.id, shared.organisationId, 'admin')
    await age(shared, 8 * DAY)

    await purgeAbandonedRegistrations()

    expect(await exists.user(shared.userId)).toBe(false)
    expect(await exists.organisation(shared.organisationId)).toBe(true)
    expect(
      await db.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.organisationId, shared.organisationId)),
    ).toEqual([{ userId: colleague.id }])
  })

  it('is part of the daily purge job', async () => {
    const stale = await register()
    await age(stale, 8 * DAY)
    const job = registeredJobs().find((j) => j.name === 'outbox-purge')!
    await job.run({ signal: new AbortController().signal })
    expect(await exists.user(stale.userId)).toBe(false)
  })
})

const databaseUrl = process.env.DATABASE_URL

/** Waits until some statement of this database is waiting for a lock: the purge has reached the locked row. */
async function untilSomeoneWaits(other: postgres.Sql) {
  for (let i = 0; i < 200; i++) {
    const [row] =
      await other`select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`
    if (row!.waiting > 0) return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error('the purge never waited for the lock')
}

// Two sessions at once need Postgres; PGlite is one session, where nothing can interleave.
describe.skipIf(!databaseUrl)('a purge meeting a confirmation at the same moment', () => {
  it('an account being confirmed while the purge runs keeps its account and organisation', async () => {
    const stale = await register()
    await age(stale, 8 * DAY)
    const other = postgres(databaseUrl!, { max: 2, onnotice: () => {} })
    try {
      let purge: Promise<number> | undefined
      await other.begin(async (tx) => {
        // The confirmation's own write, not yet committed when the purge reaches the account.
        await tx`update users set email_confirmed_at = now() where id = ${stale.userId}`
        purge = purgeAbandonedRegistrations()
        await untilSomeoneWaits(other)
      })
      await purge
    } finally {
      await other.end({ timeout: 1 })
    }
    expect(await exists.user(stale.userId)).toBe(true)
    expect(await exists.organisation(stale.organisationId)).toBe(true)
  })

  it('a link asked for while the purge runs keeps the account, and confirms it', async () => {
    const stale = await register()
    await age(stale, 8 * DAY)
    const token = newToken()
    const other = postgres(databaseUrl!, { max: 2, onnotice: () => {} })
    try {
      let purge: Promise<number> | undefined
      await other.begin(async (tx) => {
        await tx`insert into email_confirmations (user_id, token_hash, expires_at) values (${stale.userId}, ${hashToken(token)}, now() + interval '24 hours')`
        purge = purgeAbandonedRegistrations()
        await untilSomeoneWaits(other)
      })
      await purge
    } finally {
      await other.end({ timeout: 1 })
    }
    expect(await exists.user(stale.userId)).toBe(true)
    await confirmEmail({ token })
    const [user] = await db.select().from(users).where(eq(users.id, stale.userId))
    expect(user!.emailConfirmedAt).not.toBeNull()
    expect(await exists.organisation(stale.organisationId)).toBe(true)
  })
  it('a new link asked for while the purge removes the account: the same quiet answer as for an unknown email, no mail', async () => {
    const stale = await register()
    await age(stale, 8 * DAY)
    const mailBefore = await db.select().from(mailOutbox).where(eq(mailOutbox.to, stale.email))
    const other = postgres(databaseUrl!, { max: 2, onnotice: () => {} })
    let resend: Promise<unknown> | undefined
    try {
      await other.begin(async (tx) => {
        // The purge's own delete, not yet committed when the request for a new link arrives.
        await tx`delete from users where id = ${stale.userId}`
        resend = resendConfirmation({ email: stale.email, address: '10.7.0.1', confirmUrl: links.confirmUrl })
        await untilSomeoneWaits(other)
      })
    } finally {
      await other.end({ timeout: 1 })
    }
    await expect(resend).resolves.toBeUndefined()
    expect(await db.select().from(mailOutbox).where(eq(mailOutbox.to, stale.email))).toEqual(mailBefore)
  })
})

describe('a new registration meeting an old one nobody confirmed', () => {
  it('of the same credit code, once its link has lapsed: the old registration is replaced, not the owner locked out for a week', async () => {
    const squatter = await register()
    await age(squatter, DAY + 2)
    const owner = await register({ creditCode: squatter.creditCode })

    expect(await exists.user(squatter.userId)).toBe(false)
    expect(await exists.organisation(squatter.organisationId)).toBe(false)
    const [org] = await db.select().from(organisations).where(eq(organisations.id, owner.organisationId))
    expect(org!.creditCode).toBe(squatter.creditCode)
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'registration.replace'), eq(auditLog.entityId, squatter.userId)))
    expect(audit!.summary).toMatchObject({ organisations: [{ id: squatter.organisationId, creditCode: squatter.creditCode }] })
  })

  it('of the same credit code while its link still lives: refused, saying it waits for confirmation and for how long', async () => {
    const first = await register()
    await age(first, 2)
    const second = register({ creditCode: first.creditCode })
    // The link lives 24 hours and the claim an hour after it: 23 hours from now.
    await expect(second).rejects.toMatchObject({ messageKey: 'domain.creditCodePending', vars: { hours: 23 }, field: 'creditCode' })
    expect(translate('zh-CN', 'domain.creditCodePending', { hours: 23 })).toContain('约 23 小时后')
    expect(translate('en', 'domain.creditCodePending', { hours: 23 })).toContain('in about 23 hours')
    expect(await exists.organisation(first.organisationId)).toBe(true)
  })

  it('of the same credit code held by a confirmed organisation: refused as taken, whatever its age', async () => {
    const real = await register()
    await db.update(users).set({ emailConfirmedAt: new Date() }).where(eq(users.id, real.userId))
    await age(real, 30 * DAY)
    await expect(register({ creditCode: real.creditCode })).rejects.toMatchObject({ messageKey: 'domain.creditCodeTaken' })
  })

  it('of the same email, once its link has lapsed: a new account and organisation, the old ones gone, no “someone tried” notice', async () => {
    const old = await register()
    await age(old, DAY + 2)
    const fresh = await register({ email: old.email })

    expect(fresh.userId).not.toBe(old.userId)
    expect(await exists.user(old.userId)).toBe(false)
    expect(await exists.organisation(old.organisationId)).toBe(false)
    const mail = await db.select().from(mailOutbox).where(eq(mailOutbox.to, old.email))
    expect(mail.filter((m) => m.subject.includes('有人尝试用此邮箱注册'))).toEqual([])
    const links = await db
      .select()
      .from(emailConfirmations)
      .where(inArray(emailConfirmations.userId, [fresh.userId]))
    expect(links).toHaveLength(1)
  })
})
