import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { AdminNav } from '~/components/admin-nav'
import { Badge } from '~/components/badge'
import { Button } from '~/components/button'
import { EmptyState } from '~/components/empty-state'
import { RouteErrorBoundary } from '~/components/error-page'
import { requirePlatformAdmin } from '~/domain/accounts/guards.server'
import { orRespond } from '~/domain/errors.server'
import { listOpenReports, resolveReport, setOutreachSuspended } from '~/domain/matches/reports.server'
import { parseId } from '~/lib/http'
import { getLanguage, langFromMatches, translate, useT, type MessageKey } from '~/lib/i18n'
import { formatDateTime } from '~/lib/match-format'
import { SUSPEND_REASON_MAX } from '~/lib/schemas/matches'
import { readForm } from '~/domain/request-form.server'

export const meta: MetaFunction = ({ matches }) => {
  const lang = langFromMatches(matches)
  return [{ title: `${translate(lang, 'admin.reports.title')} · ${translate(lang, 'app.brand')}` }]
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePlatformAdmin(request)
  return { reports: await listOpenReports({ actor }) }
}

/** Handles a report, and suspends or restores the reported organisation's outreach. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePlatformAdmin(request)
  const form = await readForm(request)
  const intent = form.get('intent')
  await orRespond(getLanguage(request), async () => {
    if (intent === 'resolve') await resolveReport({ actor, id: parseId(String(form.get('id'))) })
    else if (intent === 'suspend' || intent === 'restore')
      await setOutreachSuspended({
        actor,
        organisationId: parseId(String(form.get('organisationId'))),
        suspended: intent === 'suspend',
        reason: String(form.get('reason') ?? ''),
      })
  })
  return intent ? redirect('/admin/reports') : Response.json({ ok: false }, { status: 400 })
}

export default function Reports() {
  const { reports } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <div className="space-y-4">
      <AdminNav />
      <h1 className="text-xl font-bold">{t('admin.reports.title')}</h1>
      {reports.length === 0 ? (
        <EmptyState title={t('admin.reports.empty')} />
      ) : (
        <ul className="space-y-3">
          {reports.map((r) => (
            <li key={r.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
              <p className="flex flex-wrap items-center gap-2">
                <Badge tone="red">{t(`match.reportReason.${r.reason}` as MessageKey)}</Badge>
                <span>
                  {t('admin.reports.reported')}
                  {t('common.colon')}
                  <Link to={`/orgs/${r.reportedId}`} className="font-medium text-brand-700 hover:underline">
                    {r.reportedName}
                  </Link>
                </span>
                {r.reportedSuspended ? <Badge tone="amber">{t('admin.reports.suspended')}</Badge> : null}
              </p>
              <p className="text-slate-700">
                {t('admin.reports.reporter')}
                {t('common.colon')}
                {r.reporterName ?? '—'} ·{' '}
                <Link to={`/matches/${r.matchId}`} className="text-brand-700 underline">
                  {t('admin.reports.match')} #{r.matchId}
                </Link>{' '}
                · {formatDateTime(r.createdAt, t.lang)}
              </p>
              {r.note ? <p className="whitespace-pre-line text-slate-800">{r.note}</p> : null}
              {r.message ? <blockquote className="border-l-4 border-slate-200 pl-3 text-slate-700">{r.message}</blockquote> : null}
              <div className="flex flex-wrap items-end gap-2">
                <Form method="post">
                  <input type="hidden" name="intent" value="resolve" />
                  <input type="hidden" name="id" value={r.id} />
                  <Button type="submit" variant="secondary">
                    {t('admin.reports.resolve')}
                  </Button>
                </Form>
                <Form method="post" className="flex flex-wrap items-end gap-2">
                  <input type="hidden" name="organisationId" value={r.reportedId} />
                  {r.reportedSuspended ? (
                    <Button type="submit" name="intent" value="restore" variant="secondary">
                      {t('admin.reports.restore')}
                    </Button>
                  ) : (
                    <>
                      <label className="text-xs text-slate-600">
                        {t('admin.reports.suspendReason')}
                        <input
                          name="reason"
                          maxLength={SUSPEND_REASON_MAX}
                          className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm"
                        />
                      </label>
                      <Button type="submit" name="intent" value="suspend" variant="danger">
                        {t('admin.reports.suspend')}
                      </Button>
                    </>
                  )}
                </Form>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

export const ErrorBoundary = RouteErrorBoundary
