import { PassThrough, Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { FlatTable } from './tables.server'
import { worksheetName } from '~/lib/xlsx-response'

const headers = (type: string, fileName: string) => ({
  'Content-Type': type,
  'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  'Cache-Control': 'private, no-store',
})

function csvCell(value: unknown) {
  if (value === null || value === undefined) return ''
  const text = String(value)
  // A leading =, +, - or @ would make a spreadsheet run a formula.
  const safe = typeof value === 'string' && /^[=+\-@]/.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** CSV in UTF-8 with a byte-order mark, so Excel opens the Chinese correctly. */
export function csvResponse(table: FlatTable, fileName: string) {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvCell).join(','))
  return new Response(`\uFEFF${lines.join('\r\n')}\r\n`, { headers: headers('text/csv; charset=utf-8', `${fileName}.csv`) })
}

/** XLSX written row by row into the response as it is produced (ExcelJS's streaming writer). */
export function xlsxStreamResponse(table: FlatTable, fileName: string) {
  const out = new PassThrough()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  const sheet = workbook.addWorksheet(worksheetName(table.name))
  void (async () => {
    try {
      const head = sheet.addRow(table.columns)
      head.font = { bold: true }
      head.commit()
      for (const row of table.rows) sheet.addRow(row).commit()
      sheet.commit()
      await workbook.commit()
    } catch (error) {
      out.destroy(error as Error)
    }
  })()
  return new Response(Readable.toWeb(out) as ReadableStream, {
    headers: headers('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `${fileName}.xlsx`),
  })
}
