import { RecommendationPanel, type RecommendationItem } from '~/components/recommendation-panel'
import { taxonomyLabel, useT } from '~/lib/i18n'

type Reason = { key: string; vars: Record<string, string | number>; weight: number }
type ListingRec = {
  listing: { id: number; title: string; type: string; direction: 'need' | 'offer'; cityCode: string }
  organisation: { id: number; name: string }
  score: number
  forViewer: number
  forOther: number
  reasons: Reason[]
  viaListingId: number | null
}
type OrgRec = {
  organisation: { id: number; name: string; kind: string; cityCode: string }
  score: number
  forViewer: number
  forOther: number
  reasons: Reason[]
}
type OwnRec = {
  listing: { id: number; title: string; type: string }
  score: number
  forViewer: number
  forOther: number
  reasons: Reason[]
}

const startHref = (listingId: number, bring: number | null) => `/matches/new?listing=${listingId}${bring ? `&bring=${bring}` : ''}`

function useItems() {
  const t = useT()
  const listingItem = (r: ListingRec): RecommendationItem => ({
    key: `l${r.listing.id}`,
    href: `/listings/${r.listing.id}`,
    title: r.listing.title,
    subtitle: [r.organisation.name, taxonomyLabel.city(r.listing.cityCode, t.lang), taxonomyLabel.type(r.listing.type, t.lang)].join(' · '),
    score: r.score,
    forViewer: r.forViewer,
    forOther: r.forOther,
    reasons: r.reasons,
    startHref: startHref(r.listing.id, r.viaListingId),
    dismiss: { targetListingId: r.listing.id },
  })
  const orgItem = (r: OrgRec): RecommendationItem => ({
    key: `o${r.organisation.id}`,
    href: `/orgs/${r.organisation.id}`,
    title: r.organisation.name,
    subtitle: [taxonomyLabel.orgKind(r.organisation.kind, t.lang), taxonomyLabel.city(r.organisation.cityCode, t.lang)].join(' · '),
    score: r.score,
    forViewer: r.forViewer,
    forOther: r.forOther,
    reasons: r.reasons,
    startHref: null,
    dismiss: { targetOrganisationId: r.organisation.id },
  })
  return { t, listingItem, orgItem }
}

/** The panel on a listing page, for its owner (counterparts) or a visitor who may act (their own fitting listings). */
export function ListingRecommendations({
  panel,
  direction,
  redirectTo,
}: {
  panel: { mode: 'owner' | 'visitor'; listingId: number; listings: ListingRec[]; organisations: OrgRec[]; own: OwnRec[] }
  direction: 'need' | 'offer'
  redirectTo: string
}) {
  const { t, listingItem, orgItem } = useItems()
  if (panel.mode === 'visitor') {
    if (!panel.own.length) return null
    const items = panel.own.map((r): RecommendationItem => ({
      key: `own${r.listing.id}`,
      href: `/listings/${r.listing.id}`,
      title: r.listing.title,
      subtitle: taxonomyLabel.type(r.listing.type, t.lang),
      score: r.score,
      forViewer: r.forViewer,
      forOther: r.forOther,
      reasons: r.reasons,
      startHref: startHref(panel.listingId, r.listing.id),
      dismiss: null,
    }))
    return <RecommendationPanel title={t('matching.panel.forVisitor')} sections={[{ title: '', items }]} redirectTo={redirectTo} />
  }
  return (
    <RecommendationPanel
      title={t('matching.panel.forListing', { direction: t(`direction.${direction}`) })}
      sections={[
        { title: t('matching.panel.listings'), items: panel.listings.map(listingItem) },
        { title: t('matching.panel.orgs'), items: panel.organisations.map(orgItem) },
      ]}
      redirectTo={redirectTo}
    />
  )
}

/** "Recommended for you" on the dashboard. */
export function DashboardRecommendations({ panel }: { panel: { listings: ListingRec[]; organisations: OrgRec[] } }) {
  const { t, listingItem, orgItem } = useItems()
  return (
    <RecommendationPanel
      title={t('matching.panel.title')}
      sections={[
        { title: t('matching.panel.listings'), items: panel.listings.map(listingItem) },
        { title: t('matching.panel.orgs'), items: panel.organisations.map(orgItem) },
      ]}
      redirectTo="/dashboard"
    />
  )
}
