import { asc, desc, eq, isNull, lt, sql } from 'drizzle-orm'
import { db, type Executor, mailOutbox } from '~/db.server'
import { getEnv } from '~/env.server'
import { isPlatformAdmin, type Actor } from '../actor'
import { DomainError } from '../errors.server'

export type Mail = { to: string; subject: string; text: string; headers?: Record<string, string> }

/** Mail is written to an outbox in the caller's transaction and sent afterwards, so a failed send never undoes a write. */
export async function queueMail(tx: Executor, mail: Mail) {
  await tx.insert(mailOutbox).values(mail)
}

export { publicUrl } from './link-origin.server'

/** With SMTP_URL set, sends what is waiting; without it, mail stays readable on the development mailbox page. */
export async function sendPendingMail(limit = 20) {
  const smtpUrl = getEnv().SMTP_URL
  if (!smtpUrl) return 0
  // Loaded where mail is sent (the leader, with SMTP_URL), not in every serving process (~3 MB of heap).
  const { default: nodemailer } = await import('nodemailer')
  const transport = nodemailer.createTransport(smtpUrl)
  const pending = await db
    .select()
    .from(mailOutbox)
    .where(sql`${isNull(mailOutbox.sentAt)} and ${lt(mailOutbox.attempts, 5)}`)
    .orderBy(asc(mailOutbox.id))
    .limit(limit)
  for (const mail of pending) {
    try {
      await transport.sendMail({
        from: getEnv().MAIL_FROM,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        headers: mail.headers ?? {},
      })
      await db.update(mailOutbox).set({ sentAt: new Date() }).where(eq(mailOutbox.id, mail.id))
    } catch (error) {
      await db
        .update(mailOutbox)
        .set({ attempts: sql`${mailOutbox.attempts} + 1`, lastError: String(error).slice(0, 500) })
        .where(eq(mailOutbox.id, mail.id))
    }
  }
  return pending.length
}

/** The demo mailbox: what the platform sent lately, for platform administrators only. */
export async function listRecentMail({ actor, limit = 50 }: { actor: Actor; limit?: number }) {
  if (!isPlatformAdmin(actor)) throw new DomainError('forbidden', 'domain.platformAdminOnly')
  return db.select().from(mailOutbox).orderBy(desc(mailOutbox.id)).limit(limit)
}
