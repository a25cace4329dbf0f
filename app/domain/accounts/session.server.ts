import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { createCookie, redirect } from '@remix-run/node'
import { and, eq, gt } from 'drizzle-orm'
import { db, memberships, organisations, platformState, sessions, users } from '~/db.server'
import { getEnv } from '~/env.server'
import { remember } from '~/lib/remember'
import { isMemberOf, type Actor, type UserActor } from '../actor'
import { DomainError } from '../errors.server'

const SESSION_DAYS = 30

const SECRET_KEY = 'session-secret'

/**
 * SESSION_SECRET, or one generated once and kept in the database, so every server process and machine
 * on the same database signs and accepts the same cookies. A secret an older release kept in
 * DATA_DIR/session-secret becomes the shared one, so sessions made before the upgrade stay valid.
 */
export async function sessionSecret() {
  const env = getEnv()
  if (env.SESSION_SECRET) return env.SESSION_SECRET
  const held = remember('session-secret', () => ({ value: null as string | null }))
  if (held.value) return held.value
  const file = path.join(env.DATA_DIR, 'session-secret')
  const candidate = existsSync(file) ? readFileSync(file, 'utf8').trim() : randomBytes(32).toString('hex')
  await db.insert(platformState).values({ key: SECRET_KEY, value: candidate }).onConflictDoNothing()
  const [row] = await db.select({ value: platformState.value }).from(platformState).where(eq(platformState.key, SECRET_KEY))
  held.value = row!.value
  return held.value
}

/** A signature of `value` for one purpose (an emailed unsubscribe link), keyed by the session secret. */
export const signValue = async (purpose: string, value: string) =>
  createHmac('sha256', await sessionSecret())
    .update(`${purpose}:${value}`)
    .digest('base64url')

export async function isSignedValue(purpose: string, value: string, signature: string) {
  const expected = Buffer.from(await signValue(purpose, value))
  const given = Buffer.from(signature)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

const cookieOptions = () => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: getEnv().NODE_ENV === 'production' && getEnv().PUBLIC_URL?.startsWith('https://') === true,
  path: '/',
})

const sessionCookie = async () => {
  const secret = await sessionSecret()
  return remember('session-cookie', () =>
    createCookie('jcj_session', { ...cookieOptions(), maxAge: SESSION_DAYS * 86_400, secrets: [secret] }),
  )
}

// Remembers that this browser has signed in to an account, so the account's throttle does not lock its owner out.
const deviceCookie = async () => {
  const secret = await sessionSecret()
  return remember('device-cookie', () =>
    createCookie('jcj_device', { ...cookieOptions(), maxAge: 365 * 86_400, secrets: [`device:${secret}`] }),
  )
}

export async function knownDeviceUserId(request: Request): Promise<number | null> {
  const value = await (await deviceCookie()).parse(request.headers.get('Cookie'))
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : null
}

export const rememberDevice = async (userId: number) => (await deviceCookie()).serialize(userId)

export async function createUserSession({ userId, activeOrganisationId }: { userId: number; activeOrganisationId: number | null }) {
  const id = randomBytes(32).toString('base64url')
  await db.insert(sessions).values({
    id: storedSessionId(id),
    userId,
    activeOrganisationId,
    expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
  })
  return (await sessionCookie()).serialize(id)
}

/** Sessions are stored by the sha256 of the cookie's id, so a leaked database (or backup) signs nobody in. */
export const storedSessionId = (cookieId: string) => createHash('sha256').update(cookieId).digest('hex')

/** The stored id of the request's session (the hash of the cookie's value). */
async function sessionIdFrom(request: Request): Promise<string | null> {
  const value = await (await sessionCookie()).parse(request.headers.get('Cookie'))
  return typeof value === 'string' ? storedSessionId(value) : null
}

