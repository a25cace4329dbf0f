import { hash } from '@node-rs/argon2'
import { sql } from 'drizzle-orm'
import type { Database } from '../client'
import { generateCreditCode } from '../reference'
import { enqueueSearchSync } from '../outbox'
import {
  listingClusters,
  listings,
  matchEvents,
  matchProposals,
  matches,
  memberships,
  organisationClusters,
  organisations,
  users,
  type ListingStatus,
  type MatchStage,
  type VerificationState,
} from '../schema'
import { isDatabaseEmpty } from './empty'
import { seedPlatforms } from './platforms'
import { cityByCode, clusterByCode, orgKindByCode, regionOfCity, taxonomy } from '../reference'
import { generateEnterprises } from './enterprises'
import { GOVERNMENT_UNITS, INSTITUTIONS } from './institutions'
import { draftListing, RELATED_CLUSTERS } from './listing-templates'
import { storyFor, type Story } from './match-stories'
import { twoSidedPartner, type Side } from './preferences'
import { createRandom, type Random } from './random'

/** Fixed seed: 晋政办发〔2018〕38号 was issued on 2018-04-20. Same seed and day, same data. */
const SEED = 20_180_420
export const DEMO_PASSWORD = 'Jinchanjiao2026'

/** Accounts a newcomer can sign in with (password DEMO_PASSWORD). Other demo contacts have no password. */
export const DEMO_ACCOUNTS = {
  platformAdmin: 'admin@demo.jcj.example.cn',
  enterprise: 'enterprise@demo.jcj.example.cn',
  college: 'college@demo.jcj.example.cn',
  unverified: 'unverified@demo.jcj.example.cn',
  province: 'gov-province@demo.jcj.example.cn',
  taiyuan: 'gov-taiyuan@demo.jcj.example.cn',
  regions: Object.fromEntries(taxonomy.regions.groups.map((g) => [g.code, `gov-${g.code}@demo.jcj.example.cn`])) as Record<string, string>,
}
const DEMO_ENTERPRISE = '晋中示例煤机装备有限公司'
const DEMO_COLLEGE = '山西职业技术学院'

export type SeedSummary = { organisations: number; listings: number; matches: number; users: number }
export type SeedOptions = {
  db: Database
  onProgress?: (step: string, done: number, total: number) => void
  /** Multiplies enterprises, listings and matches (institutions are always all present). Default 1. */
  scale?: number
  /** Wipe organisations, users, listings, matches and the outbox first, instead of refusing a non-empty database. */
  force?: boolean
  /** The "today" that date windows are relative to (default: now). Content never depends on the clock otherwise. */
  now?: Date
}

export { isDatabaseEmpty }

const DAY = 86_400_000
const HOUR = 3_600_000
const CHUNK = 500
const isoDay = (d: Date) => d.toISOString().slice(0, 10)
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY)
const maxDate = (...dates: Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())))
const minDate = (...dates: Date[]) => new Date(Math.min(...dates.map((d) => d.getTime())))

async function inChunks<T>(items: T[], size: number, each: (chunk: T[], done: number) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await each(items.slice(i, i + size), Math.min(i + size, items.length))
}

// ── People ───────────────────────────────────────────────────────────────────

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '郭',
  '任',
  '武',
  '贾',
  '郝',
  '牛',
  '阎',
  '薛',
  '梁',
  '韩',
  '程',
  '田',
  '孟',
  '乔',
  '段',
  '常',
  '范',
  '冯',
  '高',
  '侯',
  '吕',
  '温',
  '卫',
  '霍',
  '裴',
  '柴',
  '史',
  '秦',
  '申',
]
const GIVEN = [
  '建国',
  '丽娜',
  '志强',
  '晓燕',
  '海峰',
  '文静',
  '俊杰',
  '雅琴',
  '国华',
  '红梅',
  '鹏飞',
  '慧敏',
  '宏伟',
  '晓东',
  '亚楠',
  '振华',
  '瑞',
  '敏',
  '磊',
  '静',
  '涛',
  '婷',
  '军',
  '芳',
  '浩然',
  '思远',
  '嘉怡',
  '晋生',
  '汾生',
  '佳琪',
  '志刚',
  '秀英',
  '利民',
  '晓峰',
  '雪梅',
  '永强',
  '春燕',
  '卫东',
  '玉兰',
  '子涵',
]
export const personName = (rand: Random) => rand.pick(SURNAMES) + rand.pick(GIVEN)

// ── Organisations ────────────────────────────────────────────────────────────

type OrgPlan = {
  row: typeof organisations.$inferInsert
  clusters: string[]
  shortName: string
  contactName: string
  contactEmail?: string
}

/** What the listing and match planners need of an organisation, in the demo seed and in the generator. */
export type OrgProfile = {
  id: number
  kind: string
  name: string
  shortName: string
  cityCode: string
  clusters: string[]
  majors: string[]
  staff: number
  students: number
  verification: VerificationState
  /** When the organisation could first publish: verification, else registration. */
  readyAt: Date
  createdAt: Date
}

type Org = OrgProfile & { userId: number }

const REJECTION_NOTES = [
  '营业执照扫描件模糊，无法辨认统一社会信用代码，请重新上传清晰的彩色扫描件。',
  '上传的证明材料与机构名称不一致，请上传本机构的营业执照或法人证书。',
  '缺少加盖公章的平台使用授权书，请补充后重新提交。',
]

