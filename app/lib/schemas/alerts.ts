import { z } from 'zod'
import { formMessage as m, label as l } from '../i18n/form-messages'

const tooLong = (max: number) => m('form.tooLong', { label: l('form.label.thisField'), max })

/** Saving a search: the /search query string, and (for visitors) the address the alerts go to. */
export const SaveSearchSchema = z.object({
  query: z.string().max(2_000, tooLong(2_000)).default(''),
  email: z.string().trim().toLowerCase().email(m('form.emailFormat')).max(120, m('form.emailTooLong')).optional(),
})

export const ManageSavedSearchSchema = z.object({
  intent: z.enum(['pause', 'resume', 'delete']),
  id: z
    .string()
    .max(9)
    .regex(/^[1-9]\d{0,8}$/),
  key: z.string().max(500, tooLong(500)).optional(),
})
