import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Badge } from '~/components/badge'
import { Button, ButtonLink } from '~/components/button'
import { Card, CardTitle } from '~/components/card'
import { RouteErrorBoundary } from '~/components/error-page'
import { ContactList } from '~/components/contact-list'
import { ListingCard } from '~/components/listing-card'
import { ListingDetails } from '~/components/listing-details'
import { ListingStatsCard } from '~/components/listing-stats'
import { ShareBlock } from '~/components/share-block'
import { MatchStart } from '~/components/match-start'
import { ListingRecommendations } from '~/components/recommendations'
import { Notice } from '~/components/notice'
import { VerificationBadge } from '~/components/verification-badge'
import { requireUser } from '~/domain/accounts/guards.server'
import { getActor } from '~/domain/accounts/session.server'
import { attachmentErrorMessage, listAttachmentsOf } from '~/domain/listings/attachments.server'
import { STATUS_TRANSITIONS, changeListingStatus, duplicateListing, type StatusAction } from '~/domain/listings/mutations.server'
import { getListing, listListingVersions, listOtherPublishedListings } from '~/domain/listings/queries.server'
import { listSimilarListings } from '~/domain/listings/similar.server'
import { countListingView, getListingStats } from '~/domain/listings/views.server'
import { sharePanel } from '~/domain/share/share.server'
import { getStartEntry } from '~/domain/matches/queries.server'
import { listingPanel } from '~/domain/matching/panel.server'
import { DomainError, replyWithError, respondingToDomainErrors } from '~/domain/errors.server'
import { formatCount, formatDate, formatDateRange, formatNumber } from '~/lib/format'
import { parseId } from '~/lib/http'
import { getLanguage, langFromMatches, taxonomyLabel, translate, useT, type MessageKey } from '~/lib/i18n'
import { translateMessage } from '~/lib/i18n/form-messages'
import { shareMeta } from '~/lib/share-meta'
import { z } from 'zod'
import { regionOfCity } from '../../db/reference'
import { readForm } from '~/domain/request-form.server'

const ListingIntentSchema = z.object({
  intent: z.enum(['duplicate', ...(Object.keys(STATUS_TRANSITIONS) as [StatusAction, ...StatusAction[]])]),
})

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const lang = langFromMatches(matches)
  if (!data) return [{ title: `${translate(lang, 'error.notFound')} · ${translate(lang, 'app.brand')}` }]
  const title = `${data.listing.title} · ${translate(lang, 'app.brand')}`
  return [
    { title },
    ...shareMeta({
      title,
      description: data.listing.description,
      url: data.share.url,
      imageUrl: data.share.imageUrl,
      siteName: translate(lang, 'app.brand'),
    }),
  ]
}

export const loader = respondingToDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const id = parseId(params.id)
  const actor = await getActor(request)
  const listing = await getListing({ id, actor })
  countListingView({ request, actor, listing })
  const ended = listing.status !== 'published' && listing.status !== 'draft'
  const [versions, attachments, startEntry, recommendations, share, otherListings, similar, stats] = await Promise.all([
    listListingVersions({ id, actor }),
    listAttachmentsOf(listing),
    getStartEntry({ actor, listing }),
    listingPanel({ actor, listingId: id, isOwner: listing.canEdit }),
    sharePanel({ request, pathname: `/listings/${id}` }),
    ended ? listOtherPublishedListings({ organisationId: listing.organisationId, exceptId: id }) : null,
    listSimilarListings({ listing }),
    getListingStats({ actor, listing }),
  ])
  const actions = listing.canEdit
    ? Object.entries(STATUS_TRANSITIONS)
        .filter(([, t]) => t.from.includes(listing.status))
        .map(([name]) => name)
    : []
  const attachmentError = attachmentErrorMessage(new URL(request.url).searchParams.get('attachmentError'))
  const flash = listing.canEdit ? new URL(request.url).searchParams.get('flash') : null
  return {
    listing,
    versions,
    actions,
    attachments,
    attachmentError,
    flash: flash && FLASHES.has(flash) ? (flash as Flash) : null,
    signedIn: actor.kind === 'user',
    startEntry,
    recommendations,
    share,
    otherListings,
    similar,
    stats,
    activeOrganisationId: actor.kind === 'user' ? actor.activeOrganisationId : null,
  }
})