function planOrganisations(rand: Random, scale: number, today: Date): OrgPlan[] {
  const start = addDays(today, -3 * 365)
  const plans: OrgPlan[] = []

  for (const inst of INSTITUTIONS) {
    const city = cityByCode.get(inst.city)!
    const createdAt = rand.between(addDays(start, -30), addDays(start, 90))
    const verified = rand.chance(0.95)
    const verifiedAt = verified ? addDays(createdAt, rand.int(1, 10)) : null
    const kindName = orgKindByCode.get(inst.kind)!.name
    const clusterNames = inst.clusters.map((c) => clusterByCode.get(c)!.name)
    const prefix = inst.name.endsWith('有限公司') ? '91' : inst.private ? '52' : '12'
    plans.push({
      row: {
        kind: inst.kind,
        name: inst.name,
        creditCode: generateCreditCode(rand.next, { cityCode: inst.city, prefix }),
        cityCode: inst.city,
        address: `${city.name}（以${inst.kind === 'research_institute' ? '单位' : '学校'}公布的地址为准）`,
        description: [
          `${inst.name}是位于${city.name}的${inst.private ? '民办' : ''}${kindName}${inst.students && inst.kind !== 'research_institute' ? `，全日制在校生约 ${inst.students.toLocaleString('zh-CN')} 人` : ''}，${inst.kind === 'research_institute' ? '研究方向包括' : '开设'}${inst.majors.slice(0, 4).join('、')}等${inst.kind === 'research_institute' ? '' : '专业'}。`,
          `重点服务${clusterNames.join('、')}等产业集群。`,
          '本平台中的联系人、联系方式和统一社会信用代码均为演示数据。',
        ].join(''),
        studentCount: inst.students ?? null,
        majors: inst.majors,
        verification: verified ? 'verified' : 'pending',
        verifiedAt,
        isDemo: true,
        createdAt,
        updatedAt: verifiedAt ?? createdAt,
      },
      clusters: inst.clusters,
      shortName: inst.name,
      contactName: personName(rand),
    })
  }

  const enterprises = generateEnterprises(rand, Math.max(28, Math.round(320 * scale)))
  const entPlans: OrgPlan[] = enterprises.map((e) => {
    const verification: VerificationState =
      e.name === DEMO_ENTERPRISE
        ? 'verified'
        : rand.weighted([
            ['verified', 83],
            ['pending', 8],
            ['unverified', 9],
          ] as const)
    const createdAt =
      verification === 'verified'
        ? rand.chance(0.55)
          ? rand.between(start, addDays(start, 180))
          : rand.between(start, addDays(today, -20))
        : rand.between(addDays(today, -150), addDays(today, -1))
    const verifiedAt = verification === 'verified' ? minDate(addDays(createdAt, rand.int(1, 14)), addDays(today, -1)) : null
    return {
      row: {
        kind: 'enterprise',
        name: e.name,
        creditCode: generateCreditCode(rand.next, { cityCode: e.city, prefix: '91' }),
        cityCode: e.city,
        address: e.address,
        description: e.description,
        staffCount: e.staff,
        technicalPostCount: e.technicalPosts,
        majors: e.majors,
        verification,
        verifiedAt,
        isDemo: true,
        createdAt,
        updatedAt: verifiedAt ?? createdAt,
      },
      clusters: e.clusters,
      shortName: e.shortName,
      contactName: personName(rand),
    }
  })
  // A few rejected registrations, with the reason the organisation sees.
  const notVerified = entPlans.filter((p) => p.row.verification !== 'verified')
  rand.sample(notVerified, Math.min(3, Math.max(0, notVerified.length - 1))).forEach((p, i) => {
    p.row.verification = 'rejected'
    p.row.verificationNote = REJECTION_NOTES[i % REJECTION_NOTES.length]
  })
  // The unverified demo account needs an unverified enterprise.
  const unverified = entPlans.find((p) => p.row.verification === 'unverified') ?? entPlans[entPlans.length - 1]!
  if (unverified.row.verification !== 'unverified')
    Object.assign(unverified.row, { verification: 'unverified', verifiedAt: null, verificationNote: null })
  unverified.contactEmail = DEMO_ACCOUNTS.unverified
  entPlans.find((p) => p.row.name === DEMO_ENTERPRISE)!.contactEmail = DEMO_ACCOUNTS.enterprise
  plans.find((p) => p.row.name === DEMO_COLLEGE)!.contactEmail = DEMO_ACCOUNTS.college
  plans.find((p) => p.row.name === DEMO_COLLEGE)!.row.verification = 'verified'
  plans.find((p) => p.row.name === DEMO_COLLEGE)!.row.verifiedAt ??= addDays(start, 30)
  plans.push(...entPlans)

  for (const g of GOVERNMENT_UNITS) {
    const createdAt = rand.between(addDays(start, -30), start)
    plans.push({
      row: {
        kind: 'government',
        name: g.name,
        creditCode: generateCreditCode(rand.next, { cityCode: g.city, prefix: '11' }),
        cityCode: g.city,
        address: `${cityByCode.get(g.city)!.name}（以部门公布的地址为准）`,
        description: `${g.description}（演示账号，联系人与联系方式为虚构。）`,
        verification: 'verified',
        verifiedAt: addDays(createdAt, 1),
        isDemo: true,
        createdAt,
        updatedAt: addDays(createdAt, 1),
      },
      clusters: g.clusters,
      shortName: g.name,
      contactName: personName(rand),
    })
  }
  plans.forEach((p, i) => {
    p.row.contactName = p.contactName
    p.row.contactPhone = `1990000${String(i + 1).padStart(4, '0')}` // 199 0000 xxxx: visibly fake, still a valid pattern
  })
  return plans
}

