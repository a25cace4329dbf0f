import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { buildListingsExport } from '../../app/domain/listings/export.server'
import { createListing, createOrganisation } from '../factories'
import { createUser, signIn, signInMember } from '../factories/accounts'

describe('listings export', () => {
  it("gives members their organisation's listings of one type with Chinese names, and refuses outsiders", async () => {
    const org = await createOrganisation()
    await createListing(org.id, { title: '液压支架电控系统调试实习', type: 'internship', cityCode: 'changzhi' })
    await createListing(org.id, { title: '草稿：实习岗位', type: 'internship', status: 'draft', publishedAt: null })
    await createListing(org.id, { title: '教师企业实践', type: 'teacher_practice' })
    const { actor } = await signInMember(org.id)

    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await buildListingsExport({ actor, organisationId: org.id, type: 'internship' })) as never)
    const sheet = workbook.getWorksheet('导入')!
    const rows = sheet.getSheetValues().slice(2) as unknown[][]
    expect(rows).toHaveLength(2)
    const first = rows.find((r) => r.includes('液压支架电控系统调试实习'))!
    expect(first).toContain('长治市')
    expect(first).toContain('已发布')
    expect(rows.some((r) => r.includes('草稿：实习岗位') && r.includes('草稿'))).toBe(true)
    expect(rows.some((r) => r.includes('教师企业实践'))).toBe(false)

    const outsider = (await signIn((await createUser()).id)).actor
    await expect(buildListingsExport({ actor: outsider, organisationId: org.id, type: 'internship' })).rejects.toMatchObject({
      status: 403,
    })
  })
})
