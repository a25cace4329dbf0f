import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation, useSubmit } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { Button } from '~/components/button'
import { EmptyState } from '~/components/empty-state'
import { Notice } from '~/components/notice'
import { ListingCard } from '~/components/listing-card'
import { Pagination } from '~/components/pagination'
import { SearchTabs } from '~/components/search-tabs'
import { formatCount } from '~/lib/format'
import { taxonomyLabel, useT, type Language, type MessageKey } from '~/lib/i18n'
import { FILTER_KEYS, NO_FILTERS, dayToMonth, hasFilters, parseSearchParams, toSearchUrl, type FilterField } from '~/lib/search-params'
import { searchListings } from '~/search.server'
import { taxonomy } from '../../db/taxonomy'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.params.q ? `${data.params.q} · 找合作 · 晋产教` : '找合作 · 晋产教' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const params = parseSearchParams(new URL(request.url).searchParams)
  const result = await searchListings(params)
  return { params, result }
}

type Facet = { field: FilterField; facetKey: keyof typeof FACET_SOURCE; label: MessageKey; options: { value: string; label: (lang: Language) => string }[] }

const FACET_SOURCE = { clusters: 'clusters', type: 'types', city: 'cities', region: 'regions', organisationKind: 'orgKinds', direction: 'directions' } as const

const FACETS: Facet[] = [
  { field: 'clusters', facetKey: 'clusters', label: 'search.facet.clusters', options: taxonomy.clusters.map((c) => ({ value: c.code, label: (l) => taxonomyLabel.clusterShort(c.code, l) })) },
  { field: 'types', facetKey: 'type', label: 'search.facet.type', options: taxonomy.cooperation_types.map((c) => ({ value: c.code, label: (l) => taxonomyLabel.type(c.code, l) })) },
  { field: 'directions', facetKey: 'direction', label: 'search.facet.direction', options: (['need', 'offer'] as const).map((d) => ({ value: d, label: (l) => (l === 'en' ? (d === 'need' ? 'Need' : 'Offer') : d === 'need' ? '需求' : '供给') })) },
  { field: 'regions', facetKey: 'region', label: 'search.facet.region', options: taxonomy.regions.groups.map((g) => ({ value: g.code, label: (l) => taxonomyLabel.region(g.code, l) })) },
  { field: 'cities', facetKey: 'city', label: 'search.facet.city', options: taxonomy.regions.cities.map((c) => ({ value: c.code, label: (l) => taxonomyLabel.city(c.code, l) })) },
  { field: 'orgKinds', facetKey: 'organisationKind', label: 'search.facet.organisationKind', options: taxonomy.org_kinds.filter((k) => k.code !== 'government').map((k) => ({ value: k.code, label: (l) => taxonomyLabel.orgKind(k.code, l) })) },
]

/** Debounced search-as-you-type; Remix cancels a navigation that a newer one supersedes. */
function useSearchAsYouType(formRef: React.RefObject<HTMLFormElement | null>) {
  const submit = useSubmit()
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  return () => {
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      if (!formRef.current) return
      const data = new FormData(formRef.current)
      data.delete('page')
      submit(data, { method: 'get', action: '/search', replace: true, preventScrollReset: true })
    }, 250)
  }
}

