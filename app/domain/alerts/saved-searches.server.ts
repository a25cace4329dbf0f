import { and, count, desc, eq, gt, inArray, isNotNull, sql, type SQL } from 'drizzle-orm'
import { db, savedSearches, users, type Executor, type SavedSearchStatus } from '~/db.server'
import { describeSearch } from '~/lib/saved-search-label'
import { hasFilters, parseSearchParams, toSearchUrl } from '~/lib/search-params'
import type { Actor } from '../actor'
import { hashToken, newToken } from '../accounts/sign-in.server'
import { isSignedValue, signValue } from '../accounts/session.server'
import { DomainError } from '../errors.server'
import { alertsConfigured } from '../mail/link-origin.server'
import { queueMail } from '../mail/mail.server'
import { bilingualMail } from '../mail/messages.server'
import { consumeRateLimit } from '../rate-limit.server'

export const MAX_SAVED_SEARCHES_PER_EMAIL = 20
const CONFIRM_DAYS = 7

/** The search as /search's canonical query string (no page, no sort: alerts list the newest first anyway). */
export function canonicalQuery(query: string) {
  const params = parseSearchParams(new URLSearchParams(query.replace(/^\/search\?/, '').replace(/^\?/, '')))
  const url = toSearchUrl(params, { page: 1, sort: 'relevance' })
  return { params, query: url.includes('?') ? url.slice(url.indexOf('?') + 1) : '' }
}

export const searchParamsOf = (query: string) => parseSearchParams(new URLSearchParams(query))
export const labelOf = (query: string) => ({
  zh: describeSearch(searchParamsOf(query), 'zh-CN'),
  en: describeSearch(searchParamsOf(query), 'en'),
})

/**
 * Who may see and change saved searches: a signed-in user their own; anyone holding the signed
 * management key of an address (from an alert mail) that address's. Nothing else opens a row.
 */
export type SavedSearchOwner = { kind: 'user'; userId: number } | { kind: 'email'; email: string }

const MANAGE = 'saved-search-manage'
const UNSUBSCRIBE = 'saved-search-unsubscribe'

export const manageKey = async (email: string) => `${Buffer.from(email).toString('base64url')}.${await signValue(MANAGE, email)}`
export const unsubscribeToken = async (id: number) => `${id}.${await signValue(UNSUBSCRIBE, String(id))}`

/** The address a management key was signed for, or null for a key that is not ours. */
export async function emailOfManageKey(key: string) {
  const [encoded = '', signature = ''] = key.split('.')
  const email = Buffer.from(encoded, 'base64url').toString()
  return email && (await isSignedValue(MANAGE, email, signature)) ? email : null
}

export async function ownerOf({ actor, key }: { actor: Actor; key?: string | null }): Promise<SavedSearchOwner | null> {
  if (key) {
    const email = await emailOfManageKey(key)
    if (!email) throw new DomainError('forbidden', 'alerts.manage.badKey')
    return { kind: 'email', email }
  }
  return actor.kind === 'user' ? { kind: 'user', userId: actor.userId } : null
}

const ownedBy = (owner: SavedSearchOwner): SQL =>
  owner.kind === 'user' ? eq(savedSearches.userId, owner.userId) : eq(savedSearches.email, owner.email)

/**
 * Saves a search. A signed-in user's own address is confirmed already; a visitor's gets a
 * confirmation mail and nothing else until its link is opened (double opt-in). The answer is the
 * same whether or not the address already had this search, so it tells nobody what others saved.
 */
export async function saveSearch(options: {
  actor: Actor
  query: string
  email?: string
  address: string
  confirmUrl: (token: string) => string
}): Promise<{ status: 'active' | 'pending'; email: string }> {
  const { params, query } = canonicalQuery(options.query)
  if (!params.q && !hasFilters(params)) throw new DomainError('invalid', 'alerts.save.empty', { field: 'query' })
  // A search saved now would never be mailed (the alert job has no origin for its links): say so instead.
  if (!alertsConfigured()) throw new DomainError('unavailable', 'alerts.save.off')
  const perIp = await consumeRateLimit(`alerts:save:${options.address}`, { limit: 20, windowSeconds: 3600 })
  if (!perIp.allowed) throw new DomainError('rate_limited', 'alerts.save.tooOften')
  if (options.actor.kind === 'user') {
    const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, options.actor.userId))
    if (!user) throw new DomainError('forbidden', 'domain.forbidden')
    await saveConfirmed({ userId: options.actor.userId, email: user.email, query })
    return { status: 'active', email: user.email }
  }
  if (!options.email) throw new DomainError('invalid', 'form.emailRequired', { field: 'email' })
  const email = options.email
  const perEmail = await consumeRateLimit(`alerts:confirm:${email}`, { limit: 5, windowSeconds: 86_400 })
  if (!perEmail.allowed) throw new DomainError('rate_limited', 'alerts.save.tooOften')
  await db.transaction(async (tx) => {
    // One transaction per address at a time, so the per-address limit holds under parallel saves.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`saved-search:${email}`}))`)
    const [existing] = await tx
      .select({ id: savedSearches.id, status: savedSearches.status })
      .from(savedSearches)
      .where(and(eq(savedSearches.email, email), eq(savedSearches.query, query)))
    if (existing && existing.status !== 'pending') return
    if (!existing) await assertRoom(tx, email)
    const token = newToken()
    const values = { confirmTokenHash: hashToken(token), createdAt: new Date() }
    if (existing) await tx.update(savedSearches).set(values).where(eq(savedSearches.id, existing.id))
    else await tx.insert(savedSearches).values({ email, query, status: 'pending', ...values })
    const label = labelOf(query)
    await queueMail(tx, {
      to: email,
      ...bilingualMail('alertConfirm', { url: options.confirmUrl(token) }, { zh: { label: label.zh }, en: { label: label.en } }),
    })
  })
  return { status: 'pending', email }
}

