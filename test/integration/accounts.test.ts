import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { authenticate, completePasswordReset, requestPasswordReset } from '../../app/domain/accounts/sign-in.server'
import { getSessionUser, signOut } from '../../app/domain/accounts/session.server'
import { DomainError } from '../../app/domain/errors.server'
import { registerOrganisation } from '../../app/domain/orgs/register.server'
import { decideVerification } from '../../app/domain/orgs/verification.server'
import { acceptInvitation, inviteMember, updateMember } from '../../app/domain/orgs/members.server'
import { RegisterOrganisationSchema } from '../../app/lib/schemas/registration'
import { translateMessage } from '../../app/lib/i18n/form-messages'
import { auditLog, mailOutbox, organisations, outbox, users } from '../../db/schema'
import { createOrganisation } from '../factories'
import { registrationForm, registrationLinks as links } from '../factories/forms'
import { DEFAULT_PASSWORD, addMember, createUser, signIn, signInMember } from '../factories/accounts'

const validRegistration = registrationForm({ name: '山西示例智能矿山装备有限公司', email: 'wang.jianguo@demo.jcj.example.cn' })

describe('registering an organisation', () => {
  it('creates the organisation unverified with its first user as administrator, audited and queued for search', async () => {
    const input = RegisterOrganisationSchema.parse(validRegistration)
    const result = await registerOrganisation({ input, links })
    if (!result.created) throw new Error('not created')
    const [org] = await db.select().from(organisations).where(eq(organisations.id, result.organisationId))
    expect(org).toMatchObject({
      name: '山西示例智能矿山装备有限公司',
      verification: 'unverified',
      staffCount: 1200,
      technicalPostCount: 300,
    })
    const { actor } = await signIn(result.userId)
    expect(actor).toMatchObject({ kind: 'user', memberships: [{ organisationId: result.organisationId, role: 'admin' }] })
    expect(await db.select().from(auditLog).where(eq(auditLog.organisationId, result.organisationId))).toHaveLength(1)
    expect(await db.select().from(outbox).where(eq(outbox.entityId, result.organisationId))).not.toHaveLength(0)
  })

  it('refuses a wrong check character with a Chinese message on the field', () => {
    const parsed = RegisterOrganisationSchema.safeParse({ ...validRegistration, creditCode: '91350100M000100Y44' })
    expect(parsed.success).toBe(false)
    expect(parsed.error!.flatten().fieldErrors.creditCode?.map((m) => translateMessage('zh-CN', m))).toEqual([
      '统一社会信用代码校验位不正确，请核对营业执照或法人证书',
    ])
    expect(translateMessage('en', parsed.error!.flatten().fieldErrors.creditCode![0]!)).toContain('check character')
  })

  it('asks an enterprise for the staff and technical-post counts the quotas need', () => {
    const parsed = RegisterOrganisationSchema.safeParse({ ...validRegistration, staffCount: '', technicalPostCount: undefined })
    expect(parsed.success).toBe(false)
    expect(translateMessage('zh-CN', parsed.error!.flatten().fieldErrors.technicalPostCount![0]!)).toContain('技术岗位数')
  })

  it('refuses a weak password and mismatched confirmation', () => {
    const parsed = RegisterOrganisationSchema.safeParse({ ...validRegistration, password: '12345678', confirmPassword: 'x' })
    const errors = parsed.error!.flatten().fieldErrors
    expect(translateMessage('zh-CN', errors.password![0]!)).toBe('密码至少 10 个字符')
    expect(translateMessage('en', errors.password![0]!)).toBe('A password needs at least 10 characters')
    expect(errors.confirmPassword?.map((m) => translateMessage('zh-CN', m))).toEqual(['两次输入的密码不一致'])
  })

  it('says when the credit code is already registered and writes nothing', async () => {
    const input = RegisterOrganisationSchema.parse({
      ...validRegistration,
      creditCode: '91110000100006485K',
      email: 'first@demo.jcj.example.cn',
    })
    const first = await registerOrganisation({ input, links })
    // Confirmed: a registration still waiting for its email says so instead (abandoned-registrations.test.ts).
    if (first.created) await db.update(users).set({ emailConfirmedAt: new Date() }).where(eq(users.id, first.userId))
    const before = await db.select().from(users)
    await expect(registerOrganisation({ input: { ...input, email: 'second@demo.jcj.example.cn' }, links })).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'domain.creditCodeTaken',
      field: 'creditCode',
    })
    expect(await db.select().from(users)).toHaveLength(before.length)
  })
})

