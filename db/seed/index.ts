import { hash } from '@node-rs/argon2'
import { count, sql } from 'drizzle-orm'
import type { Database, Executor } from '../client'
import { generateCreditCode } from '../credit-code'
import { enqueueSearchSync } from '../outbox'
import {
  listingClusters,
  listings,
  matchEvents,
  matches,
  memberships,
  organisationClusters,
  organisations,
  users,
  type MatchStage,
} from '../schema'
import { cityByCode, clusterByCode, regionOfCity, taxonomy } from '../taxonomy'
import { CLUSTER_CONTENT, GIVEN_NAMES, SURNAMES } from './cluster-content'
import { generateEnterprises } from './enterprises'
import { GOVERNMENT_UNITS, INSTITUTIONS } from './institutions'
import { draftListing } from './listing-templates'
import { createRandom, type Random } from './random'

const SEED = 20_180_420 // 晋政办发〔2018〕38号, issued 2018-04-20
export const DEMO_PASSWORD = 'Jinchanjiao2026'

/** Accounts a newcomer can sign in with (README lists them). */
export const DEMO_ACCOUNTS = {
  platformAdmin: 'admin@demo.jcj.example.cn',
  enterprise: 'enterprise@demo.jcj.example.cn',
  college: 'college@demo.jcj.example.cn',
  unverified: 'unverified@demo.jcj.example.cn',
  province: 'gov-province@demo.jcj.example.cn',
  taiyuan: 'gov-taiyuan@demo.jcj.example.cn',
  regions: Object.fromEntries(taxonomy.regions.groups.map((g) => [g.code, `gov-${g.code}@demo.jcj.example.cn`])),
}

export type SeedSummary = { organisations: number; listings: number; matches: number; users: number }
type Progress = (step: string, done: number, total: number) => void

export async function isDatabaseEmpty(db: Executor) {
  const [row] = await db.select({ n: count() }).from(organisations)
  return Number(row?.n ?? 0) === 0
}

async function insertChunked<T>(items: T[], size: number, insert: (chunk: T[]) => Promise<void>, onChunk?: (done: number) => void) {
  for (let i = 0; i < items.length; i += size) {
    await insert(items.slice(i, i + size))
    onChunk?.(Math.min(i + size, items.length))
  }
}

const personName = (rand: Random) => rand.pick(SURNAMES) + rand.pick(GIVEN_NAMES)
const DAY = 86_400_000
const isoDay = (d: Date) => d.toISOString().slice(0, 10)

type OrgRow = typeof organisations.$inferInsert & { clusters: string[] }