async function assertRoom(tx: Executor, email: string) {
  const [{ n } = { n: 0 }] = await tx
    .select({ n: count() })
    .from(savedSearches)
    .where(and(eq(savedSearches.email, email), inArray(savedSearches.status, ['pending', 'active', 'paused'])))
  if (Number(n) >= MAX_SAVED_SEARCHES_PER_EMAIL)
    throw new DomainError('conflict', 'alerts.save.tooMany', { field: 'query', vars: { max: MAX_SAVED_SEARCHES_PER_EMAIL } })
}

async function saveConfirmed({ userId, email, query }: { userId: number; email: string; query: string }) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`saved-search:${email}`}))`)
    const [existing] = await tx
      .select({ id: savedSearches.id })
      .from(savedSearches)
      .where(and(eq(savedSearches.email, email), eq(savedSearches.query, query)))
    const now = new Date()
    if (existing) {
      await tx
        .update(savedSearches)
        .set({ userId, status: 'active', confirmTokenHash: null, confirmedAt: sql`coalesce(${savedSearches.confirmedAt}, now())` })
        .where(eq(savedSearches.id, existing.id))
      return
    }
    await assertRoom(tx, email)
    await tx.insert(savedSearches).values({ userId, email, query, status: 'active', confirmedAt: now, checkedUntil: now })
  })
}

const pendingByToken = (token: string) =>
  and(
    eq(savedSearches.confirmTokenHash, hashToken(token)),
    eq(savedSearches.status, 'pending'),
    gt(savedSearches.createdAt, new Date(Date.now() - CONFIRM_DAYS * 86_400_000)),
  )

/** What a confirmation link is for, or null when it is not (or no longer) valid. */
export async function findPendingConfirmation({ token }: { token: string }) {
  const [row] = await db.select({ email: savedSearches.email, query: savedSearches.query }).from(savedSearches).where(pendingByToken(token))
  return row ? { email: row.email, label: labelOf(row.query) } : null
}

/** Confirms the address: alerts start with what is published from now on. */
export async function confirmSavedSearch({ token }: { token: string }) {
  const [row] = await db
    .update(savedSearches)
    .set({ status: 'active', confirmTokenHash: null, confirmedAt: new Date(), checkedUntil: new Date() })
    .where(pendingByToken(token))
    .returning({ email: savedSearches.email, query: savedSearches.query })
  if (!row) throw new DomainError('invalid', 'alerts.confirm.invalid')
  return { email: row.email, label: labelOf(row.query), key: await manageKey(row.email) }
}

export async function listSavedSearches({ owner }: { owner: SavedSearchOwner }) {
  const rows = await db
    .select({
      id: savedSearches.id,
      email: savedSearches.email,
      query: savedSearches.query,
      status: savedSearches.status,
      lastSentAt: savedSearches.lastSentAt,
      createdAt: savedSearches.createdAt,
    })
    .from(savedSearches)
    .where(ownedBy(owner))
    .orderBy(desc(savedSearches.createdAt), desc(savedSearches.id))
  return rows.map((row) => ({ ...row, label: labelOf(row.query), searchUrl: `/search?${row.query}` }))
}

/** Pauses, resumes or deletes one of the owner's saved searches; another's is not found. */
export async function changeSavedSearch({
  owner,
  id,
  change,
}: {
  owner: SavedSearchOwner
  id: number
  change: 'pause' | 'resume' | 'delete'
}) {
  const mine = and(eq(savedSearches.id, id), ownedBy(owner))
  if (change === 'delete') {
    const deleted = await db.delete(savedSearches).where(mine).returning({ id: savedSearches.id })
    if (!deleted.length) throw new DomainError('not_found', 'alerts.notFound')
    return
  }
  // Resuming never skips the confirmation: a pending address stays pending.
  const status: SavedSearchStatus = change === 'pause' ? 'paused' : 'active'
  const updated = await db
    .update(savedSearches)
    .set(change === 'resume' ? { status, checkedUntil: new Date() } : { status })
    .where(and(mine, isNotNull(savedSearches.confirmedAt)))
    .returning({ id: savedSearches.id })
  if (!updated.length) throw new DomainError('not_found', 'alerts.notFound')
}

async function idOfUnsubscribeToken(token: string) {
  const [id = '', signature = ''] = token.split('.')
  return /^[1-9]\d{0,9}$/.test(id) && (await isSignedValue(UNSUBSCRIBE, id, signature)) ? Number(id) : null
}

/** The one-click link of every alert mail: stops that search's alerts without signing in. Idempotent. */
export async function unsubscribeSavedSearch({ token, resubscribe = false }: { token: string; resubscribe?: boolean }) {
  const id = await idOfUnsubscribeToken(token)
  if (id === null) throw new DomainError('not_found', 'alerts.unsubscribe.invalid')
  const [row] = await db
    .update(savedSearches)
    .set(resubscribe ? { status: 'active', checkedUntil: new Date() } : { status: 'unsubscribed' })
    .where(and(eq(savedSearches.id, id), isNotNull(savedSearches.confirmedAt)))
    .returning({ email: savedSearches.email, query: savedSearches.query })
  if (!row) throw new DomainError('not_found', 'alerts.unsubscribe.invalid')
  return { label: labelOf(row.query), key: await manageKey(row.email) }
}
