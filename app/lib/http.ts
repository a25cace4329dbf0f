import { DEFAULT_LANGUAGE, translate } from './i18n'

/** Guards throw responses, so a loader reads as the happy path. */
export function invariantResponse(condition: unknown, message: string, init: ResponseInit = { status: 404 }): asserts condition {
  if (!condition) throw new Response(message, init)
}

/** Ids from the URL: positive integers only, anything else is a 404 (never a 500). */
export function parseId(value: string | undefined): number {
  const id = Number(value)
  invariantResponse(value && /^\d{1,9}$/.test(value) && Number.isSafeInteger(id) && id > 0, translate(DEFAULT_LANGUAGE, 'error.notFound'))
  return id
}
