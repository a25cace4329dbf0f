import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import express from 'express'
import type { startJobs } from '../../app/jobs/index.server'
import type { configureSearch } from '../../app/search.server'
import type { countAnonymousListingView } from '../../app/domain/listings/views.server'
import { CLIENT_ADDRESS_HEADER } from '../../app/domain/rate-limit.server'
import type { DatabaseHandle } from '../../db/client'
import type { Env } from '../../app/env.server'
import { searchErrorMessage } from '../../search/client'
import { allowedHosts } from '../../app/domain/mail/link-origin.server'
import { fail } from './boot'
import { withDatabaseOutageAnswers } from './database-outage'
import { startSearch } from './search'
import { formBodyLimit } from './body-limit'
import { pageCompression } from './compression'
import { boundHeapGrowth } from './memory'
import { precompressedAssets } from './precompressed'
import { pageInvalidation, searchInvalidation } from '../../app/lib/page-invalidation.server'
import { createPageCache, listenForSearchApplied, pageCacheMiddleware } from './page-cache'
import { clientAddress, csrfGuard, hostGuard, requestBodyGuard, securityHeaders } from './security'

/**
 * One serving process: the Remix app behind the security middleware, its search client and the
 * background jobs (each job has one leader across processes), listening on PORT. Under node:cluster
 * every worker runs this on the same port; the primary has started Meilisearch and passes MEILI_URL.
 */
export async function serveApp({
  env,
  handle,
  embeddedSearch,
  autoReindex,
}: {
  env: Env
  handle: DatabaseHandle
  embeddedSearch: boolean
  autoReindex: boolean
}) {
  boundHeapGrowth()
  const app = express()
  app.disable('x-powered-by')
  app.use(pageCompression())
  app.use(hostGuard(allowedHosts(env)))
  app.use(securityHeaders)
  app.use(clientAddress)
  app.use(csrfGuard)
  app.use(requestBodyGuard)
  app.use(formBodyLimit)

  let build: ServerBuild | (() => Promise<ServerBuild>)
  let jobsBuild: ServerBuild
  if (env.NODE_ENV === 'development') {
    const vite = await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } }))
    app.use(vite.middlewares)
    build = () => (vite.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>).then(withDatabaseOutageAnswers)
    jobsBuild = await build()
  } else {
    const serverBuild = path.resolve('build/server/index.js')
    if (!existsSync(serverBuild)) fail('找不到生产构建 build/server/index.js，请先运行 npm run build (no production build).')
    app.use('/assets', precompressedAssets('build/client/assets'), express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
    // The few files beside assets/ by name: a static handler on every path stat()s the disk per request.
    const publicFiles = readdirSync('build/client').filter((file) => file !== 'assets')
    if (publicFiles.length)
      app.get(
        publicFiles.map((file) => `/${file}`),
        express.static('build/client', { maxAge: '1h' }),
      )
    build = withDatabaseOutageAnswers((await import(serverBuild)) as ServerBuild)
    jobsBuild = build
  }

  // The routes' search client and the background jobs (indexer, expiry, mail, purge, and whatever is
  // registered later) are set up through the server build, in the same module copy as the routes,
  // not in this script's own copy of app/.
  const entry = jobsBuild.entry.module as unknown as {
    startJobs: typeof startJobs
    configureSearch: typeof configureSearch
    countAnonymousListingView: typeof countAnonymousListingView
  }
  const search = await startSearch(env, handle.db, { configure: entry.configureSearch, autoReindex, embedded: embeddedSearch })
  const jobs = await entry.startJobs({
    search: search ? { client: search.indexingClient, names: search.runtime.names } : null,
    onError: (name, error) =>
      console.warn(`后台任务 ${name} 失败，稍后重试 (background job failed, will retry): ${searchErrorMessage(error)}`),
  })
  // Development renders every request: the code under the pages changes while the process lives.
  const pageCache =
    env.PAGE_CACHE === 'on' && env.NODE_ENV === 'production'
      ? createPageCache({ maxBytes: env.PAGE_CACHE_MB * 1024 * 1024, shared: pageInvalidation() })
      : null
  const stopPageCache = await pageCache?.listen(handle.listen)
  const stopSearchCache = env.SEARCH_CACHE === 'on' ? await listenForSearchApplied(handle.listen, searchInvalidation()) : undefined
  if (pageCache)
    app.use(
      pageCacheMiddleware(pageCache, {
        onListingView: (listingId, req) =>
          entry.countAnonymousListingView({
            listingId,
            userAgent: req.get('user-agent') ?? null,
            address: String(req.headers[CLIENT_ADDRESS_HEADER] ?? 'unknown'),
          }),
      }),
    )
  app.all(
    '*',
    createRequestHandler({ build, mode: env.NODE_ENV, getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce as string }) }),
  )

  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const listening = app.listen(env.PORT, env.HOST, () => resolve(listening))
    listening.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') fail(`端口 ${env.PORT} 已被占用 (port in use). 请设置 PORT=其他端口。`)
      fail(error.message)
    })
  })
  return {
    searchUrl: search?.endpoint.url,
    async stop() {
      server.close()
      await stopPageCache?.()
      await stopSearchCache?.()
      await jobs.stop()
      await search?.stop()
    },
  }
}
