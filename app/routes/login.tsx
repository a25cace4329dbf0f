import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react'
import { AuthCard } from '~/components/auth-card'
import { Button } from '~/components/button'
import { RouteErrorBoundary } from '~/components/error-page'
import { TextField } from '~/components/field'
import { FormErrors } from '~/components/form-errors'
import { createUserSession, getSessionUser, knownDeviceUserId, rememberDevice } from '~/domain/accounts/session.server'
import { authenticate } from '~/domain/accounts/sign-in.server'
import { firstOrganisationOf } from '~/domain/orgs/membership.server'
import { isDomainError, replyWithError } from '~/domain/errors.server'
import { clientAddress } from '~/domain/rate-limit.server'
import { getLanguage } from '~/lib/i18n'
import { safeRedirectPath } from '~/lib/safe-redirect'
import { fieldProps } from '~/lib/forms'
import { LoginSchema } from '~/lib/schemas/auth'
import { useT } from '~/lib/i18n'
import { titleMeta } from '~/lib/i18n/meta'
import { readForm } from '~/domain/request-form.server'

export const meta = titleMeta('auth.login.title')

/**
 * Someone already signed in goes where signing in would have taken them. They arrive here when the
 * login page is still on screen as sign-in completes (its language switch returns to /login) or from
 * an old tab, and should land on their dashboard, not on /account.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSessionUser(request)) throw redirect(landingAfterSignIn(new URL(request.url).searchParams.get('redirectTo')))
  return null
}

const landingAfterSignIn = (redirectTo: string | null | undefined) => {
  const path = safeRedirectPath(redirectTo, '/dashboard')
  return path.startsWith('/login') ? '/dashboard' : path
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: LoginSchema })
  if (submission.status !== 'success') return Response.json(submission.reply({ hideFields: ['password'] }), { status: 400 })
  let result: { userId: number }
  try {
    result = await authenticate({
      ...submission.value,
      address: clientAddress(request),
      knownDeviceUserId: await knownDeviceUserId(request),
    })
  } catch (error) {
    const reply = replyWithError(submission, error, getLanguage(request), { hideFields: ['password'] })
    // Only someone who gave the right password learns the account waits for confirmation, and is offered a new link.
    if (isDomainError(error) && error.messageKey === 'auth.login.unconfirmed')
      return Response.json({ ...(await reply.json()), unconfirmedEmail: submission.value.email }, { status: reply.status })
    return reply
  }
  const cookie = await createUserSession({
    userId: result.userId,
    activeOrganisationId: await firstOrganisationOf({ userId: result.userId }),
  })
  const headers = new Headers([
    ['Set-Cookie', cookie],
    ['Set-Cookie', await rememberDevice(result.userId)],
  ])
  return redirect(landingAfterSignIn(submission.value.redirectTo), { headers })
}

export default function LoginPage() {
  const lastResult = useActionData<typeof action>() as (SubmissionResult<string[]> & { unconfirmedEmail?: string }) | undefined
  const [searchParams] = useSearchParams()
  const t = useT()
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
  })
  return (
    <AuthCard title={t('auth.login.heading')}>
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <TextField label={t('auth.email')} autoComplete="email" {...fieldProps(fields.email, 'email')} />
        <TextField label={t('auth.password')} autoComplete="current-password" {...fieldProps(fields.password, 'password')} />
        <Button type="submit" className="w-full">
          {t('auth.login.submit')}
        </Button>
        <p className="flex justify-between text-sm">
          <Link to="/forgot-password" className="text-brand-700 hover:underline">
            {t('auth.login.forgot')}
          </Link>
          <Link to="/register" className="text-brand-700 hover:underline">
            {t('nav.register')}
          </Link>
        </p>
      </Form>
      {lastResult?.unconfirmedEmail ? (
        <Form method="post" action="/confirm-email" className="mt-4">
          <input type="hidden" name="email" value={lastResult.unconfirmedEmail} />
          <Button type="submit" variant="secondary" className="w-full">
            {t('auth.confirm.resendTitle')}
          </Button>
        </Form>
      ) : null}
    </AuthCard>
  )
}

export const ErrorBoundary = RouteErrorBoundary
