import type { LoaderFunctionArgs } from '@remix-run/node'
import { getActor } from '~/domain/accounts/session.server'
import { storedFileResponse } from '~/domain/files/uploads.server'
import { getListingAttachment } from '~/domain/listings/attachments.server'
import { invariantResponse, parseId } from '~/lib/http'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const attachment = await getListingAttachment({ actor: await getActor(request), id: parseId(params.id) })
  invariantResponse(attachment, '附件不存在')
  return storedFileResponse(attachment, 'private, max-age=300')
}
