import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { buildListingsExport } from '../../app/domain/listings/export.server'
import { createListing, createOrganisation } from '../factories'
import { addMember, createUser, signIn } from '../factories/accounts'

describe('listings export', () => {
  it('gives members every listing of their organisation with Chinese names, and refuses outsiders', async () => {
    const org = await createOrganisation()
    await createListing(org.id, { title: '液压支架电控系统调试实习', type: 'internship', cityCode: 'changzhi' })
    await createListing(org.id, { title: '草稿：教师企业实践', status: 'draft', publishedAt: null })
    const user = await createUser()
    await addMember(user.id, org.id)
    const { actor } = await signIn(user.id, org.id)

    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await buildListingsExport({ actor, organisationId: org.id })) as never)
    const sheet = workbook.getWorksheet('需求与供给')!
    const rows = sheet.getSheetValues().slice(2) as unknown[][]
    expect(rows).toHaveLength(2)
    const first = rows.find((r) => r.includes('液压支架电控系统调试实习'))!
    expect(first).toContain('长治市')
    expect(first).toContain('已发布')
    expect(rows.some((r) => r.includes('草稿'))).toBe(true)

    const outsider = (await signIn((await createUser()).id)).actor
    await expect(buildListingsExport({ actor: outsider, organisationId: org.id })).rejects.toMatchObject({ status: 403 })
  })
})
