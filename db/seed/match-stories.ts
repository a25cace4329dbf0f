import type { MatchStage } from '../reference'
import type { Random } from './random'

/**
 * The story of one seeded match: every stage it passed as a stage_change event by the side that
 * took the step, messages, signing and completion as proposal → (dispute → proposal) → confirmation
 * by the other side, outcome figures with the keys of db/reference/outcomes.ts, and end reasons.
 */
type Type = 'internship' | 'teacher_practice' | 'joint_lab' | 'industry_college' | 'tech_transfer'
type Party = { id: number; userId: number; name: string; kind: string; staff: number; majors: string[] }

export type StoryEvent = {
  kind: 'stage_change' | 'message' | 'note' | 'proposal' | 'confirmation' | 'dispute' | 'withdrawal'
  fromStage?: MatchStage | null
  toStage?: MatchStage | null
  body?: string | null
  data?: Record<string, unknown> | null
  actorUserId: number
  actorOrganisationId: number
  createdAt: Date
  /** Index into the story's proposals. */
  proposal?: number
}
export type StoryProposal = {
  kind: 'sign' | 'complete'
  status: 'open' | 'confirmed' | 'disputed'
  proposedByOrganisationId: number
  proposedByUserId: number
  outcome: Record<string, unknown> | null
  note: string | null
  resolvedByOrganisationId: number | null
  resolvedByUserId: number | null
  resolutionNote: string | null
  createdAt: Date
  resolvedAt: Date | null
}
export type Story = {
  events: StoryEvent[]
  proposals: StoryProposal[]
  outcome: Record<string, unknown>
  end: { endReason: string; endNote: string; endedByOrganisationId: number; endedAt: Date } | null
  firstResponseAt: Date | null
  lastActivityAt: Date
  listsPublicly: boolean
}

const DAY = 86_400_000
const HOUR = 3_600_000
const END_REASONS = ['no_agreement', 'plans_changed', 'capacity_filled', 'partner_unresponsive', 'requirements_unmet', 'other'] as const
const DECLINE_REASONS = ['not_a_fit', 'no_capacity', 'timing'] as const

const DISPUTES: Record<'sign' | 'complete', string[]> = {
  sign: [
    '协议中实习补贴标准与洽谈时约定的不一致，请修改第五条后重新提交。',
    '知识产权归属条款需要补充双方共有的约定。',
    '保险条款缺少实习责任险的保额，请补充。',
    '协议落款单位名称有误，请按营业执照全称修改。',
  ],
  complete: [
    '实习人天数与我方考勤记录不符，请核对后重新提交。',
    '到账收入以财务凭证为准，2025 年应为首笔款项，请修改。',
    '录用人数统计口径不同，请只统计已签订劳动合同的学生。',
  ],
}
const SIGN_NOTES = ['协议已双方盖章，扫描件已线下交换。', '按双方确认的终稿签署。', '']
const REPLIES = [
  '收到，欢迎来访，我们安排专人对接。',
  '感谢关注，请发送贵单位的合作方案。',
  '可以，下周二上午视频沟通如何？',
  '已转给分管负责人，本周内回复具体安排。',
]
const FOLLOW_UPS = [
  '附上我方的初步方案，请审阅。',
  '已确认带队老师和学生名单。',
  '下周一安排现场踏勘，请提前告知门卫登记。',
  '财务流程已经启动，预计两周内完成。',
  '请提供对接人的联系方式。',
  '好的，按这个时间推进。',
]
const END_NOTES: Record<Type | 'any', string[]> = {
  internship: ['因企业生产计划调整，本期实习取消。'],
  teacher_practice: ['教师教学任务冲突，双方同意延后至下一学期再议。'],
  joint_lab: ['双方对投入比例未能达成一致，协商终止。'],
  industry_college: ['招生计划未获批准，合作暂缓。'],
  tech_transfer: ['技术方案未达到企业要求，协商终止。'],
  any: ['双方协商一致终止合作。'],
}
const DECLINE_NOTES = ['感谢关注，本期名额已满，欢迎下学期再联系。', '方向与我单位需求不太匹配。', '时间安排上暂时无法配合。']

