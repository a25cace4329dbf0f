import { and, count, desc, eq, or } from 'drizzle-orm'
import { db, listings, matches, organisationClusters, organisations, listingCardColumns } from '~/db.server'
import { isMemberOf, isPlatformAdmin, type Actor } from '../actor'
import { DomainError } from '../errors.server'
import { regionOfCity } from '../../../db/reference'

const PROFILE_LISTING_LIMIT = 50

/** The public profile: who they are, what they publish (a page of it at a time), their cooperation record. */
export async function getOrganisationProfile({ id, actor, listingPage = 1 }: { id: number; actor: Actor; listingPage?: number }) {
  const [org] = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      city: organisations.cityCode,
      address: organisations.address,
      description: organisations.description,
      website: organisations.website,
      staffCount: organisations.staffCount,
      technicalPostCount: organisations.technicalPostCount,
      studentCount: organisations.studentCount,
      majors: organisations.majors,
      verification: organisations.verification,
      verificationNote: organisations.verificationNote,
      isDemo: organisations.isDemo,
      contactName: organisations.contactName,
      contactPhone: organisations.contactPhone,
      contactEmail: organisations.contactEmail,
    })
    .from(organisations)
    .where(eq(organisations.id, id))
  if (!org) throw new DomainError('not_found', 'org.notFound')
  const insider = isMemberOf(actor, id) || isPlatformAdmin(actor)
  const [clusterRows, published, [{ total }], stages] = await Promise.all([
    db.select({ code: organisationClusters.clusterCode }).from(organisationClusters).where(eq(organisationClusters.organisationId, id)),
    db
      .select(listingCardColumns)
      .from(listings)
      .where(and(eq(listings.organisationId, id), eq(listings.status, 'published')))
      .orderBy(desc(listings.publishedAt), desc(listings.id))
      .limit(PROFILE_LISTING_LIMIT)
      .offset((Math.max(1, Math.trunc(listingPage)) - 1) * PROFILE_LISTING_LIMIT),
    db
      .select({ total: count() })
      .from(listings)
      .where(and(eq(listings.organisationId, id), eq(listings.status, 'published'))),
    db
      .select({ stage: matches.stage, n: count() })
      .from(matches)
      .where(or(eq(matches.initiatorOrganisationId, id), eq(matches.partnerOrganisationId, id)))
      .groupBy(matches.stage),
  ])
  return {
    ...org,
    // Why a verification was rejected is for the organisation itself.
    verificationNote: insider ? org.verificationNote : null,
    // The same rule as on a listing page: contact details are for signed-in users.
    contactName: actor.kind === 'user' ? org.contactName : null,
    contactPhone: actor.kind === 'user' ? org.contactPhone : null,
    contactEmail: actor.kind === 'user' ? org.contactEmail : null,
    region: regionOfCity.get(org.city)?.code ?? null,
    clusters: clusterRows.map((r) => r.code),
    listings: published,
    listingTotal: Number(total),
    listingPage: Math.max(1, Math.trunc(listingPage)),
    listingPages: Math.max(1, Math.ceil(Number(total) / PROFILE_LISTING_LIMIT)),
    matchStages: Object.fromEntries(stages.map((s) => [s.stage, Number(s.n)])) as Record<string, number>,
  }
}
