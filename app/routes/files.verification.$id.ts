import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/domain/accounts/guards.server'
import { storedFileResponse } from '~/domain/files/uploads.server'
import { getEvidenceDocument } from '~/domain/orgs/verification.server'
import { respondingToDomainErrors } from '~/domain/errors.server'
import { parseId } from '~/lib/http'

/** Evidence is private: platform admins and the organisation's own administrators only. */
export const loader = respondingToDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireUser(request)
  const doc = await getEvidenceDocument({ actor, id: parseId(params.id) })
  return storedFileResponse({ file: doc, cacheControl: 'private, no-store' })
})
