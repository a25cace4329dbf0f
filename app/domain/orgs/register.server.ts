import { eq } from 'drizzle-orm'
import { db, enqueueSearchSync, uniqueViolation, memberships, organisationClusters, organisations, users } from '~/db.server'
import type { RegisterOrganisationInput } from '~/lib/schemas/registration'
import { splitMajors } from '~/lib/schemas/registration'
import { hashPassword } from '../accounts/password.server'
import { recordAudit } from '../audit/audit.server'
import { DomainError } from '../errors.server'

// Codes are public facts (the credit-code register is public); whether an email has an account is not,
// so its message does not say so.
const creditCodeTaken = () => new DomainError('conflict', 'domain.creditCodeTaken', { field: 'creditCode' })
const emailTaken = () => new DomainError('conflict', 'security.emailTaken', { field: 'email' })

/**
 * Creates the organisation, its first user (who becomes its administrator) and the membership
 * in one transaction. The organisation starts unverified.
 */
export async function registerOrganisation({
  input,
}: {
  input: RegisterOrganisationInput
}): Promise<{ userId: number; organisationId: number }> {
  const [existingCode] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.creditCode, input.creditCode))
  if (existingCode) throw creditCodeTaken()
  const [existingUser] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email))
  if (existingUser) throw emailTaken()

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
      return { userId: user!.id, organisationId: org!.id }
    })
    .catch((error: unknown) => {
      // Two registrations racing past the checks above: the unique constraints decide, with the same answer.
      const constraint = uniqueViolation(error)
      if (constraint === 'users_email_unique') throw emailTaken()
      if (constraint === 'organisations_credit_code_key') throw creditCodeTaken()
      throw error
    })
}
