import { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import { sql } from 'drizzle-orm'
import type { DatabaseHandle } from '../../db/client'

type Report = (measure: string, figure: string, notes: string) => void

const mb = (v: number) => `${(v / 1e6).toFixed(0)} MB`
const secondsOf = (ms: number) => `${(ms / 1000).toFixed(2)} s`

/** Runs `work` while sampling RSS every 20 ms: its time, and RSS before and at the peak. */
async function measured<T>(work: () => Promise<T>) {
  global.gc?.()
  const before = process.memoryUsage().rss
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  const t = performance.now()
  try {
    const result = await work()
    return { result, ms: performance.now() - t, before, peak: Math.max(peak, process.memoryUsage().rss) }
  } finally {
    clearInterval(sampler)
  }
}

async function drain(body: ReadableStream<Uint8Array>) {
  let bytes = 0
  let chunks = 0
  const reader = body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return { bytes, chunks }
    bytes += value.byteLength
    chunks++
  }
}

const counting = () => {
  const sink = { bytes: 0 }
  const stream = new Writable({
    write(chunk: Buffer, _, done) {
      sink.bytes += chunk.length
      done()
    },
  })
  return { sink, stream }
}

/**
 * `npm run bench -- export [--export-rows=50000]`: the province official's records export (/gov/export?table=records)
 * of the smallest drill-down list with at least that many rows, as XLSX and CSV through the route's own functions,
 * streamed and drained like a download, with time and peak RSS; beside two floors measured in the same run: the same
 * rows read by raw SQL (the export's statement through the same cursor, nothing mapped), and ExcelJS's streaming
 * writer writing the same rows from memory (no database).
 */
export async function benchExport({ handle, report, rows: wanted }: { handle: DatabaseHandle; report: Report; rows: number }) {
  const { db } = handle
  const { createUserSession, actorFrom, getSessionUser } = await import('../../app/domain/accounts/session.server')
  const { parseGovQuery } = await import('../../app/domain/metrics/gov-query.server')
  const { recordsQuery, listRecords, parseFigureRef } = await import('../../app/domain/metrics/records.server')
  const { buildTable } = await import('../../app/domain/metrics/tables.server')
  const { csvResponse, xlsxStreamResponse } = await import('../../app/domain/metrics/export.server')
  const { worksheetName } = await import('../../app/lib/xlsx-response')
  const [official] = (await db.execute(sql`select id from users where gov_scope_type = 'province' limit 1`)) as unknown as { id: number }[]
  const cookie = (await createUserSession({ userId: official!.id, activeOrganisationId: null })).split(';')[0]!
  const actor = actorFrom(await getSessionUser(new Request('http://localhost/gov', { headers: { Cookie: cookie } })))

  // Completed matches over a growing number of months up to today: the first range with at least `wanted` records.
  const { beijingToday } = await import('../../app/domain/metrics/gov-query.server')
  const today = beijingToday()
  const search = new URLSearchParams('figure=stage&stage=completed')
  let chosen: { params: Record<string, string>; count: number } | undefined
  for (const months of [1, 2, 3, 4, 5, 6, 8, 10, 12, 18, 24, 36]) {
    const from = new Date(Date.parse(`${today}T00:00:00Z`) - months * 30.44 * 86_400_000).toISOString().slice(0, 10)
    const params = { preset: 'custom', from, to: today }
    const { count } = await listRecords(parseGovQuery({ actor: actor as never, params }), parseFigureRef(search), { limit: 1 })
    chosen = { params, count }
    if (count >= wanted) break
  }
  const { params, count } = chosen!
  const q = parseGovQuery({ actor: actor as never, params })
  const label = `${count.toLocaleString('en')} rows (completed matches ${params.from} – ${params.to}, province)`

  for (const format of ['xlsx', 'csv'] as const) {
    const run = await measured(async () => {
      const table = await buildTable(q, 'records', search, 'zh-CN')
      return drain((format === 'xlsx' ? xlsxStreamResponse(table, 'bench') : csvResponse(table, 'bench')).body!)
    })
    report(
      `export: ${format.toUpperCase()} of records, streamed`,
      secondsOf(run.ms),
      `${label}; ${(run.result.bytes / 1e6).toFixed(1)} MB in ${run.result.chunks.toLocaleString('en')} chunks; RSS ${mb(run.before)} before, peak ${mb(run.peak)} (+${mb(run.peak - run.before)})`,
    )
  }

  const { ordered } = recordsQuery(q, parseFigureRef(search))
  const raw = await measured(async () => {
    let n = 0
    if (handle.cursor) for await (const batch of handle.cursor(ordered, 2000)) n += batch.length
    else n = ((await db.execute(ordered)) as unknown as { rows?: unknown[] }).rows?.length ?? 0
    return n
  })
  report(
    'export floor: raw SQL, same rows',
    secondsOf(raw.ms),
    `${raw.result.toLocaleString('en')} rows through ${handle.cursor ? 'the same cursor' : 'one query'}; peak RSS +${mb(raw.peak - raw.before)}`,
  )

  const table = await buildTable(q, 'records', search, 'zh-CN')
  const cells: unknown[][] = []
  for await (const row of table.rows) cells.push(row)
  const written = await measured(async () => {
    const { sink, stream } = counting()
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false })
    const sheet = workbook.addWorksheet(worksheetName(table.name))
    sheet.addRow(table.columns).commit()
    for (const row of cells) sheet.addRow(row).commit()
    sheet.commit()
    await workbook.commit()
    return sink.bytes
  })
  report(
    'export floor: ExcelJS streaming writer from memory',
    secondsOf(written.ms),
    `${cells.length.toLocaleString('en')} rows already in memory, ${(written.result / 1e6).toFixed(1)} MB; peak RSS +${mb(written.peak - written.before)}`,
  )
}
