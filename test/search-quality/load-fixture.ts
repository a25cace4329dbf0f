import { createListing, createOrganisation } from '../factories'
import { FIXTURE } from './fixture'

/** Inserts the fixture the way the app writes (rows + outbox) and returns key → listing id. */
export async function loadFixture() {
  const orgIds = new Map<string, number>()
  const idOf = new Map<string, number>()
  for (const item of FIXTURE) {
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
