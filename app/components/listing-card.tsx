import { Link } from '@remix-run/react'
import { dayNumberToDate, formatDate } from '~/lib/format'
import { taxonomyLabel, useT } from '~/lib/i18n'
import { Badge } from './badge'

export type ListingCardData = {
  id: number
  title: string
  highlightedTitle?: string
  snippet?: string
  direction: 'need' | 'offer'
  type: string
  organisationName: string
  organisationVerified: boolean
  city: string
  clusters: string[]
  capacity: number
  startsOn: number | string
  endsOn: number | string
}

const asDate = (v: number | string) => (typeof v === 'number' ? dayNumberToDate(v) : v)

export function ListingCard({ listing }: { listing: ListingCardData }) {
  const t = useT()
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4 transition-shadow hover:shadow-sm">
      <div className="flex flex-wrap items-center gap-1.5">
        <Badge tone={listing.direction === 'need' ? 'blue' : 'brand'}>{t(`direction.${listing.direction}`)}</Badge>
        <Badge>{taxonomyLabel.type(listing.type, t.lang)}</Badge>
        {listing.clusters.slice(0, 2).map((c) => (
          <Badge key={c} tone="amber">
            {taxonomyLabel.clusterShort(c, t.lang)}
          </Badge>
        ))}
      </div>
      <h3 className="mt-2 text-base leading-snug font-semibold">
        <Link to={`/listings/${listing.id}`} className="text-slate-900 hover:text-brand-700 hover:underline">
          {listing.highlightedTitle ? <span dangerouslySetInnerHTML={{ __html: listing.highlightedTitle }} /> : listing.title}
        </Link>
      </h3>
      {listing.snippet ? <p className="mt-1 line-clamp-2 text-sm text-slate-600" dangerouslySetInnerHTML={{ __html: listing.snippet }} /> : null}
      <p className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-500">
        <span className="text-slate-700">
          {listing.organisationName}
          {listing.organisationVerified ? <span className="ml-1 text-emerald-700">✓ {t('org.verified')}</span> : null}
        </span>
        <span>{taxonomyLabel.city(listing.city, t.lang)}</span>
        <span>
          {t('listing.capacity')} {listing.capacity.toLocaleString()}
        </span>
        <span>
          {formatDate(asDate(listing.startsOn), t.lang)} – {formatDate(asDate(listing.endsOn), t.lang)}
        </span>
      </p>
    </article>
  )
}
