import type { Meilisearch } from 'meilisearch'
import { db, getDatabaseHandle } from '~/db.server'
import { sendSearchAlerts } from '~/domain/alerts/digest.server'
import { jobMailOrigin } from '~/domain/mail/link-origin.server'
import { expireListings } from '~/domain/listings/mutations.server'
import { sweepStaleUploads } from '~/domain/files/uploads.server'
import { startViewFlushing } from '~/domain/listings/views.server'
import { sendPendingMail } from '~/domain/mail/mail.server'
import { sendMessageDigests } from '~/domain/matches/notifications.server'
import { nudgeStaleMatches } from '~/domain/matches/stale.server'
import { ABANDONED_AFTER_DAYS, purgeAbandonedRegistrations } from '~/domain/orgs/abandoned-registrations.server'
import { OUTBOX_CHANNEL, purgeProcessedOutboxRows } from '~/db.server'
import { createOutboxIndexer, ensureIndexes, searchErrorMessage, type IndexNames, type OutboxIndexer } from '~/search.server'
import { createScheduler, registerJob } from './scheduler.server'

export { kickJob, registerJob, type Job, type JobContext } from './scheduler.server'

export const INDEXER_JOB = 'search-indexer'

type SearchTarget = { client: Meilisearch; names: IndexNames }
let search: { target: SearchTarget; indexer: OutboxIndexer } | null = null

// The outbox is drained whenever a write commits (NOTIFY wakes the leader, in whichever process it
// runs); the one-second timer only catches rows whose retry back-off has run out.
registerJob({
  name: INDEXER_JOB,
  intervalMs: 1_000,
  oncePerInterval: false,
  async run() {
    if (!search) return
    try {
      await search.indexer.drainAll()
    } catch (error) {
      // Indexes may be missing if Meilisearch was down (or wiped) at start; create them once it is back.
      await ensureIndexes(search.target.client, search.target.names).catch(() => {})
      throw error
    }
  },
})

// Listings past their end date leave search without anyone pressing a button.
registerJob({
  name: 'listing-expiry',
  intervalMs: 3_600_000,
  async run() {
    const expired = await expireListings()
    if (expired) console.log(`listing expiry: ${expired} listing(s) past their end date left search`)
  },
})

// Mail waits in mail_outbox; with SMTP_URL set it is sent from here, otherwise admins read it on /admin/mailbox.
registerJob({ name: 'mail', intervalMs: 5_000, oncePerInterval: false, run: () => sendPendingMail() })

// Open matches quiet for 30 days: one nudge to both sides (bell and mail), again only after new activity.
registerJob({
  name: 'stale-match-nudge',
  intervalMs: 3_600_000,
  async run() {
    const nudged = await nudgeStaleMatches({ db })
    if (nudged) console.log(`stale matches: ${nudged} nudged`)
  },
})

// Messages held back by the one-mail-per-match-per-hour rule go out as one mail once the hour is over.
registerJob({ name: 'message-mail-digest', intervalMs: 300_000, oncePerInterval: false, run: () => sendMessageDigests({ db }) })

// Saved searches: one digest mail per search with what was published since its last run.
registerJob({
  name: 'search-alerts',
  intervalMs: 3_600_000,
  async run() {
    const origin = jobMailOrigin()
    if (!origin)
      return console.warn(
        '⚠ 未设置 PUBLIC_URL：搜索提醒邮件不会发送 (search alerts: PUBLIC_URL is not set, so no alert mail is sent; its links would have no address)',
      )
    const mailed = await sendSearchAlerts({ origin })
    if (mailed) console.log(`search alerts: ${mailed} digest mail(s) queued`)
  },
})

// Temporary upload files of a process that died mid-upload (each request removes its own).
registerJob({
  name: 'upload-temp-sweep',
  intervalMs: 3_600_000,
  async run() {
    const removed = await sweepStaleUploads({ olderThanMs: 3_600_000 })
    if (removed) console.log(`uploads: ${removed} stale temporary upload(s) removed`)
  },
})

// Daily clean-up of what is only history or never became real: processed outbox rows, and
// registrations whose email nobody confirmed in a week (with the organisations nobody else uses).
registerJob({
  name: 'outbox-purge',
  intervalMs: 86_400_000,
  async run() {
    await purgeProcessedOutboxRows(db)
    const removed = await purgeAbandonedRegistrations()
    if (removed) console.log(`registrations: ${removed} never confirmed in ${ABANDONED_AFTER_DAYS} days removed`)
  },
})

/**
 * Starts every registered job in this process. Each job has one leader among all processes on the
 * database (a Postgres advisory lock); the others wait and take over within seconds if the leader dies.
 * The server script calls this through the server build (`build.entry.module.startJobs`), so jobs run
 * in the same module copy as the routes.
 */
export async function startJobs(options: { search: SearchTarget | null; onError?: (name: string, error: unknown) => void }) {
  search = options.search ? { target: options.search, indexer: createOutboxIndexer({ db, ...options.search }) } : null
  const handle = getDatabaseHandle()
  const scheduler = createScheduler({
    handle,
    onError: (job, error) =>
      options.onError
        ? options.onError(job.name, error)
        : console.warn(`background job ${job.name} failed, will retry: ${searchErrorMessage(error)}`),
  })
  scheduler.start()
  // Not a leader job: every process counts its own listing views in memory and adds them itself.
  const stopViewFlushing = startViewFlushing({})
  const unlisten = await handle
    .listen(OUTBOX_CHANNEL, () => scheduler.kick(INDEXER_JOB))
    .catch((error: Error) => {
      console.warn(`LISTEN ${OUTBOX_CHANNEL} failed, the indexer polls every second instead: ${error.message}`)
      return null
    })
  return {
    scheduler,
    async stop() {
      await unlisten?.().catch(() => {})
      await stopViewFlushing()
      await scheduler.stop()
    },
  }
}

export type RunningJobs = Awaited<ReturnType<typeof startJobs>>
