import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { AuthCard } from '~/components/auth-card'
import { Button } from '~/components/button'
import { RouteErrorBoundary } from '~/components/error-page'
import { Notice } from '~/components/notice'
import { confirmEmail, findPendingEmailConfirmation } from '~/domain/accounts/email-confirmation.server'
import { createUserSession, rememberDevice } from '~/domain/accounts/session.server'
import { isDomainError, respondingToDomainErrors } from '~/domain/errors.server'
import { firstOrganisationOf } from '~/domain/orgs/membership.server'
import { langFromMatches, translate, useT } from '~/lib/i18n'

export const meta: MetaFunction = ({ matches }) => {
  const lang = langFromMatches(matches)
  return [{ title: `${translate(lang, 'auth.confirm.title')} · ${translate(lang, 'app.brand')}` }, { name: 'robots', content: 'noindex' }]
}

// Opening the link only shows whose email it confirms; the button confirms, so a mail scanner that follows links spends nothing.
export const loader = respondingToDomainErrors(async ({ params }: LoaderFunctionArgs) => ({
  pending: await findPendingEmailConfirmation({ token: params.token ?? '' }),
}))

export const action = respondingToDomainErrors(async ({ params }: ActionFunctionArgs) => {
  let userId: number
  try {
    ;({ userId } = await confirmEmail({ token: params.token ?? '' }))
  } catch (error) {
    if (isDomainError(error) && error.code === 'invalid') return Response.json({ invalid: true }, { status: 400 })
    throw error
  }
  const organisationId = await firstOrganisationOf({ userId })
  const headers = new Headers([
    ['Set-Cookie', await createUserSession({ userId, activeOrganisationId: organisationId })],
    ['Set-Cookie', await rememberDevice(userId)],
  ])
  // A new organisation's next step is its evidence for verification, where registering used to land.
  return redirect(organisationId ? `/orgs/${organisationId}/verification?registered=1` : '/dashboard', { headers })
})

export default function ConfirmEmail() {
  const { pending } = useLoaderData<typeof loader>()
  const spent = useActionData<typeof action>()
  const t = useT()
  return (
    <AuthCard title={t('auth.confirm.title')}>
      {pending && !spent ? (
        <Form method="post" className="space-y-4">
          <p className="text-sm text-slate-700">{t('auth.confirm.text', { email: pending.email })}</p>
          <Button type="submit" className="w-full">
            {t('auth.confirm.submit')}
          </Button>
        </Form>
      ) : (
        <div className="space-y-4">
          <Notice tone="error">{t('auth.confirm.invalid')}</Notice>
          <p className="text-sm text-slate-600">{t('auth.confirm.invalidHint')}</p>
          <p className="flex justify-between text-sm">
            <Link to="/login" className="text-brand-700 underline">
              {t('nav.signIn')}
            </Link>
            <Link to="/confirm-email" className="text-brand-700 underline">
              {t('auth.confirm.resendTitle')}
            </Link>
          </p>
        </div>
      )}
    </AuthCard>
  )
}

export const ErrorBoundary = RouteErrorBoundary
