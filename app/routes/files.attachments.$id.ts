import type { LoaderFunctionArgs } from '@remix-run/node'
import { getActor } from '~/domain/accounts/session.server'
import { storedFileResponse } from '~/domain/files/uploads.server'
import { getListingAttachment } from '~/domain/listings/attachments.server'
import { invariantResponse, parseId } from '~/lib/http'
import { getLanguage, translate } from '~/lib/i18n'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const attachment = await getListingAttachment({ actor: await getActor(request), id: parseId(params.id) })
  invariantResponse(attachment, translate(getLanguage(request), 'files.attachmentMissing'))
  return storedFileResponse(attachment, 'private, max-age=300')
}