function buildOrganisations(rand: Random, scale: number): OrgRow[] {
  const verification = (): OrgRow['verification'] =>
    rand.weighted([
      ['verified', 85],
      ['pending', 8],
      ['unverified', 7],
    ] as const)
  const institutions: OrgRow[] = INSTITUTIONS.map((inst) => ({
    kind: inst.kind,
    name: inst.name,
    creditCode: generateCreditCode(rand.next, { cityCode: inst.city, prefix: '12' }),
    cityCode: inst.city,
    address: `${cityByCode.get(inst.city)!.name}（地址以学校官网为准）`,
    description: `${inst.name}是位于${cityByCode.get(inst.city)!.name}的${inst.kind === 'research_institute' ? '科研院所' : inst.kind === 'undergrad' ? '本科高校' : '高等职业院校'}，重点服务${inst.clusters.map((c) => clusterByCode.get(c)!.name).join('、')}等产业集群。平台中的联系人与数据为演示用途。`,
    studentCount: inst.students ?? null,
    majors: inst.majors,
    verification: 'verified',
    verifiedAt: new Date(),
    isDemo: true,
    clusters: inst.clusters,
  }))
  const enterprises: OrgRow[] = generateEnterprises(rand, Math.max(30, Math.round(300 * scale))).map((e) => ({
    kind: 'enterprise',
    name: e.name,
    creditCode: generateCreditCode(rand.next, { cityCode: e.city, prefix: '91' }),
    cityCode: e.city,
    address: e.address,
    description: e.description,
    staffCount: e.staff,
    technicalPostCount: e.technicalPosts,
    majors: rand.sample(CLUSTER_CONTENT[e.clusters[0]!]!.majors, 3),
    verification: verification(),
    isDemo: true,
    clusters: e.clusters,
  }))
  for (const e of enterprises) if (e.verification === 'verified') e.verifiedAt = new Date()
  // A few rejected, with the reason the organisation sees.
  for (const e of rand.sample(enterprises.filter((e) => e.verification !== 'verified'), 3)) {
    e.verification = 'rejected'
    e.verificationNote = rand.pick(['营业执照扫描件模糊，无法辨认统一社会信用代码', '上传的证明材料与机构名称不一致', '缺少加盖公章的授权书'])
  }
  // The demo enterprise from the product brief: a coal-machinery maker in Jinzhong, 1,200 staff, 300 technical posts.
  const demo = enterprises.find((e) => e.clusters[0] === 'coal_machinery')!
  Object.assign(demo, { name: '晋中示例煤机装备有限公司', cityCode: 'jinzhong', staffCount: 1200, technicalPostCount: 300, verification: 'verified', verifiedAt: new Date(), verificationNote: null, address: '晋中市榆次区汇通路 88 号' })
  const government: OrgRow[] = GOVERNMENT_UNITS.map((g) => ({
    kind: 'government',
    name: g.name,
    creditCode: generateCreditCode(rand.next, { cityCode: g.city, prefix: '11' }),
    cityCode: g.city,
    address: cityByCode.get(g.city)!.name,
    description: `${g.name}（演示账号）`,
    verification: 'verified',
    verifiedAt: new Date(),
    isDemo: true,
    clusters: g.clusters,
  }))
  return [...institutions, ...enterprises, ...government]
}

const STAGES: readonly (readonly [MatchStage, number])[] = [
  ['contact', 15],
  ['negotiation', 15],
  ['signed', 15],
  ['in_progress', 20],
  ['completed', 25],
  ['terminated', 10],
]
const STAGE_ORDER: MatchStage[] = ['contact', 'negotiation', 'signed', 'in_progress', 'completed']
const STAGE_NOTES: Record<MatchStage, string[]> = {
  contact: ['双方首次电话沟通，确认合作意向', '通过平台检索到对方发布的信息，发起联系'],
  negotiation: ['就岗位数量、补贴标准和安全责任进行洽谈', '双方实地考察，讨论合作方案细节'],
  signed: ['签订校企合作协议', '合作协议经双方盖章生效'],
  in_progress: ['首批学生已进岗，带教师傅到位', '项目启动会召开，双方团队进场'],
  completed: ['合作完成，提交成效报告', '项目验收通过'],
  terminated: ['因企业生产计划调整，合作终止', '双方协商一致终止合作'],
}

function outcomeFor(rand: Random, type: string, capacity: number): Record<string, number> {
  switch (type) {
    case 'internship':
      return { studentsPlaced: Math.max(1, Math.round(capacity * (0.6 + rand.next() * 0.4))), studentsHired: rand.int(0, Math.ceil(capacity / 3)) }
    case 'teacher_practice':
      return { teachersTrained: Math.max(1, Math.round(capacity * (0.7 + rand.next() * 0.3))) }
    case 'industry_college':
      return { studentsEnrolled: Math.round(capacity * (0.7 + rand.next() * 0.3)) }
    case 'joint_lab':
      return { contractValueYuan: rand.int(50, 800) * 10_000, patentsFiled: rand.int(0, 5) }
    default:
      return { transferIncomeYuan: rand.int(5, 300) * 10_000 }
  }
}

