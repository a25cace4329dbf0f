import { createListing, createOrganisation } from '../factories'
import { FIXTURE, type FixtureListing } from './fixture'

/**
 * Inserts fixture listings the way the app writes (rows + outbox) and returns key → listing id.
 * Pass the same `orgIds` to a later call so listings of an organisation already loaded join it.
 */
export async function loadFixture(items: FixtureListing[] = FIXTURE, orgIds = new Map<string, number>()) {
  const idOf = new Map<string, number>()
  for (const item of items) {
    let orgId = orgIds.get(item.org)
    if (!orgId) {
      const org = await createOrganisation({
        name: item.org,
        kind: item.orgKind ?? 'enterprise',
        cityCode: item.city,
        clusters: item.clusters,
      })
      orgId = org.id
      orgIds.set(item.org, orgId)
    }
    const listing = await createListing(orgId, {
      title: item.title,
      description: item.description,
      clusters: item.clusters,
      type: item.type,
      direction: item.direction,
      cityCode: item.city,
      capacity: 5,
      majors: item.majors ?? [],
      details: item.majors?.length ? { majors: item.majors } : {},
    })
    idOf.set(item.key, listing.id)
  }
  return idOf
}
