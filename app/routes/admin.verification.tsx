import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { AdminNav } from '~/components/admin-nav'
import { Badge } from '~/components/badge'
import { Button } from '~/components/button'
import { EmptyState } from '~/components/empty-state'
import { FilterChips, ListSearch } from '~/components/list-filters'
import { RouteErrorBoundary } from '~/components/error-page'
import { Notice } from '~/components/notice'
import { Pagination } from '~/components/pagination'
import { VerificationBadge } from '~/components/verification-badge'
import { requirePlatformAdmin } from '~/domain/accounts/guards.server'
import { replyWithError, respondingToDomainErrors } from '~/domain/errors.server'
import { listVerificationQueue } from '~/domain/orgs/verification-queue.server'
import { decideVerification } from '~/domain/orgs/verification.server'
import { formatDate, formatNumber } from '~/lib/format'
import { getLanguage, taxonomyLabel, useT } from '~/lib/i18n'
import { formMessage, translateMessage } from '~/lib/i18n/form-messages'
import { parseQueueQuery, QUEUE_FILTERS, type QueueQuery } from '~/lib/verification-queue'
import { PROVINCES, SHANXI_DIVISIONS } from '../../db/reference'
import { readForm } from '~/domain/request-form.server'
import { idField } from '~/lib/schemas/ids'

export const loader = respondingToDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePlatformAdmin(request)
  const query = parseQueueQuery(new URL(request.url).searchParams)
  return { query, ...(await listVerificationQueue({ actor, query })) }
})

const DecisionSchema = z.object({
  organisationId: idField(),
  decision: z.enum(['approve', 'reject']),
  override: z.literal('on').optional(),
  reason: z
    .string()
    .max(500, formMessage('admin.reasonTooLong', { max: 500 }))
    .optional(),
})

export const action = respondingToDomainErrors(async ({ request }: ActionFunctionArgs) => {
  const actor = await requirePlatformAdmin(request)
  const submission = parseWithZod(await readForm(request), { schema: DecisionSchema })
  if (submission.status !== 'success') return Response.json(submission.reply(), { status: 400 })
  const { override, ...decision } = submission.value
  try {
    await decideVerification({ actor, ...decision, override: override === 'on' })
  } catch (error) {
    return replyWithError(submission, error, getLanguage(request))
  }
  const back = new URL(request.url).searchParams
  back.set('decided', '1')
  return redirect(`/admin/verification?${back}`)
})

