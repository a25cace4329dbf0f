import { createHash, randomBytes } from 'node:crypto'
import { and, desc, eq, isNull } from 'drizzle-orm'
import { db } from '~/db.server'
import { apiTokens, users } from '~/db.server'
import { citiesInScope } from '../accounts/guards.server'
import type { GovScope } from '../actor'
import { recordAudit } from '../audit/audit.server'
import { DomainError } from '../errors.server'
import { consumeRateLimit } from '../rate-limit.server'
import { assertScope, type GovActor } from './gov-query.server'

export const API_RATE_LIMIT = { limit: 120, windowSeconds: 60 }
const PREFIX = 'jcj_'

const digest = (token: string) => createHash('sha256').update(token).digest('hex')

/** A new read-only token for the official's own area; the token is returned once and only its digest kept. */
export async function createApiToken({ actor, name }: { actor: GovActor; name: string }) {
  const trimmed = name.trim()
  if (trimmed.length < 1 || trimmed.length > 60) throw new DomainError('invalid', 'gov.tokens.nameRequired', { field: 'name' })
  const token = `${PREFIX}${randomBytes(24).toString('base64url')}`
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: actor.userId,
        name: trimmed,
        tokenHash: digest(token),
        prefix: token.slice(0, 10),
        scopeType: actor.govScope.type,
        scopeCode: actor.govScope.code,
      })
      .returning({ id: apiTokens.id })
    await recordAudit(tx, {
      actor,
      action: 'api_token.create',
      entity: 'api_token',
      entityId: row!.id,
      summary: { name: trimmed, scope: actor.govScope },
    })
    return { id: row!.id, token }
  })
}

export async function listApiTokens({ actor }: { actor: GovActor }) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      scopeType: apiTokens.scopeType,
      scopeCode: apiTokens.scopeCode,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      createdAt: apiTokens.createdAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, actor.userId))
    .orderBy(desc(apiTokens.id))
}

/** Only the official who created a token may revoke it; anyone else is told it does not exist. */
export async function revokeApiToken({ actor, id }: { actor: GovActor; id: number }) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id })
    if (!row) throw new DomainError('not_found', 'gov.tokens.notFound')
    await recordAudit(tx, { actor, action: 'api_token.revoke', entity: 'api_token', entityId: id })
  })
}

// eslint-disable-next-line no-restricted-syntax -- the data API answers 401/403/429 with Retry-After to machines, outside the page error shape
export class ApiAuthError extends Error {
  constructor(
    readonly status: 401 | 403 | 429,
    readonly retryAfterSeconds?: number,
  ) {
    super(`api auth ${status}`)
  }
}

/**
 * The caller of the data API: a valid, unrevoked bearer token whose owner is still an official covering
 * its area. Acts as that official limited to the token's area; counts against the token's rate limit.
 */
export async function authenticateApiToken(request: Request): Promise<{ actor: GovActor; tokenId: number }> {
  const header = request.headers.get('Authorization') ?? ''
  const match = /^Bearer\s+(jcj_[A-Za-z0-9_-]{20,64})$/.exec(header.trim())
  if (!match) throw new ApiAuthError(401)
  const [row] = await db
    .select({
      id: apiTokens.id,
      userId: apiTokens.userId,
      scopeType: apiTokens.scopeType,
      scopeCode: apiTokens.scopeCode,
      revokedAt: apiTokens.revokedAt,
      userScopeType: users.govScopeType,
      userScopeCode: users.govScopeCode,
      platformRole: users.platformRole,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, digest(match[1]!)))
  if (!row || row.revokedAt) throw new ApiAuthError(401)
  if (!row.userScopeType || !row.userScopeCode) throw new ApiAuthError(403)
  const tokenScope: GovScope = { type: row.scopeType, code: row.scopeCode }
  const owner: GovActor = {
    kind: 'user',
    userId: row.userId,
    platformRole: row.platformRole,
    govScope: { type: row.userScopeType, code: row.userScopeCode },
    activeOrganisationId: null,
    memberships: [],
  }
  try {
    assertScope(owner, tokenScope)
  } catch {
    throw new ApiAuthError(403)
  }
  if (citiesInScope(tokenScope).length === 0) throw new ApiAuthError(403)
  const limit = await consumeRateLimit(`api-token:${row.id}`, API_RATE_LIMIT)
  if (!limit.allowed) throw new ApiAuthError(429, limit.retryAfterSeconds)
  await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id))
  return { actor: { ...owner, govScope: tokenScope }, tokenId: row.id }
}

/** One audit row per API call, whatever its answer. */
export async function auditApiCall({ actor, tokenId, path, status }: { actor: GovActor; tokenId: number; path: string; status: number }) {
  await recordAudit(db, { actor, action: 'api.call', entity: 'api_token', entityId: tokenId, summary: { path, status } })
}