export type SessionUser = {
  sessionId: string
  userId: number
  name: string
  email: string
  platformRole: 'user' | 'admin'
  govScope: { type: 'province' | 'region' | 'city'; code: string } | null
  activeOrganisationId: number | null
  memberships: { organisationId: number; organisationName: string; role: 'admin' | 'member'; verification: string }[]
}

/**
 * Remix runs the root loader and the page's loader at once, and both ask who is signed in (each with
 * its own copy of the request): a lookup already under way for the same cookies is joined, not
 * repeated (two queries and a signature check fewer per signed-in page). Only while it is under way:
 * a later request looks again, so a session signed out is gone for the next request.
 */
const lookupsUnderWay = new Map<string, Promise<SessionUser | null>>()

export function getSessionUser(request: Request): Promise<SessionUser | null> {
  const cookies = request.headers.get('Cookie')
  if (!cookies) return Promise.resolve(null)
  let lookup = lookupsUnderWay.get(cookies)
  if (!lookup) {
    lookup = lookUpSessionUser(request).finally(() => lookupsUnderWay.delete(cookies))
    lookupsUnderWay.set(cookies, lookup)
  }
  return lookup
}

async function lookUpSessionUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await sessionIdFrom(request)
  if (!sessionId) return null
  const [row] = await db
    .select({
      sessionId: sessions.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      platformRole: users.platformRole,
      govScopeType: users.govScopeType,
      govScopeCode: users.govScopeCode,
      activeOrganisationId: sessions.activeOrganisationId,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, new Date())))
  if (!row) return null
  const orgs = await db
    .select({
      organisationId: memberships.organisationId,
      organisationName: organisations.name,
      role: memberships.role,
      verification: organisations.verification,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, row.userId))
    .orderBy(organisations.name)
  const active = orgs.some((o) => o.organisationId === row.activeOrganisationId)
    ? row.activeOrganisationId
    : (orgs[0]?.organisationId ?? null)
  return {
    sessionId: row.sessionId,
    userId: row.userId,
    name: row.name,
    email: row.email,
    platformRole: row.platformRole,
    govScope: row.govScopeType && row.govScopeCode ? { type: row.govScopeType, code: row.govScopeCode } : null,
    activeOrganisationId: active,
    memberships: orgs,
  }
}

export function actorFrom(user: SessionUser | null): Actor {
  if (!user) return { kind: 'anonymous' }
  return {
    kind: 'user',
    userId: user.userId,
    platformRole: user.platformRole,
    govScope: user.govScope,
    activeOrganisationId: user.activeOrganisationId,
    memberships: user.memberships.map((m) => ({ organisationId: m.organisationId, role: m.role })),
  }
}

export async function getActor(request: Request): Promise<Actor> {
  return actorFrom(await getSessionUser(request))
}

/** Revokes this session and clears the cookie. */
export async function signOut(request: Request, redirectTo = '/') {
  const sessionId = await sessionIdFrom(request)
  if (sessionId) await db.delete(sessions).where(eq(sessions.id, sessionId))
  return redirect(redirectTo, { headers: { 'Set-Cookie': await (await sessionCookie()).serialize('', { maxAge: 0 }) } })
}

/** Revokes every session of the user, on every device. */
export async function signOutEverywhere({ actor }: { actor: UserActor }) {
  await db.delete(sessions).where(eq(sessions.userId, actor.userId))
  return redirect('/login', { headers: { 'Set-Cookie': await (await sessionCookie()).serialize('', { maxAge: 0 }) } })
}

/** Only an organisation the user belongs to can become the one they act for. */
export async function setActiveOrganisation({
  actor,
  sessionId,
  organisationId,
}: {
  actor: Actor
  sessionId: string
  organisationId: number
}) {
  if (!isMemberOf(actor, organisationId)) throw new DomainError('forbidden', 'auth.account.notMember')
  await db.update(sessions).set({ activeOrganisationId: organisationId }).where(eq(sessions.id, sessionId))
}
