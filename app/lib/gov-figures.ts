import { type OUTCOME_SUMS, type OutcomeByType } from '../../db/reference'

/**
 * What a number on the dashboard counts, so it can be drilled into and exported: a figure kind and its slice.
 * Pure data, shared by the domain, routes and the API.
 */
export const FIGURE_KINDS = ['orgs', 'listings', 'stage', 'outcome', 'income', 'quota', 'platforms'] as const
export type FigureKind = (typeof FIGURE_KINDS)[number]
export type FigureRef = {
  figure: FigureKind
  type?: string
  direction?: string
  stage?: string
  key?: string
  org?: number
  platform?: string
  cluster?: string
}

type OutcomeKey<T extends keyof OutcomeByType> = (typeof OUTCOME_SUMS)[T][number]
type OutcomeFigure = {
  [T in keyof OutcomeByType]: { key: string; type: T; measures: readonly OutcomeKey<T>[]; money?: true }
}[keyof OutcomeByType]

/** The outcome figures of the overview, each a sum of `matches.outcome` keys of one cooperation type. */
export const OUTCOME_FIGURES = [
  { key: 'internsPlaced', type: 'internship', measures: ['internsPlaced'] },
  { key: 'internDays', type: 'internship', measures: ['internDays'] },
  { key: 'teacherDays', type: 'teacher_practice', measures: ['teacherDays'] },
  { key: 'labInvestmentYuan', type: 'joint_lab', measures: ['investmentEnterpriseYuan', 'investmentCollegeYuan'], money: true },
  { key: 'enrolment', type: 'industry_college', measures: ['enrolment'] },
  { key: 'apprentices', type: 'industry_college', measures: ['apprentices'] },
  { key: 'contractValueYuan', type: 'tech_transfer', measures: ['contractValueYuan'], money: true },
  { key: 'patentsTransferred', type: 'tech_transfer', measures: ['patentsTransferred'] },
] as const satisfies readonly OutcomeFigure[]

export const outcomeFigureByKey = new Map<string, OutcomeFigure>(OUTCOME_FIGURES.map((f) => [f.key, f]))

/** Stages in funnel order; `published` is the listing itself. */
export const FUNNEL_STEPS = ['published', 'contact', 'negotiation', 'signed', 'completed'] as const
/** Where matches count as an agreement that exists (for coverage and industry colleges). */
export const AGREED_STAGES = ['signed', 'in_progress', 'completed'] as const

/** 《统计上大中小微型企业划分办法》 bands for industry, by staff only (revenue is not recorded). */
export const SIZE_BANDS = ['large', 'medium', 'small', 'micro'] as const
export type SizeBand = (typeof SIZE_BANDS)[number]
export function sizeBand(staff: number | null): SizeBand | null {
  if (staff === null) return null
  if (staff >= 1000) return 'large'
  if (staff >= 300) return 'medium'
  if (staff >= 20) return 'small'
  return 'micro'
}

export function figureParams(ref: FigureRef): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(ref))
    if (v !== undefined && v !== null) out[k === 'type' ? 'ftype' : k === 'cluster' ? 'fcluster' : k] = String(v)
  return out
}

/** The records behind a trend metric's monthly value. */
export function trendRef(metric: string): FigureRef {
  if (metric === 'listings') return { figure: 'listings' }
  if (metric === 'contact' || metric === 'signed' || metric === 'completed') return { figure: 'stage', stage: metric }
  return { figure: 'outcome', key: metric }
}

export const TREND_METRICS = [
  'listings',
  'contact',
  'signed',
  'completed',
  'internsPlaced',
  'teacherDays',
  'contractValueYuan',
  'enrolment',
] as const
export type TrendMetric = (typeof TREND_METRICS)[number]
export const TREND_GROUPS = ['total', 'region', 'city', 'cluster'] as const
export type TrendGroup = (typeof TREND_GROUPS)[number]
export const COMPLIANCE_SORTS = ['missing', 'name', 'city', 'staff', 'internship', 'teacher'] as const