// ── Listings ─────────────────────────────────────────────────────────────────

export type Type = 'internship' | 'teacher_practice' | 'joint_lab' | 'industry_college' | 'tech_transfer'
type Direction = 'need' | 'offer'

export const TYPE_WEIGHTS: Record<string, [Type, number][]> = {
  enterprise: [
    ['internship', 34],
    ['teacher_practice', 20],
    ['tech_transfer', 24],
    ['joint_lab', 11],
    ['industry_college', 11],
  ],
  undergrad: [
    ['internship', 22],
    ['teacher_practice', 6],
    ['tech_transfer', 36],
    ['joint_lab', 22],
    ['industry_college', 14],
  ],
  vocational_undergrad: [
    ['internship', 30],
    ['teacher_practice', 16],
    ['tech_transfer', 16],
    ['joint_lab', 16],
    ['industry_college', 22],
  ],
  vocational_higher: [
    ['internship', 38],
    ['teacher_practice', 24],
    ['tech_transfer', 8],
    ['joint_lab', 10],
    ['industry_college', 20],
  ],
  vocational_secondary: [
    ['internship', 60],
    ['teacher_practice', 30],
    ['industry_college', 10],
  ],
  research_institute: [
    ['tech_transfer', 60],
    ['joint_lab', 40],
  ],
}

/** Enterprises offer posts and need solutions; colleges need posts and offer results; both propose labs and industry colleges. */
export function directionFor(rand: Random, kind: string, type: Type): Direction {
  const enterprise = kind === 'enterprise'
  switch (type) {
    case 'internship':
      return enterprise ? 'offer' : rand.chance(0.06) ? 'offer' : 'need'
    case 'teacher_practice':
      return enterprise ? 'offer' : 'need'
    case 'tech_transfer':
      return enterprise ? (rand.chance(0.8) ? 'need' : 'offer') : rand.chance(0.88) ? 'offer' : 'need'
    case 'joint_lab':
      return rand.chance(kind === 'research_institute' ? 0.65 : 0.5) ? 'offer' : 'need'
    default:
      return rand.chance(enterprise ? 0.55 : 0.45) ? 'offer' : 'need'
  }
}

/** How long a cooperation of each type runs, in days. */
export function durationDays(rand: Random, type: Type) {
  switch (type) {
    case 'internship':
      return rand.pick([60, 90, 120, 150, 180])
    case 'teacher_practice':
      return rand.pick([30, 45, 60, 90, 120])
    case 'joint_lab':
      return 365 * rand.pick([2, 3, 3, 5])
    case 'industry_college':
      return 365 * rand.pick([3, 3, 4])
    default:
      return rand.int(90, 540)
  }
}

type ListingPlan = {
  row: typeof listings.$inferInsert
  clusters: string[]
  owner: Org
}

export function cumulative(weights: number[]) {
  const acc: number[] = []
  weights.reduce((s, w, i) => (acc[i] = s + w), 0)
  return acc
}
export function pickCumulative<T>(rand: Random, items: T[], acc: number[]): T {
  const r = rand.next() * acc[acc.length - 1]!
  let lo = 0
  let hi = acc.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (acc[mid]! > r) hi = mid
    else lo = mid + 1
  }
  return items[lo]!
}

