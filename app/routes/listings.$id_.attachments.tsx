import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/domain/accounts/guards.server'
import { ATTACHMENT_LIMITS, addListingAttachment, assertListingMember, removeListingAttachment } from '~/domain/listings/attachments.server'
import { isDomainError, respondingToDomainErrors } from '~/domain/errors.server'
import { uploadedFile, withUploadForm } from '~/domain/files/uploads.server'
import { parseId } from '~/lib/http'

/** Adds or removes an attachment, then back to the listing (errors travel in the URL so the page can say them). */
export const action = respondingToDomainErrors(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requireUser(request)
  const listingId = parseId(params.id)
  await assertListingMember({ actor, listingId })
  const back = (error?: string) => redirect(`/listings/${listingId}${error ? `?attachmentError=${encodeURIComponent(error)}` : ''}`)
  try {
    await withUploadForm(request, { maxBytes: ATTACHMENT_LIMITS.maxBytes, field: 'file' }, async (form) => {
      const remove = form.fields.get('remove')
      if (remove) await removeListingAttachment({ actor, id: parseId(String(remove)) })
      else await addListingAttachment({ actor, listingId, file: uploadedFile({ form, field: 'file', missing: 'attachments.choose' }) })
    })
  } catch (error) {
    if (!isDomainError(error) || error.code === 'forbidden' || error.code === 'not_found') throw error
    return back(error.messageKey)
  }
  return back()
})
