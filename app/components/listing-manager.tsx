import { Form, Link } from '@remix-run/react'
import { formatDate, formatNumber } from '~/lib/format'
import { taxonomyLabel, useT, type MessageKey } from '~/lib/i18n'
import { LISTING_STATUSES } from '../../db/reference'
import { Badge } from './badge'
import { Button } from './button'
import { FilterChips, ListSearch } from './list-filters'
import { Notice } from './notice'
import { Pagination } from './pagination'

export type ManagedListing = {
  id: number
  title: string
  reference: string | null
  type: string
  status: string
  capacity: number | null
  endsOn: string | null
  updatedAt: string
  views: number
  interest: number
}

type Query = { q: string; status: string | null; sort: string; dir: 'asc' | 'desc'; page: number }
type BulkResult = { changed?: number; skipped?: number; error?: string } | undefined

const SORTABLE: { sort: string; label: MessageKey }[] = [
  { sort: 'title', label: 'form.label.title' },
  { sort: 'status', label: 'dashboard.status' },
  { sort: 'capacity', label: 'listing.capacity' },
  { sort: 'endsOn', label: 'form.label.endsOn' },
  { sort: 'views', label: 'manage.views' },
  { sort: 'interest', label: 'manage.interest' },
  { sort: 'updated', label: 'manage.updated' },
]

const statusTone = (s: string) => (s === 'published' ? 'green' : s === 'draft' ? 'neutral' : 'amber')

