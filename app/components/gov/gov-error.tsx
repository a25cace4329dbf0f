import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { RouteErrorBoundary } from '~/components/error-page'
import { useT } from '~/lib/i18n'

/** Refusals on government pages say what was wrong (a period, an area outside one's own) and lead back. */
export function GovErrorBoundary() {
  const error = useRouteError()
  const t = useT()
  if (!isRouteErrorResponse(error) || (error.status !== 400 && error.status !== 403)) return <RouteErrorBoundary />
  return (
    <div className="mx-auto max-w-xl py-10 text-center" role="alert">
      <p className="text-sm font-semibold text-brand-700 tabular-nums">{error.status}</p>
      <h1 className="mt-2 text-xl font-bold text-slate-900">{typeof error.data === 'string' ? error.data : t('domain.invalid')}</h1>
      <p className="mt-6">
        <Link to="/gov" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          {t('gov.error.back')}
        </Link>
      </p>
    </div>
  )
}
