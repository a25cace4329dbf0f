import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { useT, type MessageKey } from '~/lib/i18n'

const COPY: Record<number, [MessageKey, MessageKey]> = {
  400: ['error.badRequest', 'error.badRequestHint'],
  403: ['error.forbidden', 'error.forbiddenHint'],
  404: ['error.notFound', 'error.notFoundHint'],
  503: ['error.unavailable', 'error.unavailableHint'],
}

/** A route's ErrorBoundary: the page frame stays, the message is in the reader's language. */
export function RouteErrorBoundary() {
  const error = useRouteError()
  const t = useT()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const [title, hint] = COPY[status] ?? ['error.generic', 'error.genericHint']
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <p className="text-sm font-semibold text-brand-700 tabular-nums">{status}</p>
      <h1 className="mt-2 text-2xl font-bold text-slate-900">{t(title)}</h1>
      <p className="mt-3 text-slate-700">{t(hint)}</p>
      <p className="mt-8 flex flex-wrap justify-center gap-3">
        <Link to="/" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          {t('error.home')}
        </Link>
        <Link
          to="/search"
          className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
        >
          {t('error.search')}
        </Link>
      </p>
    </div>
  )
}
