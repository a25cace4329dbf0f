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

  function fork() {
    const worker = cluster.fork(env)
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
