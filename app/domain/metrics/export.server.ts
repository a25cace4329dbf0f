import { PassThrough, Readable } from 'node:stream'
import type { Cell, ExportableTable } from './tables.server'
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

/** Batches of rows from an array or from rows still arriving from the database. */
async function* chunksOf(rows: ExportableTable['rows'], size: number): AsyncGenerator<Cell[][]> {
  let chunk: Cell[][] = []
  for await (const row of rows) {
    chunk.push(row)
    if (chunk.length >= size) {
      yield chunk
      chunk = []
    }
  }
  if (chunk.length) yield chunk
}

/** CSV in UTF-8 with a byte-order mark, so Excel opens the Chinese correctly; streamed a thousand rows at a time. */
export function csvResponse(table: ExportableTable, fileName: string) {
  const encoder = new TextEncoder()
  const line = (row: Cell[]) => `${row.map(csvCell).join(',')}\r\n`
  const chunks = chunksOf(table.rows, CSV_ROWS_PER_CHUNK)
  let started = false
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true
        return controller.enqueue(encoder.encode(`\uFEFF${line(table.columns)}`))
      }
      const next = await chunks.next()
      if (next.done) return controller.close()
      controller.enqueue(encoder.encode(next.value.map(line).join('')))
    },
    // The reader went away: stop reading from the database (a cursor is closed by return()).
    async cancel() {
      await chunks.return(undefined)
    },
  })
  return new Response(body, { headers: headers('text/csv; charset=utf-8', `${fileName}.csv`) })
}

/** XLSX written row by row into the response as the rows arrive (ExcelJS's streaming writer). */
export function xlsxStreamResponse(table: ExportableTable, fileName: string) {
  const out = new PassThrough()
  void (async () => {
    try {
      // Loaded on the first export, not in every serving process (ExcelJS with JSZip: ~9 MB of heap).
      const { default: ExcelJS } = await import('exceljs')
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
      const sheet = workbook.addWorksheet(worksheetName(table.name))
      const head = sheet.addRow(table.columns)
      head.font = { bold: true }
      head.commit()
      for await (const chunk of chunksOf(table.rows, 1000)) {
        for (const row of chunk) sheet.addRow(row).commit()
        // Let the reader catch up, so a big table is not zipped into memory faster than it is sent.
        if (out.writableNeedDrain) await new Promise((resolve) => out.once('drain', resolve).once('close', resolve))
        if (out.destroyed) return
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
