import { clusterByCode, regionOfCity, type MatchStage } from '../../../db/reference'
import { cumulative, fitPath, partnerKinds, pathFor, pickCumulative, STAGE_NOTES, STAGE_WEIGHTS } from '../../../db/seed'
import { storyFor } from '../../../db/seed/match-stories'
import type { Random } from '../../../db/seed/random'
import type { BulkLoader } from './copy'
import type { GenListing } from './listings'
import type { GenOrg } from './orgs'

const DAY = 86_400_000
const HOUR = 3_600_000
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY)
const STATUS_WEIGHT: Record<string, number> = { closed: 3, expired: 2, published: 1, paused: 0.5 }

const MATCH_COLUMNS = [
  'id',
  'listing_id',
  'counterpart_listing_id',
  'initiator_organisation_id',
  'partner_organisation_id',
  'type',
  'stage',
  'outcome',
  'version',
  'signed_at',
  'completed_at',
  'end_reason',
  'end_note',
  'ended_by_organisation_id',
  'ended_at',
  'first_response_at',
  'last_activity_at',
  'stale_nudged_at',
  'initiator_lists_publicly',
  'partner_lists_publicly',
  'created_at',
  'updated_at',
] as const
const PROPOSAL_COLUMNS = [
  'id',
  'match_id',
  'kind',
  'status',
  'proposed_by_organisation_id',
  'proposed_by_user_id',
  'outcome',
  'note',
  'resolved_by_organisation_id',
  'resolved_by_user_id',
  'resolution_note',
  'created_at',
  'resolved_at',
] as const
const EVENT_COLUMNS = [
  'id',
  'match_id',
  'actor_user_id',
  'actor_organisation_id',
  'kind',
  'from_stage',
  'to_stage',
  'body',
  'seq',
  'proposal_id',
  'data',
  'created_at',
] as const

export type MatchCounts = { matches: number; proposals: number; events: number }

/**
 * Matches until there are `events` events: the demo seed's stage mix, a listing out long enough for that
 * stage (older and closed listings draw more), a partner of a fitting kind in the listing's main cluster
 * (mostly in the same regional group), each stage later than the one before, and the demo's story of each
 * (messages, proposals confirmed or disputed, outcomes on completion, end reasons).
 */
