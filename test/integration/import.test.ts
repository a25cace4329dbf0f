import ExcelJS from 'exceljs'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { checkImportFile, commitImport } from '../../app/domain/listings/import.server'
import { buildErrorReport, buildTemplateWorkbook } from '../../app/domain/listings/import-workbooks.server'
import { importColumns } from '../../app/lib/import-columns'
import { translateMessage } from '../../app/lib/i18n/form-messages'
import { listings } from '../../db/schema'
import { memberOfNewOrganisation } from '../factories/accounts'
import { internshipImportHeaders, internshipImportRow } from '../factories/forms'

async function workbookFrom(rows: (string | number)[][], merge?: string) {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('导入')
  for (const row of rows) sheet.addRow(row)
  if (merge) sheet.mergeCells(merge)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

const headers = internshipImportHeaders
const internshipRow = (ref: string, overrides: Record<string, string> = {}) =>
  internshipImportRow({
    内部编号: ref,
    标题: `液压支架电控系统调试实习 ${ref}`,
    '月补贴（元）': '2200',
    提供住宿: '是',
    ...overrides,
  })

const member = () => memberOfNewOrganisation({ cityCode: 'changzhi' })

describe('bulk import', () => {
  it('offers a template whose Chinese headers it accepts back', async () => {
    const template = await buildTemplateWorkbook({ type: 'internship' })
    const check = await checkImportFile({ type: 'internship', file: { name: '模板.xlsx', bytes: new Uint8Array(template) } })
    expect(check.fileError).toBeUndefined()
    expect(check.errors).toEqual([])
    expect(check.rows).toHaveLength(1)
  })

  it('imports every row, then re-importing the same file changes nothing', async () => {
    const { org, actor } = await member()
    const bytes = await workbookFrom([headers, internshipRow('CZ-001'), internshipRow('CZ-002')])
    const check = await checkImportFile({ type: 'internship', file: { name: '实习岗位.xlsx', bytes } })
    expect(await commitImport({ actor, organisationId: org.id, check })).toMatchObject({ created: 2, updated: 0, published: true })
    const again = await checkImportFile({ type: 'internship', file: { name: '实习岗位.xlsx', bytes } })
    expect(await commitImport({ actor, organisationId: org.id, check: again })).toMatchObject({ created: 0, updated: 0, unchanged: 2 })
    const rows = await db.select().from(listings).where(eq(listings.organisationId, org.id))
    expect(rows).toHaveLength(2)
    expect(rows[0]!.majors).toEqual(['机电一体化技术', '电气自动化技术'])
  })

  it('offers an optional majors column for the types whose details do not name majors', () => {
    for (const type of ['teacher_practice', 'joint_lab', 'tech_transfer'] as const)
      expect(importColumns(type).find((c) => c.path === 'majors')).toMatchObject({ header: '面向专业', required: false })
    expect(
      importColumns('internship')
        .filter((c) => c.header.includes('专业'))
        .map((c) => c.path),
    ).toEqual(['details.majors'])
  })

  it('reports each bad row with its row number, column and a Chinese message, and the report downloads as XLSX', async () => {
    const bytes = await workbookFrom([
      headers,
      internshipRow('A-1'),
      internshipRow('A-2', { 结束日期: '2027-01-01', 城市: '北京' }),
      internshipRow('A-3', { 数量: '-5', 产业集群: '钢铁' }),
      internshipRow('A-1'),
    ])
    const check = await checkImportFile({ type: 'internship', file: { name: 'x.xlsx', bytes } })
    expect(check.errors.map((e) => ({ ...e, message: translateMessage('zh-CN', e.message) }))).toEqual(
      expect.arrayContaining([
        { row: 3, column: '城市', message: '“北京”不是山西省的地级市' },
        { row: 4, column: '产业集群', message: '未知的产业集群：钢铁' },
        { row: 4, column: '数量', message: '数量至少为 1' },
        { row: 5, column: '内部编号', message: '与第 2 行的内部编号重复' },
      ]),
    )
    const report = new ExcelJS.Workbook()
    await report.xlsx.load((await buildErrorReport({ errors: check.errors })) as never)
    expect(report.getWorksheet('错误报告')!.getRow(1).values).toEqual([undefined, '行号', '列', '错误说明'])
  })

  it('writes nothing when any row is wrong', async () => {
    const { org, actor } = await member()
    const bytes = await workbookFrom([headers, internshipRow('B-1'), internshipRow('B-2', { 开始日期: '明年三月' })])
    const check = await checkImportFile({ type: 'internship', file: { name: 'x.xlsx', bytes } })
    expect(check.errors[0]).toMatchObject({ row: 3, column: '开始日期' })
    await expect(commitImport({ actor, organisationId: org.id, check })).rejects.toMatchObject({ messageKey: 'importer.hasErrors' })
    expect(await db.select().from(listings).where(eq(listings.organisationId, org.id))).toHaveLength(0)
  })

  it('says which headers are missing', async () => {
    const bytes = await workbookFrom([
      ['标题', '数量'],
      ['实习', '3'],
    ])
    const check = await checkImportFile({ type: 'internship', file: { name: 'x.xlsx', bytes } })
    expect(translateMessage('zh-CN', check.fileError!)).toContain('缺少必填列：内部编号、需求或供给')
  })

  it('refuses merged cells', async () => {
    const bytes = await workbookFrom([headers, internshipRow('M-1'), internshipRow('M-2')], 'E2:E3')
    const check = await checkImportFile({ type: 'internship', file: { name: 'x.xlsx', bytes } })
    expect(translateMessage('zh-CN', check.fileError!)).toContain('合并单元格')
  })

  it('reads a GBK-encoded CSV as Excel in China saves it', async () => {
    const csv = [headers, internshipRow('G-1', { 详细说明: '含逗号，和"引号"的说明文字，面向机电一体化技术专业学生，配带教师傅。' })]
      .map((r) => r.map((c) => (/[,"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
      .join('\r\n')
    const gbk = await import('node:buffer').then(() => encodeGbk(csv))
    const check = await checkImportFile({ type: 'internship', file: { name: '岗位.csv', bytes: gbk } })
    expect(check.encoding).toBe('gbk')
    expect(check.errors).toEqual([])
    expect(check.rows[0]!.input.description).toContain('"引号"')
  })

  it('reads thousands of Chinese rows without breaking characters, and Excel date cells', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      internshipRow(`BIG-${i}`, { 城市: i % 2 ? '晋中市' : '长治市', 产业集群: '煤机智能制造装备' }),
    )
    const bytes = await workbookFrom([headers, ...rows])
    const check = await checkImportFile({ type: 'internship', file: { name: 'big.xlsx', bytes } })
    expect(check.errors).toEqual([])
    expect(check.rows).toHaveLength(10_000)

    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('导入')
    sheet.addRow(headers)
    const dated = internshipRow('DATE-1')
    const row = sheet.addRow(dated)
    row.getCell(headers.indexOf('开始日期') + 1).value = new Date(Date.UTC(2027, 2, 1))
    const check2 = await checkImportFile({
      type: 'internship',
      file: { name: 'dates.xlsx', bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) },
    })
    expect(check2.errors).toEqual([])
    expect(check2.rows[0]!.input.startsOn).toBe('2027-03-01')
  })

  it('refuses files that are too large or of another type', async () => {
    const big = await checkImportFile({ type: 'internship', file: { name: 'big.xlsx', bytes: new Uint8Array(50 * 1024 * 1024) } })
    expect(translateMessage('zh-CN', big.fileError!)).toContain('不能超过 20 MB')
    const pdf = await checkImportFile({ type: 'internship', file: { name: 'x.pdf', bytes: new TextEncoder().encode('%PDF-1.4') } })
    expect(translateMessage('zh-CN', pdf.fileError!)).toBe('只支持 .xlsx 或 .csv 文件')
  })
})

/** Node can decode GBK but not encode it; iconv-lite is not a dependency, so build GBK bytes via the decoder's table. */
function encodeGbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030')
  const table = new Map<string, number[]>()
  const needed = new Set([...text].filter((c) => c.charCodeAt(0) > 0x7f))
  for (let hi = 0x81; hi <= 0xfe && table.size < needed.size; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const ch = decoder.decode(new Uint8Array([hi, lo]))
      if (needed.has(ch) && !table.has(ch)) table.set(ch, [hi, lo])
    }
  const bytes: number[] = []
  for (const c of text) {
    if (c.charCodeAt(0) <= 0x7f) bytes.push(c.charCodeAt(0))
    else bytes.push(...(table.get(c) ?? [0x3f]))
  }
  return new Uint8Array(bytes)
}

describe('importer messages in English', () => {
  it('an English reader gets the importer’s file and row messages in English', async () => {
    const pdf = await checkImportFile({ type: 'internship', file: { name: 'x.pdf', bytes: new Uint8Array([1, 2, 3]) } })
    expect(translateMessage('en', pdf.fileError!)).toBe('Only .xlsx or .csv files are supported')
    const bytes = await workbookFrom([headers, internshipRow('E-1', { 城市: '北京', 产业集群: '钢铁' })])
    const check = await checkImportFile({ type: 'internship', file: { name: 'x.xlsx', bytes } })
    expect(check.errors.map((e) => translateMessage('en', e.message))).toEqual(
      expect.arrayContaining(['“北京” is not a prefecture-level city of Shanxi', 'Unknown industry cluster: 钢铁']),
    )
  })
})