function between(rand: Random, a: Date, b: Date) {
  return new Date(a.getTime() + rand.next() * Math.max(0, b.getTime() - a.getTime()))
}

/** Believable figures per type, within the national internship rules most of the time. */
export function outcomeFor(
  rand: Random,
  type: Type,
  input: {
    capacity: number
    details: Record<string, unknown>
    host: Party | null
    college: Party | null
    signedAt: Date
    completedAt: Date
  },
): Record<string, unknown> {
  const { capacity, details } = input
  switch (type) {
    case 'internship': {
      let placed = Math.max(1, Math.round(capacity * rand.float(0.55, 1)))
      const cap = input.host?.staff ? Math.max(1, Math.floor(input.host.staff * 0.1)) : placed
      if (rand.chance(0.92)) placed = Math.min(placed, cap)
      const days = Math.max(20, Math.round(((input.completedAt.getTime() - input.signedAt.getTime()) / DAY) * rand.float(0.55, 0.72)))
      return {
        internsPlaced: placed,
        internDays: placed * Math.min(days, 180),
        internsHired: Math.round(placed * rand.float(0, 0.45)),
        tripartiteAgreement: rand.chance(0.96),
        insurance: rand.chance(0.93),
        paid: rand.chance(0.9),
      }
    }
    case 'teacher_practice': {
      const placed = Math.max(1, Math.round(Math.min(capacity, 12) * rand.float(0.6, 1)))
      return { teachersPlaced: placed, teacherDays: placed * rand.int(20, 60), countsAsDualQualified: rand.chance(0.8) }
    }
    case 'joint_lab': {
      const ent = Number(details.investmentEnterpriseWan ?? rand.int(50, 400))
      const col = Number(details.investmentCollegeWan ?? rand.int(20, 150))
      return {
        investmentEnterpriseYuan: Math.round(ent * rand.float(0.5, 1.1)) * 10_000,
        investmentCollegeYuan: Math.round(col * rand.float(0.5, 1.1)) * 10_000,
        ...(typeof details.equipment === 'string' && details.equipment ? { equipment: details.equipment.slice(0, 200) } : {}),
        patents: rand.int(0, 6),
        papers: rand.int(0, 10),
      }
    }
    case 'industry_college': {
      const enrolment = Math.max(20, Math.round(capacity * rand.float(0.6, 1)))
      const majors = input.college?.majors.length
        ? rand.sample(input.college.majors, Math.min(input.college.majors.length, rand.int(1, 3)))
        : []
      return { ...(majors.length ? { majors } : {}), enrolment, apprentices: Math.round(enrolment * rand.float(0.2, 0.6)) }
    }
    default: {
      const problem = details.kind === 'problem'
      const value = Math.round(Number(problem ? (details.budgetWan ?? 50) : (details.priceMinWan ?? 20)) * rand.float(0.7, 1.6)) * 10_000
      const first = input.signedAt.getUTCFullYear()
      const last = input.completedAt.getUTCFullYear()
      const received = value * rand.float(0.7, 1)
      const incomeByYear: Record<string, number> = {}
      for (let y = first; y <= last; y++) incomeByYear[String(y)] = Math.round(received / (last - first + 1) / 100) * 100
      return {
        contractKind: problem
          ? rand.pick(['development', 'development', 'consulting', 'service'] as const)
          : rand.pick(['transfer', 'licence', 'licence'] as const),
        contractValueYuan: value,
        incomeByYear,
        patentsTransferred: problem ? 0 : rand.int(1, 3),
      }
    }
  }
}

/**
 * `path` is the stages in order (first contact first), `times[k]` when each was reached.
 * The initiator takes the even steps and the other side the odd ones, except that a proposal is
 * always confirmed by the side that did not make it (and the confirmer records the new stage).
 */
