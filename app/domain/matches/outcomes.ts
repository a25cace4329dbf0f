import { TECH_CONTRACT_KINDS, type OutcomeByType } from '../../../db/reference'
import { OUTCOME_FIELDS } from '../../lib/outcome-fields'

export { OUTCOME_FIELDS }

/**
 * Turns the outcome form (flat string fields named after the keys of db/reference/outcomes.ts)
 * into a typed outcome, refusing what cannot be true and warning about what breaks the national
 * internship rules. Pure, so the form and the tests share it.
 */
export type OutcomeType = keyof OutcomeByType
export type OutcomeContext = {
  /** The places the listing offered; interns above 3 × this need a reason. */
  capacity: number | null
  /** Staff of the host enterprise, for the 10 % rule. */
  hostStaff: number | null
  signedAt: Date | null
}
export type OutcomeWarning = {
  key:
    | 'match.outcome.warn.staffShare'
    | 'match.outcome.warn.postShare'
    | 'match.outcome.warn.agreement'
    | 'match.outcome.warn.insurance'
    | 'match.outcome.warn.pay'
  vars?: Record<string, number>
}
export type OutcomeError = {
  field: string
  key:
    | 'match.outcome.negative'
    | 'match.outcome.notNumber'
    | 'match.outcome.required'
    | 'match.outcome.overCapacity'
    | 'match.outcome.incomeBeforeSigning'
    | 'match.outcome.contractKind'
    | 'match.outcome.tooLarge'
  vars?: Record<string, number | string>
}
export type OutcomeResult =
  { ok: true; outcome: Record<string, unknown>; warnings: OutcomeWarning[]; capacityReason: string | null } | ({ ok: false } & OutcomeError)

const LIMIT = 10_000_000_000 // 百亿: beyond any single cooperation here

export function parseOutcome({
  type,
  input,
  context,
}: {
  type: OutcomeType
  input: Record<string, string | undefined>
  context: OutcomeContext
}): OutcomeResult {
  const spec = OUTCOME_FIELDS[type]
  const outcome: Record<string, unknown> = {}
  for (const field of spec.numbers) {
    const raw = (input[field] ?? '').replace(/[,，\s]/g, '')
    if (raw === '') {
      if (spec.required.includes(field)) return { ok: false, field, key: 'match.outcome.required' }
      continue
    }
    const value = Number(raw)
    if (!Number.isFinite(value)) return { ok: false, field, key: 'match.outcome.notNumber' }
    if (value < 0) return { ok: false, field, key: 'match.outcome.negative' }
    if (value > LIMIT) return { ok: false, field, key: 'match.outcome.tooLarge' }
    outcome[field] = field.endsWith('Yuan') ? Math.round(value * 100) / 100 : Math.round(value)
  }
  for (const flag of spec.flags) outcome[flag] = input[flag] === 'on' || input[flag] === 'true'
  const capacityReason = (input.capacityReason ?? '').trim() || null

  if (type === 'internship') {
    const placed = outcome.internsPlaced as number
    if (context.capacity && placed > 3 * context.capacity && !capacityReason)
      return { ok: false, field: 'internsPlaced', key: 'match.outcome.overCapacity', vars: { max: 3 * context.capacity } }
  }
  if (type === 'industry_college') {
    const majors = (input.majors ?? '')
      .split(/[,，、;；\n]/)
      .map((m) => m.trim())
      .filter(Boolean)
    if (majors.length) outcome.majors = majors
  }
  if (type === 'joint_lab' && input.equipment?.trim()) outcome.equipment = input.equipment.trim().slice(0, 500)
  if (type === 'tech_transfer') {
    const kind = input.contractKind ?? ''
    if (!(TECH_CONTRACT_KINDS as readonly string[]).includes(kind))
      return { ok: false, field: 'contractKind', key: 'match.outcome.contractKind' }
    outcome.contractKind = kind
    const income: Record<string, number> = {}
    for (const [name, rawValue] of Object.entries(input)) {
      const year = /^incomeByYear\.(\d{4})$/.exec(name)?.[1]
      const raw = (rawValue ?? '').replace(/[,，\s]/g, '')
      if (!year || raw === '') continue
      const value = Number(raw)
      if (!Number.isFinite(value)) return { ok: false, field: name, key: 'match.outcome.notNumber' }
      if (value < 0) return { ok: false, field: name, key: 'match.outcome.negative' }
      if (value > LIMIT) return { ok: false, field: name, key: 'match.outcome.tooLarge' }
      if (context.signedAt && Number(year) < context.signedAt.getUTCFullYear())
        return { ok: false, field: name, key: 'match.outcome.incomeBeforeSigning', vars: { year: context.signedAt.getUTCFullYear() } }
      if (value > 0) income[year] = Math.round(value * 100) / 100
    }
    if (Object.keys(income).length) outcome.incomeByYear = income
  }
  return { ok: true, outcome, warnings: warningsFor(type, outcome, context, input), capacityReason }
}

function warningsFor(
  type: OutcomeType,
  outcome: Record<string, unknown>,
  context: OutcomeContext,
  input: Record<string, string | undefined>,
): OutcomeWarning[] {
  if (type !== 'internship') return []
  const warnings: OutcomeWarning[] = []
  const placed = outcome.internsPlaced as number
  if (context.hostStaff && placed > context.hostStaff * 0.1)
    warnings.push({ key: 'match.outcome.warn.staffShare', vars: { max: Math.floor(context.hostStaff * 0.1) } })
  const postStaff = Number(input.postStaff)
  if (postStaff > 0 && placed > postStaff * 0.2)
    warnings.push({ key: 'match.outcome.warn.postShare', vars: { max: Math.floor(postStaff * 0.2) } })
  if (!outcome.tripartiteAgreement) warnings.push({ key: 'match.outcome.warn.agreement' })
  if (!outcome.insurance) warnings.push({ key: 'match.outcome.warn.insurance' })
  if (!outcome.paid) warnings.push({ key: 'match.outcome.warn.pay' })
  return warnings
}
