import type ExcelJS from 'exceljs'
import type { ListingStatus } from '~/db.server'
import { translate } from '~/lib/i18n'
import { translateMessage } from '~/lib/i18n/form-messages'
import { exampleIn, importColumns, type ImportColumn } from '~/lib/import-columns'
import type { CooperationTypeCode } from '~/lib/schemas/listing'
import { clusterByCode, cityByCode, taxonomy, TRANSFER_MODES } from '../../../db/reference'
import { MAJORS } from '../../../db/reference/majors'
import type { RowError } from './import.server'

// ExcelJS (with JSZip, ~9 MB of heap) is loaded on the first workbook, not in every serving process.
const newWorkbook = async () => new (await import('exceljs')).default.Workbook()

/**
 * The workbooks an importer downloads and fills in Excel: the template for a cooperation type, the
 * export (built here too, from rows export.server.ts reads), and the report of a refused file. The template and the export share the
 * template's columns, dropdowns and instructions, so an exported sheet edited in Excel imports
 * back as updates of the same listings (matched by 内部编号).
 */

/** A listing created on the web has no 内部编号; the export gives it this one, which the importer recognises. */
export const exportReference = (id: number) => `JCJ-${id}`
export const EXPORT_REFERENCE = /^JCJ-(\d{1,9})$/

const zh = (key: Parameters<typeof translate>[1]) => translate('zh-CN', key)
const TECH_KIND_WORDS: Record<string, string> = { problem: '难题', result: '成果' } // cjk-ok: the importer's words for details.kind
const LAST_ROW = 5000

/** The values each dropdown offers, kept on a hidden sheet (Excel limits inline lists to 255 characters). */
function dropdownValues(column: ImportColumn): string[] | null {
  switch (column.path) {
    case 'direction':
      return [zh('direction.offer'), zh('direction.need')]
    case 'cityCode':
      return taxonomy.regions.cities.map((c) => c.name)
    case 'clusters':
      return taxonomy.clusters.map((c) => c.name)
    case 'majors':
    case 'details.majors':
      return [...new Set(MAJORS.map((m) => m.name))].sort((a, b) => a.localeCompare(b, 'zh-CN'))
    case 'details.kind':
      return Object.values(TECH_KIND_WORDS)
    case 'details.mode':
      return [...TRANSFER_MODES]
  }
  return column.input === 'checkbox' ? [zh('common.yes'), zh('common.no')] : null
}

const columnLetter = (n: number) => {
  let s = ''
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s
  return s
}

/** Lists (city, clusters, majors, direction …) as data-validation dropdowns; lists of several values stay typeable. */
function addDropdowns(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, columns: ImportColumn[]) {
  const lists = workbook.addWorksheet(zh('sheet.lists'), { state: 'hidden' })
  // One range per column; exceljs's typings omit worksheet.dataValidations, which it does support.
  const validations = (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations
  let listColumn = 0
  columns.forEach((column, index) => {
    const values = dropdownValues(column)
    if (!values) return
    listColumn++
    const letter = columnLetter(listColumn)
    lists.getCell(`${letter}1`).value = column.header
    values.forEach((v, i) => (lists.getCell(`${letter}${i + 2}`).value = v))
    const several = column.path === 'clusters' || column.path.endsWith('majors')
    const target = columnLetter(index + 1)
    validations.add(`${target}2:${target}${LAST_ROW}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${lists.name}'!$${letter}$2:$${letter}$${values.length + 1}`],
      // Several clusters or majors are typed with 、 between them, so the list only suggests.
      showErrorMessage: !several,
      errorStyle: several ? 'information' : 'stop',
      error: zh('sheet.pickFromList'),
    })
  })
}

