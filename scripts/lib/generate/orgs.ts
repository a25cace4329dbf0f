import { cityByCode, clusterByCode, generateCreditCode, orgKindByCode, taxonomy, type VerificationState } from '../../../db/reference'
import { DEMO_ACCOUNTS, personName, type OrgProfile } from '../../../db/seed'
import { CLUSTER_CITIES, generateEnterprises } from '../../../db/seed/enterprises'
import { GOVERNMENT_UNITS, INSTITUTIONS } from '../../../db/seed/institutions'
import { CLUSTER_FRAGMENTS } from '../../../db/seed/listing-templates'
import type { Random } from '../../../db/seed/random'
import type { BulkLoader } from './copy'
import {
  CITY_WEIGHTS,
  clustersOfCity,
  LEVEL_OF_KIND,
  listedInstitutions,
  majorsAt,
  RESEARCH_INSTITUTES_PER_ORG,
  SECONDARY_SCHOOLS_PER_ORG,
  VERIFICATION,
} from './distributions'

const DAY = 86_400_000
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY)
const cityShort = (code: string) => cityByCode.get(code)!.name.replace(/市$/, '')

/** What later phases need of an organisation; its user (the contact, an admin member) has the same id. */
export type GenOrg = OrgProfile & {
  technicalPosts: number | null
  description: string
  address: string
  verifiedAt: Date | null
  contactName: string
  contactEmail: string | null
}

type Draft = Omit<GenOrg, 'id' | 'readyAt' | 'createdAt' | 'verifiedAt' | 'verification' | 'contactName' | 'contactEmail'> & {
  verification?: VerificationState
  creditPrefix: '91' | '12' | '52' | '11'
}

function institutionDrafts(rand: Random): Draft[] {
  const rich = new Map(INSTITUTIONS.map((i) => [i.name, i]))
  const listed = listedInstitutions().filter((l) => !rich.has(l.name))
  const describe = (name: string, kind: string, city: string, priv: boolean, students: number, majors: string[], clusters: string[]) =>
    `${name}是位于${cityByCode.get(city)!.name}的${priv ? '民办' : ''}${orgKindByCode.get(kind)!.name}${students && kind !== 'research_institute' ? `，全日制在校生约 ${students.toLocaleString('zh-CN')} 人` : ''}，${kind === 'research_institute' ? '研究方向包括' : '开设'}${majors.slice(0, 4).join('、')}等${kind === 'research_institute' ? '' : '专业'}。重点服务${clusters.map((c) => clusterByCode.get(c)!.name).join('、')}等产业集群。本平台中的联系人、联系方式和统一社会信用代码均为生成的演示数据。`
  const fromSeed = INSTITUTIONS.map((i) => ({
    kind: i.kind,
    name: i.name,
    shortName: i.name,
    cityCode: i.city,
    clusters: i.clusters,
    majors: i.majors,
    staff: 0,
    technicalPosts: null,
    students: i.students ?? 0,
    description: describe(i.name, i.kind, i.city, !!i.private, i.students ?? 0, i.majors, i.clusters),
    address: `${cityByCode.get(i.city)!.name}（以学校公布的地址为准）`,
    creditPrefix: i.name.endsWith('有限公司') ? ('91' as const) : i.private ? ('52' as const) : ('12' as const),
  }))
  // Listed on the Ministry's 2025 list but without a profile in the demo seed: majors at their level, clusters of their city.
  const fromList = listed.map((l) => {
    const clusters = [...new Set([rand.weighted(clustersOfCity(l.city)), rand.weighted(clustersOfCity(l.city))])]
    const level = LEVEL_OF_KIND[l.kind]!
    const fromClusters = clusters.flatMap((c) => (level === '本科' ? CLUSTER_FRAGMENTS[c]!.ugMajors : CLUSTER_FRAGMENTS[c]!.vocMajors))
    const majors = rand.sample([...new Set(fromClusters.length ? fromClusters : majorsAt(level))], rand.int(4, 8))
    const students = l.kind === 'undergrad' ? rand.int(8, 30) * 1000 : rand.int(4, 16) * 1000
    return {
      kind: l.kind,
      name: l.name,
      shortName: l.name,
      cityCode: l.city,
      clusters,
      majors,
      staff: 0,
      technicalPosts: null,
      students,
      description: describe(l.name, l.kind, l.city, l.private, students, majors, clusters),
      address: `${cityByCode.get(l.city)!.name}（以学校公布的地址为准）`,
      creditPrefix: l.private ? ('52' as const) : ('12' as const),
    }
  })
  return [...fromSeed, ...fromList]
}

