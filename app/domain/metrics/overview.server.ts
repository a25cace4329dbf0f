import { sql } from 'drizzle-orm'
import { DIRECTIONS, MATCH_STAGES, taxonomy } from '../../../db/reference'
import { OUTCOME_FIGURES, type FigureRef } from '~/lib/gov-figures'
import type { GovQuery } from './gov-query.server'
import { activeOrganisationsStatement, countActiveOrganisations, sumRollups, sumRollupsStatement, type RollupSum } from './rollups.server'
import { inList } from './sql.server'

export type OverviewFigure = { id: string; label: string; type?: string; current: number; previous: number; ref: FigureRef }

export const OVERVIEW_MEASURES = ['listings', 'entered', 'income', ...OUTCOME_FIGURES.flatMap((f) => f.measures.map((m) => `outcome:${m}`))]

/** The statements the overview runs over the rollup tables (the benchmark's raw-SQL floor runs them as they are). */
export const overviewStatements = (q: GovQuery) => [
  sumRollupsStatement(q, sql`measure in ${inList(OVERVIEW_MEASURES)}`),
  activeOrganisationsStatement(q, [q.period, q.period.previous]),
]

const pick = (rows: RollupSum[], test: (r: RollupSum) => boolean) =>
  rows
    .filter(test)
    .reduce((acc, r) => ({ current: acc.current + r.current, previous: acc.previous + r.previous }), { current: 0, previous: 0 })

/**
 * The overview of an area for a period, each figure with the previous period's and a reference to its
 * records: organisations active, listings by type × need/offer, stages entered, outcomes.
 */
export async function getOverview(q: GovQuery) {
  const [rows, [activeNow, activeBefore]] = await Promise.all([
    sumRollups(q, sql`measure in ${inList(OVERVIEW_MEASURES)}`),
    countActiveOrganisations(q, [q.period, q.period.previous]),
  ])
  const types = taxonomy.cooperation_types.map((t) => t.code).filter((t) => !q.filters.type || t === q.filters.type)
  const listings: OverviewFigure[] = types.flatMap((type) =>
    DIRECTIONS.map((direction) => ({
      id: `listings.${type}.${direction}`,
      label: `gov.direction.${direction}`,
      type,
      ...pick(rows, (r) => r.measure === 'listings' && r.type === type && r.direction === direction),
      ref: { figure: 'listings', type, direction },
    })),
  )
  const stages: OverviewFigure[] = MATCH_STAGES.map((stage) => ({
    id: `stage.${stage}`,
    label: `gov.stage.${stage}`,
    ...pick(rows, (r) => r.measure === 'entered' && r.stage === stage),
    ref: { figure: 'stage', stage, ...(q.filters.type ? { type: q.filters.type } : {}) },
  }))
  const outcomes: OverviewFigure[] = OUTCOME_FIGURES.filter((f) => !q.filters.type || f.type === q.filters.type).map((f) => ({
    id: `outcome.${f.key}`,
    label: `gov.outcome.${f.key}`,
    type: f.type,
    ...pick(rows, (r) => r.type === f.type && (f.measures as readonly string[]).some((m) => r.measure === `outcome:${m}`)),
    ref: { figure: 'outcome', key: f.key },
  }))
  if (!q.filters.type || q.filters.type === 'tech_transfer') {
    outcomes.push(
      {
        id: 'outcome.techContracts',
        label: 'gov.outcome.techContracts',
        type: 'tech_transfer',
        ...pick(rows, (r) => r.measure === 'entered' && r.stage === 'signed' && r.type === 'tech_transfer'),
        ref: { figure: 'stage', stage: 'signed', type: 'tech_transfer' },
      },
      {
        id: 'outcome.techIncomeYuan',
        label: 'gov.outcome.techIncomeYuan',
        type: 'tech_transfer',
        ...pick(rows, (r) => r.measure === 'income' && r.type === 'tech_transfer'),
        ref: { figure: 'income' },
      },
    )
  }
  const organisations: OverviewFigure = {
    id: 'orgs.active',
    label: 'gov.orgs.active',
    current: activeNow,
    previous: activeBefore,
    ref: { figure: 'orgs' },
  }
  return { organisations, listings, stages, outcomes }
}

export type Overview = Awaited<ReturnType<typeof getOverview>>

/** Every figure of an overview in one list (drill-down tests, exports, the API). */
export const overviewFigures = (o: Overview) => [o.organisations, ...o.listings, ...o.stages, ...o.outcomes]
