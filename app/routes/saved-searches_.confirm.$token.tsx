import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { AuthCard } from '~/components/auth-card'
import { Button } from '~/components/button'
import { RouteErrorBoundary } from '~/components/error-page'
import { Notice } from '~/components/notice'
import { confirmSavedSearch, findPendingConfirmation } from '~/domain/alerts/saved-searches.server'
import { isDomainError, respondingToDomainErrors } from '~/domain/errors.server'
import { langFromMatches, translate, useT } from '~/lib/i18n'

export const meta: MetaFunction = ({ matches }) => {
  const lang = langFromMatches(matches)
  return [{ title: `${translate(lang, 'alerts.confirm.title')} · ${translate(lang, 'app.brand')}` }, { name: 'robots', content: 'noindex' }]
}

// Opening the link only shows what is being confirmed; the button confirms, so a mail scanner that follows links confirms nothing.
export const loader = respondingToDomainErrors(async ({ params }: LoaderFunctionArgs) => ({
  pending: await findPendingConfirmation({ token: params.token ?? '' }),
}))

export const action = respondingToDomainErrors(async ({ params }: ActionFunctionArgs) => {
  try {
    const { key } = await confirmSavedSearch({ token: params.token ?? '' })
    return redirect(`/saved-searches?${new URLSearchParams({ key, done: 'confirmed' })}`)
  } catch (error) {
    if (isDomainError(error) && error.code === 'invalid') return Response.json({ invalid: true }, { status: 400 })
    throw error
  }
})

export default function ConfirmSavedSearch() {
  const { pending } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <AuthCard title={t('alerts.confirm.title')}>
      {pending ? (
        <Form method="post" className="space-y-4">
          <p className="text-sm text-slate-700">
            {t('alerts.confirm.text', { label: t.lang === 'en' ? pending.label.en : pending.label.zh, email: pending.email })}
          </p>
          <Button type="submit" className="w-full">
            {t('alerts.confirm.submit')}
          </Button>
        </Form>
      ) : (
        <>
          <Notice tone="error">{t('alerts.confirm.invalid')}</Notice>
          <Link to="/search" className="mt-4 inline-block text-brand-700 underline">
            {t('alerts.manage.search')}
          </Link>
        </>
      )}
    </AuthCard>
  )
}

export const ErrorBoundary = RouteErrorBoundary
