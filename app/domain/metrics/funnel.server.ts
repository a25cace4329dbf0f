import { sql } from 'drizzle-orm'
import { taxonomy } from '../../../db/reference'
import { FUNNEL_STEPS, type FigureRef } from '~/lib/gov-figures'
import type { GovQuery } from './gov-query.server'
import { dwellHistograms, medianOf, sumRollups } from './rollups.server'

export type FunnelStep = {
  step: (typeof FUNNEL_STEPS)[number]
  count: number
  /** Share of the step before that got this far (null for the first step or when nothing was there). */
  conversion: number | null
  /** Median whole days spent in this step before the next stage was entered. */
  medianDays: number | null
  ref: FigureRef
}

/** Published → contact → negotiation → signed → completed per cooperation type, with conversion and dwell. */
export async function getFunnel(q: GovQuery) {
  const [rows, dwell] = await Promise.all([sumRollups(q, sql`measure in ('listings', 'entered')`), dwellHistograms(q)])
  const types = taxonomy.cooperation_types.map((t) => t.code).filter((t) => !q.filters.type || t === q.filters.type)
  return types.map((type) => {
    let before: number | null = null
    const steps: FunnelStep[] = FUNNEL_STEPS.map((step) => {
      const count = rows
        .filter((r) => r.type === type && (step === 'published' ? r.measure === 'listings' : r.measure === 'entered' && r.stage === step))
        .reduce((s, r) => s + r.current, 0)
      const conversion = before === null || before === 0 ? null : count / before
      before = count
      return {
        step,
        count,
        conversion,
        medianDays: step === 'completed' ? null : medianOf(dwell.filter((d) => d.type === type && d.stage === step)),
        ref: step === 'published' ? { figure: 'listings', type } : { figure: 'stage', stage: step, type },
      }
    })
    return { type, steps }
  })
}
