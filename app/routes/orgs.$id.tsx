import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ButtonLink } from '~/components/button'
import { Card, CardTitle } from '~/components/card'
import { ContactList } from '~/components/contact-list'
import { EmptyState } from '~/components/empty-state'
import { RouteErrorBoundary } from '~/components/error-page'
import { ListingCard } from '~/components/listing-card'
import { MatchStart } from '~/components/match-start'
import { ResponsivenessCard } from '~/components/responsiveness-card'
import { Notice } from '~/components/notice'
import { Pagination } from '~/components/pagination'
import { ShareBlock } from '~/components/share-block'
import { VerificationBadge } from '~/components/verification-badge'
import { getActor } from '~/domain/accounts/session.server'
import { getStartEntry } from '~/domain/matches/queries.server'
import { getResponsiveness, listPublicPartners } from '~/domain/matches/responsiveness.server'
import { getOrganisationProfile } from '~/domain/orgs/queries.server'
import { respondingToDomainErrors } from '~/domain/errors.server'
import { sharePanel } from '~/domain/share/share.server'
import { formatCount } from '~/lib/format'
import { parseId } from '~/lib/http'
import { langFromMatches, taxonomyLabel, translate, useT } from '~/lib/i18n'
import { shareMeta } from '~/lib/share-meta'
import { MATCH_STAGES } from '../../db/reference'
import { taxonomy } from '../../db/reference'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const lang = langFromMatches(matches)
  if (!data) return [{ title: `${translate(lang, 'error.notFound')} · ${translate(lang, 'app.brand')}` }]
  const title = `${data.org.name} · ${translate(lang, 'app.brand')}`
  const kindAndCity = `${taxonomyLabel.orgKind(data.org.kind, lang)} · ${taxonomyLabel.city(data.org.city, lang)}`
  return [
    { title },
    ...shareMeta({
      title,
      description: data.org.description ? `${kindAndCity}. ${data.org.description}` : kindAndCity,
      url: data.share.url,
      imageUrl: data.share.imageUrl,
      siteName: translate(lang, 'app.brand'),
    }),
  ]
}

export const loader = respondingToDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const id = parseId(params.id)
  const actor = await getActor(request)
  const page = Number(new URL(request.url).searchParams.get('page'))
  const listingPage = Number.isSafeInteger(page) && page >= 1 && page <= 10_000 ? page : 1
  const org = await getOrganisationProfile({ id, actor, listingPage })
  const [startEntry, responsiveness, partners, share] = await Promise.all([
    org.kind === 'government' ? ({ state: 'hidden' } as const) : getStartEntry({ actor, organisationId: id }),
    getResponsiveness({ organisationIds: [id] }),
    listPublicPartners({ organisationId: id }),
    sharePanel({ request, pathname: `/orgs/${id}` }),
  ])
  const activeOrganisationId = actor.kind === 'user' ? actor.activeOrganisationId : null
  return {
    org,
    startEntry,
    responsiveness: responsiveness.get(id)!,
    partners,
    activeOrganisationId,
    share,
    signedIn: actor.kind === 'user',
  }
})

const clusterOrder = new Map(taxonomy.clusters.map((c, i) => [c.code, i]))

