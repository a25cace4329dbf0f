import ExcelJS from 'exceljs'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { checkImportFile, commitImport } from '../../app/domain/listings/import.server'
import { buildListingsExport } from '../../app/domain/listings/export.server'
import { buildTemplateWorkbook } from '../../app/domain/listings/import-workbooks.server'
import { importColumns } from '../../app/lib/import-columns'
import { listings } from '../../db/schema'
import { createListing } from '../factories'
import { memberOfNewOrganisation } from '../factories/accounts'

const member = () => memberOfNewOrganisation({ cityCode: 'changzhi' })

const details = {
  majors: ['机电一体化技术'],
  period: '2027 年春季学期',
  location: '长治市潞州区',
  dailyHours: 8,
  accommodation: true,
  orderClass: false,
  apprenticeship: false,
}

describe('export → Excel → import', () => {
  it('an exported sheet edited in Excel imports back as updates, idempotent by 内部编号, with exact preview counts', async () => {
    const { org, actor } = await member()
    const imported = await createListing(org.id, {
      reference: 'CZ-001',
      title: '液压支架电控系统调试实习岗位',
      cityCode: 'changzhi',
      details,
      majors: details.majors,
    })
    const webMade = await createListing(org.id, {
      reference: null,
      title: '采煤机装配与调试实习岗位',
      cityCode: 'changzhi',
      details,
      majors: details.majors,
    })
    await createListing(org.id, { type: 'teacher_practice', title: '教师企业实践岗位（不在本表）', details: {} })
    const before = (await db.select({ id: listings.id }).from(listings).where(eq(listings.organisationId, org.id))).length

    const exported = await buildListingsExport({ actor, organisationId: org.id, type: 'internship' })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(exported as never)
    const sheet = workbook.worksheets[0]!
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String)
    expect(headers.slice(0, importColumns('internship').length)).toEqual(importColumns('internship').map((c) => c.header))
    expect(sheet.rowCount).toBe(3)
    // Someone edits one title in Excel.
    const titleColumn = headers.indexOf('标题') + 1
    sheet.getRow(3).getCell(titleColumn).value = '采煤机装配与调试实习岗位（2027 春季）'
    const edited = new Uint8Array(await workbook.xlsx.writeBuffer())

    const check = await checkImportFile({ type: 'internship', file: { name: '导出.xlsx', bytes: edited } })
    expect(check.fileError).toBeUndefined()
    expect(check.errors).toEqual([])
    expect(await commitImport({ actor, organisationId: org.id, check, dryRun: true })).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 1,
    })
    // The dry run wrote nothing.
    expect((await db.select().from(listings).where(eq(listings.id, webMade.id)))[0]!.title).toBe('采煤机装配与调试实习岗位')

    expect(await commitImport({ actor, organisationId: org.id, check })).toMatchObject({ created: 0, updated: 1, unchanged: 1 })
    const [after] = await db.select().from(listings).where(eq(listings.id, webMade.id))
    expect(after).toMatchObject({ title: '采煤机装配与调试实习岗位（2027 春季）', reference: `JCJ-${webMade.id}` })
    expect((await db.select().from(listings).where(eq(listings.id, imported.id)))[0]!.title).toBe('液压支架电控系统调试实习岗位')
    expect((await db.select({ id: listings.id }).from(listings).where(eq(listings.organisationId, org.id))).length).toBe(before)

    // The same file again changes nothing.
    const again = await checkImportFile({ type: 'internship', file: { name: '导出.xlsx', bytes: edited } })
    expect(await commitImport({ actor, organisationId: org.id, check: again })).toMatchObject({ created: 0, updated: 0, unchanged: 2 })
  })

  it('imports new rows as drafts when asked, even for a verified organisation', async () => {
    const { org, actor } = await member()
    const template = await buildTemplateWorkbook({ type: 'internship' })
    const check = await checkImportFile({ type: 'internship', file: { name: '模板.xlsx', bytes: new Uint8Array(template) } })
    expect(await commitImport({ actor, organisationId: org.id, check, asDrafts: true })).toMatchObject({ created: 1, published: false })
    const rows = await db.select({ status: listings.status }).from(listings).where(eq(listings.organisationId, org.id))
    expect(rows).toEqual([{ status: 'draft' }])
  })

  it('the template has dropdowns for city, clusters, majors and direction, and an instructions sheet', async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await buildTemplateWorkbook({ type: 'internship' })) as never)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['导入', '可选值', '填写说明'])
    const sheet = workbook.worksheets[0]!
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String)
    const validationOf = (header: string) => sheet.getRow(2).getCell(headers.indexOf(header) + 1).dataValidation
    expect(validationOf('城市')).toMatchObject({ type: 'list', showErrorMessage: true })
    expect(validationOf('产业集群')).toMatchObject({ type: 'list' })
    expect(validationOf('专业')).toMatchObject({ type: 'list' })
    expect(validationOf('需求或供给')).toMatchObject({ type: 'list' })
    const lists = workbook.getWorksheet('可选值')!
    expect(lists.state).toBe('hidden')
    const cities = lists.getColumn(1 + ['需求或供给', '产业集群', '城市'].indexOf('城市')).values.slice(2)
    expect(cities).toContain('太原市')
    expect(cities).toHaveLength(11)
    const help = workbook.getWorksheet('填写说明')!
    expect(JSON.stringify(help.getSheetValues())).toContain('再次导入同一内部编号会更新原记录')
  })
})