function planListings(rand: Random, orgs: Org[], total: number, today: Date): ListingPlan[] {
  const start = addDays(today, -3 * 365)
  const owners = orgs.filter((o) => o.kind !== 'government')
  const weightOf = (o: Org) =>
    (o.verification === 'verified' ? 1 : 0.3) *
    (o.kind === 'enterprise' ? 1 + Math.min(o.staff, 6000) / 2500 : o.kind === 'research_institute' ? 3 : 3 + o.students / 5000)
  const acc = cumulative(owners.map(weightOf))
  const verifiedOwners = owners.filter((o) => o.verification === 'verified')

  // The first picks guarantee every cluster, city and type appears even at small scales.
  const choose = (test: (o: Org) => boolean) => {
    const fitting = verifiedOwners.filter(test)
    return rand.pick(fitting.length ? fitting : owners.filter(test))
  }
  const forced: { org: Org; cluster?: string; type?: Type }[] = [
    ...taxonomy.clusters.map((c) => ({ org: choose((o) => o.clusters.includes(c.code)), cluster: c.code })),
    ...taxonomy.regions.cities.map((c) => ({ org: choose((o) => o.cityCode === c.code) })),
    ...(['internship', 'teacher_practice', 'joint_lab', 'industry_college', 'tech_transfer'] as const).map((t) => ({
      org: choose((o) => TYPE_WEIGHTS[o.kind]!.some(([k]) => k === t)),
      type: t,
    })),
  ]
  const plans: ListingPlan[] = []
  const sequence = new Map<number, number>()
  for (let i = 0; i < total; i++) {
    const f = forced[i]
    const org = f?.org ?? pickCumulative(rand, owners, acc)
    const type = f?.type ?? rand.weighted(TYPE_WEIGHTS[org.kind]!)
    const direction = directionFor(rand, org.kind, type)
    const cluster = f?.cluster ?? (rand.chance(0.7) ? org.clusters[0]! : rand.pick(org.clusters))
    const extra = rand.chance(0.15) ? (RELATED_CLUSTERS[cluster] ?? []).filter((c) => c !== cluster) : []
    const clusters = extra.length ? [cluster, rand.pick(extra)] : [cluster]
    const region = regionOfCity.get(org.cityCode)!
    const cityCode =
      rand.chance(0.88) || region.cities.length === 1 ? org.cityCode : rand.pick(region.cities.filter((c) => c !== org.cityCode))
    let status: ListingStatus =
      org.verification === 'verified'
        ? rand.weighted([
            ['published', 84],
            ['draft', 3],
            ['paused', 3],
            ['closed', 5],
            ['expired', 5],
          ] as const)
        : 'draft'

    // Dates: live listings run into the future, expired ones ended, closed ones anywhere in the three years.
    const duration = durationDays(rand, type)
    const earliest = maxDate(org.readyAt, start)
    if ((status === 'closed' || status === 'expired') && earliest > addDays(today, -150)) status = 'published' // too new to have ended
    const latest = addDays(today, -1)
    let created: Date
    let starts: Date
    let ends: Date
    if (status === 'published' || status === 'paused') {
      starts = rand.between(maxDate(earliest, addDays(today, -0.6 * duration)), addDays(today, rand.int(10, 200)))
      created = minDate(latest, maxDate(earliest, addDays(starts, -rand.int(7, 90))))
      if (starts < created) starts = addDays(created, rand.int(3, 30))
      ends = addDays(starts, duration)
      if (ends < addDays(today, 7)) ends = addDays(today, rand.int(14, 120))
    } else if (status === 'draft') {
      created = rand.between(maxDate(earliest, addDays(today, -120)), latest)
      starts = addDays(created, rand.int(14, 120))
      ends = addDays(starts, duration)
    } else {
      const lastCreated = status === 'expired' ? addDays(today, -duration - 30) : addDays(today, -30)
      created = rand.between(earliest, maxDate(earliest, lastCreated))
      starts = addDays(created, rand.int(7, 60))
      ends = addDays(starts, duration)
      if (status === 'expired' && ends >= today) {
        ends = addDays(today, -rand.int(1, 60))
        if (starts > ends) starts = addDays(ends, -Math.min(duration, 30))
      }
    }
    const publishedAt = status === 'draft' ? null : minDate(latest, addDays(created, rand.int(0, 3)))
    const updatedAt =
      status === 'closed' || status === 'expired' || status === 'paused'
        ? minDate(today, maxDate(publishedAt!, status === 'expired' ? addDays(ends, 1) : rand.between(publishedAt!, minDate(today, ends))))
        : (publishedAt ?? created)

    const startsOn = isoDay(starts)
    const endsOn = isoDay(ends)
    const text = listingText({ rand, type, direction, cluster, owner: org, cityCode, startsOn, endsOn, sequence, prefix: 'JCJ', created })
    plans.push({
      owner: org,
      clusters,
      row: {
        organisationId: org.id,
        direction,
        type,
        title: text.title,
        description: text.description,
        cityCode,
        capacity: text.capacity,
        startsOn,
        endsOn,
        details: text.details,
        majors: text.majors,
        status,
        reference: text.reference,
        createdByUserId: org.userId,
        publishedAt,
        createdAt: created,
        updatedAt,
      },
    })
  }
  return plans
}

/**
 * A listing's text as the demo seed and the generator store it: the template's title and description cut to
 * the columns' limits, its own majors (searched, faceted) from its type's details, and the owner's next reference.
 */
export function listingText(options: {
  rand: Random
  type: Type
  direction: 'need' | 'offer'
  cluster: string
  owner: { id: number; name: string; shortName: string; kind: string; majors: string[] }
  cityCode: string
  startsOn: string
  endsOn: string
  sequence: Map<number, number>
  prefix: string
  created: Date
}) {
  const { owner, sequence } = options
  const draft = draftListing(options.type, options.direction, {
    rand: options.rand,
    cluster: options.cluster,
    org: { name: owner.name, shortName: owner.shortName, kind: owner.kind, majors: owner.majors },
    cityCode: options.cityCode,
    startsOn: options.startsOn,
    endsOn: options.endsOn,
  })
  const seq = (sequence.get(owner.id) ?? 0) + 1
  sequence.set(owner.id, seq)
  return {
    title: draft.title.slice(0, 80),
    description: draft.description.slice(0, 5000),
    capacity: draft.capacity,
    details: draft.details,
    majors: Array.isArray(draft.details.majors) ? (draft.details.majors as string[]) : [],
    reference: `${options.prefix}-${options.created.getUTCFullYear()}-${String(seq).padStart(5, '0')}`,
  }
}

// ── Matches ──────────────────────────────────────────────────────────────────

export const STAGE_WEIGHTS: [MatchStage, number][] = [
  ['contact', 12],
  ['negotiation', 14],
  ['signed', 14],
  ['in_progress', 20],
  ['completed', 28],
  ['terminated', 12],
]
const FORWARD: MatchStage[] = ['contact', 'negotiation', 'signed', 'in_progress', 'completed']

const COLLEGE_KINDS = new Set(['undergrad', 'vocational_undergrad', 'vocational_higher', 'vocational_secondary'])
/** Which kinds of partner fit a listing of this type owned by this kind. */
export function partnerKinds(ownerKind: string, type: Type): Set<string> {
  if (ownerKind !== 'enterprise') return new Set(['enterprise'])
  if (type === 'joint_lab' || type === 'tech_transfer')
    return new Set(['undergrad', 'vocational_undergrad', 'vocational_higher', 'research_institute'])
  return COLLEGE_KINDS
}