export default function OrganisationPage() {
  const { org, startEntry, responsiveness, partners, activeOrganisationId, share, signedIn } = useLoaderData<typeof loader>()
  const t = useT()
  const facts = [
    org.staffCount ? [t('org.staff'), formatCount(org.staffCount, t.lang)] : null,
    org.technicalPostCount ? [t('org.technicalPosts'), formatCount(org.technicalPostCount, t.lang)] : null,
    org.studentCount ? [t('org.students'), formatCount(org.studentCount, t.lang)] : null,
  ].filter((f): f is string[] => f !== null)
  const totalMatches = Object.values(org.matchStages).reduce((a, b) => a + b, 0)
  const clusters = [...org.clusters].sort((a, b) => (clusterOrder.get(a) ?? 99) - (clusterOrder.get(b) ?? 99))
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl leading-snug font-bold break-words text-slate-900">{org.name}</h1>
          <VerificationBadge state={org.verification} />
        </div>
        <p className="text-sm text-slate-700">
          {taxonomyLabel.orgKind(org.kind, t.lang)} · {taxonomyLabel.city(org.city, t.lang)}
          {org.region ? ` · ${taxonomyLabel.region(org.region, t.lang)}` : ''}
        </p>
        {org.verificationNote ? <Notice tone="error">{org.verificationNote}</Notice> : null}
        <div className="sm:w-fit sm:min-w-48">
          <MatchStart
            entry={startEntry}
            startHref={`/matches/new?org=${org.id}`}
            verifyHref={activeOrganisationId ? `/orgs/${activeOrganisationId}/verification` : undefined}
            loginHref={`/login?redirectTo=/orgs/${org.id}`}
          />
        </div>
      </header>

      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardTitle>{t('org.about')}</CardTitle>
          {org.description ? (
            <p className="text-sm leading-relaxed break-words whitespace-pre-line text-slate-800">{org.description}</p>
          ) : null}
          <dl className="mt-4 space-y-2 text-sm">
            {clusters.length ? (
              <div>
                <dt className="text-xs text-slate-600">{t('org.clusters')}</dt>
                <dd className="mt-1">
                  <ul className="flex flex-wrap gap-1.5">
                    {clusters.map((c) => (
                      <li key={c}>
                        <Link
                          to={`/search?cluster=${c}`}
                          className="inline-block rounded-full border border-amber-300 bg-amber-50 px-2.5 py-0.5 text-xs text-amber-900 hover:border-amber-600"
                        >
                          {taxonomyLabel.cluster(c, t.lang)}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
            {org.majors.length ? (
              <div>
                <dt className="text-xs text-slate-600">{t('org.majors')}</dt>
                <dd className="mt-0.5 break-words text-slate-800">{org.majors.join(t('common.listSeparator'))}</dd>
              </div>
            ) : null}
            {org.address ? (
              <div>
                <dt className="text-xs text-slate-600">{t('org.address')}</dt>
                <dd className="mt-0.5 break-words text-slate-800">{org.address}</dd>
              </div>
            ) : null}
            {org.website && /^https?:\/\//.test(org.website) ? (
              <div>
                <dt className="text-xs text-slate-600">{t('org.website')}</dt>
                <dd className="mt-0.5 break-all">
                  <a href={org.website} className="text-brand-700 underline" rel="noreferrer nofollow" target="_blank">
                    {org.website}
                  </a>
                </dd>
              </div>
            ) : null}
          </dl>
        </Card>

        <div className="space-y-4">
          {facts.length ? (
            <Card>
              <CardTitle>{t('org.facts')}</CardTitle>
              <dl className="grid grid-cols-2 gap-3">
                {facts.map(([label, value]) => (
                  <div key={label}>
                    <dt className="text-xs text-slate-600">{label}</dt>
                    <dd className="text-lg font-semibold text-slate-900 tabular-nums">{value}</dd>
                  </div>
                ))}
              </dl>
            </Card>
          ) : null}
          <Card>
            <CardTitle>{t('org.record')}</CardTitle>
            <p className="-mt-1 mb-3 text-xs text-slate-600">{t('org.recordHint')}</p>
            <dl className="grid grid-cols-2 gap-2 text-sm">
              {MATCH_STAGES.map((stage) => (
                <div key={stage} className="flex justify-between gap-2 rounded bg-slate-50 px-2 py-1.5">
                  <dt className="text-slate-700">{t(`stage.${stage}`)}</dt>
                  <dd className="font-semibold text-slate-900 tabular-nums">{formatCount(org.matchStages[stage] ?? 0, t.lang)}</dd>
                </div>
              ))}
            </dl>
            <p className="mt-3 text-sm font-medium text-slate-800">{t('org.recordTotal', { n: formatCount(totalMatches, t.lang) })}</p>
          </Card>
          {org.kind !== 'government' ? <ResponsivenessCard value={responsiveness} partners={partners} /> : null}
          <Card>
            <CardTitle>{t('listing.contact')}</CardTitle>
            {signedIn ? (
              <ContactList name={org.contactName} phone={org.contactPhone} email={org.contactEmail} />
            ) : (
              <div className="space-y-3">
                <p className="text-sm text-slate-700">{t('listing.contactHint')}</p>
                <ButtonLink to={`/login?redirectTo=/orgs/${org.id}`}>{t('nav.signIn')}</ButtonLink>
              </div>
            )}
          </Card>
          <ShareBlock share={share} />
        </div>
      </div>

      <section aria-labelledby="org-listings">
        <div className="mb-4 flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <h2 id="org-listings" className="text-lg font-semibold text-slate-900">
            {t('org.listings')}
          </h2>
          <span className="text-sm text-slate-600 tabular-nums">
            {t('home.listingsCount', { count: formatCount(org.listingTotal, t.lang) })}
          </span>
        </div>
        {org.listings.length ? (
          <div className="grid gap-3 md:grid-cols-2">
            {org.listings.map((l) => (
              <ListingCard
                key={l.id}
                showOrganisation={false}
                listing={{ ...l, organisationName: org.name, organisationVerified: org.verification === 'verified' }}
              />
            ))}
          </div>
        ) : (
          <EmptyState title={t('org.noListings')} />
        )}
        <Pagination page={org.listingPage} totalPages={org.listingPages} hrefFor={(p) => `?page=${p}#org-listings`} />
      </section>
    </div>
  )
}

export const ErrorBoundary = RouteErrorBoundary
