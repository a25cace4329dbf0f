import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/domain/accounts/guards.server'
import { orRespond } from '~/domain/errors.server'
import { buildMatchesExport } from '~/domain/matches/export.server'
import { getLanguage, translate } from '~/lib/i18n'
import { xlsxResponse } from '~/lib/xlsx-response'

/** The active organisation's matches and outcomes as XLSX. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request)
  if (!actor.activeOrganisationId) throw redirect('/account')
  const lang = getLanguage(request)
  const bytes = await orRespond(lang, () => buildMatchesExport({ actor, organisationId: actor.activeOrganisationId!, lang }))
  return xlsxResponse(bytes, `${translate(lang, 'match.list.title')}-${new Date().toISOString().slice(0, 10)}.xlsx`)
}
