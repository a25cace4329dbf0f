import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * Domain functions take ONE object argument (with the `actor` when someone asks), so a call reads
 * `getListing({ id, actor })` and a new option never shifts the others. The exceptions are kinds,
 * recognised by their first parameter, plus a short list of pure helpers and jobs.
 */
const EXEMPT_FIRST_PARAMETER = new Set([
  'Request', // request-level helpers: guards, session cookies, form and upload readers
  'Executor', // joins the caller's transaction: recordAudit(tx, entry), queueMail(tx, mail)
  'GovQuery', // a scope-checked government query: { actor, scope, period, filters }, plus options
  'GovActor', // scope checks of an official, the actor itself
])

const EXEMPT: Record<string, string> = {
  'accounts/guards.server.ts:assertOrgRole': 'the guard every domain function starts with',
  'accounts/guards.server.ts:forbidden': 'builds the refusal guards throw',
  'accounts/guards.server.ts:citiesInScope': 'pure: a scope to its city codes',
  'matching/recommend.server.ts:nearbyCities': 'pure: a city to the cities near it, nearest first',
  'accounts/sign-in.server.ts:hashToken': 'pure',
  'accounts/session.server.ts:signValue': 'pure apart from the secret: (purpose, value) to its HMAC',
  'accounts/session.server.ts:isSignedValue': 'the check of signValue, same arguments plus the signature',
  'alerts/saved-searches.server.ts:canonicalQuery': 'pure: a search URL query to its canonical form',
  'alerts/saved-searches.server.ts:searchParamsOf': 'pure: a saved query string to search parameters',
  'alerts/saved-searches.server.ts:labelOf': 'pure: a saved query to its label in both languages',
  'alerts/saved-searches.server.ts:manageKey': 'a signed key for one address (signValue)',
  'alerts/saved-searches.server.ts:unsubscribeToken': 'a signed token for one saved search (signValue)',
  'alerts/saved-searches.server.ts:emailOfManageKey': 'the check of manageKey',
  'accounts/gov-accounts.server.ts:describeScope': 'pure: a scope to its name',
  'accounts/gov-accounts.server.ts:isKnownScope': 'pure predicate',
  'accounts/password.server.ts:hashPassword': 'pure',
  'accounts/password.server.ts:verifyPassword': 'pure',
  'accounts/session.server.ts:actorFrom': 'pure: a session user to an actor',
  'files/uploads.server.ts:contentDisposition': 'pure: a file name to its Content-Disposition value',
  'errors.server.ts:errorResponse': 'error plumbing',
  'errors.server.ts:isDomainError': 'error plumbing',
  'errors.server.ts:replyWithError': 'error plumbing',
  'errors.server.ts:isUnavailable': 'error plumbing',
  'errors.server.ts:orRespond': 'error plumbing',
  'errors.server.ts:respondingToDomainErrors': 'error plumbing',
  'files/uploads.server.ts:uploadsDir': 'a path',
  'listings/csv-rows.server.ts:decodeCsv': 'pure: bytes to text',
  'listings/csv-rows.server.ts:parseCsv': 'pure: text to rows',
  'listings/import-match.server.ts:dryRun': 'runs a piece of work in a transaction that is rolled back',
  'listings/import-workbooks.server.ts:exportReference': 'pure: a listing id to its exported 内部编号',
  'metrics/quota.server.ts:parseQuotaYear': 'pure: a ?year= value to a year',
  'listings/xlsx-rows.server.ts:openFirstSheet': 'pure: bytes to rows',
  'orgs/verification.server.ts:checkEvidenceFile': 'pure check of an uploaded file',
  'rate-limit.server.ts:consumeRateLimit': 'keyed counter, no actor',
  'rate-limit.server.ts:resetRateLimit': 'keyed counter, no actor',
  'listings/mutations.server.ts:expireListings': 'a scheduled job (no actor); the jobs module owns its call',
  'mail/mail.server.ts:sendPendingMail': 'a scheduled job (no actor); the jobs module owns its call',
  'mail/messages.server.ts:bilingualMail': 'pure: a mail in both languages',
  'accounts/session.server.ts:rememberDevice': 'cookie helper for a signed device mark',
  'accounts/session.server.ts:storedSessionId': 'pure: the hash a session id is stored as',
  'listings/attachments.server.ts:attachmentErrorMessage': 'pure: a known upload error code to its message',
  'mail/link-origin.server.ts:trustedOrigin': 'pure: the configured origin for emailed links',
  'metrics/compliance.server.ts:parseComplianceYear': 'pure: a year parameter, clamped',
  'metrics/export.server.ts:csvResponse': 'pure: a table to a CSV response',
  'metrics/export.server.ts:xlsxStreamResponse': 'pure: a table to a streamed XLSX response',
  'metrics/gov-query.server.ts:beijingToday': 'pure: today in Beijing time',
  'metrics/gov-query.server.ts:parsePeriod': 'pure: URL parameters to a period, refused when malformed',
  'metrics/gov-query.server.ts:regionsOf': 'pure: the regional groups a scope covers',
  'metrics/rollups.server.ts:medianOf': 'pure: median of a day histogram',
  'metrics/rollups.server.ts:sumMeasure': 'pure: one measure out of summed rollup rows',
  'metrics/rollups.server.ts:monthIndexes': 'pure: the whole months of a span as metric_month_index() numbers',
  'metrics/sources.server.ts:matchInCluster': 'pure: a SQL fragment',
  'metrics/sources.server.ts:platformUnion': 'pure: a SQL fragment',
  'metrics/sql.server.ts:inList': 'pure: a SQL fragment',
  'metrics/sql.server.ts:dayStart': 'pure: a SQL fragment',
  'metrics/sql.server.ts:dayAfter': 'pure: a SQL fragment',
  'metrics/sql.server.ts:between': 'pure: a SQL fragment',
  'metrics/sql.server.ts:num': 'pure: a number from a driver value',
  'metrics/tables.server.ts:buildTable': 'pure: figures to an exportable table',
  'metrics/trends.server.ts:lastMonths': 'pure: the months of a trend window',
  'rate-limit.server.ts:checkRateLimits': 'keyed counters, no actor',
  'rate-limit.server.ts:recordRateLimited': 'keyed counters, no actor',
  'rate-limit.server.ts:resetRateLimits': 'keyed counters, no actor',
  'matches/mutations.server.ts:sideOf': 'pure: which side of a match an actor is on',
  'matches/notifications.server.ts:renderNotification': 'pure: a stored notification in a language',
  'matches/queries.server.ts:ctaFor': 'pure: the start button wording per type and direction',
  'matching/allocation.server.ts:compareRuns': 'pure: two allocation results side by side',
  'matching/recommend.server.ts:majorsOf': "pure: a listing's majors",
  'matching/recommend.server.ts:partyOf': 'pure: a listing row to a scoring party',
  'matching/recommend.server.ts:loadContext': 'internal batch loader for ranking, called with ids already scoped by the caller',
  'matching/terms.server.ts:keyTerms': 'pure: text to weighted terms',
}

