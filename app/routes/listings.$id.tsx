import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Badge } from '~/components/badge'
import { ButtonLink } from '~/components/button'
import { Card, CardTitle } from '~/components/card'
import { ListingDetails } from '~/components/listing-details'
import { VerificationBadge } from '~/components/verification-badge'
import { getActor } from '~/domain/accounts/session.server'
import { getListing } from '~/domain/listings/queries.server'
import { formatDate } from '~/lib/format'
import { invariantResponse, parseId } from '~/lib/http'
import { taxonomyLabel, useT } from '~/lib/i18n'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.listing.title} · 晋产教` : '晋产教' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = parseId(params.id)
  const actor = await getActor(request)
  const listing = await getListing({ id, actor })
  invariantResponse(listing, '需求或供给不存在')
  return { listing, signedIn: actor.kind === 'user' }
}

export default function ListingPage() {
  const { listing, signedIn } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <article className="min-w-0 space-y-4">
        <div className="flex flex-wrap items-center gap-1.5">
          <Badge tone={listing.direction === 'need' ? 'blue' : 'brand'}>{t(`direction.${listing.direction}`)}</Badge>
          <Badge>{taxonomyLabel.type(listing.type, t.lang)}</Badge>
          {listing.status !== 'published' ? <Badge tone="amber">{t(`listing.status.${listing.status}`)}</Badge> : null}
        </div>
        <h1 className="text-2xl leading-snug font-bold">{listing.title}</h1>
        <dl className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4">
          <div>
            <dt className="text-xs text-slate-500">{t('listing.capacity')}</dt>
            <dd className="text-lg font-semibold tabular-nums">{listing.capacity.toLocaleString()}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">{t('listing.city')}</dt>
            <dd className="text-sm font-medium">{taxonomyLabel.city(listing.city, t.lang)}</dd>
          </div>
          <div className="col-span-2">
            <dt className="text-xs text-slate-500">{t('listing.window')}</dt>
            <dd className="text-sm font-medium">
              {formatDate(listing.startsOn, t.lang)} – {formatDate(listing.endsOn, t.lang)}
            </dd>
          </div>
        </dl>
        <Card>
          <CardTitle>{t('listing.description')}</CardTitle>
          <p className="text-sm leading-relaxed whitespace-pre-line text-slate-800">{listing.description}</p>
        </Card>
        <Card>
          <CardTitle>{t('listing.details')}</CardTitle>
          <ListingDetails type={listing.type} details={listing.details} />
        </Card>
        <div>
          <h2 className="mb-2 text-sm font-semibold text-slate-700">{t('listing.clusters')}</h2>
          <ul className="flex flex-wrap gap-1.5">
            {listing.clusters.map((c) => (
              <li key={c}>
                <Link to={`/search?cluster=${c}`} className="rounded-full border border-amber-300 bg-amber-50 px-2.5 py-0.5 text-xs text-amber-900 hover:border-amber-500">
                  {taxonomyLabel.cluster(c, t.lang)}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      </article>
      <aside className="space-y-4">
        <Card>
          <CardTitle>{t('listing.publisher')}</CardTitle>
          <Link to={`/orgs/${listing.organisationId}`} className="font-medium text-brand-700 hover:underline">
            {listing.organisationName}
          </Link>
          <div className="mt-2 flex flex-wrap items-center gap-1.5 text-xs text-slate-600">
            <VerificationBadge state={listing.organisationVerification} />
            <span>{taxonomyLabel.orgKind(listing.organisationKind, t.lang)}</span>
            <span>{taxonomyLabel.city(listing.organisationCity, t.lang)}</span>
          </div>
        </Card>
        <Card>
          <CardTitle>{t('listing.contact')}</CardTitle>
          {signedIn ? (
            <dl className="space-y-1 text-sm">
              <dd>{listing.contactName}</dd>
              <dd>{listing.contactPhone}</dd>
              <dd className="break-all">{listing.contactEmail}</dd>
            </dl>
          ) : (
            <div className="space-y-3">
              <p className="text-sm text-slate-600">{t('listing.contactHint')}</p>
              <ButtonLink to={`/login?redirectTo=/listings/${listing.id}`}>{t('nav.signIn')}</ButtonLink>
            </div>
          )}
        </Card>
        {listing.canEdit ? (
          <Card>
            {listing.reference ? (
              <p className="mb-3 text-xs text-slate-500">
                {t('listing.reference')}: {listing.reference}
              </p>
            ) : null}
            <ButtonLink variant="secondary" to={`/listings/${listing.id}/edit`}>
              {t('listing.edit')}
            </ButtonLink>
          </Card>
        ) : null}
      </aside>
    </div>
  )
}
