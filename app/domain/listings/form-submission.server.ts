import { parseWithZod } from '@conform-to/zod'
import { getLanguage } from '~/lib/i18n'
import { ListingDraftSchema, ListingSchema, type ListingDraftInput } from '~/lib/schemas/listing'
import { replyWithError } from '../errors.server'
import { readForm } from '../request-form.server'

/**
 * Runs a listing form submission: validation (400 with field messages, input kept), then the
 * write; a broken rule (e.g. not verified yet) comes back as a form message, never a 500.
 * 保存草稿 on a draft checks only what was filled in; publishing (or editing a listing that is
 * already out) checks every required field.
 */
export async function handleListingSubmission(
  request: Request,
  write: (input: ListingDraftInput, publish: boolean) => Promise<Response>,
  { draftAllowed = true }: { draftAllowed?: boolean } = {},
) {
  const formData = await readForm(request)
  const publish = formData.get('intent') === 'publish'
  const submission = parseWithZod(formData, { schema: publish || !draftAllowed ? ListingSchema : ListingDraftSchema })
  if (submission.status !== 'success') return Response.json(submission.reply(), { status: 400 })
  try {
    return await write(submission.value, publish)
  } catch (error) {
    return replyWithError(submission, error, getLanguage(request))
  }
}
