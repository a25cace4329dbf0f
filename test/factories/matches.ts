import { db } from '../../app/db.server'
import { applyMatchAction, startMatch, type ActionInput } from '../../app/domain/matches/mutations.server'
import { matchAttachments, matches } from '../../db/schema'
import { eq } from 'drizzle-orm'
import { createListing, createOrganisation } from './index'
import { addMember, createUser, signIn } from './accounts'

/** An enterprise with an internship offer and a vocational college, each with a signed-in member. */
export async function createMatchParties() {
  const enterprise = await createOrganisation({
    name: `晋中示例煤机装备有限公司${Math.random().toString(36).slice(2, 6)}`,
    staffCount: 1200,
  })
  const college = await createOrganisation({
    kind: 'vocational_higher',
    name: `山西示例职业技术学院${Math.random().toString(36).slice(2, 6)}`,
    cityCode: 'taiyuan',
    staffCount: null,
  })
  const listing = await createListing(enterprise.id, { capacity: 20 })
  const enterpriseUser = await createUser({ name: '王建国' })
  const collegeUser = await createUser({ name: '李丽娜' })
  await addMember(enterpriseUser.id, enterprise.id, 'admin')
  await addMember(collegeUser.id, college.id, 'admin')
  const ent = await signIn(enterpriseUser.id, enterprise.id)
  const col = await signIn(collegeUser.id, college.id)
  return {
    enterprise,
    college,
    listing,
    enterpriseUser,
    collegeUser,
    entActor: ent.actor,
    colActor: col.actor,
    entCookie: ent.cookie,
    colCookie: col.cookie,
  }
}

export async function versionOf(matchId: number) {
  const [row] = await db.select({ version: matches.version }).from(matches).where(eq(matches.id, matchId))
  return row!.version
}

/** A file row without bytes: enough for the proposal rules, which only check it belongs to the match. */
export async function attachFile(matchId: number, organisationId: number) {
  const [row] = await db
    .insert(matchAttachments)
    .values({ matchId, organisationId, fileName: '三方实习协议.pdf', storedName: 'none.pdf', contentType: 'application/pdf', sizeBytes: 8 })
    .returning()
  return row!.id
}

/** Applies an action with the current version, as a page that was just loaded would. */
export async function act(input: Omit<ActionInput, 'version'>) {
  return applyMatchAction({ ...input, version: await versionOf(input.matchId) })
}

export { startMatch }