export async function seedDemoData(options: { db: Database; onProgress?: Progress; scale?: number; force?: boolean; now?: Date }): Promise<SeedSummary> {
  const { db, onProgress } = options
  const scale = options.scale ?? 1
  const now = options.now ?? new Date()
  const rand = createRandom(SEED)
  if (!(await isDatabaseEmpty(db))) {
    if (!options.force) throw new Error('数据库已有数据，跳过示例数据 (database not empty)')
    await db.execute(
      sql`truncate match_events, matches, listing_versions, listing_clusters, listings, memberships, invitations, password_resets, sessions, verification_documents, organisation_clusters, audit_log, outbox, mail_outbox, users, organisations restart identity cascade`,
    )
  }
  const passwordHash = await hash(DEMO_PASSWORD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 })

  // ── Organisations ──
  const orgRows = buildOrganisations(rand, scale)
  const orgs: (OrgRow & { id: number })[] = []
  await db.transaction(async (tx) => {
    await insertChunked(
      orgRows,
      500,
      async (chunk) => {
        const ids = await tx
          .insert(organisations)
          .values(chunk.map(({ clusters: _, ...row }) => row))
          .returning({ id: organisations.id })
        chunk.forEach((row, i) => orgs.push({ ...row, id: ids[i]!.id }))
        await tx.insert(organisationClusters).values(chunk.flatMap((row, i) => row.clusters.map((clusterCode) => ({ organisationId: ids[i]!.id, clusterCode }))))
        await enqueueSearchSync(tx, 'organisation', ids.map((r) => r.id))
      },
      (done) => onProgress?.('机构', done, orgRows.length),
    )
  })

  // ── People: one administrator per organisation, plus the demo accounts ──
  const byName = new Map(orgs.map((o) => [o.name, o]))
  const special = new Map<number, string>([
    [byName.get('晋中示例煤机装备有限公司')!.id, DEMO_ACCOUNTS.enterprise],
    [byName.get('山西职业技术学院')!.id, DEMO_ACCOUNTS.college],
  ])
  const unverifiedOrg = orgs.find((o) => o.kind === 'enterprise' && o.verification === 'unverified')
  if (unverifiedOrg) special.set(unverifiedOrg.id, DEMO_ACCOUNTS.unverified)
  const userRows = orgs.map((o) => {
    const name = personName(rand)
    return { email: special.get(o.id) ?? `contact+${o.id}@demo.jcj.example.cn`, name, organisationId: o.id }
  })
  const govUsers = [
    { email: DEMO_ACCOUNTS.province, name: '省教育厅演示用户', govScopeType: 'province' as const, govScopeCode: 'shanxi' },
    { email: DEMO_ACCOUNTS.taiyuan, name: '太原市演示用户', govScopeType: 'city' as const, govScopeCode: 'taiyuan' },
    ...taxonomy.regions.groups.map((g) => ({ email: DEMO_ACCOUNTS.regions[g.code]!, name: `${g.name}演示用户`, govScopeType: 'region' as const, govScopeCode: g.code })),
  ]
  await db.transaction(async (tx) => {
    await insertChunked(userRows, 500, async (chunk) => {
      const ids = await tx
        .insert(users)
        .values(chunk.map(({ email, name }) => ({ email, name, passwordHash })))
        .returning({ id: users.id })
      await tx.insert(memberships).values(chunk.map((u, i) => ({ userId: ids[i]!.id, organisationId: u.organisationId, role: 'admin' as const })))
    })
    await tx.execute(
      sql`update organisations o set contact_name = u.name, contact_email = u.email, contact_phone = '1990000' || lpad((o.id % 10000)::text, 4, '0') from memberships m join users u on u.id = m.user_id where m.organisation_id = o.id`,
    )
    await tx.insert(users).values([{ email: DEMO_ACCOUNTS.platformAdmin, name: '平台管理员', passwordHash, platformRole: 'admin' }, ...govUsers.map((g) => ({ ...g, passwordHash }))])
  })

  // ── Listings ──
  const enterprises = orgs.filter((o) => o.kind === 'enterprise')
  const colleges = orgs.filter((o) => o.kind === 'undergrad' || o.kind === 'vocational_higher' || o.kind === 'research_institute')
  const listingTotal = Math.max(200, Math.round(2200 * scale))
  const threeYearsAgo = new Date(now.getTime() - 3 * 365 * DAY)
  type ListingRow = typeof listings.$inferInsert & { clusters: string[] }
  const listingRows: ListingRow[] = []
  const refCounter = new Map<number, number>()
  for (let i = 0; i < listingTotal; i++) {
    const fromEnterprise = rand.chance(0.6)
    const org = rand.pick(fromEnterprise ? enterprises : colleges)
    const type = fromEnterprise
      ? rand.weighted([['internship', 35], ['teacher_practice', 20], ['tech_transfer', 25], ['joint_lab', 10], ['industry_college', 10]] as const)
      : rand.weighted([['internship', 25], ['teacher_practice', 15], ['tech_transfer', 30], ['joint_lab', 15], ['industry_college', 15]] as const)
    const direction: 'need' | 'offer' =
      type === 'internship' || type === 'teacher_practice'
        ? fromEnterprise ? (rand.chance(0.9) ? 'offer' : 'need') : rand.chance(0.85) ? 'need' : 'offer'
        : type === 'tech_transfer'
          ? fromEnterprise ? (rand.chance(0.85) ? 'need' : 'offer') : rand.chance(0.85) ? 'offer' : 'need'
          : rand.chance(0.5) ? 'need' : 'offer'
    const cluster = rand.chance(0.75) ? org.clusters[0]! : rand.pick(org.clusters)
    const clusters = rand.chance(0.15) ? [cluster, rand.pick(taxonomy.clusters.filter((c) => c.code !== cluster)).code] : [cluster]
    const status = org.verification === 'verified'
      ? rand.weighted([['published', 80], ['draft', 5], ['paused', 4], ['closed', 6], ['expired', 5]] as const)
      : 'draft'
    const created = new Date(threeYearsAgo.getTime() + rand.next() * (now.getTime() - threeYearsAgo.getTime()))
    const durationDays = { internship: rand.int(60, 240), teacher_practice: rand.int(30, 120), joint_lab: rand.int(365, 1095), industry_college: rand.int(730, 1460), tech_transfer: rand.int(90, 365) }[type]
    let starts = new Date(created.getTime() + rand.int(7, 120) * DAY)
    let ends = new Date(starts.getTime() + durationDays * DAY)
    if (status === 'published' || status === 'paused' || status === 'draft') {
      if (ends <= now) {
        // Live listings run into the future.
        ends = new Date(now.getTime() + rand.int(30, 365) * DAY)
        if (starts > ends) starts = new Date(ends.getTime() - durationDays * DAY)
      }
    } else if (status === 'expired' && ends > now) {
      ends = new Date(now.getTime() - rand.int(1, 200) * DAY)
      starts = new Date(ends.getTime() - durationDays * DAY)
    }
    const year = starts.getUTCFullYear()
    const clusterInfo = clusterByCode.get(cluster)!
    const draft = draftListing(type, direction, {
      rand,
      content: CLUSTER_CONTENT[cluster]!,
      clusterName: clusterInfo.name,
      keyword: rand.pick([clusterInfo.short, ...clusterInfo.keywords.slice(0, 3)]),
      orgName: org.name,
      cityName: cityByCode.get(org.cityCode)!.name,
      year,
    })
    const seq = (refCounter.get(org.id) ?? 0) + 1
    refCounter.set(org.id, seq)
    listingRows.push({
      organisationId: org.id,
      direction,
      type,
      title: draft.title.slice(0, 80),
      description: draft.description,
      cityCode: rand.chance(0.9) ? org.cityCode : rand.pick(regionOfCity.get(org.cityCode)!.cities),
      capacity: draft.capacity,
      startsOn: isoDay(starts),
      endsOn: isoDay(ends),
      details: draft.details,
      status,
      reference: `JCJ-${year}-${String(seq).padStart(4, '0')}`,
      publishedAt: status === 'draft' ? null : created,
      createdAt: created,
      updatedAt: created,
      clusters,
    })
  }
  const listingIds: number[] = []
  await db.transaction(async (tx) => {
    await insertChunked(
      listingRows,
      500,
      async (chunk) => {
        const ids = await tx
          .insert(listings)
          .values(chunk.map(({ clusters: _, ...row }) => row))
          .returning({ id: listings.id })
        listingIds.push(...ids.map((r) => r.id))
        await tx.insert(listingClusters).values(chunk.flatMap((row, i) => row.clusters.map((clusterCode) => ({ listingId: ids[i]!.id, clusterCode }))))
        await enqueueSearchSync(tx, 'listing', ids.map((r) => r.id))
      },
      (done) => onProgress?.('需求与供给', done, listingRows.length),
    )
  })

  // ── Matches: partnerships at every stage over three years ──
  const matchTotal = Math.max(100, Math.round(1100 * scale))
  const candidates = listingRows.map((row, i) => ({ ...row, id: listingIds[i]! })).filter((l) => l.status !== 'draft')
  const orgById = new Map(orgs.map((o) => [o.id, o]))
  const partnersFor = (listing: (typeof candidates)[number]) => {
    const owner = orgById.get(listing.organisationId)!
    const pool = (owner.kind === 'enterprise' ? colleges : enterprises).filter((o) => o.verification === 'verified')
    const sameCluster = pool.filter((o) => o.clusters.some((c) => listing.clusters.includes(c)))
    const sameRegion = sameCluster.filter((o) => regionOfCity.get(o.cityCode) === regionOfCity.get(owner.cityCode))
    return sameRegion.length && rand.chance(0.7) ? sameRegion : sameCluster.length ? sameCluster : pool
  }
  type MatchRow = typeof matches.$inferInsert
  const matchRows: MatchRow[] = []
  const eventsByMatch: (typeof matchEvents.$inferInsert)[][] = []
  for (let i = 0; i < matchTotal; i++) {
    const listing = rand.pick(candidates)
    const partner = rand.pick(partnersFor(listing))
    const stage = rand.weighted(STAGES)
    const created = new Date(Math.max(listing.createdAt!.getTime(), threeYearsAgo.getTime()) + rand.next() * (now.getTime() - listing.createdAt!.getTime()) * 0.6)
    const path: MatchStage[] = stage === 'terminated' ? [...STAGE_ORDER.slice(0, rand.int(1, 3)), 'terminated'] : STAGE_ORDER.slice(0, STAGE_ORDER.indexOf(stage) + 1)
    const stepDays = Math.max(3, Math.floor((now.getTime() - created.getTime()) / DAY / (path.length + 1)))
    const times = path.map((_, k) => new Date(created.getTime() + k * rand.int(Math.ceil(stepDays / 2), stepDays) * DAY))
    const signedIndex = path.indexOf('signed')
    const enterpriseInitiates = rand.chance(0.5)
    matchRows.push({
      listingId: listing.id,
      initiatorOrganisationId: enterpriseInitiates ? listing.organisationId : partner.id,
      partnerOrganisationId: enterpriseInitiates ? partner.id : listing.organisationId,
      type: listing.type,
      stage,
      outcome: stage === 'completed' ? outcomeFor(rand, listing.type, listing.capacity) : {},
      version: path.length,
      signedAt: signedIndex >= 0 ? times[signedIndex] : null,
      completedAt: stage === 'completed' ? times[times.length - 1] : null,
      createdAt: created,
      updatedAt: times[times.length - 1],
    })
    eventsByMatch.push(
      path.flatMap((to, k) => {
        const events: (typeof matchEvents.$inferInsert)[] = [
          { matchId: 0, kind: 'stage_change', fromStage: k === 0 ? null : path[k - 1], toStage: to, createdAt: times[k] },
        ]
        if (rand.chance(0.6)) events.push({ matchId: 0, kind: 'note', body: rand.pick(STAGE_NOTES[to]), createdAt: new Date(times[k]!.getTime() + 3_600_000) })
        return events
      }),
    )
  }
  await db.transaction(async (tx) => {
    await insertChunked(
      matchRows.map((row, i) => ({ row, events: eventsByMatch[i]! })),
      500,
      async (chunk) => {
        const ids = await tx
          .insert(matches)
          .values(chunk.map((c) => c.row))
          .returning({ id: matches.id })
        await tx.insert(matchEvents).values(chunk.flatMap((c, i) => c.events.map((e) => ({ ...e, matchId: ids[i]!.id }))))
      },
      (done) => onProgress?.('合作记录', done, matchRows.length),
    )
  })

  return { organisations: orgs.length, listings: listingRows.length, matches: matchRows.length, users: userRows.length + govUsers.length + 1 }
}
