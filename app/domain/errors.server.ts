import type { SubmissionResult } from '@conform-to/react'
import type { MessageKey, MessageVars } from '~/lib/i18n'
import { translate, type Language } from '~/lib/i18n'

/**
 * The one way the domain says no. `code` decides the HTTP status; `messageKey` is what the
 * reader sees, in their language; `field` ties it to a form field when there is one.
 */
export type DomainErrorCode = 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited' | 'unavailable'

const STATUS: Record<DomainErrorCode, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
}

export class DomainError extends Error {
  readonly code: DomainErrorCode
  readonly messageKey: MessageKey
  readonly field?: string
  readonly vars?: MessageVars

  constructor(code: DomainErrorCode, messageKey: MessageKey, options: { field?: string; vars?: MessageVars } = {}) {
    super(`${code}: ${messageKey}`)
    this.name = 'DomainError'
    this.code = code
    this.messageKey = messageKey
    this.field = options.field
    this.vars = options.vars
  }

  get status() {
    return STATUS[this.code]
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError

/** A DomainError as a Response for loaders and non-form actions (403, 404, 409 …). */
export function errorResponse(error: DomainError, lang: Language) {
  return new Response(translate(lang, error.messageKey, error.vars), { status: error.status })
}

type Replyable = { reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }): SubmissionResult<string[]> }

/**
 * A DomainError as the action's Conform reply: the message beside its field (or above the form),
 * the user's input kept. Anything that is not a DomainError is rethrown.
 */
export function replyWithError(submission: Replyable, error: unknown, lang: Language) {
  if (!isDomainError(error)) throw error
  if (error.code === 'not_found' || error.code === 'forbidden') throw errorResponse(error, lang)
  const message = translate(lang, error.messageKey, error.vars)
  const result = error.field ? submission.reply({ fieldErrors: { [error.field]: [message] } }) : submission.reply({ formErrors: [message] })
  return Response.json(result, { status: error.status })
}

/** Runs domain work inside a loader/action, turning a DomainError into its Response. */
export async function orRespond<T>(lang: Language, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (isDomainError(error)) throw errorResponse(error, lang)
    throw error
  }
}
