import { readForm } from '~/domain/request-form.server'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { AuthCard } from '~/components/auth-card'
import { Button } from '~/components/button'
import { RouteErrorBoundary } from '~/components/error-page'
import { Notice } from '~/components/notice'
import { unsubscribeSavedSearch } from '~/domain/alerts/saved-searches.server'
import { respondingToDomainErrors } from '~/domain/errors.server'
import { langFromMatches, translate, useT } from '~/lib/i18n'

export const meta: MetaFunction = ({ matches }) => {
  const lang = langFromMatches(matches)
  return [
    { title: `${translate(lang, 'alerts.unsubscribe.title')} · ${translate(lang, 'app.brand')}` },
    { name: 'robots', content: 'noindex' },
  ]
}

/** One click from the mail unsubscribes (the signed token is the authority; no sign-in). Undoing it is one more click. */
export const loader = respondingToDomainErrors(async ({ params }: LoaderFunctionArgs) => ({
  ...(await unsubscribeSavedSearch({ token: params.token ?? '' })),
  resubscribed: false,
}))

/** The page's "subscribe again" button, and RFC 8058's one-click POST from a mail client (List-Unsubscribe=One-Click). */
export const action = respondingToDomainErrors(async ({ request, params }: ActionFunctionArgs) => {
  const form = await readForm(request)
  const resubscribe = form.get('intent') === 'resubscribe'
  return { ...(await unsubscribeSavedSearch({ token: params.token ?? '', resubscribe })), resubscribed: resubscribe }
})

export default function UnsubscribeSavedSearch() {
  const loaded = useLoaderData<typeof loader>()
  const acted = useActionData<typeof action>()
  const { label, key, resubscribed } = acted ?? loaded
  const t = useT()
  const name = t.lang === 'en' ? label.en : label.zh
  return (
    <AuthCard title={t('alerts.unsubscribe.title')}>
      <div className="space-y-4">
        <Notice tone="success">{t(resubscribed ? 'alerts.unsubscribe.resubscribed' : 'alerts.unsubscribe.done', { label: name })}</Notice>
        {resubscribed ? null : (
          <Form method="post">
            <input type="hidden" name="intent" value="resubscribe" />
            <Button type="submit" variant="secondary">
              {t('alerts.unsubscribe.resubscribe')}
            </Button>
          </Form>
        )}
        <Link to={`/saved-searches?key=${encodeURIComponent(key)}`} className="inline-block text-sm text-brand-700 underline">
          {t('alerts.unsubscribe.manage')}
        </Link>
      </div>
    </AuthCard>
  )
}

export const ErrorBoundary = RouteErrorBoundary
