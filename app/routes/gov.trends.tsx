import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { Card } from '~/components/card'
import { ExportLinks } from '~/components/gov/export-links'
import { GovErrorBoundary } from '~/components/gov/gov-error'
import { TrendTable } from '~/components/gov/trend-table'
import { orRespond } from '~/domain/errors.server'
import { loadGovRequest } from '~/domain/metrics/request.server'
import { getTrends } from '~/domain/metrics/trends.server'
import { TREND_GROUPS, TREND_METRICS } from '~/lib/gov-figures'
import { useT } from '~/lib/i18n'

export async function loader({ request }: LoaderFunctionArgs) {
  const { lang, params, q, url } = await loadGovRequest(request)
  const options = { metric: url.searchParams.get('metric') ?? undefined, group: url.searchParams.get('group') ?? undefined }
  return { params, trends: await orRespond(lang, () => getTrends(q, options)) }
}

export default function GovTrends() {
  const { params, trends } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <Card>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold">{t('gov.trends.title')}</h2>
        <ExportLinks table="trends" params={params} extra={{ metric: trends.metric, group: trends.group }} />
      </div>
      <Form method="get" className="mb-3 flex flex-wrap items-end gap-3 text-sm">
        {Object.entries(params).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-600">{t('gov.trends.metric')}</span>
          <select name="metric" defaultValue={trends.metric} className="rounded-md border border-slate-300 bg-white px-2 py-1.5">
            {TREND_METRICS.map((m) => (
              <option key={m} value={m}>
                {t(`gov.trends.metric.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-600">{t('gov.trends.group')}</span>
          <select name="group" defaultValue={trends.group} className="rounded-md border border-slate-300 bg-white px-2 py-1.5">
            {TREND_GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`gov.trends.group.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
          {t('gov.filter.apply')}
        </button>
      </Form>
      <TrendTable trends={trends} params={params} />
    </Card>
  )
}

export const ErrorBoundary = GovErrorBoundary
