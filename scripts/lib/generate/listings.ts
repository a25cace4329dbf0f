import { regionOfCity, taxonomy, type ListingStatus } from '../../../db/reference'
import { cumulative, directionFor, durationDays, listingText, pickCumulative, TYPE_WEIGHTS, type Type } from '../../../db/seed'
import { RELATED_CLUSTERS } from '../../../db/seed/listing-templates'
import type { Random } from '../../../db/seed/random'
import { listingSearchVector } from '../../../search/search-vector'
import type { BulkLoader } from './copy'
import { internshipStart, LISTING_STATUS_ENDED, LISTING_STATUS_LIVE, publicationAge } from './distributions'
import type { GenOrg } from './orgs'

const DAY = 86_400_000
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY)
const isoDay = (d: Date) => d.toISOString().slice(0, 10)

/** What the match phase needs of a published (or once published) listing. */
export type GenListing = {
  id: number
  owner: GenOrg
  type: Type
  direction: 'need' | 'offer'
  clusters: string[]
  status: ListingStatus
  publishedAt: Date
  endsOn: string
  title: string
  capacity: number
  details: Record<string, unknown>
}

/** The listing columns the generator (and the scale bench's grow, scripts/lib/scale.ts) COPY. */
export const LISTING_COLUMNS = [
  'id',
  'organisation_id',
  'direction',
  'type',
  'title',
  'description',
  'city_code',
  'capacity',
  'starts_on',
  'ends_on',
  'details',
  'majors',
  'search_vector',
  'status',
  'reference',
  'version',
  'created_by_user_id',
  'published_at',
  'created_at',
  'updated_at',
] as const

/** The demo seed's weight: bigger firms and colleges publish more, unverified ones rarely get past a draft. */
const publishingWeight = (o: GenOrg) =>
  (o.verification === 'verified' ? 1 : 0.3) *
  (o.kind === 'enterprise' ? 1 + Math.min(o.staff, 6000) / 2500 : o.kind === 'research_institute' ? 3 : 3 + o.students / 5000)

/**
 * Streams `total` listings into COPY: owners by publishing weight, types and directions by owner kind, the
 * owner's main cluster mostly (a related second one sometimes), the owner's city mostly (else one of its
 * regional group), publication growing over three years, internships starting with the school seasons,
 * status from the dates. Returns the listings that were ever published, for the matches.
 */
export async function writeListings(
  loader: BulkLoader,
  rand: Random,
  { orgs, total, today, onProgress }: { orgs: GenOrg[]; total: number; today: Date; onProgress: (done: number) => void },
): Promise<GenListing[]> {
  // search_vector is computed here (migration 0020): the database's SQL tokeniser cost ~0.85 ms a row.
  const [listingOut, clusterOut] = await Promise.all([
    loader.open('listings', LISTING_COLUMNS),
    // The candidate columns (migration 0016) are kept by a trigger that COPY with triggers off does not fire.
    loader.open('listing_clusters', ['listing_id', 'cluster_code', 'type', 'direction', 'status']),
  ])
  const owners = orgs.filter((o) => o.kind !== 'government')
  const acc = cumulative(owners.map(publishingWeight))
  const start = addDays(today, -3 * 365)
  const latest = addDays(today, -1)
  const verifiedOwners = owners.filter((o) => o.verification === 'verified')
  // The first listings cover every cluster and type even at small sizes.
  const forced: { cluster?: string; type?: Type }[] = [
    ...taxonomy.clusters.map((c) => ({ cluster: c.code })),
    ...(['internship', 'teacher_practice', 'joint_lab', 'industry_college', 'tech_transfer'] as const).map((type) => ({ type })),
  ]
  const sequence = new Map<number, number>()
  const published: GenListing[] = []
  for (let id = 1; id <= total; id++) {
    const f = forced[id - 1]
    const fitting =
      f && verifiedOwners.filter((o) => (f.cluster ? o.clusters.includes(f.cluster) : TYPE_WEIGHTS[o.kind]!.some(([t]) => t === f.type)))
    const owner = fitting?.length ? rand.pick(fitting) : pickCumulative(rand, owners, acc)
    const type = f?.type && TYPE_WEIGHTS[owner.kind]!.some(([t]) => t === f.type) ? f.type : rand.weighted(TYPE_WEIGHTS[owner.kind]!)
    const direction = directionFor(rand, owner.kind, type)
    const cluster = f?.cluster ?? (rand.chance(0.7) ? owner.clusters[0]! : rand.pick(owner.clusters))
    const related = rand.chance(0.15) ? (RELATED_CLUSTERS[cluster] ?? []).filter((c) => c !== cluster) : []
    const clusters = related.length ? [cluster, rand.pick(related)] : [cluster]
    const region = regionOfCity.get(owner.cityCode)!
    const cityCode =
      rand.chance(0.88) || region.cities.length === 1 ? owner.cityCode : rand.pick(region.cities.filter((c) => c !== owner.cityCode))

    const earliest = new Date(Math.max(owner.readyAt.getTime(), start.getTime()))
    const draft = owner.verification !== 'verified' || rand.chance(0.03)
    const spanDays = Math.max(1, Math.floor((latest.getTime() - earliest.getTime()) / DAY))
    const publishedAt = draft ? null : addDays(latest, -publicationAge(rand, spanDays))
    const createdAt = publishedAt
      ? new Date(Math.max(earliest.getTime(), addDays(publishedAt, -rand.int(0, 3)).getTime()))
      : rand.between(new Date(Math.max(earliest.getTime(), addDays(today, -120).getTime())), latest)
    const from = publishedAt ?? createdAt
    const starts =
      type === 'internship' || type === 'teacher_practice' ? internshipStart(rand, from, rand.int(7, 45)) : addDays(from, rand.int(7, 60))
    const ends = addDays(starts, durationDays(rand, type))
    const status: ListingStatus = draft ? 'draft' : ends < today ? rand.weighted(LISTING_STATUS_ENDED) : rand.weighted(LISTING_STATUS_LIVE)
    const updatedAt =
      publishedAt && status !== 'published'
        ? new Date(
            Math.min(
              today.getTime(),
              status === 'expired'
                ? addDays(ends, 1).getTime()
                : rand.between(publishedAt, new Date(Math.min(today.getTime(), ends.getTime()))).getTime(),
            ),
          )
        : from
    const startsOn = isoDay(starts)
    const endsOn = isoDay(ends)
    const text = listingText({
      rand,
      type,
      direction,
      cluster,
      owner,
      cityCode,
      startsOn,
      endsOn,
      sequence,
      prefix: 'GEN',
      created: createdAt,
    })
    const { title, description, majors } = text
    await listingOut.write([
      id,
      owner.id,
      direction,
      type,
      title,
      description,
      cityCode,
      text.capacity,
      startsOn,
      endsOn,
      text.details,
      majors,
      listingSearchVector({ title, description, majors }),
      status,
      text.reference,
      1,
      owner.id,
      publishedAt,
      createdAt,
      updatedAt,
    ])
    for (const c of clusters) await clusterOut.write([id, c, type, direction, status])
    if (publishedAt)
      published.push({
        id,
        owner,
        type,
        direction,
        clusters,
        status,
        publishedAt,
        endsOn,
        title,
        capacity: text.capacity,
        details: text.details,
      })
    if (id % 2000 === 0) onProgress(id)
  }
  await Promise.all([listingOut.end(), clusterOut.end()])
  onProgress(total)
  return published
}
