import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/domain/accounts/guards.server'
import { buildErrorReport } from '~/domain/listings/import-workbooks.server'
import { getImportJob } from '~/domain/listings/import-jobs.server'
import { respondingToDomainErrors } from '~/domain/errors.server'
import { getLanguage, translate } from '~/lib/i18n'
import { translateMessage } from '~/lib/i18n/form-messages'
import { xlsxResponse } from '~/lib/xlsx-response'

export const loader = respondingToDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireUser(request)
  const job = getImportJob({ actor, jobId: params.jobId ?? '' })
  const lang = getLanguage(request)
  const errors = job.errors.map((e) => ({ ...e, message: translateMessage(lang, e.message) }))
  return xlsxResponse(await buildErrorReport({ errors }), translate(lang, 'import.reportFile'))
})
