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

const CSV_ROWS_PER_CHUNK = 1000

/** CSV in UTF-8 with a byte-order mark, so Excel opens the Chinese correctly; streamed a thousand rows at a time. */
export function csvResponse(table: FlatTable, fileName: string) {
  const encoder = new TextEncoder()
  const lines = [table.columns, ...table.rows]
  let next = 0
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next >= lines.length) return controller.close()
      const chunk = lines.slice(next, next + CSV_ROWS_PER_CHUNK).map((row) => `${row.map(csvCell).join(',')}\r\n`)
      controller.enqueue(encoder.encode(`${next === 0 ? '\uFEFF' : ''}${chunk.join('')}`))
      next += CSV_ROWS_PER_CHUNK
    },
  })
  return new Response(body, { headers: headers('text/csv; charset=utf-8', `${fileName}.csv`) })
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
      for (let i = 0; i < table.rows.length; i++) {
        sheet.addRow(table.rows[i]).commit()
        // Let the reader catch up, so a big table is not zipped into memory faster than it is sent.
        if (i % 1000 === 999 && out.writableNeedDrain) await new Promise((resolve) => out.once('drain', resolve).once('close', resolve))
      }
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
