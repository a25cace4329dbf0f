import { sql } from 'drizzle-orm'
import { indicatorThreshold } from '../../../db/reference'
import { DomainError } from '../errors.server'
import { COMPLIANCE_SORTS, sizeBand, SIZE_BANDS, type SizeBand } from '~/lib/gov-figures'
import { assertScope, beijingToday, type GovQuery } from './gov-query.server'
import { inList, num, query } from './sql.server'

/** Posts count when they are offers out of draft whose window touches the year (as the enterprise's own panel counts them). */
export const COUNTED_STATUSES = ['published', 'paused', 'closed', 'expired'] as const

export type QuotaCheck = {
  base: number | null
  required: number | null
  posts: number
  listings: number
  missing: number | null
  met: boolean | null
}
export type ComplianceRow = {
  id: number
  name: string
  cityCode: string
  clusters: string[]
  staffCount: number | null
  technicalPostCount: number | null
  size: SizeBand | null
  internship: QuotaCheck
  teacher: QuotaCheck
}

export type ComplianceOptions = { year?: number; size?: string | null; sort?: string | null; desc?: boolean }

function check(base: number | null, threshold: number, posts: number, listings: number): QuotaCheck {
  if (base === null || base <= 0) return { base, required: null, posts, listings, missing: null, met: null }
  const required = Math.ceil(base * threshold)
  return { base, required, posts, listings, missing: Math.max(0, required - posts), met: posts >= required }
}

export function parseComplianceYear(value: string | undefined, now = new Date()) {
  const thisYear = Number(beijingToday(now).slice(0, 4))
  if (!value) return thisYear
  const year = Number(value)
  if (!/^\d{4}$/.test(value) || year < 2000 || year > thisYear + 1) throw new DomainError('invalid', 'gov.error.badYear', { field: 'year' })
  return year
}

/**
 * 晋政办发〔2018〕38号 (十二): for each enterprise in the area with technical posts or staff, its internship
 * posts against 10 % of technical posts and teacher-practice posts against 0.5 % of staff, for one year.
 */
export async function getQuotaCompliance(q: GovQuery, options: ComplianceOptions = {}) {
  const cities = assertScope(q.actor, q.scope)
  const year = options.year ?? Number(beijingToday().slice(0, 4))
  if (options.size && !SIZE_BANDS.includes(options.size as SizeBand))
    throw new DomainError('invalid', 'gov.error.unknownSize', { field: 'size' })
  const rows = await query<Record<string, unknown>>(sql`
    with posts as (
      select l.organisation_id, l.type, sum(l.capacity)::int as posts, count(*)::int as n
      from listings l
      where l.direction = 'offer' and l.status in ${inList(COUNTED_STATUSES)} and l.type in ('internship', 'teacher_practice')
        and l.starts_on <= ${`${year}-12-31`} and l.ends_on >= ${`${year}-01-01`}
      group by 1, 2
    )
    select o.id, o.name, o.city_code, o.staff_count, o.technical_post_count,
      coalesce(pi.posts, 0) as intern_posts, coalesce(pi.n, 0) as intern_listings,
      coalesce(pt.posts, 0) as teacher_posts, coalesce(pt.n, 0) as teacher_listings,
      coalesce((select array_agg(oc.cluster_code order by oc.cluster_code) from organisation_clusters oc where oc.organisation_id = o.id), '{}') as clusters
    from organisations o
    left join posts pi on pi.organisation_id = o.id and pi.type = 'internship'
    left join posts pt on pt.organisation_id = o.id and pt.type = 'teacher_practice'
    where o.kind = 'enterprise' and o.city_code in ${inList(cities)}
      and (coalesce(o.technical_post_count, 0) > 0 or coalesce(o.staff_count, 0) > 0)
      ${q.filters.cluster ? sql`and exists (select 1 from organisation_clusters oc where oc.organisation_id = o.id and oc.cluster_code = ${q.filters.cluster})` : sql``}
    order by o.id`)
  const internship = indicatorThreshold('internship_post_ratio')
  const teacher = indicatorThreshold('teacher_practice_ratio')
  let list: ComplianceRow[] = rows.map((r) => {
    const staff = r.staff_count === null ? null : num(r.staff_count)
    const tech = r.technical_post_count === null ? null : num(r.technical_post_count)
    return {
      id: num(r.id),
      name: String(r.name),
      cityCode: String(r.city_code),
      clusters: (r.clusters as string[]) ?? [],
      staffCount: staff,
      technicalPostCount: tech,
      size: sizeBand(staff),
      internship: check(tech, internship, num(r.intern_posts), num(r.intern_listings)),
      teacher: check(staff, teacher, num(r.teacher_posts), num(r.teacher_listings)),
    }
  })
  if (options.size) list = list.filter((r) => r.size === options.size)
  const totals = {
    enterprises: list.length,
    internshipApplicable: list.filter((r) => r.internship.met !== null).length,
    internshipMet: list.filter((r) => r.internship.met).length,
    internshipMissing: list.reduce((s, r) => s + (r.internship.missing ?? 0), 0),
    teacherApplicable: list.filter((r) => r.teacher.met !== null).length,
    teacherMet: list.filter((r) => r.teacher.met).length,
    teacherMissing: list.reduce((s, r) => s + (r.teacher.missing ?? 0), 0),
    bothMet: list.filter((r) => r.internship.met && r.teacher.met).length,
  }
  const sort = COMPLIANCE_SORTS.includes(options.sort as never) ? options.sort! : 'missing'
  const key: Record<string, (r: ComplianceRow) => number | string> = {
    missing: (r) => (r.internship.missing ?? 0) + (r.teacher.missing ?? 0),
    name: (r) => r.name,
    city: (r) => r.cityCode,
    staff: (r) => r.staffCount ?? -1,
    internship: (r) => (r.internship.required ? r.internship.posts / r.internship.required : -1),
    teacher: (r) => (r.teacher.required ? r.teacher.posts / r.teacher.required : -1),
  }
  const desc = options.desc ?? sort === 'missing'
  const by = key[sort]!
  list.sort((a, b) => {
    const x = by(a)
    const y = by(b)
    const order = typeof x === 'string' ? x.localeCompare(y as string, 'zh-CN') : x - (y as number)
    return (desc ? -order : order) || a.id - b.id
  })
  return { year, thresholds: { internship, teacher }, sort, desc, totals, rows: list }
}
