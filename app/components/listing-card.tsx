import { Link } from '@remix-run/react'
import { dayNumberToDate, formatCount, formatDateRange } from '~/lib/format'
import { taxonomyLabel, useT } from '~/lib/i18n'
import { Badge } from './badge'

export type ListingCardData = {
  id: number
  title: string
  /** Escaped text with <mark> around matched words, from the search engine. */
  highlightedTitle?: string
  /** Escaped text with <mark> around matched words, from the search engine. */
  snippet?: string
  direction: 'need' | 'offer'
  type: string
  organisationName: string
  organisationVerified: boolean
  city: string
  clusters: string[]
  majors?: string[]
  capacity: number
  startsOn: number | string
  endsOn: number | string
}

const asDate = (v: number | string) => (typeof v === 'number' ? dayNumberToDate(v) : v)

/** One listing in a list: what, who, where, how many, when. */
export function ListingCard({
  listing,
  headingLevel = 3,
  showOrganisation = true,
}: {
  listing: ListingCardData
  headingLevel?: 2 | 3
  showOrganisation?: boolean
}) {
  const t = useT()
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <article className="relative rounded-lg border border-slate-200 bg-white p-4 transition-shadow focus-within:shadow-md hover:border-slate-300 hover:shadow-sm">
      <div className="flex flex-wrap items-center gap-1.5">
        <Badge tone={listing.direction === 'need' ? 'blue' : 'brand'}>{t(`direction.${listing.direction}`)}</Badge>
        <Badge>{taxonomyLabel.type(listing.type, t.lang)}</Badge>
      </div>
      <Heading className="mt-2 text-base leading-snug font-semibold break-words">
        <Link to={`/listings/${listing.id}`} className="text-slate-900 hover:text-brand-700 hover:underline">
          {listing.highlightedTitle ? <span dangerouslySetInnerHTML={{ __html: listing.highlightedTitle }} /> : listing.title}
        </Link>
      </Heading>
      {listing.snippet ? (
        <p className="mt-1 line-clamp-2 text-sm break-words text-slate-600" dangerouslySetInnerHTML={{ __html: listing.snippet }} />
      ) : null}
      {showOrganisation ? (
        <p className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-700">
          <span className="break-words">{listing.organisationName}</span>
          {listing.organisationVerified ? <Badge tone="green">✓ {t('org.verified')}</Badge> : null}
        </p>
      ) : null}
      <dl className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        <div className="flex gap-1">
          <dt className="sr-only">{t('listing.city')}</dt>
          <dd>{taxonomyLabel.city(listing.city, t.lang)}</dd>
        </div>
        <div className="flex gap-1">
          <dt>{t('listing.capacity')}</dt>
          <dd className="font-medium text-slate-800 tabular-nums">{formatCount(listing.capacity, t.lang)}</dd>
        </div>
        {listing.majors?.length ? (
          <div className="flex min-w-0 gap-1">
            <dt>{t('listing.majors')}</dt>
            <dd className="break-words text-slate-800">{listing.majors.join(t('common.listSeparator'))}</dd>
          </div>
        ) : null}
        <div className="flex gap-1">
          <dt className="sr-only">{t('listing.window')}</dt>
          <dd className="tabular-nums">{formatDateRange(asDate(listing.startsOn), asDate(listing.endsOn), t.lang)}</dd>
        </div>
      </dl>
      {listing.clusters.length ? (
        <ul className="mt-2 flex flex-wrap gap-1" aria-label={t('listing.clusters')}>
          {listing.clusters.map((c) => (
            <li key={c}>
              <Badge tone="amber">{taxonomyLabel.clusterShort(c, t.lang)}</Badge>
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  )
}
