import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Card } from '~/components/card'
import { CoverageTable } from '~/components/gov/coverage-table'
import { ExportLinks } from '~/components/gov/export-links'
import { GovErrorBoundary } from '~/components/gov/gov-error'
import { orRespond } from '~/domain/errors.server'
import { getCoverage } from '~/domain/metrics/coverage.server'
import { loadGovRequest } from '~/domain/metrics/request.server'
import { formatDate } from '~/lib/format'
import { useT } from '~/lib/i18n'

export async function loader({ request }: LoaderFunctionArgs) {
  const { lang, params, q } = await loadGovRequest(request)
  return { params, to: q.period.to, coverage: await orRespond(lang, () => getCoverage(q)) }
}

export default function GovCoverage() {
  const { params, to, coverage } = useLoaderData<typeof loader>()
  const t = useT()
  const n = coverage.clusterCount
  return (
    <Card>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold">{t('gov.coverage.title')}</h2>
        <ExportLinks table="coverage" params={params} />
      </div>
      <p className="mb-2 text-xs text-slate-600">{t('gov.coverage.hint', { to: formatDate(to, t.lang) })}</p>
      <p className="mb-3 text-sm font-medium" data-coverage-summary>
        {t('gov.coverage.covered', {
          a: coverage.covered.innovation_centre,
          b: coverage.covered.industry_institute,
          c: coverage.covered.industry_college,
          d: coverage.covered.joint_lab,
          n,
        })}
      </p>
      <CoverageTable coverage={coverage} params={params} />
    </Card>
  )
}

export const ErrorBoundary = GovErrorBoundary
