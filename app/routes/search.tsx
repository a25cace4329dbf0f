import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteLoaderData, useSubmit } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { Button } from '~/components/button'
import { EmptyState } from '~/components/empty-state'
import { RouteErrorBoundary } from '~/components/error-page'
import { FacetList } from '~/components/facet-list'
import { ListingCard } from '~/components/listing-card'
import { Notice } from '~/components/notice'
import { Pagination } from '~/components/pagination'
import { SaveSearchPanel } from '~/components/save-search-panel'
import { SearchTabs } from '~/components/search-tabs'
import { Select } from '~/components/select'
import { formatCount } from '~/lib/format'
import { detectQueryIntents, type IntentParam } from '~/lib/query-intent'
import { langFromMatches, taxonomyLabel, translate, useT, type Language, type MessageKey } from '~/lib/i18n'
import {
  DIRECTIONS,
  FILTER_KEYS,
  MAX_PAGE,
  MAX_QUERY_LENGTH,
  NO_FILTERS,
  SORTS,
  dayToMonth,
  hasFilters,
  parseSearchParams,
  queryWasShortened,
  toSearchUrl,
  type FilterField,
} from '~/lib/search-params'
import { searchListings, type FacetCounts, type ListingSearchParams } from '~/search.server'
import { taxonomy } from '../../db/reference'
import { describeSearch } from '~/lib/saved-search-label'
import type { RootUser } from '~/root'
import { saveSearchAction } from './search.server'
import { alertsConfigured } from '~/domain/mail/link-origin.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const lang = langFromMatches(matches)
  const title = data?.params.q ? translate(lang, 'search.titleWithQuery', { q: data.params.q }) : translate(lang, 'search.title')
  return [{ title: `${title} · ${translate(lang, 'app.brand')}` }]
}

export async function loader({ request }: LoaderFunctionArgs) {
  const params = parseSearchParams(new URL(request.url).searchParams)
  const shortened = queryWasShortened(new URL(request.url).searchParams)
  const result = await searchListings(params)
  const intents = detectQueryIntents(params.q, { type: params.types, city: params.cities, cluster: params.clusters }).map((intent) => {
    const field = INTENT_FIELDS[intent.param]
    return { ...intent, href: toSearchUrl(params, { q: intent.remainingQuery, [field]: [...params[field], intent.code], page: 1 }) }
  })
  const alert = new URL(request.url).searchParams.get('alert')
  return {
    params,
    result: shownOf(result, params),
    intents,
    shortened,
    saved: alert === 'active' || alert === 'pending' ? (alert as 'active' | 'pending') : null,
    alertsOff: !alertsConfigured(),
  }
}

/**
 * What the page shows of a result. The engine also counts per organisation (no facet shows them)
 * and every major of the results (the facet shows the top ones and those chosen), and scores each
 * hit: left in, they would travel in the hydration data of every search page for nothing.
 */
function shownOf(result: Awaited<ReturnType<typeof searchListings>>, params: ListingSearchParams) {
  const majors = result.facets.majors ?? {}
  const facets: FacetCounts = {
    ...result.facets,
    organisationId: {},
    majors: Object.fromEntries(majorsShown(majors, params.majors).flatMap((m) => (m in majors ? [[m, majors[m]!]] : []))),
  }
  const { processingTimeMs: _engineTime, ...shown } = result
  return { ...shown, hits: result.hits.map(({ score: _score, ...hit }) => hit), facets }
}

export const action = saveSearchAction

const INTENT_FIELDS = { type: 'types', city: 'cities', cluster: 'clusters' } as const satisfies Record<IntentParam, FilterField>
const intentLabel = (intent: { param: IntentParam; code: string }, lang: Language) =>
  intent.param === 'type'
    ? taxonomyLabel.type(intent.code, lang)
    : intent.param === 'city'
      ? taxonomyLabel.city(intent.code, lang)
      : taxonomyLabel.clusterShort(intent.code, lang)

type Facet = {
  field: FilterField
  facetKey: keyof FacetCounts
  label: MessageKey
  options: { value: string; label: (lang: Language) => string }[]
}

