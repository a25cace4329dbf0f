import { describe, expect, it } from 'vitest'
import { MATCH_STAGES } from '../../../db/reference'
import { MATCH_ACTIONS, decide, type OpenProposal, type Side } from './transitions'

/**
 * Every stage × action × side × proposal state, against the rules written out once more by hand:
 * "stage action side proposal → result". Anything not listed must be refused.
 */
const ALLOWED = `
contact negotiate initiator none → negotiation
contact negotiate partner none → negotiation
contact decline partner none → terminated
contact terminate initiator none → terminated
contact terminate partner none → terminated
negotiation propose_sign initiator none → -
negotiation propose_sign partner none → -
negotiation terminate initiator none → terminated
negotiation terminate partner none → terminated
negotiation confirm initiator sign-by-partner → signed
negotiation confirm partner sign-by-initiator → signed
negotiation dispute initiator sign-by-partner → -
negotiation dispute partner sign-by-initiator → -
negotiation withdraw initiator sign-by-initiator → -
negotiation withdraw partner sign-by-partner → -
negotiation terminate initiator sign-by-initiator → terminated
negotiation terminate initiator sign-by-partner → terminated
negotiation terminate partner sign-by-initiator → terminated
negotiation terminate partner sign-by-partner → terminated
signed start initiator none → in_progress
signed start partner none → in_progress
signed terminate initiator none → terminated
signed terminate partner none → terminated
in_progress propose_complete initiator none → -
in_progress propose_complete partner none → -
in_progress terminate initiator none → terminated
in_progress terminate partner none → terminated
in_progress confirm initiator complete-by-partner → completed
in_progress confirm partner complete-by-initiator → completed
in_progress dispute initiator complete-by-partner → -
in_progress dispute partner complete-by-initiator → -
in_progress withdraw initiator complete-by-initiator → -
in_progress withdraw partner complete-by-partner → -
in_progress terminate initiator complete-by-initiator → terminated
in_progress terminate initiator complete-by-partner → terminated
in_progress terminate partner complete-by-initiator → terminated
in_progress terminate partner complete-by-partner → terminated
`
  .trim()
  .split('\n')

const SIDES: Side[] = ['initiator', 'partner']
const PROPOSALS: Record<string, OpenProposal> = {
  none: null,
  'sign-by-initiator': { kind: 'sign', side: 'initiator' },
  'sign-by-partner': { kind: 'sign', side: 'partner' },
  'complete-by-initiator': { kind: 'complete', side: 'initiator' },
  'complete-by-partner': { kind: 'complete', side: 'partner' },
}
// A proposal only exists in the stage that makes it: sign at 洽谈, complete at 执行.
const possible = (stage: string, p: string) =>
  p === 'none' || (p.startsWith('sign') && stage === 'negotiation') || (p.startsWith('complete') && stage === 'in_progress')

const cases = MATCH_STAGES.flatMap((stage) =>
  MATCH_ACTIONS.flatMap((action) =>
    SIDES.flatMap((side) =>
      Object.keys(PROPOSALS)
        .filter((p) => possible(stage, p))
        .map((p) => ({ stage, action, side, p })),
    ),
  ),
)

describe('match transition table', () => {
  it.each(cases)('$stage $action by $side with proposal $p', ({ stage, action, side, p }) => {
    const decision = decide({ stage, action, side, proposal: PROPOSALS[p]! })
    const line = ALLOWED.find((l) => l.startsWith(`${stage} ${action} ${side} ${p} →`))
    if (!line) expect(decision.ok).toBe(false)
    else {
      const to = line.split('→ ')[1]
      expect(decision).toEqual({ ok: true, to: to === '-' ? null : to })
    }
  })

  it('lists only reachable combinations and every allowed line is exercised', () => {
    for (const line of ALLOWED) {
      const [stage, action, side, p] = line.split(' ')
      expect(cases.some((c) => c.stage === stage && c.action === action && c.side === side && c.p === p)).toBe(true)
    }
    expect(cases.length).toBe(6 * 9 * 2 + 2 * 9 * 2 * 2)
  })

  it('says why: a confirmation by the proposing side is refused as such', () => {
    expect(decide({ stage: 'negotiation', action: 'confirm', side: 'initiator', proposal: PROPOSALS['sign-by-initiator']! })).toEqual({
      ok: false,
      reason: 'match.rule.ownProposal',
    })
    expect(decide({ stage: 'completed', action: 'terminate', side: 'initiator', proposal: null })).toEqual({
      ok: false,
      reason: 'match.rule.stage',
    })
    expect(decide({ stage: 'contact', action: 'decline', side: 'initiator', proposal: null })).toEqual({
      ok: false,
      reason: 'match.rule.side',
    })
  })
})