const SCHOOL_FORMS = [
  '职业中学校',
  '职业技术学校',
  '高级技工学校',
  '工业学校',
  '交通学校',
  '卫生学校',
  '商贸学校',
  '机电工程学校',
  '建筑工程学校',
]
const ORDINALS = ['第一', '第二', '第三', '第四', '第五', '第六']

/** Secondary vocational schools beyond the demo's few, in cities by population, named the way such schools are. */
function secondarySchoolDrafts(rand: Random, count: number, names: Set<string>): Draft[] {
  const secondary = majorsAt('中职')
  return Array.from({ length: count }, () => {
    const city = rand.weighted(CITY_WEIGHTS)
    let name = ''
    for (let n = 0; !name || names.has(name); n++) {
      const form = rand.pick(SCHOOL_FORMS)
      name = `${cityByCode.get(city)!.name}${form === '职业中学校' || n > 3 ? ORDINALS[(n + rand.int(0, 5)) % ORDINALS.length]! : ''}${n > 8 ? n : ''}${form}（示例）`
    }
    names.add(name)
    const clusters = [rand.weighted(clustersOfCity(city))]
    const majors = rand.sample([...secondary, ...CLUSTER_FRAGMENTS[clusters[0]!]!.vocMajors], rand.int(3, 6))
    const students = rand.int(8, 40) * 100
    return {
      kind: 'vocational_secondary',
      name,
      shortName: name.replace('（示例）', ''),
      cityCode: city,
      clusters,
      majors,
      staff: 0,
      technicalPosts: null,
      students,
      description: `${name}是${cityByCode.get(city)!.name}的公办中等职业学校（生成的示例数据），在校生约 ${students.toLocaleString('zh-CN')} 人，开设${majors.slice(0, 3).join('、')}等专业，与本地${clusterByCode.get(clusters[0]!)!.name}企业开展认知实习和跟岗实习。`,
      address: `${cityByCode.get(city)!.name}（生成的示例地址）`,
      creditPrefix: '12' as const,
    }
  })
}

function researchInstituteDrafts(rand: Random, count: number, names: Set<string>): Draft[] {
  return Array.from({ length: count }, (_, i) => {
    const cluster = taxonomy.clusters[i % taxonomy.clusters.length]!
    const city = rand.weighted(CLUSTER_CITIES[cluster.code]!)
    let name = ''
    for (let n = 0; !name || names.has(name); n++)
      name = `山西${cityShort(city)}${cluster.short}${rand.pick(['技术研究所', '工程技术研究中心', '产业技术研究院'])}${n > 2 ? `第${n}分院` : ''}（示例）`
    names.add(name)
    const majors = rand.sample(CLUSTER_FRAGMENTS[cluster.code]!.ugMajors, 3)
    return {
      kind: 'research_institute',
      name,
      shortName: name.replace('（示例）', ''),
      cityCode: city,
      clusters: [cluster.code],
      majors,
      staff: 0,
      technicalPosts: null,
      students: 0,
      description: `${name}（生成的示例数据）面向${cluster.name}开展${cluster.keywords.slice(0, 3).join('、')}方向的应用研究与技术服务。`,
      address: `${cityByCode.get(city)!.name}（生成的示例地址）`,
      creditPrefix: '12' as const,
    }
  })
}

