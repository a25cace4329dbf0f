import type { SubmissionResult } from '@conform-to/react'
import type { MessageKey, MessageVars } from '~/lib/i18n'
import { getLanguage, translate, type Language } from '~/lib/i18n'

/**
 * The one way the domain says no. `code` decides the HTTP status; `messageKey` is what the
 * reader sees, in their language; `field` ties it to a form field when there is one.
 */
export type DomainErrorCode =
  'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'too_large' | 'unsupported' | 'rate_limited' | 'unavailable'

const STATUS: Record<DomainErrorCode, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
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

type ReplyOptions = { formErrors?: string[]; fieldErrors?: Record<string, string[]>; hideFields?: string[]; resetForm?: boolean }
type Replyable = { reply(options?: ReplyOptions): SubmissionResult<string[]> }

/**
 * A DomainError as the action's Conform reply: the message beside its field (or above the form),
 * the user's input kept (except `hideFields`, e.g. passwords). Refusals (403/404) become the
 * error page; anything that is not a DomainError is rethrown.
 */
export function replyWithError(submission: Replyable, error: unknown, lang: Language, options: { hideFields?: string[] } = {}) {
  if (isUnavailable(error)) throw errorResponse(new DomainError('unavailable', 'error.unavailableHint'), lang)
  if (!isDomainError(error)) throw error
  if (error.code === 'not_found' || error.code === 'forbidden') throw errorResponse(error, lang)
  const message = translate(lang, error.messageKey, error.vars)
  const result = submission.reply({
    ...(error.field ? { fieldErrors: { [error.field]: [message] } } : { formErrors: [message] }),
    hideFields: options.hideFields,
  })
  return Response.json(result, { status: error.status })
}

/** The database (or the network to it) is down: 503 with its own page, not a server error. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECTION_CLOSED',
  '57P01',
  '57P02',
  '57P03',
  '53300',
])

export function isUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true
  }
  return false
}

/** Runs domain work inside a loader/action, turning a DomainError (or a database outage) into its Response. */
export async function orRespond<T>(lang: Language, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (isDomainError(error)) throw errorResponse(error, lang)
    if (isUnavailable(error)) throw errorResponse(new DomainError('unavailable', 'error.unavailableHint'), lang)
    throw error
  }
}

/**
 * Wraps a whole loader or action in `orRespond`, so a refusal thrown anywhere in the domain
 * reaches the route's ErrorBoundary as 403/404/409 in the reader's language.
 */
export function respondingToDomainErrors<Args extends { request: Request }, R>(handler: (args: Args) => Promise<R>) {
  return (args: Args) => orRespond(getLanguage(args.request), () => handler(args))
}