/**
 * A listing published long enough ago for a partnership to have gone through `path`: up to twelve listings are
 * tried (`pick`; none when the listing was forced), then the path is cut short until its gaps fit since publication.
 */
export function fitPath<L>(options: {
  rand: Random
  stage: MatchStage
  path: MatchStage[]
  listing: L
  pick: (() => L) | null
  type: (listing: L) => Type
  publishedAt: (listing: L) => Date
  today: Date
}) {
  const { rand, pick, today } = options
  let { stage, path, listing } = options
  let gaps: number[] = []
  let room = 0
  for (let tries = 0; tries < 12; tries++) {
    if (tries > 0 && pick) listing = pick()
    gaps = path.map((to, k) => (k === 0 ? 0 : gapDays(rand, options.type(listing), to)))
    room = (today.getTime() - options.publishedAt(listing).getTime()) / DAY - 2
    if (gaps.reduce((s, g) => s + g, 0) <= room) break
  }
  while (gaps.reduce((s, g) => s + g, 0) > room && path.length > 1) {
    // Still not enough time since publication for this far a stage: stop one stage earlier.
    path = path.slice(0, -1)
    gaps = gaps.slice(0, -1)
    stage = path[path.length - 1]!
  }
  return { stage, path, listing, gaps }
}

export function gapDays(rand: Random, type: Type, to: MatchStage): number {
  switch (to) {
    case 'negotiation':
      return rand.int(3, 25)
    case 'signed':
      return rand.int(7, 45)
    case 'in_progress':
      return rand.int(3, 40)
    case 'completed':
      return {
        internship: rand.int(60, 180),
        teacher_practice: rand.int(20, 90),
        joint_lab: rand.int(240, 700),
        industry_college: rand.int(300, 800),
        tech_transfer: rand.int(60, 300),
      }[type]
    case 'terminated':
      return rand.int(5, 90)
    default:
      return 0
  }
}

export function pathFor(rand: Random, stage: MatchStage): MatchStage[] {
  if (stage !== 'terminated') return FORWARD.slice(0, FORWARD.indexOf(stage) + 1)
  return [
    ...FORWARD.slice(
      0,
      rand.weighted([
        [1, 3],
        [2, 4],
        [3, 2],
        [4, 1],
      ] as const),
    ),
    'terminated',
  ]
}

export const STAGE_NOTES: Record<Exclude<MatchStage, 'contact'>, Record<Type | 'any', string[]>> = {
  negotiation: {
    internship: ['双方确认实习人数、岗位安排和实习补贴标准。', '学校带队教师赴企业实地查看宿舍、食堂和安全防护条件。'],
    teacher_practice: ['确定实践岗位、带教工程师和考核方式。', '企业提供实践任务清单，学校确认参加教师名单。'],
    joint_lab: ['就投入比例、知识产权归属和场地进行洽谈。', '双方技术负责人讨论研究方向与首年任务书。'],
    industry_college: ['商定专业方向、招生计划和课程共建分工。', '讨论订单班学生选拔方式和企业奖学金设置。'],
    tech_transfer: ['就技术指标、转化方式和价格进行磋商。', '企业提供现场数据，团队评估技术可行性。'],
    any: ['双方通过平台交换了合作方案草稿。'],
  },
  signed: {
    internship: ['签订三方实习协议并办理实习责任保险。'],
    teacher_practice: ['签订教师企业实践协议，明确安全与保密责任。'],
    joint_lab: ['签订联合实验室共建协议，约定知识产权共享办法。'],
    industry_college: ['签订产业学院共建协议，成立理事会。'],
    tech_transfer: ['签订技术合同，已在技术合同登记机构登记。'],
    any: ['合作协议经双方盖章生效。'],
  },
  in_progress: {
    internship: ['首批学生已到岗，企业指定带教师傅。', '学校带队教师完成月度巡查，学生反馈良好。'],
    teacher_practice: ['教师已进入企业车间开展实践。'],
    joint_lab: ['实验室挂牌，首批设备到位。', '召开项目启动会，双方团队进场。'],
    industry_college: ['首届订单班开班。', '企业工程师开始承担专业课教学。'],
    tech_transfer: ['技术团队驻厂开展中试。', '完成首轮现场试验，指标接近预期。'],
    any: ['项目按计划推进。'],
  },
  completed: {
    internship: ['实习结束，学生全部通过考核。', '实习期满，部分学生与企业签订就业意向。'],
    teacher_practice: ['教师完成实践并提交实践报告，企业出具证明。'],
    joint_lab: ['联合实验室通过阶段验收。'],
    industry_college: ['首届学生完成学徒岗位实践。'],
    tech_transfer: ['成果通过企业现场验收，合同款项已结清。'],
    any: ['合作完成，已提交成效报告。'],
  },
  terminated: {
    internship: ['因企业生产计划调整，本期实习取消。'],
    teacher_practice: ['教师教学任务冲突，双方同意延后至下一学期再议。'],
    joint_lab: ['双方对投入比例未能达成一致，协商终止。'],
    industry_college: ['招生计划未获批准，合作暂缓。'],
    tech_transfer: ['技术方案未达到企业要求，协商终止。'],
    any: ['双方协商一致终止合作。'],
  },
}

type MatchPlan = { row: typeof matches.$inferInsert; story: Story }

const sideOf = (o: Org): Side => ({
  id: o.id,
  kind: o.kind,
  cityCode: o.cityCode,
  clusters: o.clusters,
  majors: o.majors,
  staff: o.staff,
  students: o.students,
  verified: o.verification === 'verified',
})

