import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/domain/accounts/guards.server'
import { buildErrorReport } from '~/domain/listings/import-workbooks.server'
import { getImportJob } from '~/domain/listings/import-jobs.server'
import { respondingToDomainErrors } from '~/domain/errors.server'
import { xlsxResponse } from '~/lib/xlsx-response'

export const loader = respondingToDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireUser(request)
  const job = getImportJob({ actor, jobId: params.jobId ?? '' })
  return xlsxResponse(await buildErrorReport({ errors: job.errors }), '导入错误报告.xlsx')
})