export default function SearchPage() {
  const { params, result } = useLoaderData<typeof loader>()
  const t = useT()
  const formRef = useRef<HTMLFormElement>(null)
  const onType = useSearchAsYouType(formRef)
  const navigation = useNavigation()
  const busy = navigation.state === 'loading' && navigation.location.pathname === '/search'

  const activeFacets = FACETS.filter((f) => params[f.field].length > 0)
  // The nearest broader search: drop the filter whose selected values are rarest.
  const rarest = activeFacets
    .map((f) => ({ f, n: params[f.field].reduce((sum, v) => sum + (result.facets[f.facetKey][v] ?? 0), 0) }))
    .sort((a, b) => a.n - b.n)[0]?.f

  const facetsBlock = (
    <div className="space-y-5">
      {FACETS.map((facet) => (
        <fieldset key={facet.field}>
          <legend className="mb-1.5 text-sm font-semibold text-slate-800">{t(facet.label)}</legend>
          <ul className="space-y-1">
            {facet.options.map((o) => {
              const n = result.facets[facet.facetKey][o.value] ?? 0
              const checked = (params[facet.field] as string[]).includes(o.value)
              if (!checked && n === 0) return null
              return (
                <li key={o.value}>
                  <label className="flex cursor-pointer items-center gap-2 text-sm">
                    <input type="checkbox" name={FILTER_KEYS[facet.field]} value={o.value} defaultChecked={checked} onChange={onType} className="size-4 accent-brand-600" />
                    <span className="flex-1">{o.label(t.lang)}</span>
                    <span className="text-xs text-slate-500 tabular-nums">{formatCount(n, t.lang)}</span>
                  </label>
                </li>
              )
            })}
          </ul>
        </fieldset>
      ))}
      <fieldset className="space-y-2">
        <legend className="mb-1.5 text-sm font-semibold text-slate-800">{t('search.when')}</legend>
        <label className="flex items-center justify-between gap-2 text-sm">
          {t('search.from')}
          <input type="month" name="from" defaultValue={dayToMonth(params.from)} onChange={onType} className="w-36 rounded-md border border-slate-300 px-2 py-1 text-sm" />
        </label>
        <label className="flex items-center justify-between gap-2 text-sm">
          {t('search.to')}
          <input type="month" name="to" defaultValue={dayToMonth(params.to)} onChange={onType} className="w-36 rounded-md border border-slate-300 px-2 py-1 text-sm" />
        </label>
        <label className="flex items-center justify-between gap-2 text-sm">
          {t('search.phase')}
          <select name="phase" defaultValue={params.phase ?? ''} onChange={onType} className="w-36 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
            <option value="">{t('search.phase.any')}</option>
            <option value="ongoing">{t('search.phase.ongoing')}</option>
            <option value="upcoming">{t('search.phase.upcoming')}</option>
          </select>
        </label>
      </fieldset>
      <label className="flex cursor-pointer items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="verified" value="1" defaultChecked={params.verifiedOnly} onChange={onType} className="size-4 accent-brand-600" />
        {t('search.verifiedOnly')}
      </label>
      <noscript>
        <Button type="submit" className="w-full">
          {t('search.apply')}
        </Button>
      </noscript>
    </div>
  )

  return (
    <Form ref={formRef} method="get" action="/search" className="grid gap-6 md:grid-cols-[15rem_1fr]" key={toSearchUrl({ ...params, page: 1 })}>
      <h1 className="sr-only">{t('search.title')}</h1>
      <div className="md:col-span-2">
        <SearchTabs current="listings" q={params.q} />
      </div>
      <aside>
        {/* One set of facets: a toggle opens them on a phone (no JavaScript needed), a sidebar on desktop. */}
        <input type="checkbox" id="show-filters" className="peer sr-only" />
        <label htmlFor="show-filters" className="flex cursor-pointer items-center justify-between rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm font-semibold md:hidden">
          <span>
            {t('search.filters')}
            {activeFacets.length ? ` (${activeFacets.reduce((s, f) => s + params[f.field].length, 0)})` : ''}
          </span>
          <span aria-hidden="true">▾</span>
        </label>
        <div className="mt-2 hidden rounded-lg border border-slate-200 bg-white p-4 peer-checked:block md:mt-0 md:block">{facetsBlock}</div>
      </aside>

      <div className="min-w-0">
        <div className="flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1">
            <label htmlFor="q" className="sr-only">
              {t('search.button')}
            </label>
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={params.q}
              maxLength={200}
              onChange={onType}
              placeholder={t('search.placeholder')}
              className="w-full rounded-md border border-slate-300 px-3 py-2"
              autoComplete="off"
            />
          </div>
          <label className="text-sm">
            <span className="sr-only">{t('search.sort')}</span>
            <select name="sort" defaultValue={params.sort} onChange={onType} className="rounded-md border border-slate-300 bg-white px-2 py-2 text-sm">
              {(['relevance', 'newest', 'closing', 'capacity'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`search.sort.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit">{t('search.button')}</Button>
        </div>

        <div className="mt-3 flex flex-wrap items-center gap-2 text-sm text-slate-600" aria-live="polite">
          <span data-testid="result-count">{t('search.results', { total: formatCount(result.total, t.lang) })}</span>
          {busy ? <span className="text-slate-400">…</span> : null}
          {hasFilters(params) ? (
            <Link to={toSearchUrl(params, { ...NO_FILTERS, page: 1 })} className="ml-auto text-brand-700 hover:underline">
              {t('search.clearAll')}
            </Link>
          ) : null}
        </div>
        {activeFacets.length ? (
          <ul className="mt-2 flex flex-wrap gap-1.5" aria-label={t('search.filters')}>
            {activeFacets.flatMap((f) =>
              (params[f.field] as string[]).map((v) => (
                <li key={`${f.field}-${v}`}>
                  <Link
                    to={toSearchUrl(params, { [f.field]: (params[f.field] as string[]).filter((x) => x !== v), page: 1 })}
                    className="inline-flex items-center gap-1 rounded-full border border-slate-300 bg-white px-2.5 py-0.5 text-xs hover:border-brand-600"
                  >
                    {f.options.find((o) => o.value === v)?.label(t.lang) ?? v} <span aria-hidden="true">×</span>
                  </Link>
                </li>
              )),
            )}
          </ul>
        ) : null}

        <div className="mt-4 space-y-3">
          {result.unavailable ? <Notice tone="warning">{t('search.unavailable')}</Notice> : null}
          {result.engine === 'postgres' ? <Notice tone="info">{t('search.fallback')}</Notice> : null}
          {result.hits.map((hit) => (
            <ListingCard key={hit.id} listing={hit} />
          ))}
          {result.total === 0 && !result.unavailable ? (
            <EmptyState title={t('search.noResults')}>
              <p>{t('search.noResultsHint')}</p>
              <p className="mt-3 flex flex-wrap justify-center gap-2">
                {rarest ? (
                  <Link className="text-brand-700 underline" to={toSearchUrl(params, { [rarest.field]: [], page: 1 })}>
                    {t('search.broader', { label: t(rarest.label) })}
                  </Link>
                ) : null}
                {params.q || hasFilters(params) ? (
                  <Link className="text-brand-700 underline" to="/search">
                    {t('search.everything')}
                  </Link>
                ) : null}
              </p>
              <ul className="mt-4 flex flex-wrap justify-center gap-1.5">
                {taxonomy.clusters.map((c) => (
                  <li key={c.code}>
                    <Link to={`/search?cluster=${c.code}`} className="rounded-full border border-slate-300 px-2.5 py-0.5 text-xs hover:border-brand-600">
                      {taxonomyLabel.clusterShort(c.code, t.lang)}
                    </Link>
                  </li>
                ))}
              </ul>
            </EmptyState>
          ) : null}
        </div>
        <Pagination page={params.page} totalPages={Math.min(result.totalPages, 500)} hrefFor={(page) => toSearchUrl(params, { page })} />
      </div>
    </Form>
  )
}