const FLASH_LIST = ['published', 'draft', 'saved', 'pause', 'resume', 'close', 'reopen'] as const
type Flash = (typeof FLASH_LIST)[number]
const FLASHES = new Set<string>(FLASH_LIST)

/** Status changes and duplication by members of the owning organisation (checked in the domain). */
export const action = respondingToDomainErrors(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requireUser(request)
  const id = parseId(params.id)
  const submission = parseWithZod(await readForm(request), { schema: ListingIntentSchema })
  try {
    if (submission.status !== 'success') throw new DomainError('invalid', 'listing.unknownAction')
    const { intent } = submission.value
    if (intent === 'duplicate') return redirect(`/listings/${await duplicateListing({ actor, id })}/edit`)
    const to = await changeListingStatus({ actor, id, action: intent })
    const flash = (to === 'published' && intent === 'publish' ? 'published' : intent) as Flash
    return redirect(`/listings/${id}?flash=${flash}`)
  } catch (error) {
    return replyWithError(submission, error, getLanguage(request))
  }
})

function Fact({ label, children, wide = false }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'col-span-2' : undefined}>
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="mt-0.5 text-sm font-medium text-slate-900">{children}</dd>
    </div>
  )
}

export default function ListingPage() {
  const {
    listing,
    signedIn,
    versions,
    actions,
    attachments,
    attachmentError,
    startEntry,
    activeOrganisationId,
    recommendations,
    flash: loadedFlash,
    share,
    otherListings,
    similar,
    stats,
  } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const t = useT()
  const region = listing.city ? regionOfCity.get(listing.city) : undefined
  const flash = result ? null : loadedFlash
  const missing = <span className="font-normal text-slate-500">{t('listing.missing')}</span>
  const start = (
    <MatchStart
      entry={startEntry}
      startHref={`/matches/new?listing=${listing.id}`}
      verifyHref={activeOrganisationId ? `/orgs/${activeOrganisationId}/verification` : undefined}
      loginHref={`/login?redirectTo=/listings/${listing.id}`}
    />
  )
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      {flash ? (
        <div className="lg:col-span-2">
          <Notice tone="success">{t(`listing.flash.${flash as Flash}`)}</Notice>
        </div>
      ) : null}
      <article className="min-w-0 space-y-5">
        <header className="space-y-3">
          <div className="flex flex-wrap items-center gap-1.5">
            <Badge tone={listing.direction === 'need' ? 'blue' : 'brand'}>{t(`direction.${listing.direction}`)}</Badge>
            <Badge>{taxonomyLabel.type(listing.type, t.lang)}</Badge>
            {listing.status === 'paused' ? <Badge tone="amber">{t('visitors.ended.paused')}</Badge> : null}
            {listing.status === 'closed' || listing.status === 'expired' ? <Badge tone="amber">{t('visitors.ended.closed')}</Badge> : null}
            {listing.status === 'draft' ? <Badge tone="amber">{t('listing.status.draft')}</Badge> : null}
          </div>
          <h1 className="text-2xl leading-snug font-bold break-words text-slate-900">{listing.title}</h1>
          <p className="text-sm text-slate-700">
            <Link to={`/orgs/${listing.organisationId}`} className="font-medium text-brand-700 hover:underline">
              {listing.organisationName}
            </Link>
            {listing.publishedAt ? (
              <span className="text-slate-600">
                {' · '}
                {t('listing.publishedAt')} {formatDate(listing.publishedAt, t.lang)}
              </span>
            ) : null}
          </p>
          {otherListings ? (
            <Notice tone="info">{t(listing.status === 'paused' ? 'visitors.ended.pausedNotice' : 'visitors.ended.closedNotice')}</Notice>
          ) : null}
          {/* On phones the start button sits under the title, not below the whole listing. */}
          <div className="lg:hidden">{start}</div>
        </header>

        {otherListings ? (
          <section aria-labelledby="other-listings" className="space-y-3">
            <h2 id="other-listings" className="text-base font-semibold text-slate-900">
              {t('visitors.ended.others', { org: listing.organisationName })}
            </h2>
            {otherListings.length ? (
              <div className="grid gap-3 md:grid-cols-2">
                {otherListings.map((l) => (
                  <ListingCard
                    key={l.id}
                    showOrganisation={false}
                    listing={{
                      ...l,
                      organisationName: listing.organisationName,
                      organisationVerified: listing.organisationVerification === 'verified',
                    }}
                  />
                ))}
              </div>
            ) : (
              <p className="text-sm text-slate-600">{t('visitors.ended.noOthers')}</p>
            )}
          </section>
        ) : null}

        <dl className="grid grid-cols-2 gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4">
          <Fact label={t('listing.capacity')}>
            {listing.capacity === null ? (
              missing
            ) : (
              <span className="text-lg font-semibold tabular-nums">{formatCount(listing.capacity, t.lang)}</span>
            )}
          </Fact>
          <Fact label={t('listing.city')}>
            {listing.city ? taxonomyLabel.city(listing.city, t.lang) : missing}
            {region ? <span className="block text-xs font-normal text-slate-600">{taxonomyLabel.region(region.code, t.lang)}</span> : null}
          </Fact>
          <Fact label={t('listing.window')} wide>
            {listing.startsOn && listing.endsOn ? (
              <span className="tabular-nums">{formatDateRange(listing.startsOn, listing.endsOn, t.lang)}</span>
            ) : (
              missing
            )}
          </Fact>
          <Fact label={t('listing.type')} wide>
            {taxonomyLabel.type(listing.type, t.lang)}
          </Fact>
          <Fact label={t('listing.direction')}>{t(`direction.${listing.direction}`)}</Fact>
          <Fact label={t('listing.updatedAt')}>
            <span className="tabular-nums">{formatDate(listing.updatedAt, t.lang)}</span>
          </Fact>
        </dl>

        <Card>
          <CardTitle>{t('listing.description')}</CardTitle>
          <p className="text-sm leading-relaxed break-words whitespace-pre-line text-slate-800">{listing.description}</p>
        </Card>

        <Card>
          <CardTitle>{t('listing.details')}</CardTitle>
          <ListingDetails type={listing.type} details={{ ...listing.details, majors: listing.majors }} />
        </Card>

        <section aria-labelledby="listing-clusters">
          <h2 id="listing-clusters" className="mb-2 text-sm font-semibold text-slate-800">
            {t('listing.clusters')}
          </h2>
          <ul className="flex flex-wrap gap-1.5">
            {listing.clusters.map((c) => (
              <li key={c}>
                <Link
                  to={`/search?cluster=${c}`}
                  className="inline-block rounded-full border border-amber-300 bg-amber-50 px-3 py-1 text-sm text-amber-900 hover:border-amber-600"
                >
                  {taxonomyLabel.cluster(c, t.lang)}
                </Link>
              </li>
            ))}
          </ul>
        </section>

        {attachments.length || listing.canEdit ? (
          <Card>
            <CardTitle>{t('listing.attachments')}</CardTitle>
            <ul className="space-y-1 text-sm">
              {attachments.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center gap-2">
                  <a href={`/files/attachments/${a.id}`} className="break-all text-brand-700 underline" target="_blank" rel="noreferrer">
                    {a.fileName}
                  </a>
                  <span className="text-xs text-slate-600">{formatNumber(Math.ceil(a.sizeBytes / 1024), t.lang)} KB</span>
                  {listing.canEdit ? (
                    <Form method="post" action={`/listings/${listing.id}/attachments`} encType="multipart/form-data">
                      <button type="submit" name="remove" value={a.id} className="text-xs text-slate-600 underline">
                        {t('listing.attachment.remove')}
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
            {listing.canEdit ? (
              <Form
                method="post"
                action={`/listings/${listing.id}/attachments`}
                encType="multipart/form-data"
                className="mt-3 flex flex-wrap items-center gap-2"
              >
                <label htmlFor="attachment-file" className="sr-only">
                  {t('listing.attachment.choose')}
                </label>
                <input
                  id="attachment-file"
                  name="file"
                  type="file"
                  accept=".pdf,.jpg,.jpeg,.png"
                  aria-describedby={attachmentError ? 'attachment-hint attachment-error' : 'attachment-hint'}
                  className="max-w-full text-sm"
                />
                <Button type="submit" variant="secondary">
                  {t('listing.attachment.upload')}
                </Button>
                <p id="attachment-hint" className="w-full text-xs text-slate-600">
                  {t('listing.attachment.hint')}
                </p>
                {attachmentError ? (
                  <p id="attachment-error" role="alert" className="w-full text-sm text-red-700">
                    {translateMessage(t.lang, attachmentError)}
                  </p>
                ) : null}
              </Form>
            ) : null}
          </Card>
        ) : null}
        {recommendations ? (
          <ListingRecommendations panel={recommendations} direction={listing.direction} redirectTo={`/listings/${listing.id}`} />
        ) : null}
        {similar.length ? (
          <section aria-labelledby="similar-listings" className="space-y-3">
            <div>
              <h2 id="similar-listings" className="text-base font-semibold text-slate-900">
                {t('visitors.similar.title')}
              </h2>
              <p className="text-sm text-slate-600">
                {t('visitors.similar.hint', { type: taxonomyLabel.type(listing.type, t.lang), dir: t(`direction.${listing.direction}`) })}
              </p>
            </div>
            <div className="grid gap-3 md:grid-cols-2">
              {similar.map((l) => (
                <ListingCard key={l.id} listing={l} />
              ))}
            </div>
          </section>
        ) : null}
      </article>

      <aside className="space-y-4" aria-label={t('listing.publisher')}>
        <div className="hidden lg:block">{start}</div>
        <Card>
          <CardTitle>{t('listing.publisher')}</CardTitle>
          <Link to={`/orgs/${listing.organisationId}`} className="font-medium break-words text-brand-700 hover:underline">
            {listing.organisationName}
          </Link>
          <div className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-700">
            <VerificationBadge state={listing.organisationVerification} />
            <span>{taxonomyLabel.orgKind(listing.organisationKind, t.lang)}</span>
            <span>{taxonomyLabel.city(listing.organisationCity, t.lang)}</span>
          </div>
          <Link
            to={`/orgs/${listing.organisationId}`}
            className="mt-3 inline-block text-sm text-brand-700 underline-offset-2 hover:underline"
          >
            {t('listing.viewOrganisation')} <span aria-hidden="true">→</span>
          </Link>
        </Card>
        <Card>
          <CardTitle>{t('listing.contact')}</CardTitle>
          {signedIn ? (
            <ContactList name={listing.contactName} phone={listing.contactPhone} email={listing.contactEmail} />
          ) : (
            <div className="space-y-3">
              <p className="text-sm text-slate-700">{t('listing.contactHint')}</p>
              <ButtonLink to={`/login?redirectTo=/listings/${listing.id}`}>{t('nav.signIn')}</ButtonLink>
            </div>
          )}
        </Card>
        <ShareBlock share={share} />
        {stats ? <ListingStatsCard stats={stats} /> : null}
        {listing.canEdit ? (
          <Card>
            <CardTitle>{t('listing.manage')}</CardTitle>
            {result?.error?.['']?.length ? (
              <div className="mb-3">
                <Notice tone="error">{result.error[''].join(' ')}</Notice>
              </div>
            ) : null}
            {listing.reference ? (
              <p className="mb-3 text-xs text-slate-600">
                {t('listing.reference')}
                {t('common.colon')}
                {listing.reference}
              </p>
            ) : null}
            <Form method="post" className="flex flex-wrap gap-2">
              <ButtonLink variant="secondary" to={`/listings/${listing.id}/edit`}>
                {t('listing.edit')}
              </ButtonLink>
              {actions.map((a) => (
                <Button
                  key={a}
                  type="submit"
                  name="intent"
                  value={a}
                  variant={a === 'publish' || a === 'resume' || a === 'reopen' ? 'primary' : 'secondary'}
                >
                  {t(`listing.action.${a}` as MessageKey)}
                </Button>
              ))}
              <Button type="submit" name="intent" value="duplicate" variant="ghost">
                {t('listing.duplicate')}
              </Button>
            </Form>
            {versions.length ? (
              <details className="mt-4 text-xs">
                <summary className="cursor-pointer text-slate-700">{t('listing.history', { n: versions.length })}</summary>
                <ul className="mt-2 space-y-1 text-slate-700">
                  {versions.map((v) => (
                    <li key={v.version}>
                      v{v.version} · {formatDate(v.createdAt, t.lang)} · {v.actorName ?? t('common.system')} ·{' '}
                      {Object.keys(v.changes).join(t('common.listSeparator'))}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </Card>
        ) : null}
      </aside>
    </div>
  )
}

export const ErrorBoundary = RouteErrorBoundary
