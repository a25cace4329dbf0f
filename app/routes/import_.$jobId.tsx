import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useRevalidator } from '@remix-run/react'
import { useEffect } from 'react'
import { Button, ButtonLink } from '~/components/button'
import { Card, CardTitle } from '~/components/card'
import { RouteErrorBoundary } from '~/components/error-page'
import { Notice } from '~/components/notice'
import { requireUser } from '~/domain/accounts/guards.server'
import { getImportJob, startImportCommit } from '~/domain/listings/import-jobs.server'
import { respondingToDomainErrors } from '~/domain/errors.server'
import { useT } from '~/lib/i18n'
import { translateMessage } from '~/lib/i18n/form-messages'

export const loader = respondingToDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireUser(request)
  const job = getImportJob({ actor, jobId: params.jobId ?? '' })
  const { errors, ...rest } = job
  return { job: { ...rest, errorCount: errors.length, errors: errors.slice(0, 50) } }
})

export const action = respondingToDomainErrors(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requireUser(request)
  const job = startImportCommit({ actor, jobId: params.jobId ?? '' })
  return redirect(`/import/${job.id}`)
})

const RUNNING = new Set(['checking', 'committing'])

export default function ImportJobPage() {
  const { job } = useLoaderData<typeof loader>()
  const revalidator = useRevalidator()
  const t = useT()
  const running = RUNNING.has(job.state)
  useEffect(() => {
    if (!running) return
    const timer = setInterval(() => revalidator.state === 'idle' && revalidator.revalidate(), 500)
    return () => clearInterval(timer)
  }, [running, revalidator])
  const percent = job.total ? Math.round((job.done / job.total) * 100) : 0
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      {/* Without JavaScript the page refreshes itself while the job runs. */}
      {running ? (
        <noscript>
          <meta httpEquiv="refresh" content="1" />
        </noscript>
      ) : null}
      <h1 className="text-xl font-bold">{t('import.jobTitle', { file: job.fileName })}</h1>
      {running ? (
        <Card>
          <p className="text-sm">
            {job.state === 'checking'
              ? t('import.checking')
              : t('import.writing', { done: job.done.toLocaleString(t.lang), total: job.total.toLocaleString(t.lang) })}
          </p>
          <div
            className="mt-2 h-3 rounded bg-slate-100"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-label={t('import.progress')}
          >
            <div className="h-3 rounded bg-brand-600 transition-all" style={{ width: `${job.state === 'checking' ? 15 : percent}%` }} />
          </div>
        </Card>
      ) : null}
      {job.state === 'failed' ? (
        <Card>
          <Notice tone="error">{job.error ? translateMessage(t.lang, job.error) : t('import.failed')}</Notice>
          {job.errorCount ? (
            <>
              <div className="mt-3 overflow-x-auto">
                <table className="w-full text-sm">
                  <thead className="text-left text-xs text-slate-500">
                    <tr>
                      <th className="py-1 font-medium">{t('import.row')}</th>
                      <th className="font-medium">{t('import.column')}</th>
                      <th className="font-medium">{t('import.error')}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {job.errors.map((e, i) => (
                      <tr key={i}>
                        <td className="py-1 tabular-nums">{e.row}</td>
                        <td>{e.column}</td>
                        <td>{translateMessage(t.lang, e.message)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <a href={`/import/${job.id}/report`} className="mt-3 inline-block text-sm text-brand-700 underline">
                {t('import.downloadReport', { n: job.errorCount })}
              </a>
            </>
          ) : null}
          <div className="mt-4">
            <ButtonLink to="/import" variant="secondary">
              {t('import.again')}
            </ButtonLink>
          </div>
        </Card>
      ) : null}
      {job.state === 'ready' && job.check ? (
        <Card>
          <CardTitle>
            {t('import.passed', { n: job.check.rowCount.toLocaleString(t.lang) })}
            {job.check.encoding === 'gbk' ? t('import.gbk') : ''}
          </CardTitle>
          <ul className="mb-4 list-disc pl-5 text-sm text-slate-700">
            {job.check.sample.map((r) => (
              <li key={r.row}>
                {t('import.rowN', { row: r.row })} · {r.reference} · {r.title}
              </li>
            ))}
          </ul>
          {job.check.preview ? (
            <p className="mb-3 text-sm font-medium text-slate-800" data-testid="import-preview">
              {t('import.preview', job.check.preview)}
              {job.asDrafts ? ` ${t('import.willBeDrafts')}` : ''}
            </p>
          ) : null}
          <Form method="post">
            <Button type="submit">{t('import.confirm')}</Button>
          </Form>
        </Card>
      ) : null}
      {job.state === 'done' && job.result ? (
        <Card>
          <Notice tone="success">
            {t('import.done', { created: job.result.created, updated: job.result.updated, unchanged: job.result.unchanged })}
            {t(job.result.published ? 'import.donePublished' : job.asDrafts ? 'import.doneAsDrafts' : 'import.doneDrafts')}
          </Notice>
          <Link to="/dashboard" className="mt-3 inline-block text-sm text-brand-700 underline">
            {t('import.backToDashboard')}
          </Link>
        </Card>
      ) : null}
    </div>
  )
}

export const ErrorBoundary = RouteErrorBoundary