/**
 * Every listed institution, the government offices of the demo, generated secondary schools and research
 * institutes in proportion, and enterprises for the rest (the demo's cluster shares, cluster geography and
 * staff sizes). Ids run from 1 in this order; the first enterprise and first listed college carry the demo
 * sign-ins so people can look at the generated data as the demo accounts.
 */
export function planOrganisations(rand: Random, total: number, today: Date): GenOrg[] {
  const names = new Set<string>()
  const institutions = institutionDrafts(rand)
  institutions.forEach((i) => names.add(i.name))
  const schools = secondarySchoolDrafts(rand, Math.round(total * SECONDARY_SCHOOLS_PER_ORG), names)
  const institutes = researchInstituteDrafts(rand, Math.round(total * RESEARCH_INSTITUTES_PER_ORG), names)
  const offices: Draft[] = GOVERNMENT_UNITS.map((g) => ({
    kind: 'government',
    name: g.name,
    shortName: g.name,
    cityCode: g.city,
    clusters: g.clusters,
    majors: [],
    staff: 0,
    technicalPosts: null,
    students: 0,
    description: `${g.description}（演示账号，联系人与联系方式为虚构。）`,
    address: `${cityByCode.get(g.city)!.name}（以部门公布的地址为准）`,
    creditPrefix: '11',
    verification: 'verified',
  }))
  const enterpriseCount = Math.max(28, total - institutions.length - schools.length - institutes.length - offices.length)
  const enterprises: Draft[] = generateEnterprises(rand, enterpriseCount).map((e) => ({
    kind: 'enterprise',
    name: e.name,
    shortName: e.shortName,
    cityCode: e.city,
    clusters: e.clusters,
    majors: e.majors,
    staff: e.staff,
    technicalPosts: e.technicalPosts,
    students: 0,
    description: e.description,
    address: e.address,
    creditPrefix: '91',
  }))
  const start = addDays(today, -3 * 365)
  const codes = new Set<string>()
  const drafts = [...enterprises, ...institutions, ...schools, ...institutes, ...offices]
  const orgs = drafts.map((d, i): GenOrg => {
    const verification: VerificationState = d.verification ?? (d.kind === 'enterprise' ? rand.weighted(VERIFICATION) : 'verified')
    // Institutions and offices joined at launch; enterprises kept arriving, the unverified ones recently.
    const createdAt =
      d.kind !== 'enterprise'
        ? rand.between(addDays(start, -30), addDays(start, 90))
        : verification === 'verified'
          ? rand.between(start, addDays(today, -20))
          : rand.between(addDays(today, -150), addDays(today, -1))
    const verifiedAt =
      verification === 'verified' ? new Date(Math.min(addDays(createdAt, rand.int(1, 14)).getTime(), addDays(today, -1).getTime())) : null
    let creditCode = ''
    while (!creditCode || codes.has(creditCode))
      creditCode = generateCreditCode(rand.next, { cityCode: d.cityCode, prefix: d.creditPrefix })
    codes.add(creditCode)
    return {
      ...d,
      id: i + 1,
      verification,
      createdAt,
      verifiedAt,
      readyAt: verifiedAt ?? createdAt,
      contactName: personName(rand),
      contactEmail: null,
      creditCode,
    } as GenOrg & { creditCode: string }
  })
  const firstEnterprise = orgs.find((o) => o.kind === 'enterprise' && o.verification === 'verified')
  const firstCollege = orgs.find((o) => o.kind === 'vocational_higher')
  if (firstEnterprise) firstEnterprise.contactEmail = DEMO_ACCOUNTS.enterprise
  if (firstCollege) firstCollege.contactEmail = DEMO_ACCOUNTS.college
  const unverified = orgs.find((o) => o.kind === 'enterprise' && o.verification === 'unverified')
  if (unverified) unverified.contactEmail = DEMO_ACCOUNTS.unverified
  return orgs
}

