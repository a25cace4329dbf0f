import { z } from 'zod'
import { formMessage as m } from '../i18n/form-messages'

/** Saving a search: the /search query string, and (for visitors) the address the alerts go to. */
export const SaveSearchSchema = z.object({
  query: z.string().max(2_000).default(''),
  email: z.string().trim().toLowerCase().email(m('form.emailFormat')).max(120, m('form.emailTooLong')).optional(),
})

export const ManageSavedSearchSchema = z.object({
  intent: z.enum(['pause', 'resume', 'delete']),
  id: z.string().regex(/^[1-9]\d{0,8}$/),
  key: z.string().max(500).optional(),
})
