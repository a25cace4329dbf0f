import { sql } from 'drizzle-orm'
import { taxonomy } from '../../../db/reference'
import { getQuotaCompliance } from './compliance.server'
import { getCoverage } from './coverage.server'
import type { FigureRef } from '~/lib/gov-figures'
import { assertScope, type GovQuery } from './gov-query.server'
import { sumMeasure } from './rollups.server'
import { platformUnion } from './sources.server'
import { inList, num, query } from './sql.server'

export type TargetLine = {
  code: string
  rule: string
  source: string
  threshold: number
  /** How the threshold reads: a share, a count, or yuan. */
  unit: 'share' | 'count' | 'yuan'
  measurable: boolean
  actual: number | null
  progress: number | null
  /** Message key explaining the formula, or why the data cannot measure it. */
  formulaKey: string
  detail?: Record<string, number>
  ref?: FigureRef
  /** The days the figure covers when they are not the dashboard's period. */
  range?: { from: string; to: string }
}

const VOCATIONAL = ['vocational_higher', 'vocational_secondary', 'vocational_undergrad']
const FOURTEENTH_PLAN_START = '2021-01-01'

/** Each policy indicator of the taxonomy against what the platform's records show for the area and period. */
export async function getTargets(q: GovQuery): Promise<TargetLine[]> {
  const cities = assertScope(q.actor, q.scope)
  const year = Number(q.period.to.slice(0, 4))
  const [compliance, coverage, colleges, students, apprentices, incomeNow, incomeBefore, patents] = await Promise.all([
    getQuotaCompliance(q, { year }),
    getCoverage(q),
    query<{ n: number }>(
      sql`select count(*)::int as n from ${platformUnion(cities, q.period.to)} u where u.kind = 'industry_college' and u.source = 'platform'`,
    ),
    query<{ n: number }>(
      sql`select coalesce(sum(student_count), 0)::int as n from organisations where kind in ${inList(VOCATIONAL)} and city_code in ${inList(cities)}`,
    ),
    sumMeasure(q, 'outcome:apprentices', q.period, 'industry_college'),
    sumMeasure(q, 'income', { from: `${year}-01-01`, to: `${year}-12-31` }, 'tech_transfer'),
    sumMeasure(q, 'income', { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` }, 'tech_transfer'),
    sumMeasure(q, 'outcome:patentsTransferred', { from: FOURTEENTH_PLAN_START, to: q.period.to }, 'tech_transfer'),
  ])
  const sum = (f: (r: (typeof compliance.rows)[number]) => number | null) => compliance.rows.reduce((s, r) => s + (f(r) ?? 0), 0)
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null)
  // Posts over the base, counted only where the base is known, with how many units met their quota.
  const quotaShare = (code: string, quota: 'internship' | 'teacher') => ({
    unit: 'share' as const,
    actual: ratio(
      sum((r) => (r[quota].base ? r[quota].posts : 0)),
      sum((r) => r[quota].base),
    ),
    formulaKey: `gov.formula.${code}`,
    detail: { met: compliance.totals[`${quota}Met`], applicable: compliance.totals[`${quota}Applicable`], year },
  })
  const measured: Record<string, Omit<TargetLine, 'code' | 'rule' | 'source' | 'threshold' | 'measurable' | 'progress'>> = {
    internship_post_ratio: quotaShare('internship_post_ratio', 'internship'),
    teacher_practice_ratio: quotaShare('teacher_practice_ratio', 'teacher'),
    apprenticeship_share: {
      unit: 'share',
      actual: ratio(apprentices, num(students[0]?.n)),
      formulaKey: 'gov.formula.apprenticeship_share',
      detail: { apprentices, students: num(students[0]?.n) },
      ref: { figure: 'outcome', key: 'apprentices' },
    },
    cluster_coverage_cic: { unit: 'count', actual: coverage.covered.innovation_centre, formulaKey: 'gov.formula.cluster_coverage_cic' },
    cluster_coverage_institute: {
      unit: 'count',
      actual: coverage.covered.industry_institute,
      formulaKey: 'gov.formula.cluster_coverage_institute',
    },
    industry_colleges: {
      unit: 'count',
      actual: num(colleges[0]?.n),
      formulaKey: 'gov.formula.industry_colleges',
      ref: { figure: 'platforms', platform: 'industry_college', key: 'registered' },
    },
    tech_transfer_income_growth: {
      unit: 'share',
      actual: incomeBefore > 0 ? incomeNow / incomeBefore - 1 : null,
      formulaKey: 'gov.formula.tech_transfer_income_growth',
      detail: { year, income: incomeNow, previousIncome: incomeBefore },
      ref: { figure: 'income' },
      range: { from: `${year}-01-01`, to: `${year}-12-31` },
    },
    patents_transferred: {
      unit: 'count',
      actual: patents,
      formulaKey: 'gov.formula.patents_transferred',
      ref: { figure: 'outcome', key: 'patentsTransferred' },
      range: { from: FOURTEENTH_PLAN_START, to: q.period.to },
    },
  }
  return taxonomy.policy_indicators.map((indicator) => {
    const m = measured[indicator.code]
    const base = { code: indicator.code, rule: indicator.rule, source: indicator.source, threshold: indicator.threshold }
    if (!m)
      return {
        ...base,
        unit: indicator.threshold >= 1 ? 'count' : 'share',
        measurable: false,
        actual: null,
        progress: null,
        formulaKey: `gov.unmeasurable.${indicator.code}`,
      }
    return { ...base, ...m, measurable: true, progress: m.actual === null ? null : m.actual / indicator.threshold }
  })
}
