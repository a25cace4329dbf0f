import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/domain/accounts/guards.server'
import { storedFileResponse } from '~/domain/files/uploads.server'
import { getEvidenceDocument } from '~/domain/orgs/verification.server'
import { invariantResponse, parseId } from '~/lib/http'
import { getLanguage, translate } from '~/lib/i18n'

/** Evidence is private: platform admins and the organisation's own administrators only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request)
  const doc = await getEvidenceDocument({ actor, id: parseId(params.id) })
  invariantResponse(doc, translate(getLanguage(request), 'files.missing'))
  return storedFileResponse(doc, 'private, no-store')
}
