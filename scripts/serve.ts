import { existsSync } from 'node:fs'
import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import type { startJobs } from '../app/jobs/index.server'
import type { configureSearch } from '../app/search.server'
import { searchErrorMessage } from '../search/client'
import { isDatabaseEmpty, seedDemoData } from '../db/seed'
import { fail, openMigratedDatabase } from './lib/boot'
import { createProgress } from './lib/progress'
import { startSearch } from './lib/search'
import { withDatabaseOutageAnswers } from './lib/database-outage'
import { formBodyLimit } from './lib/body-limit'
import { clientAddress, csrfGuard, hostGuard, requestBodyGuard, securityHeaders } from './lib/security'
import { allowedHosts, mailLinksConfigured } from '../app/domain/mail/link-origin.server'

const startedAt = performance.now()
const { env, handle } = await openMigratedDatabase()
console.log(`数据库 (database): ${handle.driver} ${handle.location}`)

if (process.env.SEED_ON_START !== 'false' && (await isDatabaseEmpty(handle.db))) {
  console.log('数据库为空，正在载入山西示例数据 (loading Shanxi demo data)…')
  const progress = createProgress()
  const seedStarted = performance.now()
  const summary = await seedDemoData({ db: handle.db, onProgress: progress.update })
  progress.stop()
  console.log(
    `示例数据已载入: ${summary.organisations} 家机构, ${summary.listings} 条需求与供给, ${summary.matches} 条合作记录 (${((performance.now() - seedStarted) / 1000).toFixed(1)} s)`,
  )
}

if (!mailLinksConfigured(env))
  console.warn(
    '⚠ 未设置 PUBLIC_URL：密码重置和成员邀请邮件不会发送 (PUBLIC_URL is not set: no reset or invitation mail is sent; set PUBLIC_URL=https://your.host).',
  )

const app = express()
app.disable('x-powered-by')
app.use(compression())
app.use(hostGuard(allowedHosts(env)))
app.use(securityHeaders)
app.use(clientAddress)
app.use(csrfGuard)
app.use(requestBodyGuard)
app.use(formBodyLimit)

const isDevelopment = env.NODE_ENV === 'development'
let build: ServerBuild | (() => Promise<ServerBuild>)
let jobsBuild: ServerBuild
if (isDevelopment) {
  const vite = await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } }))
  app.use(vite.middlewares)
  build = () => (vite.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>).then(withDatabaseOutageAnswers)
  jobsBuild = await build()
} else {
  const serverBuild = path.resolve('build/server/index.js')
  if (!existsSync(serverBuild)) fail('找不到生产构建 build/server/index.js，请先运行 npm run build (no production build).')
  app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
  app.use(express.static('build/client', { maxAge: '1h' }))
  build = withDatabaseOutageAnswers((await import(serverBuild)) as ServerBuild)
  jobsBuild = build
}

// The routes' search client and the background jobs (indexer, expiry, mail, purge, and whatever is
// registered later) are set up through the server build, in the same module copy as the routes,
// not in this script's own copy of app/; with several processes each job has one leader.
const entry = jobsBuild.entry.module as unknown as { startJobs: typeof startJobs; configureSearch: typeof configureSearch }
const search = await startSearch(env, handle.db, { configure: entry.configureSearch })
const jobs = await entry.startJobs({
  search: search ? { client: search.indexingClient, names: search.runtime.names } : null,
  onError: (name, error) =>
    console.warn(`后台任务 ${name} 失败，稍后重试 (background job failed, will retry): ${searchErrorMessage(error)}`),
})
app.all(
  '*',
  createRequestHandler({ build, mode: env.NODE_ENV, getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce as string }) }),
)

const server = app.listen(env.PORT, env.HOST, () => {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1)
  console.log(`✔ 晋产教已启动 http://localhost:${env.PORT} (ready in ${seconds} s; search: ${search?.endpoint.url ?? 'unavailable'})`)
})
server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') fail(`端口 ${env.PORT} 已被占用 (port in use). 请设置 PORT=其他端口。`)
  fail(error.message)
})

let closing = false
async function shutdown(signal: string) {
  if (closing) return
  closing = true
  console.log(`\n收到 ${signal}，正在关闭 (shutting down)…`)
  server.close()
  await jobs.stop()
  await search?.stop()
  await handle.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
