import { randomBytes } from 'node:crypto'
import { remember } from '~/lib/remember'
import type { CooperationTypeCode } from '~/lib/schemas/listing'
import type { Actor } from '../actor'
import { DomainError, isDomainError } from '../errors.server'
import { formMessage as m } from '~/lib/i18n/form-messages'
import { checkImportFile, commitImport, type ImportCheck, type ImportFile, type RowError } from './import.server'

/**
 * An import runs in the background of the server process so the page can show its progress;
 * the job lives in memory for an hour (a restart loses the progress, never half a file: the
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

const jobs = () => remember('import-jobs', () => new Map<string, { job: ImportJob; rows?: ImportCheck['rows'] }>())

function prune() {
  const cutoff = Date.now() - 3_600_000
  for (const [id, entry] of jobs()) if (entry.job.startedAt < cutoff) jobs().delete(id)
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
  const entry: { job: ImportJob; rows?: ImportCheck['rows'] } = { job }
  jobs().set(job.id, entry)
  void checkImportFile({
    type: options.type,
    file: options.file,
    onProgress: (phase, done) => Object.assign(job, { phase, done }),
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
      entry.rows = check.rows
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
  return job
}

export function startImportCommit(options: { actor: Actor & { kind: 'user' }; jobId: string }) {
  const entry = jobs().get(options.jobId)
  if (!entry || entry.job.userId !== options.actor.userId) throw new DomainError('not_found', 'import.jobMissing')
  if (entry.job.state !== 'ready' || !entry.rows) throw new DomainError('conflict', 'import.jobNotCommittable')
  const { job } = entry
  Object.assign(job, { state: 'committing', phase: '写入', done: 0, total: entry.rows.length })
  void commitImport({
    actor: options.actor,
    organisationId: job.organisationId,
    check: { type: job.type, rows: entry.rows, errors: [] },
    asDrafts: job.asDrafts,
    onProgress: (phase, done, total) => Object.assign(job, { phase, done, total }),
  })
    .then((result) => Object.assign(job, { state: 'done', result }))
    .catch((error: Error) => {
      console.warn(`import commit ${job.id} failed: ${error.message}`)
      Object.assign(job, { state: 'failed', error: isDomainError(error) ? error.messageKey : m('importer.commitFailed') })
    })
    .finally(() => (entry.rows = undefined))
  return job
}

/** Only the user who started a job may see it. */
export function getImportJob({ actor, jobId }: { actor: Actor; jobId: string }) {
  const entry = jobs().get(jobId)
  if (!entry || actor.kind !== 'user' || entry.job.userId !== actor.userId) throw new DomainError('not_found', 'import.jobMissing')
  return entry.job
}
