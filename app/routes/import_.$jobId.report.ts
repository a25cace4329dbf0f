import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/domain/accounts/guards.server'
import { buildErrorReport } from '~/domain/listings/import.server'
import { getImportJob } from '~/domain/listings/import-jobs.server'
import { invariantResponse } from '~/lib/http'
import { xlsxResponse } from '~/lib/xlsx-response'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request)
  const job = getImportJob({ actor, jobId: params.jobId ?? '' })
  invariantResponse(job, '导入任务不存在或已过期')
  return xlsxResponse(await buildErrorReport(job.errors), '导入错误报告.xlsx')
}
