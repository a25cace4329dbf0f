import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Button } from '~/components/button'
import { Card, CardTitle } from '~/components/card'
import { EmptyState } from '~/components/empty-state'
import { RouteErrorBoundary } from '~/components/error-page'
import { Notice } from '~/components/notice'
import { Pagination } from '~/components/pagination'
import { requireUser } from '~/domain/accounts/guards.server'
import {
  NOTIFICATION_KINDS,
  getNotificationPreferences,
  listNotifications,
  markNotificationsRead,
  setNotificationPreferences,
} from '~/domain/matches/notifications.server'
import { getLanguage, langFromMatches, translate, useT } from '~/lib/i18n'
import { formatDateTime } from '~/lib/match-format'
import { readForm } from '~/domain/request-form.server'

export const meta: MetaFunction = ({ matches }) => {
  const lang = langFromMatches(matches)
  return [{ title: `${translate(lang, 'notify.title')} · ${translate(lang, 'app.brand')}` }]
}

const PAGE_SIZE = 30

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request)
  const url = new URL(request.url)
  const page = Math.min(10_000, Math.max(1, Number(url.searchParams.get('page')) || 1))
  const [list, preferences] = await Promise.all([
    listNotifications({ actor, lang: getLanguage(request), page, pageSize: PAGE_SIZE }),
    getNotificationPreferences({ actor }),
  ])
  return { list, preferences, page, kinds: NOTIFICATION_KINDS, saved: url.searchParams.has('saved') }
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUser(request)
  const form = await readForm(request)
  if (form.get('intent') === 'preferences') {
    await setNotificationPreferences({ actor, email: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, form.get(k) === 'on'])) })
    return redirect('/notifications?saved=1')
  }
  await markNotificationsRead({ actor })
  return redirect('/notifications')
}

export default function Notifications() {
  const { list, preferences, page, kinds, saved } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <section className="min-w-0 space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-bold text-slate-900">{t('notify.title')}</h1>
          <Form method="post">
            <input type="hidden" name="intent" value="read" />
            <Button type="submit" variant="secondary">
              {t('notify.markAll')}
            </Button>
          </Form>
        </div>
        {list.items.length === 0 ? (
          <EmptyState title={t('notify.empty')} />
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="notifications">
            {list.items.map((n) => (
              <li key={n.id} className={`px-4 py-3 ${n.read ? '' : 'bg-brand-50'}`}>
                {n.matchId ? (
                  <Link
                    to={`/matches/${n.matchId}`}
                    className={`text-sm break-words hover:underline ${n.read ? 'text-slate-800' : 'font-medium text-slate-900'}`}
                  >
                    {n.text}
                  </Link>
                ) : (
                  <span className="text-sm">{n.text}</span>
                )}
                <time dateTime={new Date(n.createdAt).toISOString()} className="block text-xs text-slate-500 tabular-nums">
                  {formatDateTime(n.createdAt, t.lang)}
                </time>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={page} totalPages={Math.ceil(list.total / PAGE_SIZE)} hrefFor={(p) => `?page=${p}`} />
      </section>
      <aside>
        <Card>
          <CardTitle>{t('notify.preferences')}</CardTitle>
          <p className="mb-3 text-xs text-slate-600">{t('notify.preferencesHint')}</p>
          {saved ? (
            <div className="mb-3">
              <Notice tone="success">{t('notify.saved')}</Notice>
            </div>
          ) : null}
          <Form method="post" className="space-y-2">
            <input type="hidden" name="intent" value="preferences" />
            {kinds.map((k) => (
              <label key={k} className="flex items-start gap-2 text-sm text-slate-800">
                <input type="checkbox" name={k} defaultChecked={preferences[k]} className="mt-0.5 size-4 accent-brand-600" />
                {t(`notify.kind.${k}`)}
              </label>
            ))}
            <Button type="submit">{t('match.page.save')}</Button>
          </Form>
        </Card>
      </aside>
    </div>
  )
}

export const ErrorBoundary = RouteErrorBoundary
