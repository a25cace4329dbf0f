import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { Card } from '~/components/card'
import { ExportLinks } from '~/components/gov/export-links'
import { FigureLink } from '~/components/gov/figure-link'
import { GovChart } from '~/components/gov/gov-chart'
import { GovErrorBoundary } from '~/components/gov/gov-error'
import { GovTable } from '~/components/gov/gov-table'
import { orRespond } from '~/domain/errors.server'
import { FUNNEL_STEPS } from '~/lib/gov-figures'
import { getFunnel } from '~/domain/metrics/funnel.server'
import { loadGovRequest } from '~/domain/metrics/request.server'
import { formatNumber } from '~/lib/format'
import { taxonomyLabel, useT } from '~/lib/i18n'

export async function loader({ request }: LoaderFunctionArgs) {
  const { lang, params, q } = await loadGovRequest(request)
  return { params, funnel: await orRespond(lang, () => getFunnel(q)) }
}

export default function GovFunnel() {
  const { params, funnel } = useLoaderData<typeof loader>()
  const t = useT()
  const spec = useMemo(
    () => ({
      kind: 'bar' as const,
      categories: FUNNEL_STEPS.map((s) => t(`gov.stage.${s}`)),
      series: funnel.map((f) => ({ name: taxonomyLabel.type(f.type, t.lang), values: f.steps.map((s) => s.count) })),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [funnel, t.lang],
  )
  return (
    <Card>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold">{t('gov.funnel.title')}</h2>
        <ExportLinks table="funnel" params={params} />
      </div>
      <p className="mb-3 text-xs text-slate-600">{t('gov.funnel.hint')}</p>
      <GovChart spec={spec} label={t('gov.funnel.title')} />
      <GovTable
        name="funnel"
        minWidth="36rem"
        divided={false}
        columns={[
          { label: t('gov.col.type') },
          { label: t('gov.funnel.step') },
          { label: t('gov.funnel.count'), numeric: true },
          { label: t('gov.funnel.conversion'), numeric: true },
          { label: t('gov.funnel.median'), numeric: true },
        ]}
      >
        {funnel.flatMap((f) =>
          f.steps.map((s, i) => (
            <tr key={`${f.type}-${s.step}`} className={i === 0 ? 'border-t border-slate-200' : ''}>
              {i === 0 ? (
                <th scope="rowgroup" rowSpan={f.steps.length} className="py-1.5 pr-2 text-left align-top font-medium">
                  {taxonomyLabel.type(f.type, t.lang)}
                </th>
              ) : null}
              <td className="py-1 pr-2">{t(`gov.stage.${s.step}`)}</td>
              <td className="pr-2 text-right">
                <FigureLink value={s.count} params={params} figureRef={s.ref} />
              </td>
              <td className="pr-2 text-right tabular-nums">
                {s.conversion === null ? '—' : `${formatNumber(s.conversion * 100, t.lang, 1)}%`}
              </td>
              <td className="text-right tabular-nums">
                {s.medianDays === null ? '—' : t('gov.funnel.days', { n: formatNumber(s.medianDays, t.lang, 1) })}
              </td>
            </tr>
          )),
        )}
      </GovTable>
    </Card>
  )
}

export const ErrorBoundary = GovErrorBoundary
