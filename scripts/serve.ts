import cluster from 'node:cluster'
import { isDatabaseEmpty } from '../db/seed/empty'
import { getDatabaseHandle } from '../app/db.server'
import { alertsConfigured, mailLinksConfigured } from '../app/domain/mail/link-origin.server'
import { sessionSecret } from '../app/domain/accounts/session.server'
import { loadEnvOrExit, openMigratedDatabase } from './lib/boot'
import { superviseWorkers, webConcurrency } from './lib/cluster'
import { createProgress } from './lib/progress'
import { startSearch } from './lib/search'
import type { serveApp as ServeApp } from './lib/web-app'

// The web app (Express, Remix, the server build and what they import) is loaded only where pages are
// served: a cluster primary only supervises (~2.5 MB less live heap, ~10 MB less RSS at start without it).
const serveApp = async (...args: Parameters<typeof ServeApp>) => (await import('./lib/web-app')).serveApp(...args)

/**
 * The server: migrates, seeds an empty database, starts search, then serves: in this process, or
 * in WEB_CONCURRENCY node:cluster workers on one port (the primary keeps Meilisearch and gives the
 * workers its address and key, so none of them starts its own).
 */
const startedAt = performance.now()
const ready = (processes: string, search?: string) => {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1)
  console.log(
    `✔ 晋产教已启动 http://localhost:${loadEnvOrExit().PORT} (ready in ${seconds} s; ${processes}; search: ${search ?? 'unavailable'})`,
  )
}

let stop: () => Promise<void> = async () => {}
if (cluster.isWorker) {
  const env = loadEnvOrExit()
  const handle = getDatabaseHandle()
  const app = await serveApp({ env, handle, embeddedSearch: false, autoReindex: false })
  stop = async () => {
    await app.stop()
    await handle.close()
  }
} else {
  const { env, handle } = await openMigratedDatabase()
  console.log(`数据库 (database): ${handle.driver} ${handle.location}`)
  if (process.env.SEED_ON_START !== 'false' && (await isDatabaseEmpty(handle.db))) {
    console.log('数据库为空，正在载入山西示例数据 (loading Shanxi demo data)…')
    const progress = createProgress()
    const seedStarted = performance.now()
    // Only for an empty database: the seed's generators, templates and argon2 otherwise stay unloaded.
    const { seedDemoData } = await import('../db/seed')
    const summary = await seedDemoData({ db: handle.db, onProgress: progress.update })
    progress.stop()
    console.log(
      `示例数据已载入: ${summary.organisations} 家机构, ${summary.listings} 条需求与供给, ${summary.matches} 条合作记录 (${((performance.now() - seedStarted) / 1000).toFixed(1)} s)`,
    )
  }
  if (!mailLinksConfigured(env))
    console.warn(
      '⚠ 未设置 PUBLIC_URL：只有在本机 (localhost) 访问时才发送注册确认、密码重置和成员邀请邮件，其他地址的访客无法注册 (PUBLIC_URL is not set: registration-confirmation, reset and invitation mail is sent only for visits on this machine (localhost), so visitors from other addresses cannot register; set PUBLIC_URL=https://your.host).',
    )
  if (!alertsConfigured(env))
    console.warn(
      '⚠ 未设置 PUBLIC_URL：搜索提醒邮件不会发送，也不能保存新的搜索提醒（后台任务没有访问请求可依据，链接只能来自 PUBLIC_URL）(PUBLIC_URL is not set: no search-alert mail is sent and no new alert can be saved; a background job has no visit to go by, so its links can only come from PUBLIC_URL).',
    )

  const { count, note } = webConcurrency(env, handle.driver)
  if (note) console.log(note)
  if (count === 1) {
    const app = await serveApp({ env, handle, embeddedSearch: true, autoReindex: true })
    ready('1 process', app.searchUrl)
    stop = async () => {
      await app.stop()
      await handle.close()
    }
  } else {
    const search = await startSearch(env, handle.db, { serving: false })
    const workers = superviseWorkers({
      count,
      env: {
        MEILI_URL: search?.endpoint.url ?? '',
        MEILI_MASTER_KEY: search?.endpoint.apiKey ?? '',
        // One secret for every worker (also kept in the database, for other machines), read once here.
        SESSION_SECRET: await sessionSecret(),
      },
    })
    await workers.ready
    ready(`${count} processes (WEB_CONCURRENCY)`, search?.endpoint.url)
    stop = async () => {
      await workers.stop()
      await search?.stop()
      await handle.close()
    }
  }
}

let closing = false
async function shutdown(signal: string) {
  if (closing) return
  closing = true
  if (cluster.isPrimary) console.log(`\n收到 ${signal}，正在关闭 (shutting down)…`)
  await stop()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
