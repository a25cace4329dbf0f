import { uploadedFromBytes } from '../../app/domain/files/uploads.server'
import ExcelJS from 'exceljs'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { addMatchAttachment, getMatchAttachment } from '../../app/domain/matches/attachments.server'
import { buildMatchesExport } from '../../app/domain/matches/export.server'
import { postMessage, setListedPublicly, startMatch } from '../../app/domain/matches/mutations.server'
import { getStartEntry } from '../../app/domain/matches/queries.server'
import { listOpenReports, reportMatch, resolveReport, setOutreachSuspended } from '../../app/domain/matches/reports.server'
import { getResponsiveness, listPublicPartners } from '../../app/domain/matches/responsiveness.server'
import { matchEvents } from '../../db/schema'
import { createOrganisation } from '../factories'
import { addMember, createUser, signIn } from '../factories/accounts'
import { act, attachFile, createMatchParties } from '../factories/matches'
import { refusal } from '../factories/outcomes'

const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n')

describe('match attachments', () => {
  it('accepts a PDF from a party, refuses wrong types and sizes beside the field, and hides files from strangers', async () => {
    const p = await createMatchParties()
    const { id } = await startMatch({ actor: p.colActor, listingId: p.listing.id, message: '希望合作' })
    const { id: fileId } = await addMatchAttachment({
      actor: p.colActor,
      matchId: id,
      file: uploadedFromBytes({ name: '三方协议.pdf', bytes: PDF }),
    })
    expect((await getMatchAttachment({ actor: p.entActor, id: fileId })).fileName).toBe('三方协议.pdf')
    const exe = new TextEncoder().encode('MZ\x90\x00')
    expect(
      await refusal(addMatchAttachment({ actor: p.colActor, matchId: id, file: uploadedFromBytes({ name: 'a.exe', bytes: exe }) })),
    ).toEqual({
      code: 'invalid',
      key: 'match.attachment.wrongType',
      field: 'file',
    })
    expect(
      await refusal(
        addMatchAttachment({
          actor: p.colActor,
          matchId: id,
          file: { ...uploadedFromBytes({ name: 'big.pdf', bytes: PDF }), size: 11 * 1024 * 1024 },
        }),
      ),
    ).toMatchObject({
      key: 'match.attachment.tooLarge',
    })
    const stranger = await createUser()
    const other = await createOrganisation({ name: '山西示例旁观企业' })
    await addMember(stranger.id, other.id)
    const { actor } = await signIn(stranger.id, other.id)
    expect(await refusal(getMatchAttachment({ actor, id: fileId }))).toMatchObject({ code: 'not_found' })
    expect(await refusal(addMatchAttachment({ actor, matchId: id, file: uploadedFromBytes({ name: 'x.pdf', bytes: PDF }) }))).toMatchObject(
      {
        code: 'not_found',
      },
    )
    const admin = (await signIn((await createUser({ platformRole: 'admin' })).id)).actor
    expect((await getMatchAttachment({ actor: admin, id: fileId })).contentType).toBe('application/pdf')
    expect(
      await refusal(addMatchAttachment({ actor: admin, matchId: id, file: uploadedFromBytes({ name: 'x.pdf', bytes: PDF }) })),
    ).toMatchObject({ code: 'forbidden' })
    expect((await db.select().from(matchEvents).where(eq(matchEvents.matchId, id))).map((e) => e.kind)).toEqual([
      'stage_change',
      'message',
      'attachment',
    ])
  })
})

describe('举报 and outreach suspension', () => {
  it('puts a report in the admin queue; a suspended organisation cannot start, its open matches go on', async () => {
    const p = await createMatchParties()
    const { id } = await startMatch({ actor: p.colActor, listingId: p.listing.id, message: '请先交 500 元实习费' })
    const [message] = (await db.select().from(matchEvents).where(eq(matchEvents.matchId, id))).filter((e) => e.kind === 'message')
    expect(await refusal(reportMatch({ actor: p.entActor, matchId: id, reason: 'because' }))).toMatchObject({ field: 'reason' })
    await reportMatch({ actor: p.entActor, matchId: id, eventId: message!.id, reason: 'fee', note: '要求学生交费' })
    const admin = (await signIn((await createUser({ platformRole: 'admin' })).id)).actor
    expect(await refusal(listOpenReports({ actor: p.entActor }))).toMatchObject({ code: 'forbidden' })
    const [report] = (await listOpenReports({ actor: admin })).filter((r) => r.matchId === id)
    expect(report).toMatchObject({ reason: 'fee', reportedId: p.college.id, message: '请先交 500 元实习费' })
    await setOutreachSuspended({ actor: admin, organisationId: p.college.id, suspended: true, reason: '向学生收费' })
    await resolveReport({ actor: admin, id: report!.id })
    expect((await listOpenReports({ actor: admin })).some((r) => r.id === report!.id)).toBe(false)
    const another = await createOrganisation({ name: '山西示例另一企业' })
    expect(await getStartEntry({ actor: p.colActor, organisationId: another.id })).toEqual({ state: 'suspended' })
    expect(await refusal(startMatch({ actor: p.colActor, organisationId: another.id, type: 'internship', message: '你好' }))).toMatchObject(
      {
        key: 'match.start.suspended',
      },
    )
    await postMessage({ actor: p.colActor, matchId: id, body: '抱歉，已取消收费' })
    await setOutreachSuspended({ actor: admin, organisationId: p.college.id, suspended: false })
    expect(await getStartEntry({ actor: p.colActor, organisationId: another.id })).toEqual({ state: 'can_start', cta: 'match.cta.start' })
  })
})

