import { and, count, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm'
import { db, type Executor } from '~/db.server'
import { taxonomyLabel, translate, type Language, type MessageKey, type MessageVars } from '~/lib/i18n'
import { memberships, notificationPreferences, notifications, users, type NotificationKind } from '~/db.server'
import type { Actor } from '../actor'
import { DomainError } from '../errors.server'
import { jobMailOrigin } from '../mail/link-origin.server'
import { queueMail } from '../mail/mail.server'

export const NOTIFICATION_KINDS = ['interest', 'message', 'proposal', 'update', 'stale'] as const satisfies readonly NotificationKind[]
const MESSAGE_MAIL_GAP_MS = 60 * 60 * 1000

/** Variables "@key" are message keys and "#type:code" cooperation types, translated when the notification is read. */
export function renderNotification(lang: Language, messageKey: string, vars: Record<string, string | number>) {
  const resolve = (v: string | number) => {
    if (typeof v !== 'string') return v
    if (v.startsWith('@')) return translate(lang, v.slice(1) as MessageKey)
    if (v.startsWith('#type:')) return taxonomyLabel.type(v.slice(6), lang)
    return v
  }
  const resolved: MessageVars = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, resolve(v)]))
  return translate(lang, messageKey as MessageKey, resolved)
}

/**
 * A notification mail's text. Its links need an origin a recipient on another machine can reach
 * (`jobMailOrigin`); without one (production, no PUBLIC_URL) the mail still says what happened and where to
 * look, rather than pointing at this server's localhost.
 */
function mailBody(lang: Language, { name, text, path }: { name: string; text: string; path: string }) {
  const origin = jobMailOrigin()
  if (!origin) return translate(lang, 'notify.mail.bodyNoLink', { name, text })
  const url = (pathname: string) => new URL(pathname, origin).toString()
  return translate(lang, 'notify.mail.body', { name, text, url: url(path), prefs: url('/notifications') })
}

export type Notice = {
  organisationId: number
  /** The person who caused it gets no notification of their own step. */
  exceptUserId?: number | null
  kind: NotificationKind
  matchId: number | null
  messageKey: MessageKey
  vars: Record<string, string | number>
  now?: Date
}

/**
 * Tells every member of an organisation, in the caller's transaction: a bell entry each, and an
 * email through the mail outbox unless they turned that kind off. Message mails are spaced to one
 * per match and person per hour; the bell still shows every message.
 */
export async function notifyOrganisation(tx: Executor, notice: Notice) {
  const now = notice.now ?? new Date()
  const people = await tx
    .select({ id: users.id, email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, notice.organisationId))
  const recipients = people.filter((p) => p.id !== notice.exceptUserId)
  if (!recipients.length) return
  const ids = recipients.map((r) => r.id)
  const optedOut = new Set(
    (
      await tx
        .select({ userId: notificationPreferences.userId })
        .from(notificationPreferences)
        .where(
          and(
            inArray(notificationPreferences.userId, ids),
            eq(notificationPreferences.kind, notice.kind),
            eq(notificationPreferences.email, false),
          ),
        )
    ).map((r) => r.userId),
  )
  const recentlyMailed =
    notice.kind === 'message' && notice.matchId
      ? new Set(
          (
            await tx
              .select({ userId: notifications.userId })
              .from(notifications)
              .where(
                and(
                  inArray(notifications.userId, ids),
                  eq(notifications.matchId, notice.matchId),
                  eq(notifications.kind, 'message'),
                  gt(notifications.emailedAt, new Date(now.getTime() - MESSAGE_MAIL_GAP_MS)),
                ),
              )
          ).map((r) => r.userId),
        )
      : new Set<number>()
  const lang: Language = 'zh-CN'
  const text = renderNotification(lang, notice.messageKey, notice.vars)
  const path = notice.matchId ? `/matches/${notice.matchId}` : '/notifications'
  const rows = []
  for (const person of recipients) {
    const mail = !optedOut.has(person.id) && !recentlyMailed.has(person.id)
    if (mail)
      await queueMail(tx, {
        to: person.email,
        subject: translate(lang, 'notify.mail.subject', { text }),
        text: mailBody(lang, { name: person.name, text, path }),
      })
    rows.push({
      userId: person.id,
      kind: notice.kind,
      matchId: notice.matchId,
      messageKey: notice.messageKey,
      vars: notice.vars,
      emailedAt: mail ? now : null,
      createdAt: now,
    })
  }
  await tx.insert(notifications).values(rows)
}

