import path from 'node:path'
import { eq, sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { db, getDatabaseHandle } from '../../app/db.server'
import { createScheduler, jobLockKey, type Job } from '../../app/jobs/scheduler.server'
import { openDatabase } from '../../db/client'
import { OUTBOX_CHANNEL } from '../../db/outbox'
import { jobRuns } from '../../db/schema'
import { createOutboxIndexer } from '../../search/indexer'
import { createListing, createOrganisation } from '../factories'
import { prepareSearch } from '../setup/search'

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))
const usesPostgres = Boolean(process.env.DATABASE_URL)
// A second process's connection pool (PGlite is one process by nature, so there the two schedulers share it).
const otherProcess = usesPostgres
  ? openDatabase({ databaseUrl: process.env.DATABASE_URL, pgliteDir: path.join(process.env.DATA_DIR!, 'unused'), maxConnections: 3 })
  : getDatabaseHandle()
afterAll(() => (usesPostgres ? otherProcess.close() : undefined))

describe('background jobs', () => {
  it('runs a job in one process at a time, and the other takes over when the leader stops', async () => {
    const runsBy = { a: 0, b: 0 }
    const jobFor = (who: 'a' | 'b'): Job => ({
      name: 'test-heartbeat',
      intervalMs: 50,
      oncePerInterval: false,
      run: async () => {
        runsBy[who]++
      },
    })
    const a = createScheduler({ handle: getDatabaseHandle(), jobs: [jobFor('a')], followerPollMs: 50 })
    const b = createScheduler({ handle: otherProcess, jobs: [jobFor('b')], followerPollMs: 50 })
    a.start()
    await wait(200)
    b.start()
    await wait(600)
    expect(runsBy.a).toBeGreaterThan(3)
    expect(runsBy.b).toBe(0)

    await a.stop()
    const before = runsBy.a
    await wait(600)
    expect(runsBy.a).toBe(before)
    expect(runsBy.b).toBeGreaterThan(3)
    await b.stop()
  })

  it.runIf(usesPostgres)('keeps exactly one leader when the leader loses its database session', async () => {
    const running = { a: 0, b: 0 }
    let overlap = false
    const jobFor = (who: 'a' | 'b'): Job => ({
      name: 'test-lost-connection',
      intervalMs: 50,
      oncePerInterval: false,
      run: async () => {
        running[who]++
        if (running.a > 0 && running.b > 0) overlap = true
        await wait(5)
        running[who]--
      },
    })
    const ran = { a: 0, b: 0 }
    const a = createScheduler({ handle: getDatabaseHandle(), jobs: [jobFor('a')], followerPollMs: 50, onRun: () => ran.a++ })
    const b = createScheduler({ handle: otherProcess, jobs: [jobFor('b')], followerPollMs: 50, onRun: () => ran.b++ })
    a.start()
    await wait(200)
    b.start()
    await wait(300)
    expect(ran.b).toBe(0)
    // Kill the session that holds the lock, as a failover or pg_terminate_backend would.
    const [killed] = rowsOf(
      await db.execute(sql`
        select pg_terminate_backend(l.pid) as ok from pg_locks l
        where l.locktype = 'advisory' and l.objid::bigint = ${jobLockKey('test-lost-connection')} and l.granted`),
    )
    expect(killed?.ok).toBe(true)
    await wait(1_000)
    // Whoever won the lock again leads alone: in a later window only one of them runs.
    const mark = { ...ran }
    await wait(600)
    const inWindow = { a: ran.a - mark.a, b: ran.b - mark.b }
    expect(inWindow.a + inWindow.b).toBeGreaterThan(3)
    expect(Math.min(inWindow.a, inWindow.b)).toBe(0)
    expect(overlap).toBe(false)
    await Promise.all([a.stop(), b.stop()])
  })

  it('runs an hourly job once per hour across processes and restarts', async () => {
    let runs = 0
    const hourly: Job = { name: 'test-hourly', intervalMs: 3_600_000, run: async () => void runs++ }
    const first = [
      createScheduler({ handle: getDatabaseHandle(), jobs: [hourly] }),
      createScheduler({ handle: otherProcess, jobs: [hourly] }),
    ]
    first.forEach((s) => s.start())
    await wait(400)
    await Promise.all(first.map((s) => s.stop()))
    const restarted = createScheduler({ handle: otherProcess, jobs: [hourly] })
    restarted.start()
    await wait(400)
    await restarted.stop()
    expect(runs).toBe(1)
    const [row] = await db.select().from(jobRuns).where(eq(jobRuns.name, 'test-hourly'))
    expect(row).toMatchObject({ runs: 1, lastError: null })
    expect(row!.lastFinishedAt).not.toBeNull()
  })

  it('runs an hourly job again at once when its last run never finished (the process died mid-run)', async () => {
    let runs = 0
    const hourly: Job = { name: 'test-crashed', intervalMs: 3_600_000, run: async () => void runs++ }
    await db.insert(jobRuns).values({ name: 'test-crashed', lastStartedAt: new Date(Date.now() - 60_000), runs: 1 })
    const scheduler = createScheduler({ handle: otherProcess, jobs: [hourly] })
    scheduler.start()
    await wait(400)
    await scheduler.stop()
    expect(runs).toBe(1)
    const [row] = await db.select().from(jobRuns).where(eq(jobRuns.name, 'test-crashed'))
    expect(row!.runs).toBe(2)
    expect(row!.lastFinishedAt).not.toBeNull()
  })

  it('records a failed run and keeps running the job', async () => {
    let calls = 0
    const errors: unknown[] = []
    const flaky: Job = {
      name: 'test-flaky',
      intervalMs: 50,
      oncePerInterval: false,
      run: async () => {
        if (++calls === 1) throw new Error('首次失败')
      },
    }
    const scheduler = createScheduler({ handle: getDatabaseHandle(), jobs: [flaky], onError: (_, e) => errors.push(e) })
    scheduler.start()
    await wait(300)
    await scheduler.stop()
    expect(errors).toHaveLength(1)
    expect(calls).toBeGreaterThan(2)
  })

  it('indexes a committed write at once: NOTIFY wakes the indexer, with no poll to wait for', async () => {
    const { runtime } = await prepareSearch()
    const indexer = createOutboxIndexer({ db, client: runtime.client, names: runtime.names })
    const org = await createOrganisation()
    await createListing(org.id) // the first documents into a fresh index take Meilisearch seconds; warm it first
    await indexer.drainAll()
    // The leader sits in the other process: the kick has to travel through Postgres.
    const scheduler = createScheduler({
      handle: otherProcess,
      jobs: [{ name: 'test-indexer', intervalMs: 600_000, oncePerInterval: false, run: () => indexer.drainAll() }],
    })
    scheduler.start()
    const unlisten = await otherProcess.listen(OUTBOX_CHANNEL, () => scheduler.kick('test-indexer'))
    await wait(300) // its first run finds nothing; the next timer is ten minutes away
    const listing = await createListing(org.id, { title: '煤矿井下巡检机器人联合研发' })
    const started = Date.now()
    let found = false
    while (!found && Date.now() - started < 15_000) {
      const { hits } = await runtime.client.index(runtime.names.listings).search('巡检机器人')
      found = hits.some((h) => h.id === listing.id)
      if (!found) await wait(50)
    }
    await unlisten()
    await scheduler.stop()
    expect(found).toBe(true)
  }, 90_000)
})

function rowsOf(result: unknown) {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[]
}
