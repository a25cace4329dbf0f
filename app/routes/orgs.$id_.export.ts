import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireOrgRole } from '~/domain/accounts/guards.server'
import { buildListingsExport } from '~/domain/listings/export.server'
import { respondingToDomainErrors } from '~/domain/errors.server'
import { parseId } from '~/lib/http'
import { getLanguage, taxonomyLabel, translate } from '~/lib/i18n'
import { DETAILS_SCHEMAS, type CooperationTypeCode } from '~/lib/schemas/listing'
import { xlsxResponse } from '~/lib/xlsx-response'

/** One cooperation type's listings in its import template's columns (?type=, internships by default). */
export const loader = respondingToDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const organisationId = parseId(params.id)
  const actor = await requireOrgRole(request, organisationId, 'member')
  const asked = new URL(request.url).searchParams.get('type') ?? 'internship'
  const type = (Object.hasOwn(DETAILS_SCHEMAS, asked) ? asked : 'internship') as CooperationTypeCode
  const lang = getLanguage(request)
  return xlsxResponse(
    await buildListingsExport({ actor, organisationId, type }),
    translate(lang, 'publish.exportTypeFile', {
      type: taxonomyLabel.type(type, lang).split(/[（ /]/)[0]!,
      date: new Date().toISOString().slice(0, 10),
    }),
  )
})