/** The organisation's own listings: search, status chips, sortable columns, paging and bulk pause / close / extend. */
export function ListingManager({
  rows,
  total,
  counts,
  totalPages,
  query,
  result,
}: {
  rows: ManagedListing[]
  total: number
  counts: Record<string, number>
  totalPages: number
  query: Query
  result: BulkResult
}) {
  const t = useT()
  const href = (change: Partial<Query>) => {
    const next = { ...query, page: 1, ...change }
    const params = new URLSearchParams()
    if (next.q) params.set('q', next.q)
    if (next.status) params.set('status', next.status)
    if (next.sort !== 'updated') params.set('sort', next.sort)
    if (next.dir !== 'desc') params.set('dir', next.dir)
    if (next.page > 1) params.set('page', String(next.page))
    const s = params.toString()
    return s ? `?${s}` : '?'
  }
  const all = LISTING_STATUSES.reduce((sum, s) => sum + (counts[s] ?? 0), 0)
  const check = (l: ManagedListing) => (
    <input
      type="checkbox"
      name="ids"
      value={l.id}
      form="bulk-listings"
      className="size-4"
      aria-label={t('manage.select', { title: l.title })}
    />
  )
  return (
    <div className="space-y-3">
      {result?.error ? <Notice tone="error">{result.error}</Notice> : null}
      {result?.changed !== undefined ? (
        <Notice tone="success">{t('manage.done', { changed: result.changed, skipped: result.skipped ?? 0 })}</Notice>
      ) : null}
      <ListSearch
        id="manage-q"
        label={t('manage.search')}
        defaultValue={query.q}
        keep={query.status ? { name: 'status', value: query.status } : null}
      />
      <FilterChips
        label={t('manage.statusFilter')}
        chips={[
          { key: 'all', to: href({ status: null }), label: t('manage.all'), count: all, active: !query.status },
          ...LISTING_STATUSES.map((s) => ({
            key: s,
            to: href({ status: s }),
            label: t(`listing.status.${s}`),
            count: counts[s] ?? 0,
            active: query.status === s,
          })),
        ]}
      />
      <Form method="post" id="bulk-listings" className="flex flex-wrap items-end gap-2 rounded-md bg-slate-50 p-2 text-sm">
        <input type="hidden" name="intent" value="bulk" />
        <label className="flex flex-col gap-0.5">
          <span className="text-xs text-slate-600">{t('manage.bulk')}</span>
          <select name="action" className="rounded-md border border-slate-300 bg-white px-2 py-1.5" defaultValue="pause">
            <option value="pause">{t('listing.action.pause')}</option>
            <option value="close">{t('listing.action.close')}</option>
            <option value="extend">{t('manage.extend')}</option>
          </select>
        </label>
        <label className="flex flex-col gap-0.5">
          <span className="text-xs text-slate-600">{t('manage.days')}</span>
          <input
            name="days"
            type="number"
            min={1}
            max={366}
            defaultValue={30}
            className="w-24 rounded-md border border-slate-300 px-2 py-1.5"
          />
        </label>
        <Button type="submit" variant="secondary">
          {t('manage.apply')}
        </Button>
        <span className="text-xs text-slate-600">{t('manage.bulkHint')}</span>
      </Form>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{all === 0 && !query.q ? t('dashboard.none') : t('manage.noMatch')}</p>
      ) : (
        <>
          <p className="text-xs text-slate-600">{t('manage.total', { n: formatNumber(total, t.lang) })}</p>
          <table className="hidden w-full text-sm sm:table">
            <thead className="text-left text-xs text-slate-500">
              <tr>
                <th className="w-8 py-1.5">
                  <span className="sr-only">{t('manage.selectColumn')}</span>
                </th>
                {SORTABLE.slice(0, 1).map((c) => (
                  <SortHeader key={c.sort} {...c} query={query} href={href} />
                ))}
                <th className="font-medium">{t('dashboard.type')}</th>
                {SORTABLE.slice(1).map((c) => (
                  <SortHeader key={c.sort} {...c} query={query} href={href} />
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((l) => (
                <tr key={l.id}>
                  <td className="py-1.5">{check(l)}</td>
                  <td className="py-1.5 pr-2">
                    <Link to={`/listings/${l.id}`} className="text-brand-700 hover:underline">
                      {l.title}
                    </Link>
                    {l.reference ? <span className="block text-xs text-slate-500">{l.reference}</span> : null}
                  </td>
                  <td className="pr-2 text-xs">{taxonomyLabel.type(l.type, t.lang)}</td>
                  <td className="pr-2">
                    <Badge tone={statusTone(l.status)}>{t(`listing.status.${l.status}` as MessageKey)}</Badge>
                  </td>
                  <td className="pr-2 tabular-nums">{l.capacity ?? '—'}</td>
                  <td className="pr-2 text-xs">{l.endsOn ? formatDate(l.endsOn, t.lang) : '—'}</td>
                  <td className="pr-2 tabular-nums">{formatNumber(l.views, t.lang)}</td>
                  <td className="pr-2 tabular-nums">{formatNumber(l.interest, t.lang)}</td>
                  <td className="text-xs text-slate-500">{formatDate(l.updatedAt, t.lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="space-y-2 sm:hidden">
            {rows.map((l) => (
              <li key={l.id} className="flex gap-3 rounded-md border border-slate-200 p-3">
                <div className="pt-0.5">{check(l)}</div>
                <div className="min-w-0 flex-1 space-y-1">
                  <Link to={`/listings/${l.id}`} className="block font-medium break-words text-brand-700">
                    {l.title}
                  </Link>
                  <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
                    <Badge tone={statusTone(l.status)}>{t(`listing.status.${l.status}` as MessageKey)}</Badge>
                    <span>{taxonomyLabel.type(l.type, t.lang)}</span>
                    {l.capacity !== null ? <span>{t('quota.places', { n: l.capacity })}</span> : null}
                    {l.endsOn ? <span>{t('manage.until', { date: formatDate(l.endsOn, t.lang) })}</span> : null}
                    <span>{t('manage.viewsCount', { n: formatNumber(l.views, t.lang) })}</span>
                    <span>{t('manage.interestCount', { n: formatNumber(l.interest, t.lang) })}</span>
                  </div>
                </div>
              </li>
            ))}
          </ul>
          <Pagination page={query.page} totalPages={totalPages} hrefFor={(page) => href({ ...query, page })} />
        </>
      )}
    </div>
  )
}

function SortHeader({ sort, label, query, href }: { sort: string; label: MessageKey; query: Query; href: (q: Partial<Query>) => string }) {
  const t = useT()
  const active = query.sort === sort
  const dir = active && query.dir === 'desc' ? 'asc' : 'desc'
  return (
    <th className="font-medium" aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Link to={href({ sort, dir, page: 1 })} className="inline-flex items-center gap-0.5 hover:text-brand-700">
        {t(label)}
        <span aria-hidden="true">{active ? (query.dir === 'asc' ? '↑' : '↓') : '↕'}</span>
      </Link>
    </th>
  )
}
