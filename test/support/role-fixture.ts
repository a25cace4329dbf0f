import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { createListing, createOrganisation } from '../factories'
import { addMember, createUser, signIn } from '../factories/accounts'
import { db } from '../../app/db.server'
import { uploadsDir } from '../../app/domain/orgs/verification.server'
import { listingAttachments, matchAttachments, matches, verificationDocuments } from '../../db/schema'

/** The roles of the authorization matrix: each a kind of visitor the platform must answer well. */
export const ROLES = ['anonymous', 'memberA', 'adminA', 'memberB', 'cityTaiyuan', 'province', 'platformAdmin'] as const
export type Role = (typeof ROLES)[number]

export type Fixture = {
  orgA: number
  orgB: number
  listingA: number
  draftA: number
  documentA: number
  attachmentA: number
  matchA: number
  matchFileA: number
}

/**
 * Two organisations (A in 太原, B in 大同) with a listing, a draft, a verification document, an
 * attachment and a match with a file, and a fresh session per call for every role: an action such
 * as sign-out must not spoil the next request.
 */
export async function createRoleFixture(): Promise<{ fixture: Fixture; cookies: Record<Role, () => Promise<string | null>> }> {
  const orgA = await createOrganisation({ cityCode: 'taiyuan', name: '太原示例信创软件有限公司' })
  const orgB = await createOrganisation({ cityCode: 'datong', name: '大同示例数据标注有限公司' })
  const listingA = await createListing(orgA.id)
  const draftA = await createListing(orgA.id, { status: 'draft', publishedAt: null })
  const [doc] = await db
    .insert(verificationDocuments)
    .values({ organisationId: orgA.id, fileName: '营业执照.pdf', storedName: 'matrix.pdf', contentType: 'application/pdf', sizeBytes: 8 })
    .returning()
  await mkdir(uploadsDir(), { recursive: true })
  await writeFile(path.join(uploadsDir(), 'matrix.pdf'), '%PDF-1.4')
  // Its own listing: the matrix pauses listingA, and a paused listing's files are private.
  const attachedListing = await createListing(orgA.id)
  const [attachment] = await db
    .insert(listingAttachments)
    .values({
      listingId: attachedListing.id,
      fileName: '实习手册.pdf',
      storedName: 'matrix.pdf',
      contentType: 'application/pdf',
      sizeBytes: 8,
    })
    .returning()
  await mkdir(path.join(uploadsDir(), '..', 'attachments'), { recursive: true })
  await writeFile(path.join(uploadsDir(), '..', 'attachments', 'matrix.pdf'), '%PDF-1.4')
  const orgC = await createOrganisation({ kind: 'vocational_higher', cityCode: 'taiyuan', name: '太原示例职业技术学院' })
  const [match] = await db
    .insert(matches)
    .values({ listingId: attachedListing.id, initiatorOrganisationId: orgC.id, partnerOrganisationId: orgA.id, type: 'internship' })
    .returning()
  const [matchFile] = await db
    .insert(matchAttachments)
    .values({
      matchId: match!.id,
      organisationId: orgC.id,
      fileName: '三方协议.pdf',
      storedName: 'matrix.pdf',
      contentType: 'application/pdf',
      sizeBytes: 8,
    })
    .returning()
  const fixture: Fixture = {
    orgA: orgA.id,
    orgB: orgB.id,
    listingA: listingA.id,
    draftA: draftA.id,
    documentA: doc!.id,
    attachmentA: attachment!.id,
    matchA: match!.id,
    matchFileA: matchFile!.id,
  }
  const memberA = await createUser()
  const adminA = await createUser()
  const memberB = await createUser()
  await addMember(memberA.id, orgA.id, 'member')
  await addMember(adminA.id, orgA.id, 'admin')
  await addMember(memberB.id, orgB.id, 'member')
  const city = await createUser({ govScopeType: 'city', govScopeCode: 'taiyuan' })
  const province = await createUser({ govScopeType: 'province', govScopeCode: 'shanxi' })
  const platformAdmin = await createUser({ platformRole: 'admin' })
  const sessionFor = (userId: number, org: number | null) => async () => (await signIn(userId, org)).cookie
  const cookies: Record<Role, () => Promise<string | null>> = {
    anonymous: async () => null,
    memberA: sessionFor(memberA.id, orgA.id),
    adminA: sessionFor(adminA.id, orgA.id),
    memberB: sessionFor(memberB.id, orgB.id),
    cityTaiyuan: sessionFor(city.id, null),
    province: sessionFor(province.id, null),
    platformAdmin: sessionFor(platformAdmin.id, null),
  }
  return { fixture, cookies }
}
