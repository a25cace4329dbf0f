import cluster, { type Worker } from 'node:cluster'
import { availableParallelism } from 'node:os'
import type { DatabaseHandle } from '../../db/client'
import type { Env } from '../../app/env.server'
import { fail } from './boot'

/**
 * How many serving processes: WEB_CONCURRENCY, else one per core in production and one in
 * development. PGlite is one process per data directory, so with it there is always one.
 */
export function webConcurrency(env: Env, driver: DatabaseHandle['driver'], raw = process.env.WEB_CONCURRENCY) {
  const asked = raw ? Number(raw) : undefined
  if (asked !== undefined && (!Number.isInteger(asked) || asked < 1))
    fail(`环境变量 WEB_CONCURRENCY 无效 (invalid WEB_CONCURRENCY): ${raw}，应为正整数。`)
  const wanted = asked ?? (env.NODE_ENV === 'production' ? availableParallelism() : 1)
  if (driver === 'pglite' && wanted > 1)
    return {
      count: 1,
      note: `PGlite 只允许一个进程，以单进程运行 (PGlite allows one process per data directory; set DATABASE_URL to use ${wanted})`,
    }
  return { count: wanted, note: undefined }
}

/**
 * A worker's young generation: semi-spaces of 8 MB instead of V8's 16 MB. Page renders' garbage dies
 * young either way; the larger space only held ~20 MB more RSS per worker after the load test. 4 MB saved
 * ~7 MB more but cost ~10–25% more CPU per request on / and /listings/:id (more scavenges, more
 * promoted); 8 MB was within the noise of 16.
 */
export const WORKER_SEMI_SPACE_MB = 8

/**
 * Two glibc malloc arenas per worker instead of up to 8 per core: the threads that malloc (libuv's pool
 * for zlib and DNS, V8's compiler and GC helpers) left ~10 MB per worker in arenas of their own.
 */
export const WORKER_MALLOC_ARENAS = '2'

/**
 * The node flags and environment a worker starts with: the primary's own flags, plus the two settings
 * above unless the operator chose them (a flag among the primary's or in NODE_OPTIONS, MALLOC_ARENA_MAX).
 */
export function workerSettings(execArgv: readonly string[] = process.execArgv, env: Record<string, string | undefined> = process.env) {
  const chosen = [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)].some((flag) => /^--max[-_]semi[-_]space[-_]size\b/.test(flag))
  return {
    execArgv: chosen ? [...execArgv] : [...execArgv, `--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`],
    env: { MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX || WORKER_MALLOC_ARENAS },
  }
}

/**
 * The primary's side of node:cluster: forks `count` workers that share the port, replaces one that
 * dies while serving, and stops them all (SIGTERM, then SIGKILL after 10 s) on shutdown. A worker that
 * dies before it ever listened stops the start-up: restarting it would only fail again.
 */
export function superviseWorkers({ count, env }: { count: number; env: Record<string, string> }) {
  const workers = new Set<Worker>()
  let stopping = false
  let started = 0
  let ready: () => void
  const allListening = new Promise<void>((resolve) => (ready = resolve))
  const settings = workerSettings()
  cluster.setupPrimary({ execArgv: settings.execArgv })

  function fork() {
    const worker = cluster.fork({ ...settings.env, ...env })
    let listened = false
    workers.add(worker)
    worker.once('listening', () => {
      listened = true
      if (++started === count) ready()
    })
    worker.once('exit', (code, signal) => {
      workers.delete(worker)
      if (stopping) return
      if (!listened) fail(`服务进程启动失败 (worker ${worker.process.pid} exited during start-up: ${signal ?? code})`)
      console.warn(`⚠ 服务进程 ${worker.process.pid} 意外退出 (${signal ?? code})，正在重启 (worker died, restarting)…`)
      fork()
    })
  }
  for (let i = 0; i < count; i++) fork()

  return {
    ready: allListening,
    async stop() {
      stopping = true
      const exits = [...workers].map((worker) => new Promise((resolve) => (worker.isDead() ? resolve(null) : worker.once('exit', resolve))))
      for (const worker of workers) worker.process.kill('SIGTERM')
      const timer = setTimeout(() => workers.forEach((worker) => worker.process.kill('SIGKILL')), 10_000)
      await Promise.all(exits)
      clearTimeout(timer)
    },
  }
}