export default function VerificationQueue() {
  const { entries, total, totalPages, counts, query } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const t = useT()
  const errorFor = (organisationId: number) =>
    result && Number(result.initialValue?.organisationId) === organisationId
      ? Object.values(result.error ?? {})
          .flat()
          .filter((e): e is string => Boolean(e))
      : []
  const href = (change: Partial<QueueQuery>) => {
    const next = { ...query, page: 1, ...change }
    const params = new URLSearchParams()
    if (next.filter !== 'open') params.set('filter', next.filter)
    if (next.q) params.set('q', next.q)
    if (next.page > 1) params.set('page', String(next.page))
    return `?${params}`
  }
  return (
    <div className="space-y-4">
      <AdminNav />
      <h1 className="text-xl font-bold">{t('admin.queueTitle', { n: formatNumber(counts.open, t.lang) })}</h1>
      {!result && searchParams.get('decided') ? <Notice tone="success">{t('admin.decided')}</Notice> : null}
      <ListSearch
        id="queue-q"
        label={t('queue.search')}
        defaultValue={query.q}
        keep={query.filter !== 'open' ? { name: 'filter', value: query.filter } : null}
      />
      <FilterChips
        label={t('queue.filters')}
        chips={QUEUE_FILTERS.map((f) => ({
          key: f,
          to: href({ filter: f }),
          label: t(`queue.filter.${f}`),
          count: counts[f],
          active: query.filter === f,
        }))}
      />
      {entries.length === 0 ? <EmptyState title={t('admin.queueEmpty')} /> : null}
      <p className="text-xs text-slate-600">{t('manage.total', { n: formatNumber(total, t.lang) })}</p>
      <ul className="space-y-3">
        {entries.map((org) => {
          const division = org.division
          const failed = errorFor(org.id)
          return (
            <li key={org.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-center gap-2">
                <Link to={`/orgs/${org.id}`} className="font-semibold break-words text-brand-700 hover:underline">
                  {org.name}
                </Link>
                <VerificationBadge state={org.verification} />
                {division?.flag ? <Badge tone="red">{t(`queue.flag.${division.flag}`)}</Badge> : null}
                {org.documents.length === 0 ? <Badge tone="amber">{t('admin.noEvidence')}</Badge> : null}
              </div>
              <p className="mt-1 text-sm text-slate-600">
                {taxonomyLabel.orgKind(org.kind, t.lang)} · {taxonomyLabel.city(org.cityCode, t.lang)} ·{' '}
                {t('admin.registeredOn', { date: formatDate(org.createdAt, t.lang) })}
              </p>
              <p className="mt-1 text-sm text-slate-700">
                {t('form.label.creditCode')} <span className="font-mono">{org.creditCode ?? '—'}</span>
                {division ? (
                  <span className={division.flag ? 'text-red-800' : 'text-slate-600'}>
                    {' · '}
                    {t('queue.division', {
                      division: division.division,
                      place: division.divisionCity
                        ? taxonomyLabel.city(division.divisionCity, t.lang)
                        : ((t.lang === 'zh-CN' ? PROVINCES[division.province]?.name : PROVINCES[division.province]?.en) ??
                          t('queue.unknownPlace')),
                    })}
                    {division.flag === 'city_mismatch'
                      ? ` ${t('queue.chosenCity', { city: taxonomyLabel.city(org.cityCode, t.lang), division: SHANXI_DIVISIONS[org.cityCode] ?? '' })}`
                      : ''}
                  </span>
                ) : null}
              </p>
              {org.verificationNote ? (
                <p className="mt-1 text-xs text-slate-600">{t('queue.lastNote', { note: org.verificationNote })}</p>
              ) : null}
              <ul className="mt-2 text-sm">
                {org.documents.map((d) => (
                  <li key={d.id}>
                    <a href={`/files/verification/${d.id}`} className="text-brand-700 underline" target="_blank" rel="noreferrer">
                      {d.fileName}
                    </a>{' '}
                    <span className="text-slate-500">
                      ({formatNumber(Math.ceil(d.sizeBytes / 1024), t.lang)} KB · {formatDate(d.createdAt, t.lang)})
                    </span>
                  </li>
                ))}
              </ul>
              <div className="mt-3 flex flex-wrap items-end gap-3">
                <Form method="post" className="flex flex-wrap items-end gap-2">
                  <input type="hidden" name="organisationId" value={org.id} />
                  {org.documents.length === 0 ? (
                    <>
                      <label className="flex items-center gap-1.5 text-sm">
                        <input type="checkbox" name="override" className="size-4" />
                        {t('queue.override')}
                      </label>
                      <label className="text-sm">
                        <span className="block text-slate-700">{t('queue.overrideReason')}</span>
                        <input
                          name="reason"
                          maxLength={500}
                          className="mt-1 w-64 max-w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
                        />
                      </label>
                    </>
                  ) : null}
                  <Button name="decision" value="approve" type="submit" variant={org.documents.length ? 'primary' : 'secondary'}>
                    {t('admin.approve')}
                  </Button>
                </Form>
                <Form method="post" className="flex flex-wrap items-end gap-2">
                  <input type="hidden" name="organisationId" value={org.id} />
                  <label className="text-sm">
                    <span className="block text-slate-700">{t('admin.rejectReason')}</span>
                    <input
                      name="reason"
                      maxLength={500}
                      className="mt-1 w-64 max-w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
                      aria-describedby={`reason-${org.id}`}
                    />
                  </label>
                  <Button name="decision" value="reject" type="submit" variant="secondary">
                    {t('admin.reject')}
                  </Button>
                </Form>
                {failed.length ? (
                  <p id={`reason-${org.id}`} className="w-full text-sm text-red-700" role="alert">
                    {failed.map((e) => translateMessage(t.lang, e)).join(' ')}
                  </p>
                ) : null}
              </div>
            </li>
          )
        })}
      </ul>
      <Pagination page={query.page} totalPages={totalPages} hrefFor={(page) => href({ page })} />
    </div>
  )
}

export const ErrorBoundary = RouteErrorBoundary
