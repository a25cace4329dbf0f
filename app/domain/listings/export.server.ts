import ExcelJS from 'exceljs'
import { eq } from 'drizzle-orm'
import { db, listings } from '~/db.server'
import { taxonomy } from '../../../db/reference'
import { assertOrgRole } from '../accounts/guards.server'
import type { Actor } from '../actor'

/** Every listing of the organisation as a workbook, for its members. */
export async function buildListingsExport(options: { actor: Actor; organisationId: number }): Promise<Buffer> {
  assertOrgRole(options.actor, options.organisationId, 'member')
  const rows = await db.select().from(listings).where(eq(listings.organisationId, options.organisationId)).orderBy(listings.id)
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('需求与供给')
  sheet.columns = [
    { header: '编号', key: 'id', width: 8 },
    { header: '内部编号', key: 'reference', width: 16 },
    { header: '类型', key: 'type', width: 16 },
    { header: '需求或供给', key: 'direction', width: 10 },
    { header: '标题', key: 'title', width: 40 },
    { header: '状态', key: 'status', width: 10 },
    { header: '数量', key: 'capacity', width: 8 },
    { header: '开始日期', key: 'startsOn', width: 12 },
    { header: '结束日期', key: 'endsOn', width: 12 },
    { header: '城市', key: 'cityCode', width: 10 },
  ]
  sheet.getRow(1).font = { bold: true }
  const typeName = new Map(taxonomy.cooperation_types.map((t) => [t.code, t.name]))
  const cityName = new Map(taxonomy.regions.cities.map((c) => [c.code, c.name]))
  const statusName: Record<string, string> = { draft: '草稿', published: '已发布', paused: '已暂停', closed: '已关闭', expired: '已过期' }
  for (const r of rows)
    sheet.addRow({
      ...r,
      type: typeName.get(r.type) ?? r.type,
      direction: r.direction === 'need' ? '需求' : '供给',
      status: statusName[r.status] ?? r.status,
      cityCode: cityName.get(r.cityCode) ?? r.cityCode,
    })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
