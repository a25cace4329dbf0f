import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Button } from '~/components/button'
import { EmptyState } from '~/components/empty-state'
import { RouteErrorBoundary } from '~/components/error-page'
import { Notice } from '~/components/notice'
import { Pagination } from '~/components/pagination'
import { SearchTabs } from '~/components/search-tabs'
import { VerificationBadge } from '~/components/verification-badge'
import { formatCount } from '~/lib/format'
import { taxonomyLabel, useT } from '~/lib/i18n'
import { titleMeta } from '~/lib/i18n/meta'
import { parseOrganisationSearchParams } from '~/lib/search-params'
import { searchOrganisations } from '~/search.server'
import { taxonomy } from '../../db/reference'

export const meta = titleMeta('nav.orgs')

export async function loader({ request }: LoaderFunctionArgs) {
  const params = parseOrganisationSearchParams(new URL(request.url).searchParams)
  return { params, result: await searchOrganisations(params) }
}

export default function OrganisationSearch() {
  const { params, result } = useLoaderData<typeof loader>()
  const t = useT()
  const pageUrl = (page: number) => {
    const search = new URLSearchParams()
    if (params.q) search.set('q', params.q)
    for (const k of params.kinds) search.append('kind', k)
    for (const c of params.cities) search.append('city', c)
    for (const c of params.clusters) search.append('cluster', c)
    if (params.verifiedOnly) search.set('verified', '1')
    if (page > 1) search.set('page', String(page))
    return `/orgs?${search}`
  }
  const select = 'rounded-md border border-slate-300 bg-white px-2 py-2 text-sm'
  return (
    <div className="space-y-4">
      <SearchTabs current="orgs" q={params.q} />
      <h1 className="sr-only">{t('nav.orgs')}</h1>
      <Form method="get" className="flex flex-wrap items-end gap-2">
        <label className="min-w-0 flex-1 basis-60">
          <span className="sr-only">{t('search.button')}</span>
          <input
            name="q"
            type="search"
            defaultValue={params.q}
            maxLength={200}
            placeholder={t('orgs.placeholder')}
            className="w-full rounded-md border border-slate-300 px-3 py-2"
          />
        </label>
        <label>
          <span className="sr-only">{t('search.facet.organisationKind')}</span>
          <select name="kind" defaultValue={params.kinds[0] ?? ''} className={select}>
            <option value="">{t('orgs.allKinds')}</option>
            {taxonomy.org_kinds
              .filter((k) => k.code !== 'government')
              .map((k) => (
                <option key={k.code} value={k.code}>
                  {taxonomyLabel.orgKind(k.code, t.lang)} {result.facets.kind[k.code] ? `(${result.facets.kind[k.code]})` : ''}
                </option>
              ))}
          </select>
        </label>
        <label>
          <span className="sr-only">{t('search.facet.city')}</span>
          <select name="city" defaultValue={params.cities[0] ?? ''} className={select}>
            <option value="">{t('orgs.allCities')}</option>
            {taxonomy.regions.cities.map((c) => (
              <option key={c.code} value={c.code}>
                {taxonomyLabel.city(c.code, t.lang)} {result.facets.city[c.code] ? `(${result.facets.city[c.code]})` : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="sr-only">{t('search.facet.clusters')}</span>
          <select name="cluster" defaultValue={params.clusters[0] ?? ''} className={select}>
            <option value="">{t('orgs.allClusters')}</option>
            {taxonomy.clusters.map((c) => (
              <option key={c.code} value={c.code}>
                {taxonomyLabel.clusterShort(c.code, t.lang)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1.5 text-sm">
          <input type="checkbox" name="verified" value="1" defaultChecked={params.verifiedOnly} className="size-4 accent-brand-600" />
          {t('search.verifiedOnly')}
        </label>
        <Button type="submit">{t('search.button')}</Button>
      </Form>
      <p className="text-sm text-slate-600">{t('search.results', { total: formatCount(result.total, t.lang) })}</p>
      {result.engine === 'postgres' ? <Notice>{t('search.fallback')}</Notice> : null}
      {result.unavailable ? <Notice tone="warning">{t('search.unavailable')}</Notice> : null}
      {result.total === 0 && !result.unavailable ? <EmptyState title={t('orgs.noResults')} /> : null}
      <ul className="grid gap-3 md:grid-cols-2">
        {result.hits.map((org) => (
          <li key={org.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <div className="flex flex-wrap items-center gap-2">
              <Link to={`/orgs/${org.id}`} className="font-semibold text-slate-900 hover:text-brand-700 hover:underline">
                <span dangerouslySetInnerHTML={{ __html: org.highlightedName }} />
              </Link>
              <VerificationBadge state={org.verified ? 'verified' : 'unverified'} />
            </div>
            <p className="mt-1 text-xs text-slate-500">
              {taxonomyLabel.orgKind(org.kind, t.lang)} · {taxonomyLabel.city(org.city, t.lang)} ·{' '}
              {org.clusters.map((c) => taxonomyLabel.clusterShort(c, t.lang)).join(t('common.listSeparator'))}
            </p>
            <p className="mt-2 line-clamp-2 text-sm text-slate-600">{org.description}</p>
          </li>
        ))}
      </ul>
      <Pagination page={params.page} totalPages={Math.min(result.totalPages, 500)} hrefFor={pageUrl} />
    </div>
  )
}

export const ErrorBoundary = RouteErrorBoundary
