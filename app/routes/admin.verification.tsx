import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { Button } from '~/components/button'
import { EmptyState } from '~/components/empty-state'
import { Notice } from '~/components/notice'
import { AdminNav } from '~/components/admin-nav'
import { RouteErrorBoundary } from '~/components/error-page'
import { VerificationBadge } from '~/components/verification-badge'
import { requirePlatformAdmin } from '~/domain/accounts/guards.server'
import { replyWithError, respondingToDomainErrors } from '~/domain/errors.server'
import { decideVerification, listVerificationQueue } from '~/domain/orgs/verification.server'
import { formatDate } from '~/lib/format'
import { getLanguage, taxonomyLabel, useT } from '~/lib/i18n'
import { formMessage, translateMessage } from '~/lib/i18n/form-messages'

export const loader = respondingToDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePlatformAdmin(request)
  return { queue: await listVerificationQueue({ actor }) }
})

const DecisionSchema = z.object({
  organisationId: z.coerce.number().int().positive(),
  decision: z.enum(['approve', 'reject']),
  reason: z
    .string()
    .max(500, formMessage('admin.reasonTooLong', { max: 500 }))
    .optional(),
})

export const action = respondingToDomainErrors(async ({ request }: ActionFunctionArgs) => {
  const actor = await requirePlatformAdmin(request)
  const submission = parseWithZod(await request.formData(), { schema: DecisionSchema })
  if (submission.status !== 'success') return Response.json(submission.reply(), { status: 400 })
  try {
    await decideVerification({ actor, ...submission.value })
  } catch (error) {
    return replyWithError(submission, error, getLanguage(request))
  }
  return redirect('/admin/verification?decided=1')
})

export default function VerificationQueue() {
  const { queue } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const t = useT()
  const errorFor = (organisationId: number) =>
    result && Number(result.initialValue?.organisationId) === organisationId
      ? Object.values(result.error ?? {})
          .flat()
          .filter((e): e is string => Boolean(e))
      : []
  return (
    <div className="space-y-4">
      <AdminNav />
      <h1 className="text-xl font-bold">{t('admin.queueTitle', { n: queue.length })}</h1>
      {!result && searchParams.get('decided') ? <Notice tone="success">{t('admin.decided')}</Notice> : null}
      {queue.length === 0 ? <EmptyState title={t('admin.queueEmpty')} /> : null}
      <ul className="space-y-3">
        {queue.map((org) => (
          <li key={org.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <div className="flex flex-wrap items-center gap-2">
              <Link to={`/orgs/${org.id}`} className="font-semibold text-brand-700 hover:underline">
                {org.name}
              </Link>
              <VerificationBadge state={org.verification} />
            </div>
            <p className="mt-1 text-sm text-slate-600">
              {taxonomyLabel.orgKind(org.kind, t.lang)} · {taxonomyLabel.city(org.cityCode, t.lang)} · {t('form.label.creditCode')}{' '}
              <span className="font-mono">{org.creditCode}</span> · {t('admin.registeredOn', { date: formatDate(org.createdAt, t.lang) })}
            </p>
            <ul className="mt-2 text-sm">
              {org.documents.length === 0 ? <li className="text-slate-500">{t('admin.noEvidence')}</li> : null}
              {org.documents.map((d) => (
                <li key={d.id}>
                  <a href={`/files/verification/${d.id}`} className="text-brand-700 underline" target="_blank" rel="noreferrer">
                    {d.fileName}
                  </a>{' '}
                  <span className="text-slate-500">({Math.ceil(d.sizeBytes / 1024)} KB)</span>
                </li>
              ))}
            </ul>
            <div className="mt-3 flex flex-wrap items-end gap-3">
              <Form method="post">
                <input type="hidden" name="organisationId" value={org.id} />
                <Button name="decision" value="approve" type="submit">
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
                    className="mt-1 w-64 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
                    aria-describedby={`reason-${org.id}`}
                  />
                </label>
                <Button name="decision" value="reject" type="submit" variant="secondary">
                  {t('admin.reject')}
                </Button>
                {errorFor(org.id).length ? (
                  <p id={`reason-${org.id}`} className="w-full text-sm text-red-700" role="alert">
                    {errorFor(org.id)
                      .map((e) => translateMessage(t.lang, e))
                      .join(' ')}
                  </p>
                ) : null}
              </Form>
            </div>
          </li>
        ))}
      </ul>
    </div>
  )
}

export const ErrorBoundary = RouteErrorBoundary
