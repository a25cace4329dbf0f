import { useMemo } from 'react'
import { formatNumber } from '~/lib/format'
import { cityLabel, regionLabel } from '~/lib/gov-labels'
import { taxonomyLabel, useT } from '~/lib/i18n'
import { trendRef } from '~/lib/gov-figures'
import type { GovParams } from '~/lib/gov-params'
import { FigureLink } from './figure-link'
import { GovChart } from './gov-chart'

type Trends = { metric: string; group: string; months: string[]; series: { key: string; values: number[] }[] }

/** A monthly series as a line chart (ECharts, when loaded) above the table it is drawn from; `chart={false}` for print. */
export function TrendTable({ trends, chart = true, params }: { trends: Trends; chart?: boolean; params?: GovParams }) {
  const t = useT()
  const name = (key: string) =>
    trends.group === 'total'
      ? t('gov.col.total')
      : trends.group === 'region'
        ? regionLabel(key, t.lang)
        : trends.group === 'city'
          ? cityLabel(key, t.lang)
          : taxonomyLabel.clusterShort(key, t.lang)
  const spec = useMemo(
    () => ({
      kind: 'line' as const,
      categories: trends.months,
      series: trends.series.map((s) => ({ name: name(s.key), values: s.values })),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [trends, t.lang],
  )
  return (
    <>
      {chart ? <GovChart spec={spec} label={t(`gov.trends.metric.${trends.metric}` as never)} height={300} /> : null}
      <div className="max-h-96 overflow-auto print:max-h-none">
        <table className="w-full text-xs" data-table="trends">
          <thead className="sticky top-0 bg-white text-left text-slate-500">
            <tr>
              <th className="py-1 pr-2 font-medium">{t('gov.col.month')}</th>
              {trends.series.map((s) => (
                <th key={s.key} className="pr-2 text-right font-medium">
                  {name(s.key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {trends.months.map((m, i) => (
              <tr key={m}>
                <th scope="row" className="py-0.5 pr-2 text-left font-normal tabular-nums">
                  {m}
                </th>
                {trends.series.map((s) => (
                  <td key={s.key} className="pr-2 text-right tabular-nums">
                    {params ? (
                      <FigureLink
                        value={s.values[i]!}
                        params={params}
                        figureRef={trendRef(trends.metric)}
                        extra={{ preset: 'custom', from: `${m}-01`, to: monthEnd(m), ...groupParam(trends.group, s.key) }}
                      />
                    ) : (
                      formatNumber(s.values[i]!, t.lang, 0)
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}

const monthEnd = (month: string) => {
  const [y, m] = month.split('-').map(Number)
  return new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10)
}
const groupParam = (group: string, key: string): Record<string, string | null> =>
  group === 'region'
    ? { region: key, city: null }
    : group === 'city'
      ? { city: key, region: null }
      : group === 'cluster'
        ? { cluster: key }
        : {}
