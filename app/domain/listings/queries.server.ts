import { and, count, desc, eq, ne, sql } from 'drizzle-orm'
import { db, listingClusters, listings, listingVersions, organisations, users, listingCardColumns, listingClusterCodes } from '~/db.server'
import { diversify } from '~/search.server'
import { isMemberOf, isPlatformAdmin, type Actor } from '../actor'
import { DomainError } from '../errors.server'

const MAX_LATEST = 50

/** Of the newest listings, at most this many per organisation: one bulk import does not fill the home page. */
const LATEST_PER_ORGANISATION = 2

/** The newest published listings, for the home page. Published listings are public, whoever asks. */
export async function listLatestListings({ limit }: { actor: Actor; limit: number }) {
  const wanted = Math.min(Math.max(Math.trunc(limit), 1), MAX_LATEST)
  const newest = await db
    .select({
      ...listingCardColumns,
      organisationId: listings.organisationId,
      organisationName: organisations.name,
      organisationVerified: sql<boolean>`${organisations.verification} = 'verified'`,
    })
    .from(listings)
    .innerJoin(organisations, eq(organisations.id, listings.organisationId))
    .where(eq(listings.status, 'published'))
    .orderBy(desc(listings.publishedAt), desc(listings.id))
    .limit(wanted * 5)
  return diversify(newest, LATEST_PER_ORGANISATION).slice(0, wanted)
}

/**
 * A published listing is public; anything else only its organisation's members (and platform
 * admins) may see. Anyone else gets not_found (404), so the page does not say whether it exists.
 */
export async function getListing({ id, actor }: { id: number; actor: Actor }) {
  const [row] = await db
    .select({
      id: listings.id,
      organisationId: listings.organisationId,
      direction: listings.direction,
      type: listings.type,
      title: listings.title,
      description: listings.description,
      city: listings.cityCode,
      capacity: listings.capacity,
      startsOn: listings.startsOn,
      endsOn: listings.endsOn,
      details: listings.details,
      majors: listings.majors,
      status: listings.status,
      reference: listings.reference,
      version: listings.version,
      publishedAt: listings.publishedAt,
      updatedAt: listings.updatedAt,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      organisationCity: organisations.cityCode,
      organisationVerification: organisations.verification,
      contactName: organisations.contactName,
      contactPhone: organisations.contactPhone,
      contactEmail: organisations.contactEmail,
      clusters: listingClusterCodes,
    })
    .from(listings)
    .innerJoin(organisations, eq(organisations.id, listings.organisationId))
    .where(eq(listings.id, id))
  if (!row) throw new DomainError('not_found', 'listing.notFound')
  const isOwner = isMemberOf(actor, row.organisationId)
  // Paused, closed and expired listings stay readable (links to them are passed around); drafts are the owner's own.
  if (row.status === 'draft' && !isOwner && !isPlatformAdmin(actor)) throw new DomainError('not_found', 'listing.notFound')
  // Contact details are for signed-in users; the reference is the owner's own.
  const signedIn = actor.kind === 'user'
  return {
    ...row,
    contactName: signedIn ? row.contactName : null,
    contactPhone: signedIn ? row.contactPhone : null,
    contactEmail: signedIn ? row.contactEmail : null,
    reference: isOwner ? row.reference : null,
    canEdit: isOwner,
  }
}

const OTHER_LISTINGS_LIMIT = 6

/** What else the organisation has published, shown where a listing no longer takes requests. */
export async function listOtherPublishedListings({ organisationId, exceptId }: { organisationId: number; exceptId: number }) {
  return db
    .select(listingCardColumns)
    .from(listings)
    .where(and(eq(listings.organisationId, organisationId), eq(listings.status, 'published'), ne(listings.id, exceptId)))
    .orderBy(desc(listings.publishedAt), desc(listings.id))
    .limit(OTHER_LISTINGS_LIMIT)
}

export async function listListingVersions({ id, actor }: { id: number; actor: Actor }) {
  // Most readers belong to no organisation: no query to learn what isMemberOf would refuse anyway.
  if (actor.kind !== 'user' || actor.memberships.length === 0) return []
  const [listing] = await db.select({ organisationId: listings.organisationId }).from(listings).where(eq(listings.id, id))
  if (!listing || !isMemberOf(actor, listing.organisationId)) return []
  return db
    .select({
      version: listingVersions.version,
      changes: listingVersions.changes,
      createdAt: listingVersions.createdAt,
      actorName: users.name,
    })
    .from(listingVersions)
    .leftJoin(users, eq(users.id, listingVersions.actorUserId))
    .where(eq(listingVersions.listingId, id))
    .orderBy(desc(listingVersions.version))
    .limit(50)
}

/**
 * Live counts for the home page. They count published listings only, which everyone may see,
 * so the actor does not narrow them; it is taken so every domain call reads the same way.
 */
export async function countPublishedListingsByCluster(_: { actor: Actor }): Promise<Record<string, number>> {
  const rows = await db
    .select({ code: listingClusters.clusterCode, n: count() })
    .from(listingClusters)
    .innerJoin(listings, eq(listings.id, listingClusters.listingId))
    .where(eq(listings.status, 'published'))
    .groupBy(listingClusters.clusterCode)
  return Object.fromEntries(rows.map((r) => [r.code, Number(r.n)]))
}

export async function countPublishedListingsByType(_: { actor: Actor }): Promise<Record<string, number>> {
  const rows = await db
    .select({ code: listings.type, n: count() })
    .from(listings)
    .where(eq(listings.status, 'published'))
    .groupBy(listings.type)
  return Object.fromEntries(rows.map((r) => [r.code, Number(r.n)]))
}
