import { eq } from 'drizzle-orm'
import { db, organisations, type Executor } from '~/db.server'
import { importColumns, type ImportColumn } from '~/lib/import-columns'
import { formMessage as m } from '~/lib/i18n/form-messages'
import { ListingSchema, type CooperationTypeCode, type ListingInput } from '~/lib/schemas/listing'
import { taxonomy } from '../../../db/reference'
import { assertOrgRole } from '../accounts/guards.server'
import type { Actor } from '../actor'
import { recordAudit } from '../audit/audit.server'
import { DomainError } from '../errors.server'
import { createListing, updateListing } from './mutations.server'
import { decodeCsv, parseCsv } from './csv-rows.server'
import { dryRun, findExistingListings } from './import-match.server'
import { openFirstSheet, type XlsxSheet } from './xlsx-rows.server'

export const IMPORT_MAX_BYTES = 20 * 1024 * 1024
export const IMPORT_MAX_ROWS = 20_000

export type RowError = { row: number; column: string; message: string }
export type ImportFile = { name: string; bytes: Uint8Array }
export type ParsedRow = { row: number; input: ListingInput }
export type ImportCheck = {
  type: CooperationTypeCode
  rows: ParsedRow[]
  errors: RowError[]
  fileError?: string
  encoding?: 'utf-8' | 'gbk'
}
type Progress = (phase: string, done: number, total: number) => void

// ── Reading the file ──────────────────────────────────────────────────────────

const isXlsx = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b

// ── Turning cells into listing input ──────────────────────────────────────────

const clusterCodeByName = new Map(
  taxonomy.clusters.flatMap(
    (c) =>
      [
        [c.name, c.code],
        [c.short, c.code],
        [c.code, c.code],
      ] as const,
  ),
)
const cityCodeByName = new Map(
  taxonomy.regions.cities.flatMap(
    (c) =>
      [
        [c.name, c.code],
        [c.name.replace(/市$/, ''), c.code],
        [c.code, c.code],
      ] as const,
  ),
)
const DIRECTIONS: Record<string, string> = { 需求: 'need', 供给: 'offer', need: 'need', offer: 'offer' }
const TECH_KINDS: Record<string, string> = { 难题: 'problem', 技术难题: 'problem', 成果: 'result', problem: 'problem', result: 'result' }

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const [head, ...rest] = path.split('.')
  if (rest.length === 0) target[head!] = value
  else setPath((target[head!] ??= {}) as Record<string, unknown>, rest.join('.'), value)
}

function rowToInput(type: CooperationTypeCode, columns: ImportColumn[], cells: Map<string, string>, rowNumber: number) {
  const errors: RowError[] = []
  const raw: Record<string, unknown> = { type, details: {} }
  for (const column of columns) {
    let value: unknown = cells.get(column.header) ?? ''
    if (value === '') {
      if (column.required)
        errors.push({ row: rowNumber, column: column.header, message: m('importer.cellRequired', { column: column.header }) })
      continue
    }
    if (column.path === 'clusters') {
      const names = String(value)
        .split(/[、,，;；]+/)
        .map((s) => s.trim())
        .filter(Boolean)
      const unknown = names.filter((n) => !clusterCodeByName.has(n))
      if (unknown.length)
        errors.push({ row: rowNumber, column: column.header, message: m('importer.unknownCluster', { names: unknown.join('、') }) })
      value = names.map((n) => clusterCodeByName.get(n)).filter(Boolean)
    } else if (column.path === 'cityCode') {
      const code = cityCodeByName.get(String(value))
      if (!code) errors.push({ row: rowNumber, column: column.header, message: m('importer.notShanxiCity', { value: String(value) }) })
      value = code ?? ''
    } else if (
      (column.path === 'startsOn' || column.path === 'endsOn' || column.path === 'details.deadline') &&
      /^\d{5}(\.\d+)?$/.test(String(value))
    ) {
      // A cell Excel formatted as a date holds a serial day number (1 = 1900-01-01, with Excel's 1900 leap-year quirk).
      value = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(value)) * 86_400_000).toISOString().slice(0, 10)
    } else if (column.path === 'direction') {
      value = DIRECTIONS[String(value)] ?? value
    } else if (column.path === 'details.kind') {
      value = TECH_KINDS[String(value)] ?? value
    }
    setPath(raw, column.path, value)
  }
  const parsed = ListingSchema.safeParse(raw)
  if (parsed.success && errors.length === 0) return { input: parsed.data, errors }
  const headerOf = (path: (string | number)[]) => {
    const key = path.filter((p) => typeof p === 'string').join('.')
    return columns.find((c) => c.path === key)?.header ?? columns.find((c) => key.startsWith(c.path))?.header ?? key
  }
  // Every problem of the row at once, but one message per column: the first found.
  const reported = new Set(errors.map((e) => e.column))
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const column = headerOf(issue.path)
    if (reported.has(column)) continue
    reported.add(column)
    errors.push({ row: rowNumber, column, message: issue.message })
  }
  return { errors }
}

