import { sql } from 'drizzle-orm'
import type { DatabaseHandle } from '~/db.server'

export type JobContext = { signal: AbortSignal }

export type Job = {
  /** Unique and stable: it names the leader lock and the job_runs row. */
  name: string
  /** How often the leader runs it; a kick runs it sooner. */
  intervalMs: number
  run: (context: JobContext) => Promise<unknown>
  /**
   * true (default): at most once per interval across all processes and restarts (recorded in job_runs),
   * for hourly or daily work; a run that never finished (its process died) is run again at once. false: whenever the leader's timer fires or the job is kicked (the indexer, mail).
   */
  oncePerInterval?: boolean
}

const registry = new Map<string, Job>()
const schedulers = new Set<Scheduler>()

/**
 * Adds a background job. Any process may register it; only one process at a time runs it (the one
 * holding its advisory lock). Jobs must be safe to run again after a crash mid-run.
 */
export function registerJob(job: Job) {
  if (registry.has(job.name)) throw new Error(`job "${job.name}" is registered twice`)
  registry.set(job.name, job)
  for (const scheduler of schedulers) scheduler.add(job)
}

/** Runs the job now in whichever scheduler of this process leads it (e.g. right after a write). */
export function kickJob(name: string) {
  for (const scheduler of schedulers) scheduler.kick(name)
}

export function registeredJobs() {
  return [...registry.values()]
}

/** A stable 31-bit key per job name (FNV-1a), so every process asks for the same lock. */
export function jobLockKey(name: string) {
  let hash = 0x811c9dc5
  for (const byte of new TextEncoder().encode(`jcj:job:${name}`)) hash = Math.imul(hash ^ byte, 0x01000193)
  return (hash >>> 1) + 1
}

export type SchedulerOptions = {
  handle: Pick<DatabaseHandle, 'db' | 'leaderLocks'>
  /** The jobs to run; by default every registered one, including those registered later. */
  jobs?: Job[]
  /** How often a process that does not lead a job checks whether the leader is gone. */
  followerPollMs?: number
  onError?: (job: Job, error: unknown) => void
  onRun?: (job: Job) => void
}

export type Scheduler = ReturnType<typeof createScheduler>

export function createScheduler({ handle, jobs, followerPollMs = 5_000, onError, onRun }: SchedulerOptions) {
  const locks = handle.leaderLocks()
  const abort = new AbortController()
  const wakers = new Map<string, () => void>()
  const kicked = new Set<string>()
  const loops = new Map<string, Promise<void>>()
  let running = false

  function sleep(name: string, ms: number) {
    if (kicked.delete(name) || !running) return Promise.resolve()
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        wakers.delete(name)
        resolve()
      }
      wakers.set(name, done)
    })
  }

  /** Starts a run if the interval has passed everywhere (or the last run never finished); otherwise says how long to wait. */
  async function claimRun(job: Job): Promise<{ due: true } | { due: false; waitMs: number }> {
    const claimed = await handle.db.execute(sql`
      insert into job_runs (name, last_started_at, runs) values (${job.name}, now(), 1)
      on conflict (name) do update set last_started_at = now(), runs = job_runs.runs + 1
        where job_runs.last_started_at <= now() - ${job.intervalMs} * interval '1 millisecond'
          -- started and never finished: its process died mid-run, and we hold the lock now
          or job_runs.last_finished_at is null or job_runs.last_finished_at < job_runs.last_started_at
      returning name`)
    if (rowsOf(claimed).length > 0) return { due: true }
    const [row] = rowsOf(
      await handle.db.execute(sql`
        select greatest(0, extract(epoch from last_started_at + ${job.intervalMs} * interval '1 millisecond' - now()) * 1000)::float8 as wait
        from job_runs where name = ${job.name}`),
    )
    return { due: false, waitMs: Number(row?.wait ?? job.intervalMs) }
  }

  async function finishRun(job: Job, error: unknown) {
    await handle.db.execute(sql`
      update job_runs set last_finished_at = now(), last_error = ${error === undefined ? null : String(error).slice(0, 1000)}
      where name = ${job.name}`)
  }

  async function loop(job: Job) {
    const key = jobLockKey(job.name)
    const once = job.oncePerInterval ?? true
    while (running) {
      let waitMs = Math.min(job.intervalMs, followerPollMs)
      try {
        const leading = (await locks.holds(key)) || (await locks.tryLock(key))
        if (leading) {
          waitMs = job.intervalMs
          const claim = once ? await claimRun(job) : ({ due: true } as const)
          if (!claim.due) waitMs = Math.max(claim.waitMs, 10)
          else {
            let failure: unknown
            kicked.delete(job.name)
            try {
              onRun?.(job)
              await job.run({ signal: abort.signal })
            } catch (error) {
              failure = error
              onError?.(job, error)
            }
            if (once) await finishRun(job, failure)
          }
        }
      } catch (error) {
        onError?.(job, error)
      }
      await sleep(job.name, waitMs)
    }
    await locks.unlock(key)
  }

  const scheduler = {
    add(job: Job) {
      if (!running || loops.has(job.name) || (jobs && !jobs.includes(job))) return
      loops.set(job.name, loop(job))
    },
    kick(name: string) {
      if (!loops.has(name)) return
      kicked.add(name)
      wakers.get(name)?.()
    },
    start() {
      if (running) return
      running = true
      schedulers.add(scheduler)
      for (const job of jobs ?? registry.values()) scheduler.add(job)
    },
    /** Lets running jobs finish (they see `signal` aborted), then gives up every lock. */
    async stop() {
      if (!running) return
      running = false
      schedulers.delete(scheduler)
      abort.abort()
      for (const wake of [...wakers.values()]) wake()
      await Promise.all(loops.values())
      loops.clear()
      await locks.close()
    },
  }
  return scheduler
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[]
}