export function storyFor(
  rand: Random,
  input: {
    type: Type
    path: MatchStage[]
    times: Date[]
    initiator: Party
    other: Party
    listingTitle: string
    /** The side contacted said no at once (the two-sided process refused the pair). */
    declined?: boolean
    capacity: number
    details: Record<string, unknown>
    firstMessage: string
    today: Date
    stageNotes: Partial<Record<MatchStage, string[]>>
  },
): Story {
  const { path, times, initiator, other, type } = input
  const events: StoryEvent[] = []
  const proposals: StoryProposal[] = []
  const by = (p: Party) => ({ actorUserId: p.userId, actorOrganisationId: p.id })
  const sideFor = (k: number) => (k % 2 === 0 ? initiator : other)
  const otherOf = (p: Party) => (p.id === initiator.id ? other : initiator)
  let outcome: Record<string, unknown> = {}
  let end: Story['end'] = null
  const host = [initiator, other].find((p) => p.kind === 'enterprise') ?? null
  const college = [initiator, other].find((p) => p.kind !== 'enterprise') ?? null
  const signedAt = times[path.indexOf('signed')] ?? null

  path.forEach((to, k) => {
    const at = times[k]!
    const prev = k > 0 ? times[k - 1]! : at
    if (k === 0) {
      events.push({ kind: 'stage_change', fromStage: null, toStage: 'contact', ...by(initiator), createdAt: at })
      events.push({
        kind: 'message',
        body: input.firstMessage,
        ...by(initiator),
        createdAt: new Date(at.getTime() + rand.int(2, 50) * 60_000),
      })
      return
    }
    if (to === 'signed' || to === 'completed') {
      const kind = to === 'signed' ? 'sign' : 'complete'
      const proposer = sideFor(k)
      const confirmer = otherOf(proposer)
      const value =
        kind === 'complete'
          ? outcomeFor(rand, type, {
              capacity: input.capacity,
              details: input.details,
              host,
              college,
              signedAt: signedAt ?? prev,
              completedAt: at,
            })
          : null
      let start = between(rand, prev, new Date(at.getTime() - 6 * HOUR))
      if (rand.chance(0.12)) {
        // A dispute first: the proposal goes back to its author, who sends a corrected one.
        const disputedAt = between(rand, start, new Date(at.getTime() - 3 * HOUR))
        const reason = rand.pick(DISPUTES[kind])
        proposals.push({
          kind,
          status: 'disputed',
          proposedByOrganisationId: proposer.id,
          proposedByUserId: proposer.userId,
          outcome: value
            ? {
                ...value,
                ...(kind === 'complete' && type === 'internship' ? { internDays: Number(value.internDays) + rand.int(20, 200) } : {}),
              }
            : null,
          note: null,
          resolvedByOrganisationId: confirmer.id,
          resolvedByUserId: confirmer.userId,
          resolutionNote: reason,
          createdAt: start,
          resolvedAt: disputedAt,
        })
        events.push({ kind: 'proposal', data: { kind }, proposal: proposals.length - 1, ...by(proposer), createdAt: start })
        events.push({
          kind: 'dispute',
          body: reason,
          data: { kind },
          proposal: proposals.length - 1,
          ...by(confirmer),
          createdAt: disputedAt,
        })
        start = between(rand, disputedAt, new Date(at.getTime() - HOUR))
      }
      const note = kind === 'sign' ? rand.pick(SIGN_NOTES) || null : null
      proposals.push({
        kind,
        status: 'confirmed',
        proposedByOrganisationId: proposer.id,
        proposedByUserId: proposer.userId,
        outcome: value,
        note,
        resolvedByOrganisationId: confirmer.id,
        resolvedByUserId: confirmer.userId,
        resolutionNote: null,
        createdAt: start,
        resolvedAt: at,
      })
      events.push({ kind: 'proposal', body: note, data: { kind }, proposal: proposals.length - 1, ...by(proposer), createdAt: start })
      events.push({ kind: 'confirmation', data: { kind }, proposal: proposals.length - 1, ...by(confirmer), createdAt: at })
      events.push({ kind: 'stage_change', fromStage: path[k - 1]!, toStage: to, ...by(confirmer), createdAt: at })
      if (value) outcome = value
      return
    }
    if (to === 'terminated') {
      const declined = path[k - 1] === 'contact' && (input.declined || rand.chance(0.45))
      const actor = declined ? other : rand.chance(0.5) ? initiator : other
      const reason = declined ? `declined_${rand.pick(DECLINE_REASONS)}` : rand.pick(END_REASONS)
      const note = declined ? rand.pick(DECLINE_NOTES) : rand.pick([...END_NOTES[type], ...END_NOTES.any])
      events.push({
        kind: 'stage_change',
        fromStage: path[k - 1]!,
        toStage: 'terminated',
        body: note,
        data: { reason },
        ...by(actor),
        createdAt: at,
      })
      end = { endReason: reason, endNote: note, endedByOrganisationId: actor.id, endedAt: at }
      return
    }
    const actor = sideFor(k)
    events.push({ kind: 'stage_change', fromStage: path[k - 1]!, toStage: to, ...by(actor), createdAt: at })
    const notes = input.stageNotes[to]
    if (notes?.length && rand.chance(0.6))
      events.push({ kind: 'note', body: rand.pick(notes), ...by(actor), createdAt: new Date(at.getTime() + rand.int(1, 6) * HOUR) })
  })

  // Conversation: the other side's first reply, and a few messages between steps.
  const first = times[0]!
  if (rand.chance(0.75) || path.length > 1) {
    const replyAt = new Date(first.getTime() + rand.int(2, 72) * HOUR)
    const cap = path.length > 1 ? times[1]! : input.today
    events.push({
      kind: 'message',
      body: rand.pick(REPLIES),
      ...by(other),
      createdAt: replyAt < cap ? replyAt : new Date((first.getTime() + cap.getTime()) / 2),
    })
  }
  for (let k = 1; k < path.length; k++) {
    if (path[k] === 'terminated' || !rand.chance(0.55)) continue
    const speaker = rand.chance(0.5) ? initiator : other
    events.push({ kind: 'message', body: rand.pick(FOLLOW_UPS), ...by(speaker), createdAt: between(rand, times[k - 1]!, times[k]!) })
  }

  // Some open matches wait for a confirmation right now.
  const stage = path[path.length - 1]!
  if ((stage === 'negotiation' || stage === 'in_progress') && rand.chance(0.25)) {
    const kind = stage === 'negotiation' ? 'sign' : 'complete'
    const proposer = rand.chance(0.5) ? initiator : other
    const at = between(rand, times[times.length - 1]!, new Date(input.today.getTime() - HOUR))
    const value =
      kind === 'complete'
        ? outcomeFor(rand, type, {
            capacity: input.capacity,
            details: input.details,
            host,
            college,
            signedAt: signedAt ?? at,
            completedAt: at,
          })
        : null
    proposals.push({
      kind,
      status: 'open',
      proposedByOrganisationId: proposer.id,
      proposedByUserId: proposer.userId,
      outcome: value,
      note: null,
      resolvedByOrganisationId: null,
      resolvedByUserId: null,
      resolutionNote: null,
      createdAt: at,
      resolvedAt: null,
    })
    events.push({ kind: 'proposal', data: { kind }, proposal: proposals.length - 1, ...by(proposer), createdAt: at })
  }

  events.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
  const firstResponse = events.find((e) => e.actorOrganisationId === other.id)
  return {
    events,
    proposals,
    outcome,
    end,
    firstResponseAt: firstResponse?.createdAt ?? null,
    lastActivityAt: events[events.length - 1]!.createdAt,
    listsPublicly: stage === 'completed' && rand.chance(0.6),
  }
}
