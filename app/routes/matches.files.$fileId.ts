import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/domain/accounts/guards.server'
import { orRespond } from '~/domain/errors.server'
import { storedFileResponse } from '~/domain/files/uploads.server'
import { getMatchAttachment } from '~/domain/matches/attachments.server'
import { parseId } from '~/lib/http'
import { getLanguage } from '~/lib/i18n'

/** A match's file: the two parties and platform admins only; never cached by shared caches. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request)
  return orRespond(getLanguage(request), async () =>
    storedFileResponse({ file: await getMatchAttachment({ actor, id: parseId(params.fileId) }), cacheControl: 'private, no-store' }),
  )
}