const userIdOf = (actor: Actor) => {
  if (actor.kind !== 'user') throw new DomainError('forbidden', 'domain.forbidden')
  return actor.userId
}

export async function countUnreadNotifications({ actor }: { actor: Actor }) {
  if (actor.kind !== 'user') return 0
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
  return Number(row?.n ?? 0)
}

export async function listNotifications({
  actor,
  lang,
  page = 1,
  pageSize = 30,
}: {
  actor: Actor
  lang: Language
  page?: number
  pageSize?: number
}) {
  const userId = userIdOf(actor)
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(notifications).where(eq(notifications.userId, userId)),
  ])
  return {
    total: Number(total?.n ?? 0),
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      matchId: r.matchId,
      text: renderNotification(lang, r.messageKey, r.vars),
      createdAt: r.createdAt,
      read: r.readAt !== null,
    })),
  }
}

/** Marks the actor's notifications read: all of them, or those of one match (opening it reads them). */
export async function markNotificationsRead({ actor, matchId, now = new Date() }: { actor: Actor; matchId?: number; now?: Date }) {
  if (actor.kind !== 'user') return
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(eq(notifications.userId, actor.userId), isNull(notifications.readAt), matchId ? eq(notifications.matchId, matchId) : sql`true`),
    )
}

export async function getNotificationPreferences({ actor }: { actor: Actor }) {
  const userId = userIdOf(actor)
  const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId))
  const off = new Set(rows.filter((r) => !r.email).map((r) => r.kind))
  return Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, !off.has(k)])) as Record<NotificationKind, boolean>
}

export async function setNotificationPreferences({ actor, email }: { actor: Actor; email: Partial<Record<NotificationKind, boolean>> }) {
  const userId = userIdOf(actor)
  const values = NOTIFICATION_KINDS.map((kind) => ({ userId, kind, email: email[kind] ?? false }))
  await db
    .insert(notificationPreferences)
    .values(values)
    .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { email: sql`excluded.email` } })
}

type DigestRow = { userId: number; matchId: number; n: number; org: string; email: string; name: string }

/**
 * The other half of "at most one message mail per match per hour": messages that arrived while a
 * mail had just gone out wait in the bell; once the hour is over, one mail per person and match
 * says how many there are. Run by the jobs module every few minutes.
 */
export async function sendMessageDigests({ db: executor, now = new Date() }: { db: Executor; now?: Date }) {
  const hourAgo = new Date(now.getTime() - MESSAGE_MAIL_GAP_MS)
  const dayAgo = new Date(now.getTime() - 86_400_000)
  const rows = (await executor.execute(sql`
    select n.user_id as "userId", n.match_id as "matchId", count(*)::int as n, max(n.vars->>'org') as org, u.email, u.name
    from notifications n join users u on u.id = n.user_id
    where n.kind = 'message' and n.emailed_at is null and n.read_at is null and n.match_id is not null
      and n.created_at > ${dayAgo.toISOString()}::timestamptz and n.created_at <= ${now.toISOString()}::timestamptz
      and not exists (select 1 from notification_preferences p where p.user_id = n.user_id and p.kind = 'message' and not p.email)
      and not exists (select 1 from notifications m where m.user_id = n.user_id and m.match_id = n.match_id
                      and m.kind = 'message' and m.emailed_at > ${hourAgo.toISOString()}::timestamptz)
    group by n.user_id, n.match_id, u.email, u.name
    limit 500`)) as unknown as DigestRow[] | { rows: DigestRow[] }
  const list = Array.isArray(rows) ? rows : rows.rows
  const lang: Language = 'zh-CN'
  for (const row of list) {
    const text = translate(lang, 'notify.digest', { org: row.org ?? '', n: row.n })
    await executor.transaction(async (tx) => {
      const marked = await tx
        .update(notifications)
        .set({ emailedAt: now })
        .where(
          and(
            eq(notifications.userId, row.userId),
            eq(notifications.matchId, row.matchId),
            eq(notifications.kind, 'message'),
            isNull(notifications.emailedAt),
            isNull(notifications.readAt),
          ),
        )
        .returning({ id: notifications.id })
      if (!marked.length) return
      await queueMail(tx, {
        to: row.email,
        subject: translate(lang, 'notify.mail.subject', { text }),
        text: mailBody(lang, { name: row.name, text, path: `/matches/${row.matchId}` }),
      })
    })
  }
  return list.length
}
