import { and, eq, inArray, lt } from 'drizzle-orm'
import {
  db,
  type Executor,
  enqueueSearchSync,
  listingClusters,
  listings,
  listingVersions,
  organisations,
  type ListingStatus,
  uniqueViolation,
} from '~/db.server'
import { ListingSchema, type ListingDraftInput } from '~/lib/schemas/listing'
import { assertOrgRole } from '../accounts/guards.server'
import type { Actor } from '../actor'
import { recordAudit } from '../audit/audit.server'
import { DomainError } from '../errors.server'

/** Which status changes a member may make, and what each is called in the audit log. */
export const STATUS_TRANSITIONS: Record<string, { from: ListingStatus[]; to: ListingStatus }> = {
  publish: { from: ['draft'], to: 'published' },
  pause: { from: ['published'], to: 'paused' },
  resume: { from: ['paused'], to: 'published' },
  close: { from: ['published', 'paused', 'draft'], to: 'closed' },
  reopen: { from: ['closed', 'expired'], to: 'published' },
}
export type StatusAction = keyof typeof STATUS_TRANSITIONS

async function loadOwnedListing(tx: Executor, actor: Actor, id: number) {
  const [listing] = await tx.select().from(listings).where(eq(listings.id, id)).for('update')
  if (!listing) throw new DomainError('not_found', 'listing.notFound')
  assertOrgRole(actor, listing.organisationId, 'member')
  const clusterRows = await tx
    .select({ code: listingClusters.clusterCode })
    .from(listingClusters)
    .where(eq(listingClusters.listingId, id))
    .orderBy(listingClusters.clusterCode)
  return { ...listing, clusters: clusterRows.map((r) => r.code) }
}

async function assertMayPublish(tx: Executor, organisationId: number) {
  const [org] = await tx
    .select({ verification: organisations.verification })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
  if (org?.verification !== 'verified') throw new DomainError('invalid', 'domain.publishNeedsVerification')
}

/** A reference another listing of the organisation already has is the author's to change, beside the field. */
async function withFreeReference<T>(reference: string | null | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    if (uniqueViolation(error) === 'listings_org_reference_key')
      throw new DomainError('invalid', 'input.referenceTaken', { field: 'reference', vars: { reference: reference ?? '' } })
    throw error
  }
}

/** One row per cluster, however often the form or the import cell named it (the key is listing + cluster). */
const clusterRows = (listingId: number, clusters: string[]) => [...new Set(clusters)].map((clusterCode) => ({ listingId, clusterCode }))

const today = () => new Date().toISOString().slice(0, 10)

/** JSONB stores object keys in its own order, so compare with sorted keys. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`
  return JSON.stringify(value ?? null)
}

function changesBetween(before: Record<string, unknown>, after: Record<string, unknown>) {
  const changes: Record<string, { from: unknown; to: unknown }> = {}
  for (const key of Object.keys(after)) {
    if (stableJson(before[key]) !== stableJson(after[key])) changes[key] = { from: before[key] ?? null, to: after[key] }
  }
  return changes
}

function editableFields(input: ListingDraftInput) {
  return {
    direction: input.direction,
    type: input.type,
    title: input.title,
    description: input.description ?? '',
    cityCode: input.cityCode ?? null,
    capacity: input.capacity ?? null,
    startsOn: input.startsOn ?? null,
    endsOn: input.endsOn ?? null,
    details: input.details,
    majors: input.majors,
    reference: input.reference ?? null,
  }
}

/** Saves a new listing as a draft, or publishes it at once when asked and allowed. */
export async function createListing(options: {
  actor: Actor
  organisationId: number
  input: ListingDraftInput
  publish?: boolean
  tx?: Executor
}) {
  assertOrgRole(options.actor, options.organisationId, 'member')
  const run = async (tx: Executor) => {
    if (options.publish) await assertMayPublish(tx, options.organisationId)
    const [row] = await withFreeReference(options.input.reference, () =>
      tx
        .insert(listings)
        .values({
          ...editableFields(options.input),
          organisationId: options.organisationId,
          status: options.publish ? 'published' : 'draft',
          publishedAt: options.publish ? new Date() : null,
          createdByUserId: options.actor.kind === 'user' ? options.actor.userId : null,
        })
        .returning({ id: listings.id }),
    )
    if (options.input.clusters.length) await tx.insert(listingClusters).values(clusterRows(row!.id, options.input.clusters))
    await enqueueSearchSync(tx, 'listing', [row!.id])
    await recordAudit(tx, {
      actor: options.actor,
      organisationId: options.organisationId,
      action: options.publish ? 'listing.create_published' : 'listing.create_draft',
      entity: 'listing',
      entityId: row!.id,
      summary: { title: options.input.title, type: options.input.type, direction: options.input.direction },
    })
    return row!.id
  }
  return options.tx ? run(options.tx) : db.transaction(run)
}

