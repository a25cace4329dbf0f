import { sql } from 'drizzle-orm'
import { AGREED_STAGES } from '~/lib/gov-figures'
import { dayAfter, inList } from './sql.server'

/**
 * How the rollup triggers place a match, repeated for queries over the source rows: in the city of its
 * listing (else of the organisation that started it) and the clusters of its listing (else that organisation's).
 */
export const MATCH_JOINS = sql`matches m
  join organisations ini on ini.id = m.initiator_organisation_id
  join organisations par on par.id = m.partner_organisation_id
  left join listings ml on ml.id = m.listing_id`
export const matchCity = sql`coalesce(ml.city_code, ini.city_code)`

export function matchInCluster(cluster: string) {
  return sql`(case when m.listing_id is not null
    then exists (select 1 from listing_clusters c where c.listing_id = m.listing_id and c.cluster_code = ${cluster})
    else exists (select 1 from organisation_clusters c where c.organisation_id = m.initiator_organisation_id and c.cluster_code = ${cluster}) end)`
}

export const matchClusters = sql`(case when m.listing_id is not null
  then array(select c.cluster_code from listing_clusters c where c.listing_id = m.listing_id)
  else array(select c.cluster_code from organisation_clusters c where c.organisation_id = m.initiator_organisation_id) end)`

/** Platforms and agreed joint-lab / industry-college matches existing at the end of a day, with their cities and clusters. */
export function platformUnion(cities: string[], until: string) {
  return sql`(
    select 'platform' as source, p.id, p.kind, p.name, p.city_code, p.cluster_codes as clusters, p.established_on::text as since,
      p.host_organisation_id as organisation_id, null::integer as partner_id
    from platforms p where p.city_code in ${inList(cities)} and p.established_on <= ${until}
    union all
    select 'match', m.id, m.type, coalesce(ml.title, ini.name || ' / ' || par.name), ${matchCity}, ${matchClusters},
      metric_day(coalesce(m.signed_at, m.created_at))::text, m.initiator_organisation_id, m.partner_organisation_id
    from ${MATCH_JOINS}
    where m.type in ('industry_college', 'joint_lab') and m.stage in ${inList(AGREED_STAGES)}
      and coalesce(m.signed_at, m.created_at) < ${dayAfter(until)} and ${matchCity} in ${inList(cities)}
  )`
}
