import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { EmptyState } from '~/components/empty-state'
import { RouteErrorBoundary } from '~/components/error-page'
import { SearchBox } from '~/components/search-box'
import { ListingCard } from '~/components/listing-card'
import { getActor } from '~/domain/accounts/session.server'
import { countPublishedListingsByCluster, countPublishedListingsByType, listLatestListings } from '~/domain/listings/queries.server'
import { respondingToDomainErrors } from '~/domain/errors.server'
import { formatCount } from '~/lib/format'
import { withoutScripts } from '~/lib/hydration'
import { taxonomyLabel, useT } from '~/lib/i18n'
import { taxonomy } from '../../db/reference'

const LATEST_COUNT = 8

export const handle = withoutScripts

export const loader = respondingToDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await getActor(request)
  const [byCluster, byType, latest] = await Promise.all([
    countPublishedListingsByCluster({ actor }),
    countPublishedListingsByType({ actor }),
    listLatestListings({ actor, limit: LATEST_COUNT }),
  ])
  return { byCluster, byType, latest }
})

export default function Home() {
  const { byCluster, byType, latest } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <div className="space-y-12">
      <section className="rounded-xl bg-gradient-to-br from-brand-700 to-brand-900 px-5 py-8 text-white sm:px-10 sm:py-12">
        <h1 className="text-2xl leading-snug font-bold sm:text-3xl">{t('home.searchTitle')}</h1>
        <p className="mt-3 max-w-3xl text-sm leading-relaxed text-brand-50 sm:text-base">{t('app.oneLiner')}</p>
        <SearchBox id="home-search" variant="hero" className="mt-6 flex max-w-2xl flex-col gap-2 sm:flex-row" />
      </section>

      <section aria-labelledby="clusters-heading">
        <div className="mb-4">
          <h2 id="clusters-heading" className="text-lg font-semibold text-slate-900">
            {t('home.clusters')}
          </h2>
          <p className="mt-0.5 text-sm text-slate-600">{t('home.clustersHint')}</p>
        </div>
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4">
          {taxonomy.clusters.map((c) => (
            <li key={c.code}>
              <Link
                to={`/search?cluster=${c.code}`}
                className="flex h-full flex-col justify-between gap-1 rounded-lg border border-slate-200 bg-white px-3 py-2.5 hover:border-brand-600 hover:bg-brand-50"
              >
                <span className="text-sm font-medium break-words text-slate-900">{taxonomyLabel.cluster(c.code, t.lang)}</span>
                <span className="text-sm text-slate-600 tabular-nums">
                  {t('home.listingsCount', { count: formatCount(byCluster[c.code] ?? 0, t.lang) })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="types-heading">
        <h2 id="types-heading" className="mb-4 text-lg font-semibold text-slate-900">
          {t('home.types')}
        </h2>
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-5">
          {taxonomy.cooperation_types.map((type) => (
            <li key={type.code}>
              <Link
                to={`/search?type=${type.code}`}
                className="flex h-full flex-row items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white p-3 hover:border-brand-600 lg:flex-col lg:items-start lg:justify-start"
              >
                <span className="min-w-0 text-sm font-semibold break-words text-slate-900">{taxonomyLabel.type(type.code, t.lang)}</span>
                <span className="shrink-0 text-2xl font-bold text-brand-700 tabular-nums lg:mt-auto">
                  {formatCount(byType[type.code] ?? 0, t.lang)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="latest-heading">
        <div className="mb-4 flex items-baseline justify-between gap-4">
          <h2 id="latest-heading" className="text-lg font-semibold text-slate-900">
            {t('home.latest')}
          </h2>
          <Link to="/search?sort=newest" className="text-sm font-medium text-brand-700 hover:underline">
            {t('home.viewAll')} <span aria-hidden="true">→</span>
          </Link>
        </div>
        {latest.length ? (
          <div className="grid gap-3 md:grid-cols-2">
            {latest.map((l) => (
              <ListingCard key={l.id} listing={l} />
            ))}
          </div>
        ) : (
          <EmptyState title={t('home.noListings')} />
        )}
      </section>
    </div>
  )
}

export const ErrorBoundary = RouteErrorBoundary
