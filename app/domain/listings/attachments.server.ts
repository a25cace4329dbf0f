import { count, eq } from 'drizzle-orm'
import { db, listingAttachments, listings } from '~/db.server'
import { MESSAGES, type MessageKey } from '~/lib/i18n'
import { formMessage } from '~/lib/i18n/form-messages'
import { assertOrgRole } from '../accounts/guards.server'
import type { Actor } from '../actor'
import { recordAudit } from '../audit/audit.server'
import { DomainError } from '../errors.server'
import { checkDocument, removeUpload, storeUpload, uploadKey, type UploadedFile } from '../files/uploads.server'
import { getListing } from './queries.server'

export const ATTACHMENT_LIMITS = { maxBytes: 10 * 1024 * 1024, perListing: 5 }

async function owningOrganisation(listingId: number) {
  const [row] = await db.select({ organisationId: listings.organisationId }).from(listings).where(eq(listings.id, listingId))
  if (!row) throw new DomainError('not_found', 'listing.notFound')
  return row.organisationId
}

/** Throws 404/403 unless the actor belongs to the organisation that owns the listing. */
export async function assertListingMember({ actor, listingId }: { actor: Actor; listingId: number }) {
  assertOrgRole(actor, await owningOrganisation(listingId), 'member')
}

/** A member of the owning organisation attaches a PDF or image (≤ 10 MB, ≤ 5 per listing). */
export async function addListingAttachment({ actor, listingId, file }: { actor: Actor; listingId: number; file: UploadedFile }) {
  const organisationId = await owningOrganisation(listingId)
  assertOrgRole(actor, organisationId, 'member')
  const check = checkDocument({ file, maxBytes: ATTACHMENT_LIMITS.maxBytes, missing: 'attachments.choose' })
  const [{ n }] = await db.select({ n: count() }).from(listingAttachments).where(eq(listingAttachments.listingId, listingId))
  if (Number(n) >= ATTACHMENT_LIMITS.perListing)
    throw new DomainError('conflict', 'domain.attachmentLimit', { field: 'file', vars: { n: ATTACHMENT_LIMITS.perListing } })
  const { storedName, remove } = await storeUpload({
    kind: 'attachments',
    prefix: listingId,
    contentType: check.contentType,
    file,
  })
  try {
    await db.transaction(async (tx) => {
      // Counted again under the listing's row lock: parallel uploads queue here, so the limit holds.
      await tx.select({ id: listings.id }).from(listings).where(eq(listings.id, listingId)).for('update')
      const [{ stored }] = await tx.select({ stored: count() }).from(listingAttachments).where(eq(listingAttachments.listingId, listingId))
      if (Number(stored) >= ATTACHMENT_LIMITS.perListing)
        throw new DomainError('conflict', 'domain.attachmentLimit', { field: 'file', vars: { n: ATTACHMENT_LIMITS.perListing } })
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
    })
  } catch (error) {
    await remove()
    throw error
  }
}

export async function removeListingAttachment({ actor, id }: { actor: Actor; id: number }) {
  const [row] = await db.select().from(listingAttachments).where(eq(listingAttachments.id, id))
  if (!row) throw new DomainError('not_found', 'files.attachmentMissing')
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
  await removeUpload({ kind: 'attachments', storedName: row.storedName })
}

/** The attachments of a listing the actor may see (as visible as the listing itself). */
export async function listListingAttachments({ actor, listingId }: { actor: Actor; listingId: number }) {
  return listAttachmentsOf(await getListing({ id: listingId, actor }))
}

/** For a listing the caller already fetched through getListing (so visible to its actor): one query fewer per page. */
export function listAttachmentsOf(listing: Pick<Awaited<ReturnType<typeof getListing>>, 'id'>) {
  const listingId = listing.id
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
  if (!row) throw new DomainError('not_found', 'files.attachmentMissing')
  await getListing({ id: row.listingId, actor })
  return { ...row, key: uploadKey({ kind: 'attachments', storedName: row.storedName }) }
}

/**
 * The listing page's upload message for the message key in its URL, with the variables filled in
 * here: only a known key travels, so no one can put their own words (or numbers) on the page.
 */
export function attachmentErrorMessage(key: string | null): string | null {
  if (!key || !/^(attachments|domain|files)\.[A-Za-z.]+$/.test(key) || !Object.hasOwn(MESSAGES['zh-CN'], key)) return null
  const vars = { mb: ATTACHMENT_LIMITS.maxBytes / 1024 / 1024, n: ATTACHMENT_LIMITS.perListing }
  return formMessage(key as MessageKey, vars)
}
