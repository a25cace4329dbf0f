import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireOrgRole } from '~/domain/accounts/guards.server'
import { buildListingsExport } from '~/domain/listings/export.server'
import { respondingToDomainErrors } from '~/domain/errors.server'
import { parseId } from '~/lib/http'
import { getLanguage, translate } from '~/lib/i18n'
import { xlsxResponse } from '~/lib/xlsx-response'

export const loader = respondingToDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const organisationId = parseId(params.id)
  const actor = await requireOrgRole(request, organisationId, 'member')
  return xlsxResponse(
    await buildListingsExport({ actor, organisationId }),
    translate(getLanguage(request), 'publish.exportFile', { date: new Date().toISOString().slice(0, 10) }),
  )
})
