import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { CityMap } from '~/components/gov/city-map'
import { CoverageTable } from '~/components/gov/coverage-table'
import { GovErrorBoundary } from '~/components/gov/gov-error'
import { GovTable } from '~/components/gov/gov-table'
import { SvgBars } from '~/components/gov/svg-bars'
import { TargetsTable } from '~/components/gov/targets-table'
import { orRespond } from '~/domain/errors.server'
import { getQuotaCompliance } from '~/domain/metrics/compliance.server'
import { getCoverage } from '~/domain/metrics/coverage.server'
import { getFunnel } from '~/domain/metrics/funnel.server'
import { beijingToday, parseGovQuery } from '~/domain/metrics/gov-query.server'
import { getOverview, overviewFigures } from '~/domain/metrics/overview.server'
import { loadGovRequest } from '~/domain/metrics/request.server'
import { getTargets } from '~/domain/metrics/targets.server'
import { getCityValues, getTrends } from '~/domain/metrics/trends.server'
import { formatDate, formatNumber } from '~/lib/format'
import { cityLabel, scopeLabel } from '~/lib/gov-labels'
import { taxonomyLabel, translate, useT, type MessageKey } from '~/lib/i18n'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? '' }]

/** The annual report of an area for a year: one A4 document an official prints or saves as PDF. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, lang, params } = await loadGovRequest(request)
  const year = params.year ?? beijingToday().slice(0, 4)
  const q = await orRespond(lang, async () =>
    parseGovQuery({ actor, params: { ...params, preset: undefined, from: undefined, to: undefined, year } }),
  )
  const [overview, funnel, quota, coverage, targets, trends, map] = await orRespond(lang, () =>
    Promise.all([
      getOverview(q),
      getFunnel(q),
      getQuotaCompliance(q, { year: Number(year) }),
      getCoverage(q),
      getTargets(q),
      getTrends(q, { metric: 'contact' }),
      getCityValues(q, 'contact'),
    ]),
  )
  const scope = scopeLabel(q.scope, lang, translate(lang, 'gov.scope.province'))
  return {
    title: translate(lang, 'gov.report.title', { scope, year }),
    year,
    generated: beijingToday(),
    params: { ...params, year },
    selected: q.scope.type === 'city' ? q.scope.code : null,
    figures: overviewFigures(overview),
    funnel,
    quota: { totals: quota.totals, top: quota.rows.slice(0, 10) },
    coverage,
    targets,
    trends,
    map: map.values,
  }
}

const PRINT_CSS = `
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body > header, body > footer, body header:not([data-report]), body footer { display: none !important; }
  body { background: #fff; }
  main { max-width: none !important; padding: 0 !important; }
  [data-report] section { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}`

export default function GovReport() {
  const d = useLoaderData<typeof loader>()
  const t = useT()
  const section = 'mt-6 border-t border-slate-300 pt-3'
  return (
    <article data-report className="mx-auto max-w-[190mm] bg-white p-6 text-sm text-slate-900 print:p-0">
      <style dangerouslySetInnerHTML={{ __html: PRINT_CSS }} />
      <div className="flex items-start justify-between gap-4">
        <h1 className="text-xl font-bold">{d.title}</h1>
        <button
          type="button"
          onClick={() => window.print()}
          className="rounded-md bg-brand-600 px-3 py-1.5 text-sm text-white print:hidden"
        >
          {t('gov.report.print')}
        </button>
      </div>
      <p className="mt-1 text-xs text-slate-600">{t('gov.report.generated', { date: formatDate(d.generated, t.lang) })}</p>

      <section className={section}>
        <h2 className="mb-2 text-base font-semibold">{t('gov.report.summary')}</h2>
        <div className="grid grid-cols-[1fr_12rem] gap-4">
          <GovTable
            name="report-overview"
            compact
            columns={[{ label: t('gov.col.figure') }, { label: d.year, numeric: true }, { label: Number(d.year) - 1, numeric: true }]}
          >
            {d.figures.map((f) => (
              <tr key={f.id}>
                <td className="py-0.5">
                  {f.type ? `${taxonomyLabel.type(f.type, t.lang)} · ` : ''}
                  {t(f.label as MessageKey)}
                </td>
                <td className="text-right tabular-nums">{formatNumber(f.current, t.lang, 0)}</td>
                <td className="text-right text-slate-500 tabular-nums">{formatNumber(f.previous, t.lang, 0)}</td>
              </tr>
            ))}
          </GovTable>
          <div>
            <CityMap values={d.map} params={d.params} selected={d.selected} interactive={false} />
          </div>
        </div>
      </section>

      <section className={section}>
        <h2 className="mb-2 text-base font-semibold">{t('gov.report.funnel')}</h2>
        <GovTable
          name="report-funnel"
          compact
          columns={[
            { label: t('gov.col.type') },
            ...(d.funnel[0]?.steps ?? []).map((s) => ({ key: s.step, label: t(`gov.stage.${s.step}`), numeric: true })),
          ]}
        >
          {d.funnel.map((f) => (
            <tr key={f.type}>
              <td className="py-0.5">{taxonomyLabel.type(f.type, t.lang)}</td>
              {f.steps.map((s) => (
                <td key={s.step} className="text-right tabular-nums">
                  {formatNumber(s.count, t.lang, 0)}
                  {s.conversion !== null ? <span className="text-slate-500"> ({formatNumber(s.conversion * 100, t.lang, 0)}%)</span> : null}
                </td>
              ))}
            </tr>
          ))}
        </GovTable>
      </section>

      <section className={section}>
        <h2 className="mb-2 text-base font-semibold">{t('gov.report.quota')}</h2>
        <p className="mb-2">
          {t('gov.quota.totals', {
            n: d.quota.totals.enterprises,
            im: d.quota.totals.internshipMet,
            ia: d.quota.totals.internshipApplicable,
            imiss: d.quota.totals.internshipMissing,
            tm: d.quota.totals.teacherMet,
            ta: d.quota.totals.teacherApplicable,
            tmiss: d.quota.totals.teacherMissing,
            both: d.quota.totals.bothMet,
          })}
        </p>
        <h3 className="mb-1 text-xs font-semibold">{t('gov.report.topGaps')}</h3>
        <GovTable name="report-gaps" compact>
          {d.quota.top.map((r) => (
            <tr key={r.id}>
              <td className="py-0.5">
                <span data-name>{r.name}</span>
              </td>
              <td>{cityLabel(r.cityCode, t.lang)}</td>
              <td className="text-right tabular-nums">
                {r.internship.posts}/{r.internship.required ?? '—'}
              </td>
              <td className="text-right tabular-nums">
                {r.teacher.posts}/{r.teacher.required ?? '—'}
              </td>
            </tr>
          ))}
        </GovTable>
      </section>

      <section className={section}>
        <h2 className="mb-2 text-base font-semibold">{t('gov.report.coverage')}</h2>
        <CoverageTable coverage={d.coverage} params={d.params} links={false} />
      </section>

      <section className={section}>
        <h2 className="mb-2 text-base font-semibold">{t('gov.report.targets')}</h2>
        <TargetsTable targets={d.targets} params={d.params} links={false} />
      </section>

      <section className={section}>
        <h2 className="mb-2 text-base font-semibold">{t('gov.report.trends')}</h2>
        <SvgBars labels={d.trends.months} values={d.trends.series[0]!.values} label={t('gov.trends.metric.contact')} />
      </section>
    </article>
  )
}

export const ErrorBoundary = GovErrorBoundary
