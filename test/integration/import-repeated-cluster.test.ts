import ExcelJS from 'exceljs'
import { eq, inArray } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { checkImportFile, commitImport } from '../../app/domain/listings/import.server'
import { importColumns } from '../../app/lib/import-columns'
import { listingClusters, listings } from '../../db/schema'
import { createOrganisation } from '../factories'
import { addMember, createUser, signIn } from '../factories/accounts'

const CELLS: Record<string, string> = {
  内部编号: 'CZ-REP-1',
  需求或供给: '供给',
  标题: '液压支架电控系统调试实习（重复集群）',
  详细说明: '面向机电一体化技术专业学生，参与液压支架电控系统的装配、调试与井下联调，配带教师傅。',
  产业集群: '煤机装备、煤机装备，煤机装备',
  城市: '长治',
  数量: '10',
  开始日期: '2027-03-01',
  结束日期: '2027-06-30',
  专业: '机电一体化技术',
  实习时段: '2027 年春季学期',
  实习地点: '长治市潞州区',
  每日工时: '8',
}

describe('a cluster repeated in an import cell', () => {
  it('counts once: the row imports with one cluster link, no duplicate-key error', async () => {
    const org = await createOrganisation({ cityCode: 'changzhi' })
    const user = await createUser()
    await addMember(user.id, org.id)
    const { actor } = await signIn(user.id, org.id)
    const headers = importColumns('internship').map((c) => c.header)
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('导入')
    sheet.addRow(headers)
    sheet.addRow(headers.map((h) => CELLS[h] ?? ''))
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    const check = await checkImportFile({ type: 'internship', file: { name: '实习岗位.xlsx', bytes } })
    expect(check.errors).toEqual([])
    expect(await commitImport({ actor, organisationId: org.id, check })).toMatchObject({ created: 1 })
    const ids = (await db.select({ id: listings.id }).from(listings).where(eq(listings.organisationId, org.id))).map((r) => r.id)
    const links = await db.select().from(listingClusters).where(inArray(listingClusters.listingId, ids))
    expect(links.map((l) => l.clusterCode)).toEqual(['coal_machinery'])
  })
})
