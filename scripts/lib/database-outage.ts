import type { ServerBuild } from '@remix-run/node'
import { DomainError, errorResponse } from '../../app/domain/errors.server'
import { getLanguage } from '../../app/lib/i18n'
import { isConnectionError } from '../../db/errors'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type DataFunction = (args: any) => unknown

const RETRY_AFTER_MS = 50

/**
 * A loader only reads, so one that met a dead pooled connection (the server restarted, or its
 * backends were terminated) runs once more on a fresh one before the reader is shown a 503. An action
 * is never re-run: its transaction may have committed before the connection went.
 */
function answering503<T extends DataFunction | undefined>(fn: T, routeId: string, { retry }: { retry: boolean }): T {
  if (!fn) return fn
  const wrapped = async (args: { request: Request }) => {
    try {
      try {
        return await fn(args)
      } catch (error) {
        if (!retry || !isConnectionError(error) || args.request.signal?.aborted) throw error
        await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS))
        return await fn(args)
      }
    } catch (error) {
      if (!isConnectionError(error)) throw error
      console.warn(`数据库连接中断 (database connection lost) in ${routeId}: ${(error as Error).message}`)
      const response = errorResponse(new DomainError('unavailable', 'error.unavailableHint'), getLanguage(args.request))
      response.headers.set('Retry-After', '5')
      throw response
    }
  }
  return wrapped as T
}

/**
 * Every loader and action of the build, answering 503 (the route's ErrorBoundary shows
 * "数据库暂时不可用，请稍后重试") instead of 500 when the database connection is lost mid-request.
 * The pool reconnects on the next query: a loader is tried once more, and the following request is served normally.
 */
export function withDatabaseOutageAnswers(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => [
      id,
      route && {
        ...route,
        module: {
          ...route.module,
          loader: answering503(route.module.loader, id, { retry: true }),
          action: answering503(route.module.action, id, { retry: false }),
        },
      },
    ]),
  )
  return { ...build, routes } as ServerBuild
}
