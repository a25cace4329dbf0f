import {
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
} from '@remix-run/node'
import { requireUser } from '~/domain/accounts/guards.server'
import { ATTACHMENT_LIMITS, addListingAttachment, assertListingMember, removeListingAttachment } from '~/domain/listings/attachments.server'
import { parseId } from '~/lib/http'
import { formMessage } from '~/lib/i18n/form-messages'

/** Adds or removes an attachment, then back to the listing (errors travel in the URL so the page can say them). */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUser(request)
  const listingId = parseId(params.id)
  await assertListingMember(actor, listingId)
  const back = (error?: string) => redirect(`/listings/${listingId}${error ? `?attachmentError=${encodeURIComponent(error)}` : ''}`)
  let form: FormData
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: ATTACHMENT_LIMITS.maxBytes }))
  } catch (error) {
    return back(
      error instanceof MaxPartSizeExceededError
        ? formMessage('attachments.tooBig', { mb: ATTACHMENT_LIMITS.maxBytes / 1024 / 1024 })
        : formMessage('attachments.failed'),
    )
  }
  const remove = form.get('remove')
  if (remove) {
    await removeListingAttachment({ actor, id: parseId(String(remove)) })
    return back()
  }
  const file = form.get('file')
  if (!(file instanceof File)) return back(formMessage('attachments.choose'))
  const result = await addListingAttachment({
    actor,
    listingId,
    file: { name: file.name, size: file.size, bytes: new Uint8Array(await file.arrayBuffer()) },
  })
  return back(result.ok ? undefined : result.message)
}
