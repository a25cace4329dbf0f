import { z } from 'zod'
import { formMessage as m, label as l } from '../i18n/form-messages'
import type { MessageKey } from '../i18n'

export const MATCH_MESSAGE_MAX = 2000
export const MATCH_NOTE_MAX = 1000
export const SUSPEND_REASON_MAX = 500

const bounded = (label: MessageKey, max: number) => z.string().max(max, m('form.tooLong', { label: l(label), max }))

/**
 * The match page's forms share one action, told apart by `intent`. The free-text fields are bounded
 * here, so an over-long one is answered beside its field before anything reaches the domain; the
 * step's own fields (outcome figures) pass through to the domain, which checks them.
 */
export const MatchFormSchema = z
  .object({
    intent: z.enum(['message', 'act', 'upload', 'report', 'list']),
    body: bounded('match.page.message', MATCH_MESSAGE_MAX).optional(),
    note: bounded('match.page.reasonText', MATCH_NOTE_MAX).optional(),
    reason: z.string().max(40).optional(),
    action: z.string().max(40).optional(),
  })
  .passthrough()
