import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Card } from '~/components/card'
import { ListingCard } from '~/components/listing-card'
import { getActor } from '~/domain/accounts/session.server'
import { countPublishedListingsByCluster, countPublishedListingsByType, listLatestListings } from '~/domain/listings/queries.server'
import { formatCount } from '~/lib/format'
import { taxonomyLabel, useT } from '~/lib/i18n'
import { taxonomy } from '../../db/taxonomy'

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request)
  const [byCluster, byType, latest] = await Promise.all([
    countPublishedListingsByCluster(),
    countPublishedListingsByType(),
    listLatestListings({ actor, limit: 8 }),
  ])
  return { byCluster, byType, latest }
}

export default function Home() {
  const { byCluster, byType, latest } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <div className="space-y-10">
      <section className="rounded-xl bg-gradient-to-br from-brand-700 to-brand-800 px-5 py-8 text-white sm:px-10 sm:py-12">
        <h1 className="text-2xl font-bold sm:text-3xl">{t('home.searchTitle')}</h1>
        <p className="mt-3 max-w-3xl text-sm text-brand-100 sm:text-base">{t('app.oneLiner')}</p>
        <Form method="get" action="/search" className="mt-6 flex max-w-2xl gap-2">
          <label htmlFor="home-search" className="sr-only">
            {t('search.button')}
          </label>
          <input
            id="home-search"
            name="q"
            type="search"
            maxLength={200}
            placeholder={t('search.placeholder')}
            className="min-w-0 flex-1 rounded-md border-0 bg-white px-4 py-3 text-base text-slate-900"
          />
          <button type="submit" className="rounded-md bg-white px-5 py-3 font-semibold text-brand-700 hover:bg-brand-50">
            {t('search.button')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="clusters-heading">
        <h2 id="clusters-heading" className="mb-3 text-lg font-semibold">
          {t('home.clusters')}
        </h2>
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4">
          {taxonomy.clusters.map((c) => (
            <li key={c.code}>
              <Link
                to={`/search?cluster=${c.code}`}
                className="flex h-full items-center justify-between gap-2 rounded-lg border border-slate-200 bg-white px-3 py-2.5 hover:border-brand-600 hover:bg-brand-50"
              >
                <span className="text-sm font-medium">{taxonomyLabel.cluster(c.code, t.lang)}</span>
                <span className="text-sm text-slate-500 tabular-nums">{formatCount(byCluster[c.code] ?? 0, t.lang)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="types-heading">
        <h2 id="types-heading" className="mb-3 text-lg font-semibold">
          {t('home.types')}
        </h2>
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-5">
          {taxonomy.cooperation_types.map((type) => (
            <li key={type.code}>
              <Link to={`/search?type=${type.code}`} className="block h-full rounded-lg border border-slate-200 bg-white p-3 hover:border-brand-600">
                <span className="block text-sm font-semibold">{taxonomyLabel.type(type.code, t.lang)}</span>
                <span className="mt-1 block text-2xl font-bold text-brand-700 tabular-nums">{formatCount(byType[type.code] ?? 0, t.lang)}</span>
                <span className="mt-1 block text-xs text-slate-500">{type.typical_fields.slice(0, 3).join(' · ')}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="latest-heading">
        <div className="mb-3 flex items-baseline justify-between">
          <h2 id="latest-heading" className="text-lg font-semibold">
            {t('home.latest')}
          </h2>
          <Link to="/search?sort=newest" className="text-sm text-brand-700 hover:underline">
            {t('home.viewAll')}
          </Link>
        </div>
        {latest.length ? (
          <div className="grid gap-3 md:grid-cols-2">
            {latest.map((l) => (
              <ListingCard key={l.id} listing={l} />
            ))}
          </div>
        ) : (
          <Card>
            <p className="text-sm text-slate-600">—</p>
          </Card>
        )}
      </section>
    </div>
  )
}