describe('signing in', () => {
  it('accepts the right password and refuses a wrong one', async () => {
    const user = await createUser({ email: 'li.na@demo.jcj.example.cn' })
    expect(await authenticate({ email: 'LI.NA@demo.jcj.example.cn', password: DEFAULT_PASSWORD, address: '10.0.0.1' })).toEqual({
      userId: user.id,
    })
    await expect(
      authenticate({ email: 'li.na@demo.jcj.example.cn', password: 'wrong-password-1', address: '10.0.0.1' }),
    ).rejects.toMatchObject({
      code: 'invalid',
      messageKey: 'auth.login.wrong',
    })
  })

  it('locks an account after five failed attempts, even with the right password', async () => {
    await createUser({ email: 'target@demo.jcj.example.cn' })
    for (let i = 0; i < 5; i++) {
      await expect(
        authenticate({ email: 'target@demo.jcj.example.cn', password: `guess${i}aaaaaa`, address: `10.1.0.${i}` }),
      ).rejects.toMatchObject({ code: 'invalid' })
    }
    await expect(
      authenticate({ email: 'target@demo.jcj.example.cn', password: DEFAULT_PASSWORD, address: '10.1.0.99' }),
    ).rejects.toMatchObject({ code: 'rate_limited', status: 429 })
  })

  it('limits one address guessing across many accounts', async () => {
    let limited = false
    for (let i = 0; i < 25 && !limited; i++) {
      const refusal = await authenticate({ email: `nobody${i}@demo.jcj.example.cn`, password: 'whatever123', address: '10.9.9.9' }).catch(
        (error: DomainError) => error,
      )
      limited = refusal instanceof DomainError && refusal.code === 'rate_limited'
    }
    expect(limited).toBe(true)
  })

  it('a session revoked by sign-out no longer works', async () => {
    const user = await createUser()
    const { cookie } = await signIn(user.id)
    const request = new Request('http://localhost/', { headers: { Cookie: cookie } })
    expect(await getSessionUser(request)).not.toBeNull()
    const response = await signOut(request)
    expect(response.headers.get('Set-Cookie')).toContain('Max-Age=0')
    expect(await getSessionUser(request)).toBeNull()
  })
})

describe('password reset', () => {
  it('mails a one-time link that sets a new password and ends other sessions', async () => {
    const user = await createUser({ email: 'zhao.min@demo.jcj.example.cn' })
    const { cookie } = await signIn(user.id)
    let link = ''
    await requestPasswordReset({
      email: 'zhao.min@demo.jcj.example.cn',
      address: '10.2.0.1',
      resetUrl: (t) => (link = `http://localhost/reset-password/${t}`),
    })
    const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.to, 'zhao.min@demo.jcj.example.cn'))
    expect(mail!.text).toContain(link)
    const token = link.split('/').pop()!
    expect(await completePasswordReset({ token, password: 'NewPassword2026' })).toEqual({ userId: user.id })
    await expect(completePasswordReset({ token, password: 'Another2026pwd' })).rejects.toMatchObject({
      messageKey: 'auth.reset.invalidRetry',
    })
    expect(await getSessionUser(new Request('http://localhost/', { headers: { Cookie: cookie } }))).toBeNull()
    expect(await authenticate({ email: 'zhao.min@demo.jcj.example.cn', password: 'NewPassword2026', address: '10.2.0.2' })).toEqual({
      userId: user.id,
    })
  })

  it('answers the same for an unknown email and sends nothing', async () => {
    const before = (await db.select().from(mailOutbox)).length
    await requestPasswordReset({ email: 'ghost@demo.jcj.example.cn', address: '10.3.0.1', resetUrl: (t) => t })
    expect(await db.select().from(mailOutbox)).toHaveLength(before)
  })
})

