import type { LoaderFunctionArgs } from '@remix-run/node'
import { anonymous } from '~/domain/actor'
import { recordAudit } from '~/domain/audit/audit.server'
import { isDomainError } from '~/domain/errors.server'
import { ApiAuthError, auditApiCall, authenticateApiToken } from '~/domain/metrics/api-tokens.server'
import { getQuotaCompliance, parseComplianceYear } from '~/domain/metrics/compliance.server'
import { getCoverage } from '~/domain/metrics/coverage.server'
import { getFunnel } from '~/domain/metrics/funnel.server'
import { parseGovQuery, type GovQuery } from '~/domain/metrics/gov-query.server'
import { OPENAPI } from '~/domain/metrics/openapi'
import { getOverview } from '~/domain/metrics/overview.server'
import { listRecords, parseFigureRef } from '~/domain/metrics/records.server'
import { getTargets } from '~/domain/metrics/targets.server'
import { getTrends } from '~/domain/metrics/trends.server'
import { db } from '~/db.server'
import { pickGovParams } from '~/lib/gov-params'
import { getLanguage, translate } from '~/lib/i18n'

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'private, no-store', ...headers } })

const ENDPOINTS: Record<string, (q: GovQuery, search: URLSearchParams) => Promise<unknown>> = {
  overview: (q) => getOverview(q),
  funnel: (q) => getFunnel(q),
  quota: (q, s) =>
    getQuotaCompliance(q, { year: parseComplianceYear(s.get('year') ?? undefined), size: s.get('size'), sort: s.get('sort') }),
  coverage: (q) => getCoverage(q),
  targets: (q) => getTargets(q),
  trends: (q, s) => getTrends(q, { metric: s.get('metric') ?? undefined, group: s.get('group') ?? undefined }),
  records: (q, s) => {
    const limit = Math.min(1000, Math.max(1, Number(s.get('limit')) || 100))
    const offset = Math.max(0, Math.floor(Number(s.get('offset')) || 0))
    return listRecords(q, parseFigureRef(s), { limit, offset, year: parseComplianceYear(s.get('year') ?? undefined) })
  },
}

/** /api/v1/*: the OpenAPI document in the open, every figure behind a bearer token, each call audited. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const name = params['*'] ?? ''
  const lang = getLanguage(request)
  if (name === 'openapi.json') return json(OPENAPI)
  // The name comes from the URL: /api/v1/__proto__ must not reach Object's own properties.
  const endpoint = Object.hasOwn(ENDPOINTS, name) ? ENDPOINTS[name] : undefined
  if (!endpoint) return json({ error: 'not_found', message: translate(lang, 'gov.api.notFound') }, 404)
  const url = new URL(request.url)
  let caller: Awaited<ReturnType<typeof authenticateApiToken>>
  try {
    caller = await authenticateApiToken(request)
  } catch (error) {
    if (!(error instanceof ApiAuthError)) throw error
    await recordAudit(db, {
      actor: anonymous,
      action: 'api.refused',
      entity: 'api_token',
      summary: { path: url.pathname, status: error.status },
    })
    const body = {
      error: error.status === 429 ? 'rate_limited' : error.status === 403 ? 'forbidden' : 'unauthorized',
      message: translate(
        lang,
        error.status === 429 ? 'domain.rateLimited' : error.status === 403 ? 'gov.error.outOfScope' : 'gov.api.unauthorized',
      ),
    }
    return json(
      body,
      error.status,
      error.retryAfterSeconds ? { 'Retry-After': String(error.retryAfterSeconds) } : { 'WWW-Authenticate': 'Bearer' },
    )
  }
  let status = 200
  try {
    const q = parseGovQuery({ actor: caller.actor, params: pickGovParams(url.searchParams) })
    const data = await endpoint(q, url.searchParams)
    return json({ scope: q.scope, period: q.period, data })
  } catch (error) {
    if (!isDomainError(error)) {
      status = 500
      throw error
    }
    status = error.status
    return json({ error: error.code, message: translate(lang, error.messageKey, error.vars) }, error.status)
  } finally {
    await auditApiCall({ actor: caller.actor, tokenId: caller.tokenId, path: `${url.pathname}${url.search}`, status })
  }
}