const REJECTION_NOTE = '营业执照扫描件模糊，无法辨认统一社会信用代码，请重新上传清晰的彩色扫描件。'

/** Government users, each scoped like the demo's: province, Taiyuan and every regional group, and the platform admin. */
function governmentUsers() {
  return [
    { email: DEMO_ACCOUNTS.platformAdmin, name: '平台管理员（演示）', platformRole: 'admin', scope: null },
    { email: DEMO_ACCOUNTS.province, name: '省级演示用户', platformRole: 'user', scope: ['province', 'shanxi'] },
    { email: DEMO_ACCOUNTS.taiyuan, name: '太原市演示用户', platformRole: 'user', scope: ['city', 'taiyuan'] },
    ...taxonomy.regions.groups.map((g) => ({
      email: DEMO_ACCOUNTS.regions[g.code]!,
      name: `${g.name}演示用户`,
      platformRole: 'user',
      scope: ['region', g.code],
    })),
  ] as const
}

export async function writeOrganisations(
  loader: BulkLoader,
  orgs: GenOrg[],
  { passwordHash, today, onProgress }: { passwordHash: string; today: Date; onProgress: (done: number) => void },
) {
  const [o, oc, u, m] = await Promise.all([
    loader.open('organisations', [
      'id',
      'kind',
      'name',
      'credit_code',
      'city_code',
      'address',
      'description',
      'staff_count',
      'technical_post_count',
      'student_count',
      'majors',
      'contact_name',
      'contact_phone',
      'contact_email',
      'verification',
      'verification_note',
      'verified_at',
      'is_demo',
      'created_at',
      'updated_at',
    ]),
    loader.open('organisation_clusters', ['organisation_id', 'cluster_code']),
    loader.open('users', [
      'id',
      'email',
      'name',
      'password_hash',
      'platform_role',
      'gov_scope_type',
      'gov_scope_code',
      'created_at',
      'email_confirmed_at',
    ]),
    loader.open('memberships', ['user_id', 'organisation_id', 'role', 'created_at']),
  ])
  for (const org of orgs as (GenOrg & { creditCode: string })[]) {
    const email = org.contactEmail ?? `contact+${org.id}@gen.jcj.example.cn`
    await o.write([
      org.id,
      org.kind,
      org.name,
      org.creditCode,
      org.cityCode,
      org.address,
      org.description,
      org.kind === 'enterprise' ? org.staff : null,
      org.technicalPosts,
      org.students || null,
      org.majors,
      org.contactName,
      `199${String(org.id).padStart(8, '0')}`,
      email,
      org.verification,
      org.verification === 'rejected' ? REJECTION_NOTE : null,
      org.verifiedAt,
      true,
      org.createdAt,
      org.verifiedAt ?? org.createdAt,
    ])
    for (const cluster of org.clusters) await oc.write([org.id, cluster])
    await u.write([
      org.id,
      email,
      org.contactName,
      org.contactEmail ? passwordHash : null,
      'user',
      null,
      null,
      org.createdAt,
      org.createdAt,
    ])
    await m.write([org.id, org.id, 'admin', org.createdAt])
    if (org.id % 1000 === 0) onProgress(org.id)
  }
  const launch = addDays(today, -3 * 365 - 30)
  const govUsers = governmentUsers()
  for (const [k, g] of govUsers.entries())
    await u.write([
      orgs.length + k + 1,
      g.email,
      g.name,
      passwordHash,
      g.platformRole,
      g.scope?.[0] ?? null,
      g.scope?.[1] ?? null,
      launch,
      launch,
    ])
  await Promise.all([o.end(), oc.end(), u.end(), m.end()])
  onProgress(orgs.length)
  return { users: orgs.length + govUsers.length }
}
