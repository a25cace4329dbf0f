import type { LoaderFunctionArgs } from '@remix-run/node'
import { getActor } from '~/domain/accounts/session.server'
import { storedFileResponse } from '~/domain/files/uploads.server'
import { getListingAttachment } from '~/domain/listings/attachments.server'
import { respondingToDomainErrors } from '~/domain/errors.server'
import { parseId } from '~/lib/http'

export const loader = respondingToDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const attachment = await getListingAttachment({ actor: await getActor(request), id: parseId(params.id) })
  return storedFileResponse({ file: attachment, cacheControl: 'private, max-age=300' })
})
