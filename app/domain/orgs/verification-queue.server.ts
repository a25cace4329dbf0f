import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm'
import { db, organisations, verificationDocuments } from '~/db.server'
import { checkCreditCodeDivision, SHANXI_DIVISIONS } from '../../../db/reference'
import { forbidden } from '../accounts/guards.server'
import { isPlatformAdmin, type Actor } from '../actor'
import { QUEUE_FILTERS, QUEUE_PER_PAGE, type QueueFilter, type QueueQuery } from '~/lib/verification-queue'

export { parseQueueQuery, QUEUE_FILTERS, QUEUE_PER_PAGE, type QueueFilter, type QueueQuery } from '~/lib/verification-queue'

const hasEvidence = sql<boolean>`exists (select 1 from ${verificationDocuments} d where d.organisation_id = "organisations"."id")`

// The same rule as checkCreditCodeDivision, in SQL, so the flagged filter pages correctly.
const cityPrefix = sql.join(
  [
    sql`case "organisations"."city_code"`,
    ...Object.entries(SHANXI_DIVISIONS).map(([city, division]) => sql`when ${city} then ${division.slice(0, 4)}`),
    sql`end`,
  ],
  sql` `,
)
const flagged = sql<boolean>`("organisations"."credit_code" is not null and (substring("organisations"."credit_code" from 3 for 2) <> '14'
  or (substring("organisations"."credit_code" from 5 for 2) <> '00' and substring("organisations"."credit_code" from 3 for 4) <> ${cityPrefix})))`

const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`)

function whereFor(filter: QueueFilter): SQL | undefined {
  switch (filter) {
    case 'open':
      return inArray(organisations.verification, ['pending', 'unverified'])
    case 'pending':
    case 'unverified':
    case 'rejected':
      return eq(organisations.verification, filter)
    case 'flagged':
      return and(inArray(organisations.verification, ['pending', 'unverified', 'rejected']), flagged)
    case 'no_evidence':
      return and(inArray(organisations.verification, ['pending', 'unverified']), sql`not ${hasEvidence}`)
  }
}

/**
 * The platform admin's queue: pending (evidence uploaded) first, oldest first within each state;
 * filters, search by name or credit code, paging. Each entry says where its credit code was
 * registered and flags one outside Shanxi or in another city than the one chosen.
 */
export async function listVerificationQueue({ actor, query }: { actor: Actor; query: QueueQuery }) {
  if (!isPlatformAdmin(actor)) throw forbidden('domain.platformAdminOnly')
  const search = query.q
    ? or(ilike(organisations.name, `%${escapeLike(query.q)}%`), ilike(organisations.creditCode, `%${escapeLike(query.q.toUpperCase())}%`))
    : undefined
  const where = and(whereFor(query.filter), search)
  const [orgs, [{ total } = { total: 0 }], counts] = await Promise.all([
    db
      .select({
        id: organisations.id,
        name: organisations.name,
        kind: organisations.kind,
        creditCode: organisations.creditCode,
        cityCode: organisations.cityCode,
        verification: organisations.verification,
        verificationNote: organisations.verificationNote,
        createdAt: organisations.createdAt,
      })
      .from(organisations)
      .where(where)
      .orderBy(desc(eq(organisations.verification, 'pending')), asc(organisations.createdAt), asc(organisations.id))
      .limit(QUEUE_PER_PAGE)
      .offset((query.page - 1) * QUEUE_PER_PAGE),
    db.select({ total: count() }).from(organisations).where(where),
    Promise.all(
      QUEUE_FILTERS.map(async (filter) => {
        const [row] = await db
          .select({ n: count() })
          .from(organisations)
          .where(and(whereFor(filter), search))
        return [filter, Number(row?.n ?? 0)] as const
      }),
    ),
  ])
  const docs = orgs.length
    ? await db
        .select({
          id: verificationDocuments.id,
          organisationId: verificationDocuments.organisationId,
          fileName: verificationDocuments.fileName,
          sizeBytes: verificationDocuments.sizeBytes,
          createdAt: verificationDocuments.createdAt,
        })
        .from(verificationDocuments)
        .where(
          inArray(
            verificationDocuments.organisationId,
            orgs.map((o) => o.id),
          ),
        )
        .orderBy(desc(verificationDocuments.createdAt))
    : []
  return {
    entries: orgs.map((o) => ({
      ...o,
      division: checkCreditCodeDivision(o.creditCode, o.cityCode),
      documents: docs.filter((d) => d.organisationId === o.id),
    })),
    total: Number(total),
    totalPages: Math.max(1, Math.ceil(Number(total) / QUEUE_PER_PAGE)),
    counts: Object.fromEntries(counts) as Record<QueueFilter, number>,
  }
}