export async function writeMatches(
  loader: BulkLoader,
  rand: Random,
  {
    orgs,
    listings,
    events: target,
    today,
    onProgress,
  }: { orgs: GenOrg[]; listings: GenListing[]; events: number; today: Date; onProgress: (done: number) => void },
): Promise<MatchCounts> {
  const [matchOut, proposalOut, eventOut] = await Promise.all([
    loader.open('matches', MATCH_COLUMNS),
    loader.open('match_proposals', PROPOSAL_COLUMNS),
    loader.open('match_events', EVENT_COLUMNS),
  ])
  const byCluster = new Map<string, GenOrg[]>()
  for (const o of orgs)
    if (o.verification === 'verified' && o.kind !== 'government')
      for (const c of o.clusters) byCluster.set(c, [...(byCluster.get(c) ?? []), o])
  const acc = cumulative(
    listings.map((l) => STATUS_WEIGHT[l.status]! * Math.sqrt(Math.max(30, (today.getTime() - l.publishedAt.getTime()) / DAY))),
  )
  const counterparts = new Map<string, GenListing>()
  for (const l of listings) {
    const key = `${l.owner.id}:${l.type}:${l.direction}`
    if (!counterparts.has(key)) counterparts.set(key, l)
  }
  const stageNotes = (type: string) =>
    Object.fromEntries(
      Object.entries(STAGE_NOTES).map(([stage, notes]) => [stage, [...notes[type as keyof typeof notes], ...notes.any]]),
    ) as Partial<Record<MatchStage, string[]>>
  const notesByType = new Map<string, Partial<Record<MatchStage, string[]>>>()
  const seen = new Set<string>()
  const pools = new Map<string, GenOrg[]>()
  const counts: MatchCounts = { matches: 0, proposals: 0, events: 0 }
  const cutoff = today.getTime() - 12 * HOUR

  for (let attempt = 0; counts.events < target && listings.length && attempt < target * 5; attempt++) {
    let stage = rand.weighted(STAGE_WEIGHTS)
    let path = pathFor(rand, stage)
    const fitted = fitPath({
      rand,
      stage,
      path,
      listing: pickCumulative(rand, listings, acc),
      pick: () => pickCumulative(rand, listings, acc),
      type: (l) => l.type,
      publishedAt: (l) => l.publishedAt,
      today,
    })
    const { listing, gaps } = fitted
    stage = fitted.stage
    path = fitted.path
    const owner = listing.owner
    const kinds = partnerKinds(owner.kind, listing.type)
    const fits = (c: string) => {
      const key = `${c}|${[...kinds].join()}`
      if (!pools.has(key))
        pools.set(
          key,
          (byCluster.get(c) ?? []).filter((o) => kinds.has(o.kind)),
        )
      return pools.get(key)!
    }
    // The owner is in its own cluster's pool: a pick of the owner is skipped below.
    let pool = fits(listing.clusters[0]!)
    if (pool.length < 2) pool = listing.clusters.flatMap(fits)
    if (!pool.length) continue
    const region = regionOfCity.get(owner.cityCode)!.code
    // Sampling a few candidates keeps the pick cheap at province scale; most partners are near.
    const near = rand.chance(0.75)
      ? Array.from({ length: 8 }, () => rand.pick(pool)).find((o) => regionOfCity.get(o.cityCode)!.code === region)
      : undefined
    const partner = near ?? rand.pick(pool)
    if (partner.id === owner.id) continue
    const key = `${listing.id}:${partner.id}`
    if (seen.has(key)) continue
    seen.add(key)
    const counterpart = counterparts.get(`${partner.id}:${listing.type}:${listing.direction === 'need' ? 'offer' : 'need'}`)
    const partnerInitiates = rand.chance(0.65)
    const initiator = partnerInitiates ? partner : owner
    const other = partnerInitiates ? owner : partner

    const span = gaps.reduce((s, g) => s + g, 0)
    const published = listing.publishedAt
    const latestStart = Math.min(
      addDays(today, -span - 1).getTime(),
      listing.status === 'published' || listing.status === 'paused' ? today.getTime() : Date.parse(`${listing.endsOn}T00:00:00Z`),
    )
    const first = addDays(published, 1).getTime()
    const contactAt = new Date(first + rand.next() * Math.max(0, Math.min(latestStart, addDays(published, 240).getTime()) - first))
    const times: Date[] = []
    path.forEach((_, k) => times.push(k === 0 ? contactAt : new Date(times[k - 1]!.getTime() + gaps[k]! * DAY + rand.int(1, 8) * HOUR)))
    const last = times[times.length - 1]!
    if (last.getTime() > cutoff) {
      const scaleBack = (cutoff - contactAt.getTime()) / (last.getTime() - contactAt.getTime())
      for (let k = 1; k < times.length; k++)
        times[k] = new Date(contactAt.getTime() + (times[k]!.getTime() - contactAt.getTime()) * scaleBack)
    }
    const party = (o: GenOrg) => ({ id: o.id, userId: o.id, name: o.name, kind: o.kind, staff: o.staff, majors: o.majors })
    if (!notesByType.has(listing.type)) notesByType.set(listing.type, stageNotes(listing.type))
    const story = storyFor(rand, {
      type: listing.type,
      path,
      times,
      initiator: party(initiator),
      other: party(other),
      listingTitle: listing.title,
      capacity: listing.capacity,
      details: listing.details,
      firstMessage: rand.pick([
        `您好，我们是${initiator.name}，在平台上看到“${listing.title}”，希望进一步沟通合作。`,
        `${other.name}您好：我单位与贵方在${clusterByCode.get(listing.clusters[0]!)!.short}领域方向一致，想就“${listing.title}”约时间面谈。`,
        `您好，关于“${listing.title}”，我们有意向合作，方便时请回电 199-0000 开头的联系电话。`,
      ]),
      today,
      stageNotes: notesByType.get(listing.type)!,
    })

    const matchId = ++counts.matches
    const signedIndex = path.indexOf('signed')
    const open = stage !== 'completed' && stage !== 'terminated'
    await matchOut.write([
      matchId,
      listing.id,
      counterpart && rand.chance(0.7) ? counterpart.id : null,
      initiator.id,
      other.id,
      listing.type,
      stage,
      story.outcome,
      story.events.filter((e) => e.kind !== 'message' && e.kind !== 'note' && e.kind !== 'confirmation').length,
      signedIndex >= 0 ? times[signedIndex]! : null,
      stage === 'completed' ? times[times.length - 1]! : null,
      story.end?.endReason ?? null,
      story.end?.endNote ?? null,
      story.end?.endedByOrganisationId ?? null,
      story.end?.endedAt ?? null,
      story.firstResponseAt,
      story.lastActivityAt,
      // Already quiet ones count as nudged, so a server started on this data does not mail thousands at once.
      open && story.lastActivityAt < addDays(today, -30) ? today : null,
      story.listsPublicly,
      story.listsPublicly,
      contactAt,
      story.lastActivityAt,
    ])
    const firstProposal = counts.proposals + 1
    for (const p of story.proposals)
      await proposalOut.write([
        ++counts.proposals,
        matchId,
        p.kind,
        p.status,
        p.proposedByOrganisationId,
        p.proposedByUserId,
        p.outcome,
        p.note,
        p.resolvedByOrganisationId,
        p.resolvedByUserId,
        p.resolutionNote,
        p.createdAt,
        p.resolvedAt,
      ])
    for (const [k, e] of story.events.entries())
      await eventOut.write([
        ++counts.events,
        matchId,
        e.actorUserId,
        e.actorOrganisationId,
        e.kind,
        e.fromStage ?? null,
        e.toStage ?? null,
        e.body ?? null,
        k + 1,
        e.proposal === undefined ? null : firstProposal + e.proposal,
        e.data ?? null,
        e.createdAt,
      ])
    if (matchId % 1000 === 0) onProgress(Math.min(counts.events, target))
  }
  await Promise.all([matchOut.end(), proposalOut.end(), eventOut.end()])
  onProgress(target)
  return counts
}
