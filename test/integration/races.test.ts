import { uploadedFromBytes } from '../../app/domain/files/uploads.server'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { addListingAttachment } from '../../app/domain/listings/attachments.server'
import { acceptInvitation, inviteMember, updateMember } from '../../app/domain/orgs/members.server'
import { registerOrganisation } from '../../app/domain/orgs/register.server'
import { RegisterOrganisationSchema } from '../../app/lib/schemas/registration'
import { listingAttachments, mailOutbox, memberships, users } from '../../db/schema'
import { createListing, createOrganisation } from '../factories'
import { addMember, createUser, signIn, signInMember } from '../factories/accounts'
import { registrationForm, registrationLinks as links } from '../factories/forms'

const pdf = () => {
  const bytes = new Uint8Array(2048)
  bytes.set([0x25, 0x50, 0x44, 0x46])
  return uploadedFromBytes({ name: '实习安全手册.pdf', bytes })
}

/** Settles every promise; a rejection is kept as the error so the test can say what came back. */
const all = (work: Promise<unknown>[]) =>
  Promise.all(
    work.map((p) =>
      p.then(
        () => ({ done: true as const }),
        (error: { code?: string }) => ({ done: false as const, code: error.code }),
      ),
    ),
  )

describe('rules that hold under concurrent requests', () => {
  it('two admins demoting each other at the same moment leave the organisation one admin', async () => {
    for (let round = 0; round < 3; round++) {
      const org = await createOrganisation()
      const [a, b] = [await createUser(), await createUser()]
      await addMember(a.id, org.id, 'admin')
      await addMember(b.id, org.id, 'admin')
      const actorA = (await signIn(a.id, org.id)).actor
      const actorB = (await signIn(b.id, org.id)).actor
      const outcomes = await all([
        updateMember({ actor: actorA, organisationId: org.id, userId: b.id, change: { role: 'member' } }),
        updateMember({ actor: actorB, organisationId: org.id, userId: a.id, change: { role: 'member' } }),
      ])
      const admins = await db
        .select()
        .from(memberships)
        .where(and(eq(memberships.organisationId, org.id), eq(memberships.role, 'admin')))
      expect(admins).toHaveLength(1)
      // One change went through; the other was refused (last admin, or no longer an admin), never a 500.
      expect(outcomes.filter((o) => o.done)).toHaveLength(1)
      expect(['conflict', 'forbidden']).toContain(outcomes.find((o) => !o.done)!.code)
    }
  })

  it('twelve parallel uploads store at most five attachments, the rest get the limit message', async () => {
    const org = await createOrganisation()
    const listing = await createListing(org.id)
    const { actor } = await signInMember(org.id)
    const outcomes = await all(Array.from({ length: 12 }, () => addListingAttachment({ actor, listingId: listing.id, file: pdf() })))
    expect(await db.select().from(listingAttachments).where(eq(listingAttachments.listingId, listing.id))).toHaveLength(5)
    expect(outcomes.filter((o) => o.done)).toHaveLength(5)
    expect(outcomes.filter((o) => !o.done)).toEqual(Array(7).fill({ done: false, code: 'conflict' }))
  })

  it('parallel registrations with the same credit code: one succeeds, the others get a field message; with the same email: one account, both answered alike', async () => {
    const base = registrationForm({ name: '山西示例并发注册装备有限公司', email: 'race@demo.jcj.example.cn' })
    const input = RegisterOrganisationSchema.parse(base)
    const sameCode = await all(
      Array.from({ length: 4 }, (_, i) => registerOrganisation({ input: { ...input, email: `race${i}@demo.jcj.example.cn` }, links })),
    )
    expect(sameCode.filter((o) => o.done)).toHaveLength(1)
    expect(sameCode.filter((o) => !o.done)).toEqual(Array(3).fill({ done: false, code: 'conflict' }))
    // The loser of an email race is told nothing more than a registration with a known email: its mailbox gets the notice.
    const sameEmail = await Promise.all(
      ['91140100MA0K000017', '91140100MA0K00002A'].map((creditCode) =>
        registerOrganisation({ input: { ...input, creditCode, email: 'same-email@demo.jcj.example.cn' }, links }),
      ),
    )
    expect(sameEmail.map((o) => o.created).sort()).toEqual([false, true])
    expect(await db.select().from(users).where(eq(users.email, 'same-email@demo.jcj.example.cn'))).toHaveLength(1)
    const mail = await db.select().from(mailOutbox).where(eq(mailOutbox.to, 'same-email@demo.jcj.example.cn'))
    expect(mail.map((m) => m.subject.includes('有人尝试用此邮箱注册')).sort()).toEqual([false, true])
  })
})

describe('invitations', () => {
  async function invite(email: string, role: 'admin' | 'member' = 'admin') {
    const org = await createOrganisation()
    const admin = await createUser()
    await addMember(admin.id, org.id, 'admin')
    let token = ''
    await inviteMember({
      actor: (await signIn(admin.id, org.id)).actor,
      organisationId: org.id,
      email,
      role,
      acceptUrl: (t) => (token = t),
    })
    return { org, token }
  }

  it('a signed-in user of another email cannot join with the link, and the link stays usable for the invited one', async () => {
    const invited = await createUser()
    const { org, token } = await invite(invited.email)
    const outsider = await createUser()
    await expect(acceptInvitation({ token, actor: (await signIn(outsider.id)).actor })).rejects.toMatchObject({
      code: 'forbidden',
      messageKey: 'security.invitationOtherEmail',
    })
    expect(await db.select().from(memberships).where(eq(memberships.organisationId, org.id))).toHaveLength(1)
    const accepted = await acceptInvitation({ token, actor: (await signIn(invited.id)).actor })
    expect(accepted).toMatchObject({ organisationId: org.id })
    expect(
      await db
        .select()
        .from(memberships)
        .where(and(eq(memberships.organisationId, org.id), eq(memberships.userId, invited.id))),
    ).toEqual([expect.objectContaining({ role: 'admin' })])
  })

  it('the same link accepted twice at once joins once', async () => {
    const invited = await createUser()
    const { token } = await invite(invited.email, 'member')
    const { actor } = await signIn(invited.id)
    const outcomes = await all([acceptInvitation({ token, actor }), acceptInvitation({ token, actor })])
    expect(outcomes.filter((o) => o.done)).toHaveLength(1)
  })
})
