import { and, eq, inArray } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { listings, organisationClusters, organisations } from '../db/schema'
import { cityByCode, clusterByCode, cooperationTypeByCode, orgKindByCode, regionOfCity } from '../db/reference'
import type { ListingDocument } from './types'
import { completeListingColumns, listingClusterCodes } from '../db/fragments'
import { pinyinTerms, withoutHighlightMarkers, wordPinyinTerms } from './text'
import { longSynonymsFor } from './synonyms'
import { consumerRank } from './consumer-trade'

export type OrganisationDocument = {
  id: number
  name: string
  kind: string
  kindName: string
  city: string
  cityName: string
  region: string
  regionName: string
  clusters: string[]
  clusterNames: string[]
  clusterKeywords: string[]
  verified: boolean
  description: string
}

const dayNumber = (isoDate: string) => Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000)

function clusterFields(codes: string[]) {
  const known = codes.map((c) => clusterByCode.get(c)).filter((c) => c !== undefined)
  return {
    clusters: known.map((c) => c.code),
    clusterNames: known.flatMap((c) => [c.name, c.short]),
    clusterKeywords: [...new Set(known.flatMap((c) => c.keywords))],
  }
}

function placeFields(cityCode: string) {
  const region = regionOfCity.get(cityCode)
  return {
    city: cityCode,
    cityName: cityByCode.get(cityCode)?.name ?? cityCode,
    region: region?.code ?? '',
    regionName: region ? `${region.name} ${region.older_name}` : '',
  }
}

function clustersOf<T extends { id: number }>(rows: { ownerId: number; clusterCode: string }[], owners: T[]): Map<number, string[]> {
  const byOwner = new Map<number, string[]>(owners.map((o) => [o.id, []]))
  for (const row of rows) byOwner.get(row.ownerId)?.push(row.clusterCode)
  return byOwner
}

/** The columns a listing document is built from; the Postgres fallback selects the same. */
export const listingDocumentColumns = {
  id: listings.id,
  title: listings.title,
  description: listings.description,
  direction: listings.direction,
  type: listings.type,
  ...completeListingColumns,
  publishedAt: listings.publishedAt,
  organisationId: organisations.id,
  organisationName: organisations.name,
  organisationKind: organisations.kind,
  organisationVerification: organisations.verification,
  majors: listings.majors,
  clusters: listingClusterCodes,
}

type ListingDocumentRow = {
  id: number
  title: string
  description: string
  direction: 'need' | 'offer'
  type: string
  cityCode: string
  capacity: number
  startsOn: string
  endsOn: string
  publishedAt: Date | null
  organisationId: number
  organisationName: string
  organisationKind: string
  organisationVerification: string
  majors: string[]
  clusters: string[]
}

/** English names from the reference data, so an English query finds what the Chinese one would. */
function englishNames(row: ListingDocumentRow): string[] {
  const region = regionOfCity.get(row.cityCode)
  return [
    ...row.clusters.map((c) => clusterByCode.get(c)?.en),
    cooperationTypeByCode.get(row.type)?.en,
    cityByCode.get(row.cityCode)?.en,
    region?.en,
    orgKindByCode.get(row.organisationKind)?.en,
  ].filter((n): n is string => Boolean(n))
}

function pinyinFields(row: ListingDocumentRow, clusterNames: string[]): Pick<ListingDocument, 'pinyin' | 'textPinyin'> {
  const pinyin = pinyinTerms(row.title, row.organisationName, ...clusterNames)
  return { pinyin, textPinyin: wordPinyinTerms([row.description, ...row.majors], pinyin) }
}

/**
 * `pinyin: false` for a document only shown, never indexed (the fallback's hits): the pinyin of a
 * description costs ~0.2 ms a listing, paid for every hit of every fallback search otherwise.
 */
export function toListingDocument(row: ListingDocumentRow, { pinyin = true } = {}): ListingDocument {
  const clusters = clusterFields(row.clusters)
  return {
    id: row.id,
    title: withoutHighlightMarkers(row.title),
    description: withoutHighlightMarkers(row.description),
    direction: row.direction,
    type: row.type,
    typeName: cooperationTypeByCode.get(row.type)?.name ?? row.type,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    organisationKind: row.organisationKind,
    organisationKindName: orgKindByCode.get(row.organisationKind)?.name ?? row.organisationKind,
    organisationVerified: row.organisationVerification === 'verified',
    ...placeFields(row.cityCode),
    ...clusters,
    majors: row.majors,
    aliases: longSynonymsFor([row.title, row.description, ...row.majors].join(' ')),
    consumer: consumerRank(row.title, row.description, row.organisationName),
    ...(pinyin ? pinyinFields(row, clusters.clusterNames) : { pinyin: '', textPinyin: '' }),
    english: englishNames(row),
    capacity: row.capacity,
    startsOn: dayNumber(row.startsOn),
    endsOn: dayNumber(row.endsOn),
    publishedAt: row.publishedAt ? Math.floor(row.publishedAt.getTime() / 1000) : 0,
  }
}

/** Builds index documents for the listings that are searchable (published); ids not returned must leave the index. */
export async function loadListingDocuments(db: Executor, ids: number[]): Promise<ListingDocument[]> {
  if (ids.length === 0) return []
  const rows = await db
    .select(listingDocumentColumns)
    .from(listings)
    .innerJoin(organisations, eq(organisations.id, listings.organisationId))
    .where(and(inArray(listings.id, ids), eq(listings.status, 'published')))
  return rows.map((row) => toListingDocument(row))
}

export async function loadOrganisationDocuments(db: Executor, ids: number[]): Promise<OrganisationDocument[]> {
  if (ids.length === 0) return []
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      cityCode: organisations.cityCode,
      verification: organisations.verification,
      description: organisations.description,
    })
    .from(organisations)
    .where(inArray(organisations.id, ids))
  const clusterRows = rows.length
    ? await db
        .select({ ownerId: organisationClusters.organisationId, clusterCode: organisationClusters.clusterCode })
        .from(organisationClusters)
        .where(
          inArray(
            organisationClusters.organisationId,
            rows.map((r) => r.id),
          ),
        )
    : []
  const clustersByOrg = clustersOf(clusterRows, rows)
  return rows.map((row) => ({
    id: row.id,
    name: withoutHighlightMarkers(row.name),
    kind: row.kind,
    kindName: orgKindByCode.get(row.kind)?.name ?? row.kind,
    ...placeFields(row.cityCode),
    ...clusterFields(clustersByOrg.get(row.id) ?? []),
    verified: row.verification === 'verified',
    description: withoutHighlightMarkers(row.description),
  }))
}
