import { rm } from 'node:fs/promises'
import path from 'node:path'
import { count, eq } from 'drizzle-orm'
import { db } from '~/db.server'
import type { MessageKey, MessageVars } from '~/lib/i18n'
import { listingAttachments, listings } from '../../../db/schema'
import { assertOrgRole } from '../accounts/guards.server'
import type { Actor } from '../actor'
import { recordAudit } from '../audit/audit.server'
import { checkDocument, storeUpload, uploadsDir, type UploadedFile } from '../files/uploads.server'
import { getListing } from './queries.server'

export const ATTACHMENT_LIMITS = { maxBytes: 10 * 1024 * 1024, perListing: 5 }

async function owningOrganisation(listingId: number) {
  const [row] = await db.select({ organisationId: listings.organisationId }).from(listings).where(eq(listings.id, listingId))
  if (!row) throw new Response('需求或供给不存在', { status: 404 })
  return row.organisationId
}

/** Throws 404/403 unless the actor belongs to the organisation that owns the listing. */
export async function assertListingMember(actor: Actor, listingId: number) {
  assertOrgRole(actor, await owningOrganisation(listingId), 'member')
}

/** A member of the owning organisation attaches a PDF or image (≤ 10 MB, ≤ 5 per listing). */
export async function addListingAttachment({ actor, listingId, file }: { actor: Actor; listingId: number; file: UploadedFile }) {
  const organisationId = await owningOrganisation(listingId)
  assertOrgRole(actor, organisationId, 'member')
  const check = checkDocument(file, { maxBytes: ATTACHMENT_LIMITS.maxBytes, missing: '请选择要上传的文件' })
  if (!check.ok) return check
  const [{ n }] = await db.select({ n: count() }).from(listingAttachments).where(eq(listingAttachments.listingId, listingId))
  if (Number(n) >= ATTACHMENT_LIMITS.perListing)
    return { ok: false as const, message: `每条最多 ${ATTACHMENT_LIMITS.perListing} 个附件`, code: 'limit' as const }
  const { storedName, storedPath } = await storeUpload('attachments', listingId, check.contentType, file.bytes)
  try {
    const added = await db.transaction(async (tx) => {
      // Counted again under the listing's row lock: parallel uploads queue here, so the limit holds.
      await tx.select({ id: listings.id }).from(listings).where(eq(listings.id, listingId)).for('update')
      const [{ stored }] = await tx.select({ stored: count() }).from(listingAttachments).where(eq(listingAttachments.listingId, listingId))
      if (Number(stored) >= ATTACHMENT_LIMITS.perListing) return false
      const [row] = await tx
        .insert(listingAttachments)
        .values({
          listingId,
          fileName: file.name.slice(0, 200),
          storedName,
          contentType: check.contentType,
          sizeBytes: file.size,
          uploadedByUserId: actor.kind === 'user' ? actor.userId : null,
        })
        .returning({ id: listingAttachments.id })
      await recordAudit(tx, {
        actor,
        organisationId,
        action: 'listing.attachment.add',
        entity: 'listing_attachment',
        entityId: row!.id,
        summary: { listingId, fileName: file.name, sizeBytes: file.size },
      })
      return true
    })
    if (!added) {
      await rm(storedPath, { force: true })
      return { ok: false as const, message: `每条最多 ${ATTACHMENT_LIMITS.perListing} 个附件`, code: 'limit' as const }
    }
  } catch (error) {
    await rm(storedPath, { force: true })
    throw error
  }
  return { ok: true as const }
}

export async function removeListingAttachment({ actor, id }: { actor: Actor; id: number }) {
  const [row] = await db.select().from(listingAttachments).where(eq(listingAttachments.id, id))
  if (!row) throw new Response('附件不存在', { status: 404 })
  const organisationId = await owningOrganisation(row.listingId)
  assertOrgRole(actor, organisationId, 'member')
  await db.transaction(async (tx) => {
    await tx.delete(listingAttachments).where(eq(listingAttachments.id, id))
    await recordAudit(tx, {
      actor,
      organisationId,
      action: 'listing.attachment.remove',
      entity: 'listing_attachment',
      entityId: id,
      summary: { fileName: row.fileName },
    })
  })
  await rm(path.join(uploadsDir('attachments'), row.storedName), { force: true })
}

export async function listListingAttachments(listingId: number) {
  return db
    .select({
      id: listingAttachments.id,
      fileName: listingAttachments.fileName,
      sizeBytes: listingAttachments.sizeBytes,
      contentType: listingAttachments.contentType,
    })
    .from(listingAttachments)
    .where(eq(listingAttachments.listingId, listingId))
    .orderBy(listingAttachments.id)
}

/** An attachment is as visible as its listing. */
export async function getListingAttachment({ actor, id }: { actor: Actor; id: number }) {
  const [row] = await db.select().from(listingAttachments).where(eq(listingAttachments.id, id))
  if (!row || !(await getListing({ id: row.listingId, actor }))) return null
  return { ...row, path: path.join(uploadsDir('attachments'), row.storedName) }
}

/** What the listing page says for an upload error code from its URL; anything else in the URL is ignored. */
export const ATTACHMENT_ERROR_MESSAGES = new Map<string, [MessageKey, MessageVars?]>([
  ['missing', ['security.attachmentError.missing']],
  ['tooLarge', ['security.attachmentError.tooLarge', { mb: ATTACHMENT_LIMITS.maxBytes / 1024 / 1024 }]],
  ['type', ['security.attachmentError.type']],
  ['limit', ['security.attachmentError.limit', { n: ATTACHMENT_LIMITS.perListing }]],
  ['failed', ['security.attachmentError.failed']],
])