describe('members and verification', () => {
  it('an org admin invites a colleague who joins by the emailed link', async () => {
    const org = await createOrganisation()
    const { actor } = await signInMember(org.id, 'admin')
    let token = ''
    await inviteMember({
      actor,
      organisationId: org.id,
      email: 'colleague@demo.jcj.example.cn',
      role: 'member',
      acceptUrl: (t) => (token = t),
    })
    const accepted = await acceptInvitation({
      token,
      actor: { kind: 'anonymous' },
      newAccount: { name: '刘洋', password: 'Colleague2026' },
    })
    expect(accepted).toEqual({ userId: expect.any(Number), organisationId: org.id })
    const joined = await authenticate({ email: 'colleague@demo.jcj.example.cn', password: 'Colleague2026', address: '10.4.0.1' })
    expect(joined).toEqual({ userId: accepted.userId })
  })

  it('a plain member cannot invite, and the last administrator cannot step down', async () => {
    const org = await createOrganisation()
    const admin = await createUser()
    const member = await createUser()
    await addMember(admin.id, org.id, 'admin')
    await addMember(member.id, org.id, 'member')
    const memberActor = (await signIn(member.id)).actor
    await expect(
      inviteMember({ actor: memberActor, organisationId: org.id, email: 'x@demo.jcj.example.cn', role: 'admin', acceptUrl: (t) => t }),
    ).rejects.toMatchObject({ status: 403 })
    const adminActor = (await signIn(admin.id)).actor
    await expect(
      updateMember({ actor: adminActor, organisationId: org.id, userId: admin.id, change: { role: 'member' } }),
    ).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'domain.lastAdmin',
    })
  })

  it('only a platform admin decides verification, and a rejection carries its reason', async () => {
    const org = await createOrganisation({ verification: 'pending' })
    const someone = await createUser()
    const platformAdmin = await createUser({ platformRole: 'admin' })
    const user = (await signIn(someone.id)).actor
    await expect(decideVerification({ actor: user, organisationId: org.id, decision: 'approve' })).rejects.toMatchObject({ status: 403 })
    const admin = (await signIn(platformAdmin.id)).actor
    await expect(decideVerification({ actor: admin, organisationId: org.id, decision: 'reject' })).rejects.toMatchObject({
      field: 'reason',
      messageKey: 'domain.rejectReasonRequired',
    })
    await decideVerification({ actor: admin, organisationId: org.id, decision: 'reject', reason: '营业执照照片模糊，请重新上传' })
    const [after] = await db.select().from(organisations).where(eq(organisations.id, org.id))
    expect(after).toMatchObject({ verification: 'rejected', verificationNote: '营业执照照片模糊，请重新上传' })
  })
})

