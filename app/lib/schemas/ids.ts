import { z } from 'zod'
import { formMessage as m } from '../i18n/form-messages'

/** Postgres's integer: an id beyond it is not an id (the query would fail, not find nothing). */
export const MAX_ID = 2_147_483_647

/** An id as a form sends it: digits only, within range. "abc", "1e400", "0x10", "-1" and "99999999999" are not ids. */
export function parseFormId(value: unknown): number | null {
  if (typeof value !== 'string') return null
  const text = value.trim()
  if (!/^\d{1,10}$/.test(text)) return null
  const id = Number(text)
  return id > 0 && id <= MAX_ID ? id : null
}

/** A required id field: anything that is not one reads "choose one from the list" beside the field. */
export const idField = () =>
  z.unknown().transform((value, ctx) => {
    const id = parseFormId(value)
    if (id === null) ctx.addIssue({ code: 'custom', message: m('input.invalidId') })
    return id ?? z.NEVER
  })