function addInstructions(workbook: ExcelJS.Workbook, columns: ImportColumn[]) {
  const help = workbook.addWorksheet(zh('sheet.instructions'))
  help.columns = [
    { header: zh('sheet.column'), width: 20 },
    { header: zh('sheet.required'), width: 8 },
    { header: zh('sheet.notes'), width: 60 },
    { header: 'Column (English)', width: 32 },
    { header: 'Notes (English)', width: 60 },
  ]
  help.getRow(1).font = { bold: true }
  for (const key of ['sheet.how1', 'sheet.how2', 'sheet.how3', 'sheet.how4'] as const)
    help.addRow([zh('sheet.how'), '', zh(key), 'How to', translate('en', key)])
  help.addRow([])
  for (const c of columns)
    help.addRow([
      c.header,
      c.required ? zh('common.yes') : zh('common.no'),
      c.hintText ?? translate('zh-CN', 'sheet.example', { example: c.exampleText }),
      `${translate('en', c.label)}${c.required ? ' (required)' : ''}`,
      c.hint ? translate('en', c.hint) : `e.g. ${exampleIn(c, 'en')}`,
    ])
  help.addRow([])
  help.addRow([zh('sheet.clusters'), '', taxonomy.clusters.map((c) => `${c.name}（${c.short}）`).join('、')])
  help.addRow([zh('sheet.cities'), '', taxonomy.regions.cities.map((c) => c.name).join('、')])
}

function sheetFor(workbook: ExcelJS.Workbook, columns: ImportColumn[]) {
  const sheet = workbook.addWorksheet(zh('sheet.import'))
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.path, width: Math.max(12, c.header.length * 2 + 4) }))
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  return sheet
}

export async function buildTemplateWorkbook({ type }: { type: CooperationTypeCode }): Promise<Buffer> {
  const workbook = await newWorkbook()
  const columns = importColumns(type)
  const sheet = sheetFor(workbook, columns)
  sheet.addRow(columns.map((c) => c.exampleText))
  addDropdowns(workbook, sheet, columns)
  addInstructions(workbook, columns)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

function cellText(
  column: ImportColumn,
  row: { direction: string; cityCode: string | null; clusters: string[]; details: Record<string, unknown> } & Record<string, unknown>,
) {
  const value = column.path.startsWith('details.') ? row.details[column.path.slice('details.'.length)] : row[column.path]
  if (value === undefined || value === null) return ''
  switch (column.path) {
    case 'direction':
      return zh(value === 'need' ? 'direction.need' : 'direction.offer')
    case 'cityCode':
      return cityByCode.get(String(value))?.name ?? String(value)
    case 'clusters':
      return (value as string[]).map((c) => clusterByCode.get(c)?.name ?? c).join('、')
    case 'details.kind':
      return TECH_KIND_WORDS[String(value)] ?? String(value)
  }
  if (Array.isArray(value)) return value.join('、')
  if (typeof value === 'boolean') return zh(value ? 'common.yes' : 'common.no')
  return typeof value === 'number' ? value : String(value)
}

export type ExportRow = {
  id: number
  reference: string | null
  direction: string
  cityCode: string | null
  clusters: string[]
  details: Record<string, unknown>
  status: ListingStatus
} & Record<string, unknown>

/**
 * One type's listings in that type's template columns (plus status, which the importer ignores):
 * edit it in Excel and import it again, and the same listings are updated.
 */
export async function buildExportWorkbook({ type, rows }: { type: CooperationTypeCode; rows: ExportRow[] }): Promise<Buffer> {
  const workbook = await newWorkbook()
  const columns = importColumns(type)
  const sheet = sheetFor(workbook, columns)
  const statusColumn = sheet.columns.length + 1
  sheet.getRow(1).getCell(statusColumn).value = zh('sheet.status')
  for (const row of rows) {
    const withReference = { ...row, reference: row.reference ?? exportReference(row.id) }
    const added = sheet.addRow(columns.map((c) => cellText(c, withReference)))
    added.getCell(statusColumn).value = zh(`listing.status.${row.status}`)
  }
  addDropdowns(workbook, sheet, columns)
  addInstructions(workbook, columns)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export async function buildErrorReport({ errors }: { errors: RowError[] }): Promise<Buffer> {
  const workbook = await newWorkbook()
  const sheet = workbook.addWorksheet('错误报告')
  sheet.columns = [
    { header: '行号', key: 'row', width: 8 },
    { header: '列', key: 'column', width: 20 },
    { header: '错误说明', key: 'message', width: 70 },
  ]
  sheet.getRow(1).font = { bold: true }
  for (const e of errors) sheet.addRow({ ...e, message: translateMessage('zh-CN', e.message) })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
