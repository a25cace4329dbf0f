import type { LoaderFunctionArgs } from '@remix-run/node'
import { buildTemplateWorkbook } from '~/domain/listings/import-workbooks.server'
import { invariantResponse } from '~/lib/http'
import { getLanguage, taxonomyLabel, translate } from '~/lib/i18n'
import { DETAILS_SCHEMAS, type CooperationTypeCode } from '~/lib/schemas/listing'
import { xlsxResponse } from '~/lib/xlsx-response'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = getLanguage(request)
  const type = params.type ?? ''
  invariantResponse(Object.hasOwn(DETAILS_SCHEMAS, type), translate(lang, 'import.noTemplate'))
  return xlsxResponse(
    await buildTemplateWorkbook({ type: type as CooperationTypeCode }),
    translate(lang, 'import.templateFile', { type: taxonomyLabel.type(type, lang).split(/[（ /]/)[0]! }),
  )
}
