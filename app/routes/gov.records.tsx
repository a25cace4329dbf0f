import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Card } from '~/components/card'
import { ExportLinks } from '~/components/gov/export-links'
import { GovErrorBoundary } from '~/components/gov/gov-error'
import { GovTable } from '~/components/gov/gov-table'
import { orRespond } from '~/domain/errors.server'
import { parseComplianceYear } from '~/domain/metrics/compliance.server'
import { figureParams } from '~/lib/gov-figures'
import { listRecords, parseFigureRef } from '~/domain/metrics/records.server'
import { loadGovRequest } from '~/domain/metrics/request.server'
import { formatCount, formatNumber } from '~/lib/format'
import { cityLabel } from '~/lib/gov-labels'
import { govHref } from '~/lib/gov-params'
import { taxonomyLabel, useT, type MessageKey } from '~/lib/i18n'
import { PLATFORM_KINDS } from '../../db/reference'

const PAGE = 200

export async function loader({ request }: LoaderFunctionArgs) {
  const { lang, params, q, url } = await loadGovRequest(request)
  const records = await orRespond(lang, async () => {
    const ref = parseFigureRef(url.searchParams)
    const year = parseComplianceYear(params.year)
    return listRecords(q, ref, { limit: PAGE, year })
  })
  return { params, records, figure: figureParams(records.ref) }
}

function detailLabel(detail: string | null, t: ReturnType<typeof useT>) {
  if (!detail) return ''
  const key = [`gov.stage.${detail}`, `gov.direction.${detail}`, `gov.records.source.${detail}`, `listing.status.${detail}`].find(
    (k) => t(k as MessageKey) !== k,
  )
  return key ? t(key as MessageKey) : detail
}

export default function GovRecords() {
  const { params, records, figure } = useLoaderData<typeof loader>()
  const t = useT()
  const ref = records.ref
  const title =
    ref.figure === 'stage'
      ? t('gov.records.figure.stage', { stage: t(`gov.stage.${ref.stage}` as MessageKey) })
      : ref.figure === 'outcome'
        ? t('gov.records.figure.outcome', { key: t(`gov.outcome.${ref.key}` as MessageKey) })
        : t(`gov.records.figure.${ref.figure}` as MessageKey)
  const href = (r: (typeof records.rows)[number]) =>
    r.kind === 'listing' ? `/listings/${r.id}` : r.kind === 'organisation' ? `/orgs/${r.id}` : null
  return (
    <Card>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 className="text-base font-semibold">
            {t('gov.records.title')} · {title}
            {ref.type ? ` · ${taxonomyLabel.type(ref.type, t.lang)}` : ''}
            {ref.direction ? ` · ${t(`gov.direction.${ref.direction}` as MessageKey)}` : ''}
          </h2>
          <p className="text-sm text-slate-700" data-records-total={records.total} data-records-count={records.count}>
            {records.sums
              ? t('gov.records.sum', { n: formatCount(records.count, t.lang), sum: formatNumber(records.total, t.lang, 0) })
              : t('gov.records.count', { n: formatCount(records.count, t.lang) })}
            {records.count > records.rows.length ? ` · ${t('gov.records.showing', { n: records.rows.length })}` : ''}
          </p>
        </div>
        <div className="flex items-center gap-3">
          <ExportLinks table="records" params={params} extra={figure} />
          <Link to={govHref('/gov', params)} className="text-sm text-brand-700 underline">
            {t('gov.records.back')}
          </Link>
        </div>
      </div>
      {records.rows.length === 0 ? <p className="text-sm text-slate-600">{t('gov.records.empty')}</p> : null}
      <GovTable
        name="records"
        minWidth="40rem"
        columns={[
          { label: t('gov.records.name') },
          { label: t('gov.records.organisation') },
          { label: t('gov.col.city') },
          { label: t('gov.col.type') },
          { label: t('gov.records.date') },
          { label: t('gov.records.detail') },
          ...(records.sums || ref.figure === 'listings' ? [{ label: t('gov.records.value'), numeric: true }] : []),
        ]}
      >
        {records.rows.map((r) => {
          const link = href(r)
          return (
            <tr key={`${r.kind}-${r.id}-${r.date}-${r.detail}`} data-record>
              <td className="py-1.5 pr-2">
                {link ? (
                  <Link to={link} className="text-brand-700 hover:underline">
                    {r.title}
                  </Link>
                ) : (
                  r.title
                )}
              </td>
              <td className="pr-2 text-xs">{r.kind === 'organisation' ? taxonomyLabel.orgKind(r.organisation, t.lang) : r.organisation}</td>
              <td className="pr-2 text-xs whitespace-nowrap">{cityLabel(r.cityCode, t.lang)}</td>
              <td className="pr-2 text-xs">
                {r.type
                  ? PLATFORM_KINDS.includes(r.type as never)
                    ? t(`gov.platform.${r.type}` as MessageKey)
                    : taxonomyLabel.type(r.type, t.lang)
                  : ''}
              </td>
              <td className="pr-2 text-xs whitespace-nowrap tabular-nums">{r.date ?? ''}</td>
              <td className="pr-2 text-xs">{detailLabel(r.detail, t)}</td>
              {records.sums || ref.figure === 'listings' ? (
                <td className="text-right tabular-nums">{r.value === null ? '' : formatNumber(r.value, t.lang, 0)}</td>
              ) : null}
            </tr>
          )
        })}
      </GovTable>
    </Card>
  )
}

export const ErrorBoundary = GovErrorBoundary
