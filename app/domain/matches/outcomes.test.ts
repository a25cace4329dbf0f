import { describe, expect, it } from 'vitest'
import { OUTCOME_SUMS } from '../../../db/reference'
import { OUTCOME_FIELDS, parseOutcome } from './outcomes'

const ctx = { capacity: 20, hostStaff: 300, signedAt: new Date('2025-09-01T00:00:00Z') }

describe('outcome validation', () => {
  it('accepts a lawful internship outcome with no warnings', () => {
    const r = parseOutcome({
      type: 'internship',
      input: { internsPlaced: '18', internDays: '1,620', internsHired: '5', tripartiteAgreement: 'on', insurance: 'on', paid: 'on' },
      context: ctx,
    })
    expect(r).toEqual({
      ok: true,
      outcome: { internsPlaced: 18, internDays: 1620, internsHired: 5, tripartiteAgreement: true, insurance: true, paid: true },
      warnings: [],
      capacityReason: null,
    })
  })

  it('refuses negative numbers beside their field', () => {
    expect(parseOutcome({ type: 'teacher_practice', input: { teachersPlaced: '-1', teacherDays: '30' }, context: ctx })).toMatchObject({
      ok: false,
      field: 'teachersPlaced',
      key: 'match.outcome.negative',
    })
  })

  it('refuses more than 3 × capacity interns unless a reason is given', () => {
    const input = { internsPlaced: '61', internDays: '600', tripartiteAgreement: 'on', insurance: 'on', paid: 'on' }
    expect(parseOutcome({ type: 'internship', input, context: ctx })).toMatchObject({
      ok: false,
      field: 'internsPlaced',
      key: 'match.outcome.overCapacity',
      vars: { max: 60 },
    })
    const withReason = parseOutcome({ type: 'internship', input: { ...input, capacityReason: '第二批扩招' }, context: ctx })
    expect(withReason).toMatchObject({ ok: true, capacityReason: '第二批扩招' })
  })

  it('warns above 10 % of the host staff, 20 % of a post, and without agreement, insurance or pay', () => {
    const r = parseOutcome({ type: 'internship', input: { internsPlaced: '40', internDays: '400', postStaff: '100' }, context: ctx })
    expect(r.ok && r.warnings.map((w) => w.key)).toEqual([
      'match.outcome.warn.staffShare',
      'match.outcome.warn.postShare',
      'match.outcome.warn.agreement',
      'match.outcome.warn.insurance',
      'match.outcome.warn.pay',
    ])
  })

  it('refuses income dated before the signing year and an unknown contract kind', () => {
    const base = { contractKind: 'licence', contractValueYuan: '500000' }
    expect(parseOutcome({ type: 'tech_transfer', input: { ...base, 'incomeByYear.2024': '100' }, context: ctx })).toMatchObject({
      ok: false,
      field: 'incomeByYear.2024',
      key: 'match.outcome.incomeBeforeSigning',
    })
    expect(parseOutcome({ type: 'tech_transfer', input: { ...base, contractKind: 'gift' }, context: ctx })).toMatchObject({
      ok: false,
      field: 'contractKind',
    })
    expect(parseOutcome({ type: 'tech_transfer', input: { ...base, 'incomeByYear.2026': '200000' }, context: ctx })).toMatchObject({
      ok: true,
      outcome: { contractKind: 'licence', contractValueYuan: 500000, incomeByYear: { '2026': 200000 } },
    })
  })

  it('writes only keys of db/reference/outcomes.ts, and every summed key has a field', () => {
    for (const [type, keys] of Object.entries(OUTCOME_SUMS)) {
      const fields = OUTCOME_FIELDS[type as keyof typeof OUTCOME_FIELDS]
      for (const key of keys) expect(fields.numbers).toContain(key)
    }
    const r = parseOutcome({
      type: 'industry_college',
      input: { enrolment: '120', apprentices: '30', majors: '机电一体化技术、工业机器人技术' },
      context: ctx,
    })
    expect(r).toMatchObject({ ok: true, outcome: { enrolment: 120, apprentices: 30, majors: ['机电一体化技术', '工业机器人技术'] } })
  })
})
