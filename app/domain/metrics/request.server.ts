import { getLanguage } from '~/lib/i18n'
import { pickGovParams } from '~/lib/gov-params'
import { requireGovScope } from '../accounts/guards.server'
import { orRespond } from '../errors.server'
import { parseGovQuery, type GovActor } from './gov-query.server'

/** What every government page loader starts with: the official, their language, the URL's query, checked. */
export async function loadGovRequest(request: Request) {
  const actor = (await requireGovScope(request)) as GovActor
  const lang = getLanguage(request)
  const url = new URL(request.url)
  const params = pickGovParams(url.searchParams)
  const q = await orRespond(lang, async () => parseGovQuery({ actor, params }))
  return { actor, lang, url, params, q }
}
