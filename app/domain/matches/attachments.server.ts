import { count, eq } from 'drizzle-orm'
import { db } from '~/db.server'
import { matchAttachments, matches, organisations } from '~/db.server'
import { isPlatformAdmin, type Actor } from '../actor'
import { recordAudit } from '../audit/audit.server'
import { DomainError } from '../errors.server'
import { checkDocument, storeUpload, uploadKey, type UploadedFile } from '../files/uploads.server'
import { appendEvents, lockMatch, sideOf } from './mutations.server'
import { notifyOrganisation } from './notifications.server'

export const MATCH_ATTACHMENT_LIMITS = { maxBytes: 10 * 1024 * 1024, perMatch: 20 }
const MB = MATCH_ATTACHMENT_LIMITS.maxBytes / 1024 / 1024

/** One of the two parties shares a PDF or image in the match; it appears in the timeline. */
export async function addMatchAttachment({
  actor,
  matchId,
  file,
  now = new Date(),
}: {
  actor: Actor
  matchId: number
  file: UploadedFile | null
  now?: Date
}) {
  if (!file || file.size === 0) throw new DomainError('invalid', 'match.attachment.missing', { field: 'file' })
  if (file.size > MATCH_ATTACHMENT_LIMITS.maxBytes)
    throw new DomainError('invalid', 'match.attachment.tooLarge', { field: 'file', vars: { mb: MB } })
  let check: { contentType: string }
  try {
    check = checkDocument({ file, maxBytes: MATCH_ATTACHMENT_LIMITS.maxBytes, missing: 'match.attachment.missing' })
  } catch {
    throw new DomainError('invalid', 'match.attachment.wrongType', { field: 'file' })
  }
  // Checked before the bytes go to disk, so a stranger cannot fill it.
  const [match] = await db.select().from(matches).where(eq(matches.id, matchId))
  if (!match || !sideOf(actor, match)) {
    if (match && isPlatformAdmin(actor)) throw new DomainError('forbidden', 'match.readOnly')
    throw new DomainError('not_found', 'match.notFound')
  }
  const { storedName, remove } = await storeUpload({
    kind: 'attachments',
    prefix: matchId,
    contentType: check.contentType,
    file,
  })
  try {
    return await db.transaction(async (tx) => {
      const { side, organisationId, match: locked } = await lockMatch(tx, actor, matchId)
      const [{ n }] = await tx.select({ n: count() }).from(matchAttachments).where(eq(matchAttachments.matchId, matchId))
      if (Number(n) >= MATCH_ATTACHMENT_LIMITS.perMatch)
        throw new DomainError('invalid', 'match.attachment.tooMany', { field: 'file', vars: { max: MATCH_ATTACHMENT_LIMITS.perMatch } })
      const [row] = await tx
        .insert(matchAttachments)
        .values({
          matchId,
          organisationId,
          fileName: file.name.slice(0, 200) || 'file',
          storedName,
          contentType: check.contentType,
          sizeBytes: file.size,
          uploadedByUserId: actor.kind === 'user' ? actor.userId : null,
          createdAt: now,
        })
        .returning({ id: matchAttachments.id })
      await appendEvents(tx, { matchId, actor, organisationId, now }, [
        { kind: 'attachment', attachmentId: row!.id, body: file.name.slice(0, 200) },
      ])
      await tx.update(matches).set({ lastActivityAt: now }).where(eq(matches.id, matchId))
      await recordAudit(tx, {
        actor,
        organisationId,
        action: 'match.attachment',
        entity: 'match',
        entityId: matchId,
        summary: { attachmentId: row!.id, fileName: file.name, sizeBytes: file.size },
      })
      const [me] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId))
      await notifyOrganisation(tx, {
        organisationId: side === 'initiator' ? locked.partnerOrganisationId : locked.initiatorOrganisationId,
        exceptUserId: actor.kind === 'user' ? actor.userId : null,
        kind: 'message',
        matchId,
        messageKey: 'notify.message',
        vars: { org: me?.name ?? '' },
        now,
      })
      return { id: row!.id }
    })
  } catch (error) {
    await remove()
    throw error
  }
}

/** The file, for the two parties and (read-only) platform admins; everyone else gets 404. */
export async function getMatchAttachment({ actor, id }: { actor: Actor; id: number }) {
  const [row] = await db
    .select({
      fileName: matchAttachments.fileName,
      storedName: matchAttachments.storedName,
      contentType: matchAttachments.contentType,
      initiatorOrganisationId: matches.initiatorOrganisationId,
      partnerOrganisationId: matches.partnerOrganisationId,
    })
    .from(matchAttachments)
    .innerJoin(matches, eq(matches.id, matchAttachments.matchId))
    .where(eq(matchAttachments.id, id))
  if (!row || (!sideOf(actor, row) && !isPlatformAdmin(actor))) throw new DomainError('not_found', 'match.notFound')
  return { key: uploadKey({ kind: 'attachments', storedName: row.storedName }), contentType: row.contentType, fileName: row.fileName }
}
