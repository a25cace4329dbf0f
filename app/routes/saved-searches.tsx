import { readForm } from '~/domain/request-form.server'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Badge } from '~/components/badge'
import { Button, ButtonLink } from '~/components/button'
import { EmptyState } from '~/components/empty-state'
import { RouteErrorBoundary } from '~/components/error-page'
import { Notice } from '~/components/notice'
import { changeSavedSearch, listSavedSearches, ownerOf } from '~/domain/alerts/saved-searches.server'
import { getActor } from '~/domain/accounts/session.server'
import { DomainError, respondingToDomainErrors } from '~/domain/errors.server'
import { parseId } from '~/lib/http'
import { langFromMatches, translate, useT, type MessageKey } from '~/lib/i18n'
import { formatDateTime } from '~/lib/match-format'
import { ManageSavedSearchSchema } from '~/lib/schemas/alerts'

export const meta: MetaFunction = ({ matches }) => {
  const lang = langFromMatches(matches)
  return [{ title: `${translate(lang, 'alerts.manage.title')} · ${translate(lang, 'app.brand')}` }, { name: 'robots', content: 'noindex' }]
}

const DONE = {
  confirmed: 'alerts.manage.confirmed',
  deleted: 'alerts.manage.deleted',
  paused: 'alerts.manage.paused',
  resumed: 'alerts.manage.resumed',
}
type Done = keyof typeof DONE

export const loader = respondingToDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url)
  const key = url.searchParams.get('key')
  const owner = await ownerOf({ actor: await getActor(request), key })
  const done = url.searchParams.get('done')
  return {
    key,
    signedOut: owner === null,
    done: done !== null && Object.hasOwn(DONE, done) ? (done as Done) : null,
    searches: owner ? await listSavedSearches({ owner }) : [],
  }
})

export const action = respondingToDomainErrors(async ({ request }: ActionFunctionArgs) => {
  const submission = parseWithZod(await readForm(request), { schema: ManageSavedSearchSchema })
  if (submission.status !== 'success') return Response.json(submission.reply(), { status: 400 })
  const { intent, id, key } = submission.value
  const owner = await ownerOf({ actor: await getActor(request), key })
  if (!owner) throw new DomainError('not_found', 'alerts.notFound')
  await changeSavedSearch({ owner, id: parseId(id), change: intent })
  const done: Done = intent === 'delete' ? 'deleted' : intent === 'pause' ? 'paused' : 'resumed'
  return redirect(`/saved-searches?${new URLSearchParams({ ...(key ? { key } : {}), done })}`)
})

const STATUS_TONE = { pending: 'amber', active: 'green', paused: 'neutral', unsubscribed: 'neutral' } as const

export default function SavedSearchesPage() {
  const { key, signedOut, done, searches } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold text-slate-900">{t('alerts.manage.title')}</h1>
      <p className="text-sm text-slate-700">{t('alerts.manage.intro')}</p>
      {done ? <Notice tone="success">{t(DONE[done] as MessageKey)}</Notice> : null}
      {signedOut ? (
        <Notice tone="info">
          {t('alerts.manage.signIn')}{' '}
          <Link to="/login?redirectTo=/saved-searches" className="font-medium text-brand-700 underline">
            {t('nav.signIn')}
          </Link>
        </Notice>
      ) : searches.length === 0 ? (
        <EmptyState title={t('alerts.manage.empty')}>
          <ButtonLink to="/search" variant="secondary" className="mt-2">
            {t('alerts.manage.search')}
          </ButtonLink>
        </EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="saved-searches">
          {searches.map((s) => (
            <li key={s.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="font-medium break-words text-slate-900">{t.lang === 'en' ? s.label.en : s.label.zh}</p>
                  <p className="mt-1 text-xs text-slate-600">
                    {t('alerts.manage.to', { email: s.email })} ·{' '}
                    {s.lastSentAt
                      ? t('alerts.manage.lastSent', { date: formatDateTime(s.lastSentAt, t.lang) })
                      : t('alerts.manage.neverSent')}
                  </p>
                </div>
                <Badge tone={STATUS_TONE[s.status]}>{t(`alerts.status.${s.status}`)}</Badge>
              </div>
              <div className="mt-3 flex flex-wrap items-center gap-2">
                <ButtonLink to={s.searchUrl} variant="secondary">
                  {t('alerts.manage.results')}
                </ButtonLink>
                {s.status === 'active' || s.status === 'paused' || s.status === 'unsubscribed' ? (
                  <ManageButton id={s.id} manageKey={key} intent={s.status === 'active' ? 'pause' : 'resume'} />
                ) : null}
                <ManageButton id={s.id} manageKey={key} intent="delete" />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

function ManageButton({ id, manageKey, intent }: { id: number; manageKey: string | null; intent: 'pause' | 'resume' | 'delete' }) {
  const t = useT()
  return (
    <Form method="post">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="intent" value={intent} />
      {manageKey ? <input type="hidden" name="key" value={manageKey} /> : null}
      <Button type="submit" variant={intent === 'delete' ? 'ghost' : 'secondary'}>
        {t(`alerts.manage.${intent}`)}
      </Button>
    </Form>
  )
}

export const ErrorBoundary = RouteErrorBoundary
