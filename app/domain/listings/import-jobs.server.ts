import { randomBytes } from 'node:crypto'
import { mkdirSync, openSync, closeSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { getEnv } from '~/env.server'
import type { CooperationTypeCode } from '~/lib/schemas/listing'
import type { Actor } from '../actor'
import { DomainError, isDomainError } from '../errors.server'
import { formMessage as m } from '~/lib/i18n/form-messages'
import { checkImportFile, commitImport, type ImportCheck, type ImportFile, type RowError } from './import.server'

/**
 * An import runs in the background of the server process so the page can show its progress;
 * the job is kept for an hour under DATA_DIR/import-jobs, so whichever cluster worker the next
 * request reaches sees it and can commit it (a restart loses the progress, never half a file: the
 * commit is one transaction).
 */
export type ImportJob = {
  id: string
  organisationId: number
  userId: number
  type: CooperationTypeCode
  fileName: string
  state: 'checking' | 'ready' | 'committing' | 'done' | 'failed'
  phase: string
  done: number
  total: number
  check?: Omit<ImportCheck, 'rows'> & {
    rowCount: number
    sample: { row: number; title: string; reference?: string }[]
    /** What the commit would do, from a rolled-back run of it. */
    preview?: { created: number; updated: number; unchanged: number }
  }
  asDrafts: boolean
  result?: { created: number; updated: number; unchanged: number; published: boolean }
  error?: string
  errors: RowError[]
  startedAt: number
}

type Rows = ImportCheck['rows']
const folder = () => path.join(getEnv().DATA_DIR, 'import-jobs')
const fileOf = (id: string, suffix = '') => path.join(folder(), `${id}${suffix}.json`)

/** Written whole and renamed into place, so a reader in another process never sees half a file. */
function writeAtomically(file: string, value: unknown) {
  mkdirSync(folder(), { recursive: true })
  writeFileSync(`${file}.tmp`, JSON.stringify(value))
  renameSync(`${file}.tmp`, file)
}

const saveJob = (job: ImportJob) => writeAtomically(fileOf(job.id), job)

/** Progress is saved at most every 200 ms; state changes are saved at once. */
function progressSaver(job: ImportJob) {
  let last = 0
  return (progress: Partial<ImportJob>) => {
    Object.assign(job, progress)
    if (Date.now() - last < 200) return
    last = Date.now()
    saveJob(job)
  }
}

function loadJob(id: string): ImportJob | undefined {
  if (!/^[a-f0-9]{24}$/.test(id)) return undefined
  try {
    return JSON.parse(readFileSync(fileOf(id), 'utf8')) as ImportJob
  } catch {
    return undefined
  }
}

function prune() {
  const cutoff = Date.now() - 3_600_000
  let files: string[] = []
  try {
    files = readdirSync(folder())
  } catch {
    return
  }
  for (const file of files) {
    const full = path.join(folder(), file)
    if ((statSync(full, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < cutoff) rmSync(full, { force: true })
  }
}

/** One commit per job even when two workers receive the confirmation: the first to create the claim file wins. */
function claimCommit(id: string) {
  try {
    closeSync(openSync(fileOf(id, '.commit'), 'wx'))
    return true
  } catch {
    return false
  }
}

export function startImportCheck(options: {
  actor: Actor & { kind: 'user' }
  organisationId: number
  type: CooperationTypeCode
  file: ImportFile
  asDrafts?: boolean
}) {
  prune()
  const job: ImportJob = {
    id: randomBytes(12).toString('hex'),
    organisationId: options.organisationId,
    userId: options.actor.userId,
    type: options.type,
    fileName: options.file.name,
    state: 'checking',
    phase: '检查',
    done: 0,
    total: 0,
    errors: [],
    asDrafts: options.asDrafts ?? false,
    startedAt: Date.now(),
  }
  saveJob(job)
  const progress = progressSaver(job)
  void checkImportFile({
    type: options.type,
    file: options.file,
    onProgress: (phase, done) => progress({ phase, done }),
  })
    .then(async (check) => {
      const preview =
        check.fileError || check.errors.length
          ? undefined
          : await commitImport({
              actor: options.actor,
              organisationId: options.organisationId,
              check,
              asDrafts: job.asDrafts,
              dryRun: true,
            })
      writeAtomically(fileOf(job.id, '.rows'), check.rows)
      job.errors = check.errors
      job.check = {
        type: check.type,
        errors: check.errors,
        fileError: check.fileError,
        encoding: check.encoding,
        rowCount: check.rows.length + new Set(check.errors.map((e) => e.row)).size,
        sample: check.rows.slice(0, 10).map((r) => ({ row: r.row, title: r.input.title, reference: r.input.reference })),
        preview: preview && { created: preview.created, updated: preview.updated, unchanged: preview.unchanged },
      }
      job.state = check.fileError || check.errors.length ? 'failed' : 'ready'
      job.error = check.fileError ?? (check.errors.length ? m('importer.errorCount', { n: check.errors.length }) : undefined)
      job.done = job.total = check.rows.length
    })
    .catch((error: Error) => {
      // The cause (possibly SQL with its parameters) is for the server log, not the page.
      console.warn(`import check ${job.id} failed: ${error.message}`)
      Object.assign(job, { state: 'failed', error: m('importer.checkFailed') })
    })
    .finally(() => saveJob(job))
  return job
}

export function startImportCommit(options: { actor: Actor & { kind: 'user' }; jobId: string }) {
  const job = loadJob(options.jobId)
  if (!job || job.userId !== options.actor.userId) throw new DomainError('not_found', 'import.jobMissing')
  if (job.state !== 'ready' || !claimCommit(job.id)) throw new DomainError('conflict', 'import.jobNotCommittable')
  const rows = JSON.parse(readFileSync(fileOf(job.id, '.rows'), 'utf8')) as Rows
  Object.assign(job, { state: 'committing', phase: '写入', done: 0, total: rows.length })
  saveJob(job)
  const progress = progressSaver(job)
  void commitImport({
    actor: options.actor,
    organisationId: job.organisationId,
    check: { type: job.type, rows, errors: [] },
    asDrafts: job.asDrafts,
    onProgress: (phase, done, total) => progress({ phase, done, total }),
  })
    .then((result) => Object.assign(job, { state: 'done', result }))
    .catch((error: Error) => {
      console.warn(`import commit ${job.id} failed: ${error.message}`)
      Object.assign(job, { state: 'failed', error: isDomainError(error) ? error.messageKey : m('importer.commitFailed') })
    })
    .finally(() => {
      saveJob(job)
      rmSync(fileOf(job.id, '.rows'), { force: true })
    })
  return job
}

/** Only the user who started a job may see it. */
export function getImportJob({ actor, jobId }: { actor: Actor; jobId: string }) {
  const job = loadJob(jobId)
  if (!job || actor.kind !== 'user' || job.userId !== actor.userId) throw new DomainError('not_found', 'import.jobMissing')
  return job
}