function planMatches(rand: Random, orgs: Org[], listingPlans: (ListingPlan & { id: number })[], total: number, today: Date): MatchPlan[] {
  const verified = orgs.filter((o) => o.verification === 'verified' && o.kind !== 'government')
  const orgById = new Map(verified.map((o) => [o.id, o]))
  const live = listingPlans.filter((l) => l.row.status !== 'draft')
  // Listings that have been out longer, or were closed after finding partners, gather more matches.
  const ageDays = (l: ListingPlan) => Math.max(30, (today.getTime() - l.row.publishedAt!.getTime()) / DAY)
  const acc = cumulative(
    live.map((l) => ({ closed: 3, expired: 2, published: 1, paused: 0.5, draft: 0 })[l.row.status!] * Math.sqrt(ageDays(l))),
  )
  /** Each organisation's listings by type and direction, to link a counterpart listing. */
  const offers = new Map<string, (ListingPlan & { id: number })[]>()
  for (const l of live) {
    const key = `${l.row.organisationId}:${l.row.type}:${l.row.direction}`
    offers.set(key, [...(offers.get(key) ?? []), l])
  }
  const seen = new Set<string>()
  const plans: MatchPlan[] = []
  // The demo enterprise's listings draw several partners first (the demo college on the first one), so
  // whoever signs in as enterprise@ finds a real-looking 我的合作 list.
  const demoListings = live.filter((l) => l.owner.name === DEMO_ENTERPRISE)
  const demoEnterprise = verified.find((o) => o.name === DEMO_ENTERPRISE)
  // Without listings of its own (small scales), the demo enterprise reaches out to colleges' listings in its clusters.
  const demoAsks =
    demoListings.length || !demoEnterprise
      ? []
      : live
          .filter(
            (l) =>
              partnerKinds(l.owner.kind, l.row.type as Type).has('enterprise') &&
              l.clusters.some((c) => demoEnterprise.clusters.includes(c)),
          )
          .slice(0, 24)
  const forcedListings = demoAsks.length ? demoAsks : Array.from({ length: 6 }, () => demoListings).flat()
  const demoCollege = orgs.find((o) => o.name === DEMO_COLLEGE)
  // A forced listing is asked again (up to four times) when its proposals were all refused; the demo enterprise asks each once.
  let forcedAt = 0
  let forcedTries = 0
  for (let attempt = 0; plans.length < total && attempt < total * 5; attempt++) {
    if (forcedAt < forcedListings.length && forcedTries >= (demoAsks.length ? 1 : 4)) [forcedAt, forcedTries] = [forcedAt + 1, 0]
    // The stage first, then a listing published long enough ago for a partnership to get that far.
    let stage = rand.weighted(STAGE_WEIGHTS)
    let path = pathFor(rand, stage)
    const forced = forcedListings[forcedAt]
    if (forced) forcedTries++
    const fitted = fitPath({
      rand,
      stage,
      path,
      listing: forced ?? pickCumulative(rand, live, acc),
      pick: forced ? null : () => pickCumulative(rand, live, acc),
      type: (l) => l.row.type as Type,
      publishedAt: (l) => l.row.publishedAt!,
      today,
    })
    const { listing, gaps } = fitted
    stage = fitted.stage
    path = fitted.path
    const owner = listing.owner
    const type = listing.row.type as Type
    const kinds = partnerKinds(owner.kind, type)
    // Whom the two sides could pair with: organisations of a fitting kind in one of the listing's clusters or in its region,
    // already on the platform (verified) when the listing was published, so no partnership predates its partner.
    const region = regionOfCity.get(owner.cityCode)!.code
    const pool = verified.filter(
      (o) =>
        kinds.has(o.kind) &&
        o.id !== owner.id &&
        o.readyAt <= listing.row.publishedAt! &&
        (o.clusters.some((c) => listing.clusters.includes(c)) || regionOfCity.get(o.cityCode)!.code === region),
    )
    if (!pool.length) continue
    const asker = forced && demoAsks.length ? demoEnterprise : undefined
    const partnerInitiates = asker ? true : rand.chance(0.65)
    const facts = {
      cityCode: listing.row.cityCode!,
      clusters: listing.clusters,
      majors: listing.row.majors ?? [],
      capacity: listing.row.capacity ?? 1,
    }
    // The demo college takes the demo enterprise's first listing; every other partnership needs both sides to accept.
    const demoPair =
      forced &&
      demoCollege &&
      listing.id === demoListings[0]?.id &&
      pool.includes(demoCollege) &&
      !seen.has(`${listing.id}:${demoCollege.id}`)
    const asked = demoPair
      ? { partner: sideOf(demoCollege), refused: [] }
      : twoSidedPartner(rand, {
          listing: facts,
          owner: sideOf(owner),
          pool: pool.map(sideOf),
          partnerInitiates,
          exclude: (p) => seen.has(`${listing.id}:${p.id}`),
          asker: asker?.id,
        })
    // A story that ends at first contact is one of the refusals: the side asked declined.
    const declined = path.length === 2 && stage === 'terminated' && asked.refused.length > 0
    const partner = orgById.get((declined ? asked.refused[0] : asked.partner)?.id ?? 0)
    if (!partner) continue
    const key = `${listing.id}:${partner.id}`
    if (seen.has(key)) continue
    seen.add(key)
    const opposite = offers.get(`${partner.id}:${type}:${listing.row.direction === 'need' ? 'offer' : 'need'}`) ?? []
    const counterpart = opposite.find((l) => l.clusters.some((c) => listing.clusters.includes(c)))
    const initiator = partnerInitiates ? partner : owner
    const other = partnerInitiates ? owner : partner

    // Timeline: first contact after publication, each stage later than the one before, all before today.
    const published = listing.row.publishedAt!
    const span = gaps.reduce((s, g) => s + g, 0)
    const latestStart = minDate(
      addDays(today, -span - 1),
      listing.row.status === 'published' || listing.row.status === 'paused'
        ? today
        : addDays(new Date(`${listing.row.endsOn}T00:00:00Z`), 0),
    )
    const contactAt = rand.between(addDays(published, 1), maxDate(addDays(published, 1), minDate(latestStart, addDays(published, 240))))
    const times: Date[] = []
    path.forEach((_, k) => times.push(k === 0 ? contactAt : new Date(times[k - 1]!.getTime() + gaps[k]! * DAY + rand.int(1, 8) * HOUR)))
    const last = times[times.length - 1]!
    const cutoff = today.getTime() - 12 * HOUR
    // Published too recently for any conversation to have happened yet.
    if (contactAt.getTime() >= cutoff - 6 * HOUR) continue
    if (last.getTime() > cutoff) {
      // Recently published listing: squeeze the story into the time there was.
      const scaleBack = (cutoff - contactAt.getTime()) / (last.getTime() - contactAt.getTime())
      for (let k = 1; k < times.length; k++)
        times[k] = new Date(contactAt.getTime() + (times[k]!.getTime() - contactAt.getTime()) * scaleBack)
    }

    const firstMessage = rand.pick([
      `您好，我们是${initiator.name}，在平台上看到“${listing.row.title}”，希望进一步沟通合作。`,
      `${other.name}您好：我单位与贵方在${clusterByCode.get(listing.clusters[0]!)!.short}领域方向一致，想就“${listing.row.title}”约时间面谈。`,
      `您好，关于“${listing.row.title}”，我们有意向合作，方便时请回电 199-0000 开头的联系电话。`,
    ])
    const party = (o: Org) => ({ id: o.id, userId: o.userId, name: o.name, kind: o.kind, staff: o.staff, majors: o.majors })
    const story = storyFor(rand, {
      type,
      path,
      times,
      initiator: party(initiator),
      other: party(other),
      listingTitle: listing.row.title,
      declined,
      capacity: listing.row.capacity ?? 1,
      details: listing.row.details ?? {},
      firstMessage,
      today,
      stageNotes: Object.fromEntries(
        Object.entries(STAGE_NOTES).map(([stage, notes]) => [stage, [...notes[type], ...notes.any]]),
      ) as Partial<Record<MatchStage, string[]>>,
    })
    const signedIndex = path.indexOf('signed')
    if (forced) [forcedAt, forcedTries] = [forcedAt + 1, 0]
    plans.push({
      row: {
        listingId: listing.id,
        counterpartListingId: counterpart && rand.chance(0.7) ? counterpart.id : null,
        initiatorOrganisationId: initiator.id,
        partnerOrganisationId: other.id,
        type,
        stage,
        outcome: story.outcome,
        version: 1 + story.events.filter((e) => e.kind !== 'message' && e.kind !== 'note' && e.kind !== 'confirmation').length - 1,
        signedAt: signedIndex >= 0 ? times[signedIndex]! : null,
        completedAt: stage === 'completed' ? times[times.length - 1]! : null,
        ...(story.end ?? {}),
        firstResponseAt: story.firstResponseAt,
        lastActivityAt: story.lastActivityAt,
        // Demo matches that are already quiet count as nudged before today, so a fresh server does not mail hundreds at once.
        staleNudgedAt: stage !== 'completed' && stage !== 'terminated' && story.lastActivityAt < addDays(today, -30) ? today : null,
        initiatorListsPublicly: story.listsPublicly,
        partnerListsPublicly: story.listsPublicly,
        createdAt: contactAt,
        updatedAt: story.lastActivityAt,
      },
      story,
    })
  }
  return plans
}

