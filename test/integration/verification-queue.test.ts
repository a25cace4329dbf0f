import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { listVerificationQueue, parseQueueQuery, QUEUE_PER_PAGE } from '../../app/domain/orgs/verification-queue.server'
import { decideVerification } from '../../app/domain/orgs/verification.server'
import { auditLog, organisations, verificationDocuments } from '../../db/schema'
import { checkCreditCodeDivision, generateCreditCode } from '../../db/reference'
import { createOrganisation } from '../factories'
import { createUser, signIn } from '../factories/accounts'

let seed = 1
const rand = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646

async function admin() {
  const user = await createUser({ platformRole: 'admin' })
  return (await signIn(user.id)).actor
}

async function withEvidence(organisationId: number) {
  await db.insert(verificationDocuments).values({
    organisationId,
    fileName: '营业执照.pdf',
    storedName: `x-${organisationId}.pdf`,
    contentType: 'application/pdf',
    sizeBytes: 8,
  })
}

const query = (p: Record<string, string> = {}) => parseQueueQuery(new URLSearchParams(p))

describe('credit code registration division', () => {
  it('flags a Beijing code, and a Taiyuan code registered as a Jinzhong organisation; not a code of the chosen city', () => {
    expect(checkCreditCodeDivision(generateCreditCode(rand, { regionCode: '110105' }), 'taiyuan')).toMatchObject({
      division: '110105',
      province: '11',
      flag: 'outside_shanxi',
    })
    expect(checkCreditCodeDivision(generateCreditCode(rand, { regionCode: '140105' }), 'jinzhong')).toMatchObject({
      divisionCity: 'taiyuan',
      flag: 'city_mismatch',
    })
    expect(checkCreditCodeDivision(generateCreditCode(rand, { regionCode: '140105' }), 'taiyuan')!.flag).toBeNull()
    expect(checkCreditCodeDivision(generateCreditCode(rand, {}), 'taiyuan')!.flag).toBeNull()
  })
})

describe('the admin verification queue', () => {
  it('puts pending first, filters flagged and evidence-less ones, searches and pages', async () => {
    const actor = await admin()
    const beijing = await createOrganisation({
      verification: 'unverified',
      cityCode: 'taiyuan',
      name: '北京码太原登记测试公司',
      creditCode: generateCreditCode(rand, { regionCode: '110105' }),
    })
    const pending = await createOrganisation({
      verification: 'pending',
      cityCode: 'taiyuan',
      creditCode: generateCreditCode(rand, { cityCode: 'taiyuan' }),
    })
    await withEvidence(pending.id)
    for (let i = 0; i < QUEUE_PER_PAGE; i++)
      await createOrganisation({ verification: 'unverified', creditCode: generateCreditCode(rand, { cityCode: 'jinzhong' }) })

    const first = await listVerificationQueue({ actor, query: query() })
    expect(first.entries[0]!.id).toBe(pending.id)
    expect(first.entries).toHaveLength(QUEUE_PER_PAGE)
    expect(first.totalPages).toBeGreaterThanOrEqual(2)
    const flagged = await listVerificationQueue({ actor, query: query({ filter: 'flagged' }) })
    expect(flagged.entries.map((e) => e.id)).toContain(beijing.id)
    expect(flagged.entries.every((e) => e.division?.flag)).toBe(true)
    expect(flagged.entries.find((e) => e.id === beijing.id)!.division).toMatchObject({ flag: 'outside_shanxi', division: '110105' })
    const noEvidence = await listVerificationQueue({ actor, query: query({ filter: 'no_evidence' }) })
    expect(noEvidence.entries.map((e) => e.id)).not.toContain(pending.id)
    const searched = await listVerificationQueue({ actor, query: query({ q: '北京码太原' }) })
    expect(searched.entries.map((e) => e.id)).toEqual([beijing.id])
  })

  it('approval needs evidence, or an explicit override with a reason that the audit log keeps', async () => {
    const actor = await admin()
    const org = await createOrganisation({ verification: 'unverified' })
    await expect(decideVerification({ actor, organisationId: org.id, decision: 'approve' })).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'admin.needsEvidence',
    })
    await expect(decideVerification({ actor, organisationId: org.id, decision: 'approve', override: true })).rejects.toMatchObject({
      code: 'invalid',
      messageKey: 'admin.overrideReason',
    })
    expect((await db.select().from(organisations).where(eq(organisations.id, org.id)))[0]!.verification).toBe('unverified')
    await expect(
      decideVerification({
        actor,
        organisationId: org.id,
        decision: 'approve',
        override: true,
        reason: '已电话核实并现场查验营业执照',
      }),
    ).resolves.toBeUndefined()
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'organisation.verification.approve'))
    expect(entry!.summary).toMatchObject({ override: true, reason: '已电话核实并现场查验营业执照', to: 'verified' })

    const withDocs = await createOrganisation({ verification: 'pending' })
    await withEvidence(withDocs.id)
    await expect(decideVerification({ actor, organisationId: withDocs.id, decision: 'approve' })).resolves.toBeUndefined()
  })
})
