import { and, asc, eq, lt } from 'drizzle-orm'
import { db, savedSearches } from '~/db.server'
import { taxonomyLabel, translate } from '~/lib/i18n'
import { searchListingsInDatabase, type ListingHit } from '~/search.server'
import { queueMail } from '../mail/mail.server'
import { bilingualMail } from '../mail/messages.server'
import { labelOf, manageKey, searchParamsOf, unsubscribeToken } from './saved-searches.server'

/** Listings named in one mail; the rest are counted and one link away. */
export const DIGEST_LISTINGS = 10
/** A listing's publishing transaction may commit a little after its published_at: only what is this old counts as settled. */
export const SETTLE_SECONDS = 60
const BATCH = 100

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000)

/**
 * One run of the search-alert job: for every active saved search, the listings published since its
 * watermark that match it (the same search as /search, asked of Postgres so nothing still on its way to
 * the index is skipped), mailed as one digest. The watermark moves in the transaction that queues the
 * mail, guarded by its old value, so a second run (or a second process) never mails a listing twice.
 */
export async function sendSearchAlerts({ origin, now = new Date() }: { origin: string; now?: Date }) {
  const until = new Date(epochSeconds(now) * 1000 - SETTLE_SECONDS * 1000)
  let mailed = 0
  for (;;) {
    const due = await db
      .select({ id: savedSearches.id, email: savedSearches.email, query: savedSearches.query, checkedUntil: savedSearches.checkedUntil })
      .from(savedSearches)
      .where(and(eq(savedSearches.status, 'active'), lt(savedSearches.checkedUntil, until)))
      .orderBy(asc(savedSearches.checkedUntil), asc(savedSearches.id))
      .limit(BATCH)
    for (const row of due) if (await sendOne({ row, until, origin })) mailed++
    if (due.length < BATCH) return mailed
  }
}

type DueSearch = { id: number; email: string; query: string; checkedUntil: Date }

async function sendOne({ row, until, origin }: { row: DueSearch; until: Date; origin: string }) {
  const result = await searchListingsInDatabase({
    ...searchParamsOf(row.query),
    sort: 'newest',
    page: 1,
    perPage: DIGEST_LISTINGS,
    publishedAfter: epochSeconds(row.checkedUntil),
    publishedUntil: epochSeconds(until),
  })
  return db.transaction(async (tx) => {
    const moved = await tx
      .update(savedSearches)
      .set({ checkedUntil: until, ...(result.total > 0 ? { lastSentAt: new Date() } : {}) })
      .where(and(eq(savedSearches.id, row.id), eq(savedSearches.checkedUntil, row.checkedUntil)))
      .returning({ id: savedSearches.id })
    if (!moved.length || result.total === 0) return false
    await queueMail(tx, await digestMail({ row, hits: result.hits, total: result.total, origin }))
    return true
  })
}

async function digestMail({ row, hits, total, origin }: { row: DueSearch; hits: ListingHit[]; total: number; origin: string }) {
  const label = labelOf(row.query)
  const unsubscribeUrl = new URL(`/saved-searches/unsubscribe/${await unsubscribeToken(row.id)}`, origin).toString()
  const itemsIn = (lang: 'zh-CN' | 'en') => {
    const lines = hits.map((hit) =>
      translate(lang, 'mail.alertDigest.item', {
        title: hit.title,
        org: hit.organisationName,
        city: taxonomyLabel.city(hit.city, lang),
        url: new URL(`/listings/${hit.id}`, origin).toString(),
      }),
    )
    if (total > hits.length) lines.push(translate(lang, 'mail.alertDigest.more', { count: total - hits.length }))
    return lines.join('\n')
  }
  const mail = bilingualMail(
    'alertDigest',
    {
      count: total,
      searchUrl: new URL(`/search?${row.query ? `${row.query}&` : ''}sort=newest`, origin).toString(),
      manageUrl: new URL(`/saved-searches?key=${await manageKey(row.email)}`, origin).toString(),
      unsubscribeUrl,
    },
    { zh: { label: label.zh, items: itemsIn('zh-CN') }, en: { label: label.en, items: itemsIn('en') } },
  )
  return {
    to: row.email,
    ...mail,
    // RFC 8058: mail clients show their own unsubscribe button and POST to the link.
    headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  }
}