const DOMAIN = import.meta.dirname

function domainFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return domainFiles(full)
    return name.endsWith('.server.ts') ? [full] : []
  })
}

function exportedFunctions(file: string) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  const found: { name: string; parameters: readonly ts.ParameterDeclaration[] }[] = []
  for (const statement of source.statements) {
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
    if (!exported) continue
    if (ts.isFunctionDeclaration(statement) && statement.name) found.push({ name: statement.name.text, parameters: statement.parameters })
    if (ts.isVariableStatement(statement))
      for (const d of statement.declarationList.declarations)
        if (d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer)) && ts.isIdentifier(d.name))
          found.push({ name: d.name.text, parameters: d.initializer.parameters })
  }
  return found
}

const takesOneObject = (parameters: readonly ts.ParameterDeclaration[]) =>
  parameters.length === 0 ||
  (parameters.length === 1 &&
    (ts.isObjectBindingPattern(parameters[0]!.name) ||
      (parameters[0]!.type && (ts.isTypeLiteralNode(parameters[0]!.type) || ts.isTypeReferenceNode(parameters[0]!.type)))))

const functions = domainFiles(DOMAIN).flatMap((file) =>
  exportedFunctions(file).map((fn) => ({ ...fn, id: `${path.relative(DOMAIN, file)}:${fn.name}` })),
)

describe('domain functions', () => {
  it('are found', () => {
    expect(functions.length).toBeGreaterThan(60)
  })

  it('take one object argument, unless request-level, part of a transaction, or a listed pure helper or job', () => {
    const positional = functions
      .filter((fn) => !takesOneObject(fn.parameters))
      .filter((fn) => !EXEMPT_FIRST_PARAMETER.has(fn.parameters[0]?.type?.getText() ?? ''))
      .filter((fn) => !(fn.id in EXEMPT))
      .map((fn) => fn.id)
    expect(positional).toEqual([])
  })

  it('list no exemption that no longer exists', () => {
    const ids = new Set(functions.map((fn) => fn.id))
    expect(Object.keys(EXEMPT).filter((id) => !ids.has(id))).toEqual([])
  })
})
