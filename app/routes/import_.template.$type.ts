import type { LoaderFunctionArgs } from '@remix-run/node'
import { buildTemplateWorkbook } from '~/domain/listings/import-workbooks.server'
import { invariantResponse } from '~/lib/http'
import { DETAILS_SCHEMAS, type CooperationTypeCode } from '~/lib/schemas/listing'
import { xlsxResponse } from '~/lib/xlsx-response'
import { cooperationTypeByCode } from '../../db/reference'

export async function loader({ params }: LoaderFunctionArgs) {
  const type = params.type ?? ''
  invariantResponse(type in DETAILS_SCHEMAS, '没有这种合作类型的模板')
  return xlsxResponse(
    await buildTemplateWorkbook({ type: type as CooperationTypeCode }),
    `导入模板-${cooperationTypeByCode.get(type)!.name.split(/[（ /]/)[0]}.xlsx`,
  )
}