/**
 * Reads and checks a whole file without writing anything: file-level problems (size, format,
 * headers, merged cells) stop it at once; row problems are collected with row and column.
 */
export async function checkImportFile(options: {
  type: CooperationTypeCode
  file: ImportFile
  onProgress?: Progress
}): Promise<ImportCheck> {
  const { type, file } = options
  const fail = (fileError: string): ImportCheck => ({ type, rows: [], errors: [], fileError })
  if (file.bytes.byteLength === 0) return fail(m('importer.fileMissing'))
  if (file.bytes.byteLength > IMPORT_MAX_BYTES) return fail(m('importer.fileTooBig', { mb: IMPORT_MAX_BYTES / 1024 / 1024 }))
  const columns = importColumns(type)
  let encoding: ImportCheck['encoding']
  let source: AsyncIterable<string[]> | Iterable<string[]>
  if (isXlsx(file.bytes)) {
    let sheet: XlsxSheet
    try {
      sheet = await openFirstSheet(file.bytes)
    } catch {
      return fail(m('importer.xlsxUnreadable'))
    }
    if (sheet.hasMergedCells) return fail(m('importer.mergedCells'))
    source = sheet.rows()
  } else if (/\.csv$/i.test(file.name) || !/\.[a-z]+$/i.test(file.name)) {
    const decoded = decodeCsv(file.bytes)
    encoding = decoded.encoding
    source = parseCsv(decoded.text.replace(/^\uFEFF/, ''))
  } else {
    return fail(m('importer.fileType'))
  }

  const rows: ParsedRow[] = []
  const errors: RowError[] = []
  let headers: string[] | undefined
  let rowNumber = 0
  try {
    for await (const cells of source) {
      rowNumber++
      if (!headers) {
        headers = cells.map((h) => h.trim())
        const missing = columns.filter((c) => c.required && !headers!.includes(c.header)).map((c) => c.header)
        if (missing.length) return { ...fail(m('importer.missingColumns', { columns: missing.join('、') })), encoding }
        continue
      }
      if (cells.every((c) => c.trim() === '')) continue
      if (rows.length + errors.length >= IMPORT_MAX_ROWS) return { ...fail(m('importer.tooManyRows', { max: IMPORT_MAX_ROWS })), encoding }
      const byHeader = new Map(headers.map((h, i) => [h, (cells[i] ?? '').trim()]))
      const result = rowToInput(type, columns, byHeader, rowNumber)
      if (result.input) rows.push({ row: rowNumber, input: result.input })
      errors.push(...result.errors)
      if (rowNumber % 500 === 0) options.onProgress?.('检查', rowNumber, 0)
    }
  } catch {
    return { ...fail(m('importer.unreadable')), encoding }
  }
  if (!headers) return { ...fail(m('importer.empty')), encoding }
  if (rows.length === 0 && errors.length === 0) return { ...fail(m('importer.noRows')), encoding }
  const seen = new Map<string, number>()
  for (const { row, input } of rows) {
    const previous = seen.get(input.reference!)
    if (previous) errors.push({ row, column: '内部编号', message: m('importer.duplicateReference', { row: previous }) })
    else seen.set(input.reference!, row)
  }
  return { type, rows, errors, encoding }
}

/**
 * Writes every row or none (one transaction). Rows whose reference already exists in this
 * organisation update that listing, so importing the same file twice changes nothing.
 */
export async function commitImport(options: {
  actor: Actor
  organisationId: number
  check: ImportCheck
  onProgress?: Progress
  /** New listings are saved as drafts even when the organisation may publish. */
  asDrafts?: boolean
  /** Runs the whole write and rolls it back: the preview's exact new / updated / unchanged counts. */
  dryRun?: boolean
}) {
  const { actor, organisationId, check } = options
  assertOrgRole(actor, organisationId, 'member')
  if (check.fileError || check.errors.length) throw new DomainError('invalid', 'importer.hasErrors')
  const [org] = await db
    .select({ verification: organisations.verification })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
  const publish = org?.verification === 'verified' && !options.asDrafts
  const work = async (tx: Executor) => {
    const existing = await findExistingListings(
      tx,
      organisationId,
      check.rows.map((r) => r.input.reference!),
    )
    let created = 0
    let updated = 0
    let unchanged = 0
    for (const [i, { input }] of check.rows.entries()) {
      const id = existing.get(input.reference!)
      if (id) {
        const result = await updateListing({ actor, id, input, tx })
        if (result.changed) updated++
        else unchanged++
      } else {
        await createListing({ actor, organisationId, input, publish, tx })
        created++
      }
      if ((i + 1) % 100 === 0 || i + 1 === check.rows.length) options.onProgress?.('写入', i + 1, check.rows.length)
    }
    await recordAudit(tx, {
      actor,
      organisationId,
      action: 'listing.import',
      entity: 'listing',
      summary: { type: check.type, created, updated, unchanged, published: publish },
    })
    return { created, updated, unchanged, published: publish }
  }
  return options.dryRun ? dryRun(work) : db.transaction(work)
}
