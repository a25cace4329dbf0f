import { and, count, eq } from 'drizzle-orm'
import { db, enqueueOrganisationWithListings, memberships, organisations, users, verificationDocuments } from '~/db.server'
import { checkDocument, storeUpload, uploadKey, uploadsDir as uploadsRoot, type UploadedFile } from '../files/uploads.server'
import type { Actor } from '../actor'
import { assertOrgRole, forbidden } from '../accounts/guards.server'
import { DomainError } from '../errors.server'
import { isPlatformAdmin } from '../actor'
import { recordAudit } from '../audit/audit.server'
import { queueMail } from '../mail/mail.server'
import { bilingualMail } from '../mail/messages.server'

export const EVIDENCE_LIMITS = { maxBytes: 5 * 1024 * 1024 }

export function checkEvidenceFile(file: UploadedFile) {
  return checkDocument({ file, maxBytes: EVIDENCE_LIMITS.maxBytes, missing: 'verify.chooseFile', field: 'evidence' })
}

export const uploadsDir = () => uploadsRoot('verification')

/** An org admin submits evidence; the organisation moves to the review queue. */
export async function submitVerificationEvidence(options: { actor: Actor; organisationId: number; file: UploadedFile }) {
  assertOrgRole(options.actor, options.organisationId, 'admin')
  const check = checkEvidenceFile(options.file)
  const { storedName, remove } = await storeUpload({
    kind: 'verification',
    prefix: options.organisationId,
    contentType: check.contentType,
    file: options.file,
  })
  try {
    await db.transaction(async (tx) => {
      const [doc] = await tx
        .insert(verificationDocuments)
        .values({
          organisationId: options.organisationId,
          fileName: options.file.name.slice(0, 200),
          storedName,
          contentType: check.contentType,
          sizeBytes: options.file.size,
          uploadedByUserId: options.actor.kind === 'user' ? options.actor.userId : null,
        })
        .returning({ id: verificationDocuments.id })
      await tx
        .update(organisations)
        .set({ verification: 'pending', verificationNote: null, updatedAt: new Date() })
        .where(eq(organisations.id, options.organisationId))
      await enqueueOrganisationWithListings(tx, options.organisationId)
      await recordAudit(tx, {
        actor: options.actor,
        organisationId: options.organisationId,
        action: 'organisation.verification.submit',
        entity: 'verification_document',
        entityId: doc!.id,
        summary: { fileName: options.file.name, sizeBytes: options.file.size, contentType: check.contentType },
      })
    })
  } catch (error) {
    await remove()
    throw error
  }
}

export async function getEvidenceDocument({ actor, id }: { actor: Actor; id: number }) {
  const [doc] = await db.select().from(verificationDocuments).where(eq(verificationDocuments.id, id))
  if (!doc) throw new DomainError('not_found', 'files.missing')
  const mayRead =
    isPlatformAdmin(actor) ||
    (actor.kind === 'user' && actor.memberships.some((m) => m.organisationId === doc.organisationId && m.role === 'admin'))
  if (!mayRead) throw new DomainError('not_found', 'files.missing')
  return { ...doc, key: uploadKey({ kind: 'verification', storedName: doc.storedName }) }
}

/** A platform admin approves or rejects (with a reason the organisation sees). */
export async function decideVerification(options: {
  actor: Actor
  organisationId: number
  decision: 'approve' | 'reject'
  reason?: string
  /** Approve without uploaded evidence; needs a reason, which the audit log keeps. */
  override?: boolean
}) {
  if (!isPlatformAdmin(options.actor)) throw forbidden('domain.platformAdminOnly')
  const [org] = await db
    .select({ id: organisations.id, name: organisations.name, verification: organisations.verification })
    .from(organisations)
    .where(eq(organisations.id, options.organisationId))
  if (!org) throw new DomainError('not_found', 'org.notFound')
  if (options.decision === 'reject' && !options.reason?.trim())
    throw new DomainError('invalid', 'domain.rejectReasonRequired', { field: 'reason' })
  const [{ documents } = { documents: 0 }] = await db
    .select({ documents: count() })
    .from(verificationDocuments)
    .where(eq(verificationDocuments.organisationId, org.id))
  const overridden = options.decision === 'approve' && Number(documents) === 0
  if (overridden && !options.override) throw new DomainError('conflict', 'admin.needsEvidence')
  if (overridden && !options.reason?.trim()) throw new DomainError('invalid', 'admin.overrideReason', { field: 'reason' })
  const admins = await db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, org.id), eq(memberships.role, 'admin')))
  await db.transaction(async (tx) => {
    const approved = options.decision === 'approve'
    await tx
      .update(organisations)
      .set({
        verification: approved ? 'verified' : 'rejected',
        verificationNote: approved ? null : options.reason!.trim().slice(0, 500),
        verifiedAt: approved ? new Date() : null,
        updatedAt: new Date(),
      })
      .where(eq(organisations.id, org.id))
    await enqueueOrganisationWithListings(tx, org.id)
    await recordAudit(tx, {
      actor: options.actor,
      organisationId: org.id,
      action: approved ? 'organisation.verification.approve' : 'organisation.verification.reject',
      entity: 'organisation',
      entityId: org.id,
      summary: {
        from: org.verification,
        to: approved ? 'verified' : 'rejected',
        reason: options.reason?.trim() || null,
        ...(overridden ? { override: true, evidence: 0 } : { evidence: Number(documents) }),
      },
    })
    for (const admin of admins) {
      await queueMail(tx, {
        to: admin.email,
        ...(approved
          ? bilingualMail('verified', { org: org.name })
          : bilingualMail('rejected', { org: org.name, reason: options.reason ?? '' })),
      })
    }
  })
}