const FACETS: Facet[] = [
  {
    field: 'clusters',
    facetKey: 'clusters',
    label: 'search.facet.clusters',
    options: taxonomy.clusters.map((c) => ({ value: c.code, label: (l) => taxonomyLabel.clusterShort(c.code, l) })),
  },
  {
    field: 'types',
    facetKey: 'type',
    label: 'search.facet.type',
    options: taxonomy.cooperation_types.map((c) => ({ value: c.code, label: (l) => taxonomyLabel.type(c.code, l) })),
  },
  {
    field: 'directions',
    facetKey: 'direction',
    label: 'search.facet.direction',
    options: DIRECTIONS.map((d) => ({ value: d, label: (l) => translate(l, `direction.${d}`) })),
  },
  {
    field: 'regions',
    facetKey: 'region',
    label: 'search.facet.region',
    options: taxonomy.regions.groups.map((g) => ({ value: g.code, label: (l) => taxonomyLabel.region(g.code, l) })),
  },
  {
    field: 'cities',
    facetKey: 'city',
    label: 'search.facet.city',
    options: taxonomy.regions.cities.map((c) => ({ value: c.code, label: (l) => taxonomyLabel.city(c.code, l) })),
  },
  {
    field: 'orgKinds',
    facetKey: 'organisationKind',
    label: 'search.facet.organisationKind',
    options: taxonomy.org_kinds
      .filter((k) => k.code !== 'government')
      .map((k) => ({ value: k.code, label: (l) => taxonomyLabel.orgKind(k.code, l) })),
  },
]

/** The majors facet lists what the results name (most frequent first), plus any chosen. */
const MAJORS_SHOWN = 12

function majorsShown(counts: Record<string, number>, selected: string[]) {
  const top = Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAJORS_SHOWN)
    .map(([major]) => major)
  return [...new Set([...selected, ...top])]
}

function majorOptions(counts: Record<string, number>, selected: string[]) {
  return majorsShown(counts, selected).map((major) => ({
    value: major,
    label: major,
    count: counts[major] ?? 0,
    checked: selected.includes(major),
  }))
}

/** Debounced search-as-you-type; Remix cancels a navigation that a newer one supersedes. */
function useSearchAsYouType(formRef: React.RefObject<HTMLFormElement | null>) {
  const submit = useSubmit()
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  return (delay = 250) => {
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      if (!formRef.current) return
      // Keep shared URLs short: no page (a new search starts at 1), no empty fields, no default sort.
      const data = new URLSearchParams()
      for (const [key, value] of new FormData(formRef.current)) {
        if (key === 'page' || typeof value !== 'string' || value === '' || (key === 'sort' && value === 'relevance')) continue
        data.append(key, value)
      }
      submit(data, { method: 'get', action: '/search', replace: true, preventScrollReset: true })
    }, delay)
  }
}

/**
 * The form's fields are uncontrolled (so they work before JavaScript loads). When the URL changes
 * by a link (a removed filter chip, "clear all", back button) the fields follow it here, without
 * remounting the form, so the box being typed in keeps its focus.
 */
function useFormFollowsUrl(formRef: React.RefObject<HTMLFormElement | null>, params: ListingSearchParams) {
  useEffect(() => {
    const form = formRef.current
    if (!form) return
    const selected = new Map<string, string[]>(Object.entries(FILTER_KEYS).map(([field, key]) => [key, params[field as FilterField]]))
    for (const element of Array.from(form.elements)) {
      if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement)) continue
      if (element instanceof HTMLInputElement && element.type === 'checkbox') {
        element.checked = element.name === 'verified' ? params.verifiedOnly : (selected.get(element.name) ?? []).includes(element.value)
      } else if (element.name === 'q' && document.activeElement !== element) element.value = params.q
      else if (element.name === 'sort') element.value = params.sort
      else if (element.name === 'from') element.value = dayToMonth(params.from)
      else if (element.name === 'to') element.value = dayToMonth(params.to)
      else if (element.name === 'phase') element.value = params.phase ?? ''
    }
  }, [formRef, params])
}

/** Browsers that cannot show a closed <details> as a sidebar with CSS get it opened when there is room. */
function useOpenOnWideScreens(detailsRef: React.RefObject<HTMLDetailsElement | null>) {
  useEffect(() => {
    if (typeof CSS !== 'undefined' && CSS.supports?.('selector(::details-content)')) return
    if (detailsRef.current && window.matchMedia('(min-width: 48rem)').matches) detailsRef.current.open = true
  }, [detailsRef])
}

