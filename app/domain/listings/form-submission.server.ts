import { parseWithZod } from '@conform-to/zod'
import { getLanguage } from '~/lib/i18n'
import { ListingSchema } from '~/lib/schemas/listing'
import { replyWithError } from '../errors.server'

/**
 * Runs a listing form submission: validation (400 with field messages, input kept), then the
 * write; a broken rule (e.g. not verified yet) comes back as a form message, never a 500.
 */
export async function handleListingSubmission(
  request: Request,
  write: (input: ReturnType<typeof ListingSchema.parse>, publish: boolean) => Promise<Response>,
) {
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: ListingSchema })
  if (submission.status !== 'success') return Response.json(submission.reply(), { status: 400 })
  try {
    return await write(submission.value, formData.get('intent') === 'publish')
  } catch (error) {
    return replyWithError(submission, error, getLanguage(request))
  }
}
