import ExcelJS from 'exceljs'
import { translate } from '~/lib/i18n'
import { exampleIn, importColumns } from '~/lib/import-columns'
import type { CooperationTypeCode } from '~/lib/schemas/listing'
import { taxonomy } from '../../../db/reference'
import type { RowError } from './import.server'

/** The workbooks an importer downloads: the template for a cooperation type, and the report of a refused file. */
export async function buildTemplateWorkbook({ type }: { type: CooperationTypeCode }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('导入')
  const columns = importColumns(type)
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.path, width: Math.max(12, c.header.length * 2 + 4) }))
  sheet.getRow(1).font = { bold: true }
  sheet.addRow(columns.map((c) => c.exampleText))
  const help = workbook.addWorksheet('填写说明')
  help.columns = [
    { header: '列', width: 20 },
    { header: '必填', width: 8 },
    { header: '说明', width: 60 },
    { header: 'Column (English)', width: 32 },
    { header: 'Notes (English)', width: 60 },
  ]
  for (const c of columns)
    help.addRow([
      c.header,
      c.required ? '是' : '否',
      c.hintText ?? `示例：${c.exampleText}`,
      `${translate('en', c.label)}${c.required ? ' (required)' : ''}`,
      c.hint ? translate('en', c.hint) : `e.g. ${exampleIn(c, 'en')}`,
    ])
  help.addRow([])
  help.addRow(['产业集群可填', '', taxonomy.clusters.map((c) => `${c.name}（${c.short}）`).join('、')])
  help.addRow(['城市可填', '', taxonomy.regions.cities.map((c) => c.name).join('、')])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export async function buildErrorReport({ errors }: { errors: RowError[] }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('错误报告')
  sheet.columns = [
    { header: '行号', key: 'row', width: 8 },
    { header: '列', key: 'column', width: 20 },
    { header: '错误说明', key: 'message', width: 70 },
  ]
  sheet.getRow(1).font = { bold: true }
  for (const e of errors) sheet.addRow(e)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
