import type { MatchStage } from '../../../db/reference'

/**
 * The one table of what may happen to a match. Pure data and one pure function, so the UI (which
 * buttons to show), the domain (what to accept) and the exhaustive test read the same rules.
 */
export const MATCH_ACTIONS = [
  'negotiate',
  'propose_sign',
  'start',
  'propose_complete',
  'confirm',
  'dispute',
  'withdraw',
  'decline',
  'terminate',
] as const
export type MatchAction = (typeof MATCH_ACTIONS)[number]

/** Which side of the match the acting organisation is on. */
export type Side = 'initiator' | 'partner'
export type OpenProposal = { kind: 'sign' | 'complete'; side: Side } | null

type Who = 'either' | 'partner' | 'proposer' | 'other_side'
type Rule = {
  from: readonly MatchStage[]
  who: Who
  /** none: no proposal may be open; open: one must be; any: either way (an open one is withdrawn). */
  proposal: 'none' | 'open' | 'any'
  to: MatchStage | 'by_proposal' | null
}

export const OPEN_STAGES = ['contact', 'negotiation', 'signed', 'in_progress'] as const satisfies readonly MatchStage[]
export const isOpenStage = (stage: MatchStage) => (OPEN_STAGES as readonly MatchStage[]).includes(stage)

export const MATCH_TRANSITIONS: Record<MatchAction, Rule> = {
  negotiate: { from: ['contact'], who: 'either', proposal: 'none', to: 'negotiation' },
  propose_sign: { from: ['negotiation'], who: 'either', proposal: 'none', to: null },
  start: { from: ['signed'], who: 'either', proposal: 'none', to: 'in_progress' },
  propose_complete: { from: ['in_progress'], who: 'either', proposal: 'none', to: null },
  confirm: { from: ['negotiation', 'in_progress'], who: 'other_side', proposal: 'open', to: 'by_proposal' },
  dispute: { from: ['negotiation', 'in_progress'], who: 'other_side', proposal: 'open', to: null },
  withdraw: { from: ['negotiation', 'in_progress'], who: 'proposer', proposal: 'open', to: null },
  decline: { from: ['contact'], who: 'partner', proposal: 'none', to: 'terminated' },
  terminate: { from: OPEN_STAGES, who: 'either', proposal: 'any', to: 'terminated' },
}

/** 终止 and 谢绝 reasons: a code from these lists plus free text. */
export const END_REASONS = [
  'no_agreement',
  'plans_changed',
  'capacity_filled',
  'partner_unresponsive',
  'requirements_unmet',
  'other',
] as const
export const DECLINE_REASONS = ['not_a_fit', 'no_capacity', 'timing', 'other'] as const
export type EndReason = (typeof END_REASONS)[number]
export type DeclineReason = (typeof DECLINE_REASONS)[number]

export type Decision =
  | { ok: true; to: MatchStage | null }
  | {
      ok: false
      reason: 'match.rule.stage' | 'match.rule.side' | 'match.rule.proposalOpen' | 'match.rule.noProposal' | 'match.rule.ownProposal'
    }

export function decide({
  stage,
  side,
  proposal,
  action,
}: {
  stage: MatchStage
  side: Side
  proposal: OpenProposal
  action: MatchAction
}): Decision {
  const rule = MATCH_TRANSITIONS[action]
  if (!rule.from.includes(stage)) return { ok: false, reason: 'match.rule.stage' }
  if (rule.proposal === 'none' && proposal) return { ok: false, reason: 'match.rule.proposalOpen' }
  if (rule.proposal === 'open' && !proposal) return { ok: false, reason: 'match.rule.noProposal' }
  if (rule.who === 'partner' && side !== 'partner') return { ok: false, reason: 'match.rule.side' }
  if (rule.who === 'other_side' && proposal?.side === side) return { ok: false, reason: 'match.rule.ownProposal' }
  if (rule.who === 'proposer' && proposal?.side !== side) return { ok: false, reason: 'match.rule.side' }
  if (rule.to === 'by_proposal') return { ok: true, to: proposal!.kind === 'sign' ? 'signed' : 'completed' }
  return { ok: true, to: rule.to }
}

/** The actions this side may take now, in the order the page offers them. */
export function allowedActions(input: { stage: MatchStage; side: Side; proposal: OpenProposal }): MatchAction[] {
  return MATCH_ACTIONS.filter((action) => decide({ ...input, action }).ok)
}
