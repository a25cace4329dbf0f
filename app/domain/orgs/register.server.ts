import { eq } from 'drizzle-orm'
import { db, enqueueSearchSync, uniqueViolation, memberships, organisationClusters, organisations, users } from '~/db.server'
import type { RegisterOrganisationInput } from '~/lib/schemas/registration'
import { splitMajors } from '~/lib/schemas/registration'
import {
  mailAllowedFor,
  queueConfirmation,
  queueExistingAccountNotice,
  type RegistrationLinks,
} from '../accounts/email-confirmation.server'
import { hashPassword } from '../accounts/password.server'
import { recordAudit } from '../audit/audit.server'
import { DomainError } from '../errors.server'
import { pendingAccount, pendingRegistrationOf, removeAbandonedRegistration, REPLACEABLE_AFTER_MS } from './abandoned-registrations.server'

// Codes are public facts (the credit-code register is public); whether an email has an account is not:
// a registration with a known email answers exactly as a new one, and only that mailbox is told.
const creditCodeTaken = () => new DomainError('conflict', 'domain.creditCodeTaken', { field: 'creditCode' })
const creditCodePending = (replaceableAt: Date) =>
  new DomainError('conflict', 'domain.creditCodePending', {
    field: 'creditCode',
    vars: { hours: Math.max(1, Math.ceil((replaceableAt.getTime() - Date.now()) / 3_600_000)) },
  })
const replaceable = (holder: { replaceableAt: Date } | null) => holder !== null && holder.replaceableAt <= new Date()

export type RegistrationOutcome = { created: true; userId: number; organisationId: number } | { created: false }

/**
 * Creates the organisation, its first user (who becomes its administrator, once the emailed link
 * confirms the address) and the membership in one transaction. The organisation starts unverified.
 * With an email that already has an account nothing is created and that account's owner gets a
 * notice instead; the caller answers both the same way, and both paths hash the password and write
 * one mail, so they take about as long.
 */
export async function registerOrganisation({
  input,
  links,
}: {
  input: RegisterOrganisationInput
  links: RegistrationLinks
}): Promise<RegistrationOutcome> {
  const [existingCode] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.creditCode, input.creditCode))
  // A code held by a registration nobody confirmed frees up soon after its links lapse, so its real owner
  // waits a day at most, not the week until the purge; the old registration is removed in this transaction.
  const codeHolder = existingCode ? await pendingRegistrationOf({ organisationId: existingCode.id }) : null
  if (existingCode && !codeHolder) throw creditCodeTaken()
  if (codeHolder && !replaceable(codeHolder)) throw creditCodePending(codeHolder.replaceableAt)
  const passwordHash = await hashPassword(input.password)
  const mailAllowed = await mailAllowedFor({ email: input.email })
  const [existingUser] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.email, input.email))
  // Likewise an email someone registered and never confirmed (perhaps not its owner): replaced, not noticed.
  const emailHolder = existingUser ? await pendingAccount({ userId: existingUser.id }) : null
  if (existingUser && !replaceable(emailHolder)) return noticeExisting(existingUser, links, mailAllowed)

  return db
    .transaction(async (tx) => {
      // Checked again under lock; if a holder confirmed meanwhile it stays, and the unique constraints below answer.
      const idleBefore = new Date(Date.now() - REPLACEABLE_AFTER_MS)
      for (const holder of [codeHolder, emailHolder])
        if (holder) await removeAbandonedRegistration(tx, { userId: holder.userId, idleBefore, reason: 'replaced' })
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, name: input.contactName, passwordHash, emailConfirmedAt: null })
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
      await queueConfirmation(tx, { id: user!.id, email: input.email, name: input.contactName }, links.confirmUrl)
      return { created: true as const, userId: user!.id, organisationId: org!.id }
    })
    .catch(async (error: unknown): Promise<RegistrationOutcome> => {
      // Two registrations racing past the checks above: the unique constraints decide, with the same answers.
      const constraint = uniqueViolation(error)
      if (constraint === 'users_email_unique') return noticeExisting({ email: input.email, name: input.contactName }, links, mailAllowed)
      if (constraint === 'organisations_credit_code_key') throw creditCodeTaken()
      throw error
    })
}

async function noticeExisting(user: { email: string; name: string }, links: RegistrationLinks, mailAllowed: boolean) {
  // Over the limit the notice is dropped silently: an error here would tell that the account exists.
  await db.transaction(async (tx) => {
    if (mailAllowed) await queueExistingAccountNotice(tx, user, links)
  })
  return { created: false as const }
}