export default function SearchPage() {
  const { params, result, intents, saved, shortened, alertsOff } = useLoaderData<typeof loader>()
  const saveResult = useActionData<typeof action>()
  const rootData = useRouteLoaderData('root') as { user: RootUser } | undefined
  const t = useT()
  const formRef = useRef<HTMLFormElement>(null)
  const detailsRef = useRef<HTMLDetailsElement>(null)
  const search = useSearchAsYouType(formRef)
  const onChange = () => search()
  // On a phone the open filter panel covers the results: the apply button closes it and shows them.
  const showResults = (event: React.MouseEvent) => {
    if (!detailsRef.current || window.matchMedia('(min-width: 48rem)').matches) return
    event.preventDefault()
    search(0)
    detailsRef.current.open = false
    document.getElementById('result-count')?.scrollIntoView({ block: 'start' })
  }
  useFormFollowsUrl(formRef, params)
  useOpenOnWideScreens(detailsRef)
  const navigation = useNavigation()
  const busy = navigation.state === 'loading' && navigation.location.pathname === '/search'

  const organisationName = (id: string) => result.hits.find((h) => String(h.organisationId) === id)?.organisationName ?? `#${id}`
  const chipFacets = [
    ...FACETS,
    { field: 'majors', label: 'search.facet.majors', options: params.majors.map((m) => ({ value: m, label: () => m })) },
    {
      field: 'orgs',
      label: 'search.facet.organisation',
      options: params.orgs.map((o) => ({ value: o, label: () => organisationName(o) })),
    },
  ] as Pick<Facet, 'field' | 'label' | 'options'>[]
  const activeFacets = chipFacets.filter((f) => params[f.field].length > 0)
  const more = result.moreFromOrganisation ?? {}
  const lastOfOrganisation = new Map(result.hits.map((h, i) => [h.organisationId, i]))
  const activeCount =
    activeFacets.reduce((sum, f) => sum + params[f.field].length, 0) +
    (params.verifiedOnly ? 1 : 0) +
    (params.from !== undefined || params.to !== undefined ? 1 : 0) +
    (params.phase ? 1 : 0)
  // The nearest broader search: drop the filter whose selected values are rarest.
  const rarest = FACETS.filter((f) => params[f.field].length > 0)
    .map((f) => ({ f, n: params[f.field].reduce((sum, v) => sum + (result.facets[f.facetKey][v] ?? 0), 0) }))
    .sort((a, b) => a.n - b.n)[0]?.f
  const totalPages = Math.min(result.totalPages, MAX_PAGE)
  const filtered = hasFilters(params)

  return (
    <div className="space-y-4">
      <SearchTabs current="listings" q={params.q} />
      <h1 className="text-xl font-bold break-words text-slate-900 sm:text-2xl">
        {params.q ? t('search.titleWithQuery', { q: params.q }) : t('search.title')}
      </h1>
      {params.q || hasFilters(params) ? (
        <SaveSearchPanel
          action={toSearchUrl(params, { page: 1 })}
          query={toSearchUrl(params, { page: 1, sort: 'relevance' }).replace(/^\/search\??/, '')}
          label={describeSearch(params, t.lang)}
          signedIn={Boolean(rootData?.user)}
          saved={saved}
          off={alertsOff}
          lastResult={saveResult}
        />
      ) : null}

      <Form ref={formRef} method="get" action="/search" className="space-y-4">
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor="q" className="sr-only">
            {t('search.label')}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={params.q}
            maxLength={MAX_QUERY_LENGTH}
            aria-describedby={shortened ? 'q-shortened' : undefined}
            onChange={onChange}
            placeholder={t('search.placeholderShort')}
            className="min-w-0 flex-[1_1_16rem] rounded-md border border-slate-300 bg-white px-3 py-2 text-base placeholder:text-slate-500"
            autoComplete="off"
          />
          <Select
            id="sort"
            name="sort"
            label={t('search.sort')}
            defaultValue={params.sort}
            onChange={onChange}
            options={SORTS.map((s) => ({ value: s, label: t(`search.sort.${s}`) }))}
          />
          <Button type="submit">{t('search.button')}</Button>
        </div>
        {shortened ? (
          <p id="q-shortened" role="status" className="text-sm text-amber-800">
            {t('search.queryShortened', { max: MAX_QUERY_LENGTH })}
          </p>
        ) : null}

        <div className="grid gap-6 md:grid-cols-[15rem_minmax(0,1fr)] lg:grid-cols-[16rem_minmax(0,1fr)]">
          <aside aria-label={t('search.filters')}>
            <details
              ref={detailsRef}
              className="filters-panel group rounded-lg border border-slate-200 bg-white md:border-0 md:bg-transparent"
            >
              <summary className="flex cursor-pointer list-none items-center justify-between px-4 py-3 text-sm font-semibold text-slate-900 [&::-webkit-details-marker]:hidden">
                <span>
                  {t('search.filters')}
                  {activeCount ? (
                    <span className="ml-1.5 rounded-full bg-brand-600 px-1.5 py-0.5 text-xs text-white tabular-nums">{activeCount}</span>
                  ) : null}
                </span>
                <span aria-hidden="true" className="text-slate-500 transition-transform group-open:rotate-180">
                  ▾
                </span>
              </summary>
              <div className="space-y-6 border-t border-slate-200 p-4 md:rounded-lg md:border md:bg-white">
                {FACETS.map((facet) => (
                  <FacetList
                    key={facet.field}
                    legend={t(facet.label)}
                    name={FILTER_KEYS[facet.field]}
                    onChange={onChange}
                    options={facet.options.map((o) => ({
                      value: o.value,
                      label: o.label(t.lang),
                      count: result.facets[facet.facetKey][o.value] ?? 0,
                      checked: (params[facet.field] as string[]).includes(o.value),
                    }))}
                  />
                ))}
                <FacetList
                  legend={t('search.facet.majors')}
                  name={FILTER_KEYS.majors}
                  labelLang="zh-CN"
                  onChange={onChange}
                  options={majorOptions(result.facets.majors ?? {}, params.majors)}
                />
                {params.orgs.map((o) => (
                  <input key={o} type="hidden" name={FILTER_KEYS.orgs} value={o} />
                ))}
                <fieldset className="space-y-2">
                  <legend className="mb-2 text-sm font-semibold text-slate-900">{t('search.when')}</legend>
                  <div className="flex items-center justify-between gap-2 text-sm">
                    <label htmlFor="filter-from">{t('search.from')}</label>
                    <input
                      id="filter-from"
                      type="month"
                      name="from"
                      defaultValue={dayToMonth(params.from)}
                      onChange={onChange}
                      className="w-40 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
                    />
                  </div>
                  <div className="flex items-center justify-between gap-2 text-sm">
                    <label htmlFor="filter-to">{t('search.to')}</label>
                    <input
                      id="filter-to"
                      type="month"
                      name="to"
                      defaultValue={dayToMonth(params.to)}
                      onChange={onChange}
                      className="w-40 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
                    />
                  </div>
                  <div className="flex items-center justify-between gap-2 text-sm">
                    <label htmlFor="filter-phase">{t('search.phase')}</label>
                    <select
                      id="filter-phase"
                      name="phase"
                      defaultValue={params.phase ?? ''}
                      onChange={onChange}
                      className="w-40 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
                    >
                      <option value="">{t('search.phase.any')}</option>
                      <option value="ongoing">{t('search.phase.ongoing')}</option>
                      <option value="upcoming">{t('search.phase.upcoming')}</option>
                    </select>
                  </div>
                </fieldset>
                <label htmlFor="filter-verified" className="flex cursor-pointer items-center gap-2 text-sm font-medium text-slate-900">
                  <input
                    id="filter-verified"
                    type="checkbox"
                    name="verified"
                    value="1"
                    defaultChecked={params.verifiedOnly}
                    onChange={onChange}
                    className="size-4 accent-brand-600"
                  />
                  {t('search.verifiedOnly')}
                </label>
                <div className="sticky bottom-0 -mx-4 -mb-4 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-white px-4 py-3 md:static md:mx-0 md:mb-0 md:px-0 md:pb-0">
                  <Button type="submit" className="flex-1" onClick={showResults} data-testid="apply-filters">
                    <span className="md:hidden">{t('visitors.filters.apply', { count: formatCount(result.total, t.lang) })}</span>
                    <span className="hidden md:inline">{t('search.apply')}</span>
                  </Button>
                  {filtered ? (
                    <Link
                      to={toSearchUrl(params, { ...NO_FILTERS, page: 1 })}
                      className="text-sm text-brand-700 underline-offset-2 hover:underline"
                    >
                      {t('search.clearAll')}
                    </Link>
                  ) : null}
                </div>
              </div>
            </details>
          </aside>

          <section className="min-w-0" aria-labelledby="result-count">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700" aria-live="polite">
              <h2 id="result-count" data-testid="result-count" className="font-medium text-slate-900">
                {t('search.results', { total: formatCount(result.total, t.lang) })}
              </h2>
              {busy ? <span className="text-slate-600">{t('search.updating')}</span> : null}
              {filtered ? (
                <Link
                  to={toSearchUrl(params, { ...NO_FILTERS, page: 1 })}
                  className="ml-auto text-brand-700 underline-offset-2 hover:underline"
                >
                  {t('search.clearAll')}
                </Link>
              ) : null}
            </div>
            {activeFacets.length ? (
              <ul className="mt-2 flex flex-wrap gap-1.5" aria-label={t('search.activeFilters')}>
                {activeFacets.flatMap((f) =>
                  (params[f.field] as string[]).map((v) => {
                    const label = f.options.find((o) => o.value === v)?.label(t.lang) ?? v
                    return (
                      <li key={`${f.field}-${v}`}>
                        <Link
                          to={toSearchUrl(params, { [f.field]: (params[f.field] as string[]).filter((x) => x !== v), page: 1 })}
                          aria-label={t('search.removeFilter', { label })}
                          className="inline-flex items-center gap-1 rounded-full border border-slate-300 bg-white px-2.5 py-0.5 text-xs text-slate-800 hover:border-brand-600"
                        >
                          {label} <span aria-hidden="true">×</span>
                        </Link>
                      </li>
                    )
                  }),
                )}
              </ul>
            ) : null}

            <div className="mt-4 space-y-3">
              {result.unavailable ? <Notice tone="warning">{t('search.unavailable')}</Notice> : null}
              {result.engine === 'postgres' && !result.unavailable ? <Notice tone="info">{t('search.fallback')}</Notice> : null}
              {intents.length ? (
                <nav aria-label={t('visitors.intent.title')} className="flex flex-wrap gap-2" data-testid="query-intents">
                  {intents.map((intent) => (
                    <Link
                      key={`${intent.param}-${intent.code}`}
                      to={intent.href}
                      className="rounded-full border border-brand-100 bg-brand-50 px-3 py-1 text-sm text-brand-800 hover:border-brand-600"
                    >
                      {t('visitors.intent.only', { label: intentLabel(intent, t.lang) })}
                    </Link>
                  ))}
                </nav>
              ) : null}
              {result.correctedQuery ? (
                <p className="text-sm text-slate-700" data-testid="corrected-query">
                  {t('search.corrected', { corrected: result.correctedQuery })}
                </p>
              ) : null}
              {result.hits.map((hit, i) => (
                <div key={hit.id}>
                  <ListingCard listing={hit} />
                  {more[hit.organisationId] && lastOfOrganisation.get(hit.organisationId) === i ? (
                    <Link
                      to={toSearchUrl(params, { orgs: [String(hit.organisationId)], page: 1 })}
                      className="mt-1 inline-block text-sm text-brand-700 underline-offset-2 hover:underline"
                    >
                      {t('search.moreFromOrganisation', { n: formatCount(more[hit.organisationId]!, t.lang) })}
                    </Link>
                  ) : null}
                </div>
              ))}
              {result.total === 0 && !result.unavailable ? (
                <EmptyState title={t('search.noResults')}>
                  <p>{t('search.noResultsHint')}</p>
                  <p className="mt-3 flex flex-wrap justify-center gap-x-4 gap-y-2">
                    {params.q && filtered ? (
                      <Link className="text-brand-700 underline" to={toSearchUrl(params, { ...NO_FILTERS, page: 1 })}>
                        {t('search.withoutFilters', { q: params.q })}
                      </Link>
                    ) : null}
                    {rarest && activeFacets.length > 1 ? (
                      <Link className="text-brand-700 underline" to={toSearchUrl(params, { [rarest.field]: [], page: 1 })}>
                        {t('search.broader', { label: t(rarest.label) })}
                      </Link>
                    ) : null}
                    {params.q || filtered ? (
                      <Link className="text-brand-700 underline" to="/search">
                        {t('search.everything')}
                      </Link>
                    ) : null}
                  </p>
                  <h3 className="mt-6 text-sm font-semibold text-slate-800">{t('search.browseClusters')}</h3>
                  <ul className="mx-auto mt-3 grid max-w-2xl grid-cols-2 gap-2 text-left sm:grid-cols-3">
                    {taxonomy.clusters.map((c) => (
                      <li key={c.code}>
                        <Link
                          to={`/search?cluster=${c.code}`}
                          className="block h-full rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-800 hover:border-brand-600 hover:bg-brand-50"
                        >
                          {taxonomyLabel.cluster(c.code, t.lang)}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </EmptyState>
              ) : null}
              {result.total > 0 && result.hits.length === 0 && !result.unavailable ? (
                <EmptyState title={t('search.pageEmpty')}>
                  <Link className="text-brand-700 underline" to={toSearchUrl(params, { page: 1 })}>
                    {t('search.firstPage')}
                  </Link>
                </EmptyState>
              ) : null}
            </div>
            <Pagination page={params.page} totalPages={totalPages} hrefFor={(page) => toSearchUrl(params, { page })} />
          </section>
        </div>
      </Form>
    </div>
  )
}

export const ErrorBoundary = RouteErrorBoundary
