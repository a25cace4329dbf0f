import type { LoaderFunctionArgs } from '@remix-run/node'
import { orRespond } from '~/domain/errors.server'
import { csvResponse, xlsxStreamResponse } from '~/domain/metrics/export.server'
import { loadGovRequest } from '~/domain/metrics/request.server'
import { buildTable } from '~/domain/metrics/tables.server'
import { scopeLabel } from '~/lib/gov-labels'
import { translate } from '~/lib/i18n'

/** /gov/export?table=…&format=xlsx|csv with the page's own parameters: the table on screen, as a file. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { lang, q, url } = await loadGovRequest(request)
  const table = await orRespond(lang, () => buildTable(q, url.searchParams.get('table') ?? '', url.searchParams, lang))
  const fileName = `${scopeLabel(q.scope, lang, translate(lang, 'gov.scope.province'))}-${table.title}-${q.period.from}_${q.period.to}`
  return url.searchParams.get('format') === 'csv' ? csvResponse(table, fileName) : xlsxStreamResponse(table, fileName)
}
