import { isRouteErrorResponse, Link, useLocation, useRouteError } from '@remix-run/react'
import { useT, type MessageKey } from '~/lib/i18n'

const COPY: Record<number, [MessageKey, MessageKey]> = {
  400: ['error.badRequest', 'error.badRequestHint'],
  403: ['error.forbidden', 'error.forbiddenHint'],
  404: ['error.notFound', 'error.notFoundHint'],
  409: ['error.conflict', 'error.conflictHint'],
  503: ['error.unavailable', 'error.unavailableHint'],
}

const primary = 'rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700'
const secondary = 'rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50'

/** What a thrown response says, when it is a short sentence of ours (a refusal's reason), not markup. */
export function reasonOf(error: unknown) {
  if (!isRouteErrorResponse(error) || typeof error.data !== 'string') return null
  const text = error.data.trim()
  return text && text.length <= 200 && !text.includes('<') ? text : null
}

/**
 * The page for a status: a refusal reads as a refusal (with a way to sign in or switch
 * organisation), a missing page as missing, a conflict as a conflict, never as a server error.
 */
export function ErrorContent({ status, reason }: { status: number; reason?: string | null }) {
  const t = useT()
  const location = useLocation()
  const [title, hint] = COPY[status] ?? ['error.generic', 'error.genericHint']
  const here = encodeURIComponent(location.pathname + location.search)
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <p className="text-sm font-semibold text-brand-700 tabular-nums">{status}</p>
      <h1 className="mt-2 text-2xl font-bold text-slate-900">{t(title)}</h1>
      <p className="mt-3 text-slate-700">{t(hint)}</p>
      {reason && reason !== t(hint) && reason !== t(title) ? <p className="mt-2 text-sm text-slate-600">{reason}</p> : null}
      <p className="mt-8 flex flex-wrap justify-center gap-3">
        {status === 403 ? (
          <>
            <Link to="/account" className={primary}>
              {t('error.switchOrg')}
            </Link>
            <Link to={`/login?redirectTo=${here}`} className={secondary}>
              {t('error.signIn')}
            </Link>
          </>
        ) : status === 409 ? (
          <Link to={location.pathname + location.search} reloadDocument className={primary}>
            {t('error.reload')}
          </Link>
        ) : null}
        <Link to="/" className={status === 403 || status === 409 ? secondary : primary}>
          {t('error.home')}
        </Link>
        {status === 404 ? (
          <Link to="/search" className={secondary}>
            {t('error.search')}
          </Link>
        ) : null}
      </p>
    </div>
  )
}

/** A route's ErrorBoundary: it renders inside the root layout, so the site header stays. */
export function RouteErrorBoundary() {
  const error = useRouteError()
  const status = isRouteErrorResponse(error) ? error.status : 500
  return <ErrorContent status={status} reason={reasonOf(error)} />
}
