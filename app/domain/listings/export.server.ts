import { and, eq, sql } from 'drizzle-orm'
import { db, listingClusterCodes, listings } from '~/db.server'
import type { CooperationTypeCode } from '~/lib/schemas/listing'
import { assertOrgRole } from '../accounts/guards.server'
import type { Actor } from '../actor'
import { buildExportWorkbook } from './import-workbooks.server'

/** One cooperation type's listings of the organisation, for its members, in that type's import template columns. */
export async function buildListingsExport({
  actor,
  organisationId,
  type,
}: {
  actor: Actor
  organisationId: number
  type: CooperationTypeCode
}): Promise<Buffer> {
  assertOrgRole(actor, organisationId, 'member')
  const rows = await db
    .select({
      id: listings.id,
      reference: listings.reference,
      direction: listings.direction,
      title: listings.title,
      description: listings.description,
      cityCode: listings.cityCode,
      capacity: listings.capacity,
      startsOn: listings.startsOn,
      endsOn: listings.endsOn,
      details: listings.details,
      majors: listings.majors,
      status: listings.status,
      clusters: listingClusterCodes,
    })
    .from(listings)
    .where(and(eq(listings.organisationId, organisationId), eq(listings.type, type)))
    .orderBy(sql`${listings.id}`)
  return buildExportWorkbook({ type, rows })
}
