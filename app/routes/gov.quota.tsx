import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Badge } from '~/components/badge'
import { Card } from '~/components/card'
import { ExportLinks } from '~/components/gov/export-links'
import { FigureLink } from '~/components/gov/figure-link'
import { GovErrorBoundary } from '~/components/gov/gov-error'
import { orRespond } from '~/domain/errors.server'
import { getQuotaCompliance, parseComplianceYear, type QuotaCheck } from '~/domain/metrics/compliance.server'
import { type COMPLIANCE_SORTS, SIZE_BANDS } from '~/lib/gov-figures'
import { loadGovRequest } from '~/domain/metrics/request.server'
import { formatCount, formatNumber } from '~/lib/format'
import { cityLabel } from '~/lib/gov-labels'
import { govHref, type GovParams } from '~/lib/gov-params'
import { useT } from '~/lib/i18n'

const PAGE = 100

export async function loader({ request }: LoaderFunctionArgs) {
  const { lang, params, q, url } = await loadGovRequest(request)
  const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get('page')) || 1))
  const result = await orRespond(lang, async () =>
    getQuotaCompliance(q, {
      year: parseComplianceYear(params.year),
      size: params.size ?? null,
      sort: url.searchParams.get('sort'),
      desc: url.searchParams.has('dir') ? url.searchParams.get('dir') === 'desc' : undefined,
    }),
  )
  const { rows, ...rest } = result
  return { params, page, pages: Math.max(1, Math.ceil(rows.length / PAGE)), rows: rows.slice((page - 1) * PAGE, page * PAGE), ...rest }
}

function Quota({ check, params, org, type, year }: { check: QuotaCheck; params: GovParams; org: number; type: string; year: number }) {
  const t = useT()
  if (check.required === null) return <span className="text-xs text-slate-500">{t('gov.quota.na')}</span>
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      <FigureLink value={check.posts} params={params} figureRef={{ figure: 'quota', org, type }} extra={{ year: String(year) }} />
      <span className="text-slate-500">/ {formatCount(check.required, t.lang)}</span>
      <Badge tone={check.met ? 'green' : 'red'}>{check.met ? t('gov.quota.met') : `${t('gov.quota.missing')} ${check.missing}`}</Badge>
    </span>
  )
}

export default function GovQuota() {
  const data = useLoaderData<typeof loader>()
  const { params, totals, thresholds, year, rows, sort, desc } = data
  const t = useT()
  const sortHref = (key: string) => govHref('/gov/quota', params, { sort: key, dir: sort === key && desc ? 'asc' : 'desc', page: null })
  const header = (key: (typeof COMPLIANCE_SORTS)[number], label: string, className = '') => (
    <th className={`font-medium ${className}`} aria-sort={sort === key ? (desc ? 'descending' : 'ascending') : 'none'}>
      <Link to={sortHref(key)} className="hover:underline">
        {label}
        {sort === key ? (desc ? ' ↓' : ' ↑') : ''}
      </Link>
    </th>
  )
  return (
    <Card>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold">{t('gov.quota.title', { year })}</h2>
        <ExportLinks table="quota" params={params} extra={{ year: String(year) }} />
      </div>
      <p className="mb-2 text-xs text-slate-600">
        {t('gov.quota.hint', {
          internship: `${thresholds.internship * 100}%`,
          teacher: `${formatNumber(thresholds.teacher * 100, t.lang, 1)}%`,
          year,
        })}
      </p>
      <Form method="get" className="mb-3 flex flex-wrap items-end gap-3 text-sm">
        {Object.entries(params)
          .filter(([k]) => k !== 'size' && k !== 'year')
          .map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-600">{t('gov.quota.year')}</span>
          <input
            name="year"
            type="number"
            min={2000}
            max={2100}
            defaultValue={year}
            className="w-24 rounded-md border border-slate-300 px-2 py-1.5"
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-600">{t('gov.filter.size')}</span>
          <select name="size" defaultValue={params.size ?? ''} className="rounded-md border border-slate-300 bg-white px-2 py-1.5">
            <option value="">{t('gov.filter.any')}</option>
            {SIZE_BANDS.map((s) => (
              <option key={s} value={s}>
                {t(`gov.size.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
          {t('gov.filter.apply')}
        </button>
      </Form>
      <p className="mb-3 rounded bg-slate-50 p-2 text-sm" data-quota-totals>
        {t('gov.quota.totals', {
          n: totals.enterprises,
          im: totals.internshipMet,
          ia: totals.internshipApplicable,
          imiss: formatCount(totals.internshipMissing, t.lang),
          tm: totals.teacherMet,
          ta: totals.teacherApplicable,
          tmiss: formatCount(totals.teacherMissing, t.lang),
          both: totals.bothMet,
        })}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[48rem] text-sm" data-table="quota">
          <thead className="text-left text-xs text-slate-500">
            <tr>
              {header('name', t('gov.quota.enterprise'), 'py-1.5')}
              {header('city', t('gov.col.city'))}
              {header('staff', t('gov.quota.staff'), 'text-right')}
              <th className="text-right font-medium">{t('gov.quota.techPosts')}</th>
              {header('internship', t('gov.quota.internship'))}
              {header('teacher', t('gov.quota.teacher'))}
              {header('missing', t('gov.quota.missing'), 'text-right')}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="py-1.5 pr-2">
                  <Link to={`/orgs/${r.id}`} className="hover:underline">
                    {r.name}
                  </Link>
                </td>
                <td className="pr-2 text-xs whitespace-nowrap">{cityLabel(r.cityCode, t.lang)}</td>
                <td className="pr-2 text-right tabular-nums">{r.staffCount === null ? '—' : formatCount(r.staffCount, t.lang)}</td>
                <td className="pr-2 text-right tabular-nums">
                  {r.technicalPostCount === null ? '—' : formatCount(r.technicalPostCount, t.lang)}
                </td>
                <td className="pr-2">
                  <Quota check={r.internship} params={params} org={r.id} type="internship" year={year} />
                </td>
                <td className="pr-2">
                  <Quota check={r.teacher} params={params} org={r.id} type="teacher_practice" year={year} />
                </td>
                <td className="text-right tabular-nums">{(r.internship.missing ?? 0) + (r.teacher.missing ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="mt-3 flex items-center gap-3 text-sm" aria-label={t('gov.quota.sort')}>
        <span>
          {t('gov.quota.showing', {
            from: totals.enterprises ? (data.page - 1) * PAGE + 1 : 0,
            to: Math.min(totals.enterprises, data.page * PAGE),
            n: totals.enterprises,
          })}
        </span>
        {data.page > 1 ? (
          <Link
            to={govHref('/gov/quota', params, { page: data.page - 1, sort, dir: desc ? 'desc' : 'asc' })}
            className="text-brand-700 underline"
          >
            ←
          </Link>
        ) : null}
        {data.page < data.pages ? (
          <Link
            to={govHref('/gov/quota', params, { page: data.page + 1, sort, dir: desc ? 'desc' : 'asc' })}
            className="text-brand-700 underline"
          >
            →
          </Link>
        ) : null}
      </nav>
      <p className="mt-2 text-xs text-slate-500">{t('gov.size.source')}</p>
    </Card>
  )
}

export const ErrorBoundary = GovErrorBoundary