describe('responsiveness and export', () => {
  it('measures median time to first reply and share answered, counts completions by type, names only partners who agreed', async () => {
    const p = await createMatchParties()
    const t0 = new Date(Date.now() - 10 * 86_400_000)
    const hours = (h: number) => new Date(t0.getTime() + h * 3_600_000)
    const listings = [p.listing]
    const { createListing } = await import('../factories')
    for (let i = 0; i < 2; i++) listings.push(await createListing(p.enterprise.id))
    const a = await startMatch({ actor: p.colActor, listingId: listings[0]!.id, message: '一', now: t0 })
    const b = await startMatch({ actor: p.colActor, listingId: listings[1]!.id, message: '二', now: t0 })
    await startMatch({ actor: p.colActor, listingId: listings[2]!.id, message: '三', now: t0 })
    await postMessage({ actor: p.entActor, matchId: a.id, body: '收到', now: hours(2) })
    await postMessage({ actor: p.entActor, matchId: b.id, body: '收到', now: hours(10) })
    await postMessage({ actor: p.entActor, matchId: b.id, body: '再说一句', now: hours(20) })
    const r = (await getResponsiveness({ organisationIds: [p.enterprise.id, p.college.id] })).get(p.enterprise.id)!
    expect(r).toMatchObject({ interestsReceived: 3, interestsAnswered: 2, medianFirstReplyHours: 6 })
    expect(r.answeredShare).toBeCloseTo(2 / 3)

    await act({ actor: p.entActor, matchId: a.id, action: 'negotiate' })
    await act({ actor: p.colActor, matchId: a.id, action: 'propose_sign', attachmentId: await attachFile(a.id, p.college.id) })
    await act({ actor: p.entActor, matchId: a.id, action: 'confirm' })
    await act({ actor: p.entActor, matchId: a.id, action: 'start' })
    await act({
      actor: p.entActor,
      matchId: a.id,
      action: 'propose_complete',
      outcome: { internsPlaced: '12', internDays: '720', tripartiteAgreement: 'on', insurance: 'on', paid: 'on' },
    })
    await act({ actor: p.colActor, matchId: a.id, action: 'confirm' })
    const after = await getResponsiveness({ organisationIds: [p.college.id] })
    expect(after.get(p.college.id)!.completedByType).toEqual({ internship: 1 })
    expect(await listPublicPartners({ organisationId: p.college.id })).toEqual([])
    await setListedPublicly({ actor: p.colActor, matchId: a.id, listed: true })
    expect(await listPublicPartners({ organisationId: p.college.id })).toEqual([])
    await setListedPublicly({ actor: p.entActor, matchId: a.id, listed: true })
    expect(await listPublicPartners({ organisationId: p.college.id })).toEqual([{ id: p.enterprise.id, name: p.enterprise.name }])

    const bytes = await buildMatchesExport({ actor: p.colActor, organisationId: p.college.id, lang: 'zh-CN' })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(bytes as never)
    const all = book.getWorksheet('合作')!
    expect(all.rowCount).toBe(1 + 3)
    expect(all.getRow(1).values).toContain('合作对象')
    const internships = book.worksheets[1]!
    const header = (internships.getRow(1).values as string[]).slice(1)
    const done = internships.getRows(2, internships.rowCount - 1)!.find((row) => row.getCell(1).value === a.id)!
    expect(done.getCell(header.indexOf('实习学生人数') + 1).value).toBe(12)
    expect(done.getCell(header.indexOf('阶段') + 1).value).toBe('已完成')
    expect(await refusal(buildMatchesExport({ actor: p.entActor, organisationId: p.college.id, lang: 'zh-CN' }))).toMatchObject({
      code: 'forbidden',
    })
  })
})
