import { eq } from 'drizzle-orm'
import { db } from '~/db.server'
import { formMessage } from '~/lib/i18n/form-messages'
import { uniqueViolation } from '../../../db/errors'
import type { RegisterOrganisationInput } from '~/lib/schemas/registration'
import { splitMajors } from '~/lib/schemas/registration'
import { enqueueSearchSync } from '../../../db/outbox'
import { memberships, organisationClusters, organisations, users } from '../../../db/schema'
import { hashPassword } from '../accounts/password.server'
import { recordAudit } from '../audit/audit.server'

// Codes are public facts (the credit-code register is public); whether an email has an account is not.
const CREDIT_CODE_TAKEN = (): RegistrationResult => ({
  ok: false,
  fieldErrors: { creditCode: ['该统一社会信用代码已注册。如是本机构同事，请让管理员邀请您加入。'] },
})
const EMAIL_TAKEN = (): RegistrationResult => ({ ok: false, fieldErrors: { email: [formMessage('security.emailTaken')] } })

export type RegistrationResult =
  | { ok: true; userId: number; organisationId: number }
  | { ok: false; fieldErrors: Partial<Record<keyof RegisterOrganisationInput, string[]>> }

/**
 * Creates the organisation, its first user (who becomes its administrator) and the membership
 * in one transaction. The organisation starts unverified.
 */
export async function registerOrganisation(input: RegisterOrganisationInput): Promise<RegistrationResult> {
  const [existingCode] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.creditCode, input.creditCode))
  if (existingCode) return CREDIT_CODE_TAKEN()
  const [existingUser] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email))
  if (existingUser) return EMAIL_TAKEN()

  const passwordHash = await hashPassword(input.password)
  return db
    .transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, name: input.contactName, passwordHash })
        .returning({ id: users.id })
      const [org] = await tx
        .insert(organisations)
        .values({
          kind: input.kind,
          name: input.name,
          creditCode: input.creditCode,
          cityCode: input.cityCode,
          address: input.address,
          staffCount: input.staffCount ?? null,
          technicalPostCount: input.technicalPostCount ?? null,
          studentCount: input.studentCount ?? null,
          majors: splitMajors(input.majors),
          contactName: input.contactName,
          contactPhone: input.contactPhone,
          contactEmail: input.email,
          verification: 'unverified',
        })
        .returning({ id: organisations.id })
      await tx.insert(organisationClusters).values(input.clusters.map((clusterCode) => ({ organisationId: org!.id, clusterCode })))
      await tx.insert(memberships).values({ userId: user!.id, organisationId: org!.id, role: 'admin' })
      await enqueueSearchSync(tx, 'organisation', [org!.id])
      await recordAudit(tx, {
        actor: { kind: 'user', userId: user!.id, platformRole: 'user', govScope: null, activeOrganisationId: org!.id, memberships: [] },
        organisationId: org!.id,
        action: 'organisation.register',
        entity: 'organisation',
        entityId: org!.id,
        summary: { name: input.name, kind: input.kind, city: input.cityCode, admin: input.email },
      })
      return { ok: true as const, userId: user!.id, organisationId: org!.id }
    })
    .catch((error: unknown) => {
      // Two registrations racing past the checks above: the unique constraints decide, with the same answer.
      const constraint = uniqueViolation(error)
      if (constraint === 'users_email_unique') return EMAIL_TAKEN()
      if (constraint === 'organisations_credit_code_key') return CREDIT_CODE_TAKEN()
      throw error
    })
}