describe('sign-in throttling that cannot be used to lock the owner out', () => {
  /** What a sign-in attempt comes to: 'ok', or the DomainError code it was refused with. */
  const attempt = (options: Parameters<typeof authenticate>[0]) =>
    authenticate(options).then(
      () => 'ok',
      (error: { code?: string }) => error.code,
    )

  it('after an attacker fails five times from many addresses, the owner still signs in from a device that signed in before', async () => {
    const owner = await createUser({ email: 'owner@demo.jcj.example.cn' })
    for (let i = 0; i < 6; i++) await attempt({ email: 'owner@demo.jcj.example.cn', password: `guess${i}aaaaaa`, address: `10.7.0.${i}` })
    expect(await attempt({ email: 'owner@demo.jcj.example.cn', password: DEFAULT_PASSWORD, address: '10.7.1.1' })).toBe('rate_limited')
    // A device cookie of another account is no pass.
    const other = await createUser()
    expect(
      await attempt({ email: 'owner@demo.jcj.example.cn', password: 'guess-again-1', address: '10.7.1.2', knownDeviceUserId: other.id }),
    ).toBe('rate_limited')
    expect(
      await authenticate({
        email: 'owner@demo.jcj.example.cn',
        password: DEFAULT_PASSWORD,
        address: '10.7.1.1',
        knownDeviceUserId: owner.id,
      }),
    ).toEqual({ userId: owner.id })
  })

  it('slows one address that guesses across many accounts, while other addresses and the owner’s known device still sign in', async () => {
    const victims = await Promise.all([1, 2, 3, 4, 5].map((i) => createUser({ email: `spray${i}@demo.jcj.example.cn` })))
    const address = '10.9.0.1'
    // Two wrong guesses per account: no account reaches its own throttle, the address does (10 a minute).
    for (const victim of victims)
      for (const guess of ['Guess-one-2026', 'Guess-two-2026'])
        expect(await attempt({ email: victim.email, password: guess, address })).toBe('invalid')
    const owner = victims[0]!
    expect(await attempt({ email: owner.email, password: DEFAULT_PASSWORD, address })).toBe('rate_limited')
    expect(await attempt({ email: 'nobody-here@demo.jcj.example.cn', password: DEFAULT_PASSWORD, address })).toBe('rate_limited')
    expect(await attempt({ email: owner.email, password: DEFAULT_PASSWORD, address: '10.9.0.2' })).toBe('ok')
    expect(await attempt({ email: owner.email, password: DEFAULT_PASSWORD, address, knownDeviceUserId: owner.id })).toBe('ok')
  })

  it('answers an unknown email exactly like a real one, throttle included', async () => {
    await createUser({ email: 'real@demo.jcj.example.cn' })
    const answers = async (email: string) => {
      const out = []
      for (let i = 0; i < 7; i++) out.push(await attempt({ email, password: `guess${i}aaaaaa`, address: `10.8.${i}.1` }))
      return out
    }
    const real = await answers('real@demo.jcj.example.cn')
    expect(real).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'invalid', 'rate_limited', 'rate_limited'])
    expect(await answers('ghost-account@demo.jcj.example.cn')).toEqual(real)
  })

  it('the login page remembers the device with a signed cookie that the next sign-in honours', async () => {
    const { action } = await import('../../app/routes/login')
    const { knownDeviceUserId } = await import('../../app/domain/accounts/session.server')
    const user = await createUser()
    const response = (await action({
      request: new Request('http://localhost/login', {
        method: 'POST',
        body: new URLSearchParams({ email: user.email, password: DEFAULT_PASSWORD }),
      }),
      params: {},
      context: {},
    })) as Response
    const device = response.headers.getSetCookie().find((c) => c.startsWith('jcj_device='))!
    expect(device).toContain('HttpOnly')
    expect(await knownDeviceUserId(new Request('http://localhost/', { headers: { Cookie: device.split(';')[0]! } }))).toBe(user.id)
    expect(await knownDeviceUserId(new Request('http://localhost/', { headers: { Cookie: `jcj_device=${user.id}` } }))).toBeNull()
  })
})

describe('password-reset links after a completed reset', () => {
  it('an older link no longer works once a newer one was used', async () => {
    const user = await createUser({ email: 'two-links@demo.jcj.example.cn' })
    const tokens: string[] = []
    for (const address of ['10.6.0.1', '10.6.0.2'])
      await requestPasswordReset({ email: user.email, address, resetUrl: (t) => (tokens.push(t), t) })
    expect(tokens).toHaveLength(2)
    await completePasswordReset({ token: tokens[1]!, password: 'NewSecret2026a' })
    await expect(completePasswordReset({ token: tokens[0]!, password: 'Attacker2026b' })).rejects.toMatchObject({ code: 'invalid' })
    expect(await authenticate({ email: user.email, password: 'NewSecret2026a', address: '10.6.0.3' })).toEqual({ userId: user.id })
  })
})

describe('stored sessions', () => {
  it('keep only the sha256 of the cookie id, so a copy of the table signs nobody in', async () => {
    const { sessions } = await import('../../db/schema')
    const { storedSessionId } = await import('../../app/domain/accounts/session.server')
    const user = await createUser()
    const { cookie } = await signIn(user.id)
    const rows = await db.select().from(sessions).where(eq(sessions.userId, user.id))
    expect(rows).toHaveLength(1)
    const raw = decodeURIComponent(cookie.split('=')[1]!)
    expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/)
    expect(raw).not.toContain(rows[0]!.id)
    expect(rows[0]!.id).toBe(storedSessionId(JSON.parse(atob(raw.split('.')[0]!)) as string))
  })
})