// ── Entry point ──────────────────────────────────────────────────────────────

/**
 * Loads the Shanxi demo data: every real institution, fictional 示例 enterprises, government
 * units, one contact per organisation, ≥2,000 listings and ≥1,000 matches at scale 1, with
 * outbox rows so search catches up. Deterministic for a given day. Refuses a non-empty database
 * unless `force`, which wipes organisations, users, listings, matches and the outbox first.
 */
export async function seedDemoData(options: SeedOptions): Promise<SeedSummary> {
  const { db, onProgress } = options
  const scale = options.scale ?? 1
  if (!(scale > 0)) throw new Error('scale 必须大于 0')
  const now = options.now ?? new Date()
  // Midnight UTC of the run's day: every generated moment lies before it, and a run gives the same data all day.
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
  const rand = createRandom(SEED)

  if (!(await isDatabaseEmpty(db))) {
    if (!options.force) throw new Error('数据库已有数据，跳过示例数据')
    await db.execute(
      sql`truncate notifications, notification_preferences, match_reports, match_proposals, match_attachments, match_events, matches, listing_versions, listing_clusters, listings, memberships, invitations, password_resets, sessions, verification_documents, organisation_clusters, audit_log, outbox, mail_outbox, users, organisations restart identity cascade`,
    )
  }
  const passwordHash = await hash(DEMO_PASSWORD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 })

  // ── Organisations, their contacts and outbox rows, in one transaction ──
  const plans = planOrganisations(rand, scale, today)
  const orgs: Org[] = []
  let userCount = 0
  await db.transaction(async (tx) => {
    await inChunks(plans, CHUNK, async (chunk, done) => {
      const ids = await tx
        .insert(organisations)
        .values(chunk.map((p) => p.row))
        .returning({ id: organisations.id })
      await tx
        .insert(organisationClusters)
        .values(chunk.flatMap((p, i) => p.clusters.map((clusterCode) => ({ organisationId: ids[i]!.id, clusterCode }))))
      await enqueueSearchSync(
        tx,
        'organisation',
        ids.map((r) => r.id),
      )
      const userIds = await tx
        .insert(users)
        .values(
          chunk.map((p, i) => ({
            email: p.contactEmail ?? `contact+${ids[i]!.id}@demo.jcj.example.cn`,
            name: p.contactName,
            passwordHash: p.contactEmail ? passwordHash : null,
            createdAt: p.row.createdAt,
            emailConfirmedAt: p.row.createdAt,
          })),
        )
        .returning({ id: users.id })
      await tx
        .insert(memberships)
        .values(
          chunk.map((p, i) => ({ userId: userIds[i]!.id, organisationId: ids[i]!.id, role: 'admin' as const, createdAt: p.row.createdAt })),
        )
      userCount += userIds.length
      chunk.forEach((p, i) =>
        orgs.push({
          id: ids[i]!.id,
          userId: userIds[i]!.id,
          kind: p.row.kind,
          name: p.row.name,
          shortName: p.shortName,
          cityCode: p.row.cityCode,
          clusters: p.clusters,
          majors: p.row.majors ?? [],
          staff: p.row.staffCount ?? 0,
          students: p.row.studentCount ?? 0,
          verification: p.row.verification!,
          readyAt: p.row.verifiedAt ?? p.row.createdAt!,
          createdAt: p.row.createdAt!,
        }),
      )
      onProgress?.('机构', done, plans.length)
    })
    await tx.execute(
      sql`update organisations o set contact_email = u.email from memberships m join users u on u.id = m.user_id where m.organisation_id = o.id and o.is_demo`,
    )
    const govUsers = [
      { email: DEMO_ACCOUNTS.platformAdmin, name: '平台管理员（演示）', platformRole: 'admin' as const },
      { email: DEMO_ACCOUNTS.province, name: '省级演示用户', govScopeType: 'province' as const, govScopeCode: 'shanxi' },
      { email: DEMO_ACCOUNTS.taiyuan, name: '太原市演示用户', govScopeType: 'city' as const, govScopeCode: 'taiyuan' },
      ...taxonomy.regions.groups.map((g) => ({
        email: DEMO_ACCOUNTS.regions[g.code]!,
        name: `${g.name}演示用户`,
        govScopeType: 'region' as const,
        govScopeCode: g.code,
      })),
    ]
    const launch = addDays(today, -3 * 365 - 30)
    await tx.insert(users).values(govUsers.map((u) => ({ ...u, passwordHash, createdAt: launch, emailConfirmedAt: launch })))
    userCount += govUsers.length
  })

  // ── Listings ──
  const listingTotal = Math.max(60, Math.round(2200 * scale))
  const listingPlans = planListings(rand, orgs, listingTotal, today)
  const withIds: (ListingPlan & { id: number })[] = []
  await db.transaction(async (tx) => {
    await inChunks(listingPlans, CHUNK, async (chunk, done) => {
      const ids = await tx
        .insert(listings)
        .values(chunk.map((p) => p.row))
        .returning({ id: listings.id })
      await tx
        .insert(listingClusters)
        .values(chunk.flatMap((p, i) => p.clusters.map((clusterCode) => ({ listingId: ids[i]!.id, clusterCode }))))
      await enqueueSearchSync(
        tx,
        'listing',
        ids.map((r) => r.id),
      )
      chunk.forEach((p, i) => withIds.push({ ...p, id: ids[i]!.id }))
      onProgress?.('需求与供给', done, listingPlans.length)
    })
  })

  // ── Matches and their story ──
  const matchTotal = Math.max(30, Math.round(1100 * scale))
  const matchPlans = planMatches(rand, orgs, withIds, matchTotal, today)
  await db.transaction(async (tx) => {
    await inChunks(matchPlans, CHUNK, async (chunk, done) => {
      const ids = await tx
        .insert(matches)
        .values(chunk.map((p) => p.row))
        .returning({ id: matches.id })
      const proposalRows = chunk.flatMap((p, i) => p.story.proposals.map((pr) => ({ ...pr, matchId: ids[i]!.id })))
      const proposalIds = proposalRows.length
        ? await tx.insert(matchProposals).values(proposalRows).returning({ id: matchProposals.id })
        : []
      let offset = 0
      const events = chunk.flatMap((p, i) => {
        const base = offset
        offset += p.story.proposals.length
        return p.story.events.map(({ proposal, ...e }, seq) => ({
          ...e,
          matchId: ids[i]!.id,
          seq: seq + 1,
          proposalId: proposal === undefined ? null : proposalIds[base + proposal]!.id,
        }))
      })
      await inChunks(events, 1000, async (part) => {
        await tx.insert(matchEvents).values(part)
      })
      onProgress?.('合作记录', done, matchPlans.length)
    })
  })

  await seedPlatforms(db, today)

  return { organisations: orgs.length, listings: withIds.length, matches: matchPlans.length, users: userCount }
}