/** Edits a listing; a published one keeps a version of what changed, who changed it and when. */
export async function updateListing(options: { actor: Actor; id: number; input: ListingDraftInput; tx?: Executor }) {
  const run = async (tx: Executor) => {
    const before = await loadOwnedListing(tx, options.actor, options.id)
    const after = { ...editableFields(options.input), clusters: [...options.input.clusters].sort() }
    const changes = changesBetween({ ...before, clusters: before.clusters }, after)
    if (Object.keys(changes).length === 0) return { changed: false }
    const version = before.version + 1
    await withFreeReference(options.input.reference, () =>
      tx
        .update(listings)
        .set({ ...editableFields(options.input), version, updatedAt: new Date() })
        .where(eq(listings.id, options.id)),
    )
    if (changes.clusters) {
      await tx.delete(listingClusters).where(eq(listingClusters.listingId, options.id))
      if (options.input.clusters.length) await tx.insert(listingClusters).values(clusterRows(options.id, options.input.clusters))
    }
    if (before.status !== 'draft') {
      await tx.insert(listingVersions).values({
        listingId: options.id,
        version,
        actorUserId: options.actor.kind === 'user' ? options.actor.userId : null,
        changes,
      })
    }
    await enqueueSearchSync(tx, 'listing', [options.id])
    await recordAudit(tx, {
      actor: options.actor,
      organisationId: before.organisationId,
      action: 'listing.update',
      entity: 'listing',
      entityId: options.id,
      summary: { fields: Object.keys(changes), version },
    })
    return { changed: true }
  }
  return options.tx ? run(options.tx) : db.transaction(run)
}

export async function changeListingStatus(options: { actor: Actor; id: number; action: StatusAction }) {
  const transition = STATUS_TRANSITIONS[options.action]
  if (!transition) throw new DomainError('invalid', 'listing.unknownAction')
  return db.transaction(async (tx) => {
    const listing = await loadOwnedListing(tx, options.actor, options.id)
    if (!transition.from.includes(listing.status)) throw new DomainError('conflict', 'domain.statusForbidsAction')
    if (transition.to === 'published') {
      await assertMayPublish(tx, listing.organisationId)
      // A draft saved incomplete is checked in full before it goes out.
      if (listing.status === 'draft' && !ListingSchema.safeParse(listing).success) throw new DomainError('invalid', 'listing.incomplete')
      if (listing.endsOn! < today()) throw new DomainError('invalid', 'domain.endDatePassed', { field: 'endsOn' })
    }
    await tx
      .update(listings)
      .set({
        status: transition.to,
        publishedAt: transition.to === 'published' ? (listing.publishedAt ?? new Date()) : listing.publishedAt,
        version: listing.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(listings.id, options.id))
    await tx.insert(listingVersions).values({
      listingId: options.id,
      version: listing.version + 1,
      actorUserId: options.actor.kind === 'user' ? options.actor.userId : null,
      changes: { status: { from: listing.status, to: transition.to } },
    })
    await enqueueSearchSync(tx, 'listing', [options.id])
    await recordAudit(tx, {
      actor: options.actor,
      organisationId: listing.organisationId,
      action: `listing.${options.action}`,
      entity: 'listing',
      entityId: options.id,
      summary: { from: listing.status, to: transition.to },
    })
    return transition.to
  })
}

/** Copies a listing into a new draft, so a similar one is quick to publish. */
export async function duplicateListing(options: { actor: Actor; id: number }) {
  return db.transaction(async (tx) => {
    const source = await loadOwnedListing(tx, options.actor, options.id)
    const [row] = await tx
      .insert(listings)
      .values({
        organisationId: source.organisationId,
        direction: source.direction,
        type: source.type,
        title: `${source.title}（副本）`.slice(0, 80),
        description: source.description,
        cityCode: source.cityCode,
        capacity: source.capacity,
        startsOn: source.startsOn,
        endsOn: source.endsOn,
        details: source.details,
        majors: source.majors,
        status: 'draft',
        createdByUserId: options.actor.kind === 'user' ? options.actor.userId : null,
      })
      .returning({ id: listings.id })
    if (source.clusters.length)
      await tx.insert(listingClusters).values(source.clusters.map((clusterCode) => ({ listingId: row!.id, clusterCode })))
    await recordAudit(tx, {
      actor: options.actor,
      organisationId: source.organisationId,
      action: 'listing.duplicate',
      entity: 'listing',
      entityId: row!.id,
      summary: { from: options.id },
    })
    return row!.id
  })
}

/** The scheduled job: published listings whose end date has passed become expired and leave search. */
export async function expireListings(now = new Date()) {
  const day = now.toISOString().slice(0, 10)
  return db.transaction(async (tx) => {
    const expired = await tx
      .update(listings)
      .set({ status: 'expired', updatedAt: now })
      .where(and(inArray(listings.status, ['published', 'paused']), lt(listings.endsOn, day)))
      .returning({ id: listings.id, organisationId: listings.organisationId })
    if (expired.length === 0) return 0
    await enqueueSearchSync(
      tx,
      'listing',
      expired.map((l) => l.id),
    )
    for (const listing of expired)
      await recordAudit(tx, {
        actor: { kind: 'anonymous' },
        organisationId: listing.organisationId,
        action: 'listing.expire',
        entity: 'listing',
        entityId: listing.id,
        summary: { reason: 'ends_on passed', day },
      })
    return expired.length
  })
}
