import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { AuthCard } from '~/components/auth-card'
import { Button } from '~/components/button'
import { RouteErrorBoundary } from '~/components/error-page'
import { TextField } from '~/components/field'
import { FormErrors } from '~/components/form-errors'
import { Notice } from '~/components/notice'
import { createUserSession, getActor } from '~/domain/accounts/session.server'
import { replyWithError } from '~/domain/errors.server'
import { acceptInvitation, findInvitation } from '~/domain/orgs/members.server'
import { z } from 'zod'
import { fieldProps } from '~/lib/forms'
import { getLanguage } from '~/lib/i18n'
import { AcceptInvitationSchema } from '~/lib/schemas/auth'
import { useT } from '~/lib/i18n'
import { readForm } from '~/domain/request-form.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitation = await findInvitation({ token: params.token ?? '' })
  const actor = await getActor(request)
  return {
    invitation: invitation ? { email: invitation.email, organisationName: invitation.organisationName, role: invitation.role } : null,
    signedIn: actor.kind === 'user',
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await getActor(request)
  const lang = getLanguage(request)
  const token = params.token ?? ''
  const formData = await readForm(request)
  if (actor.kind === 'user') {
    const submission = parseWithZod(formData, { schema: z.object({}) })
    try {
      await acceptInvitation({ token, actor })
    } catch (error) {
      return replyWithError(submission, error, lang)
    }
    return redirect('/account')
  }
  const submission = parseWithZod(formData, { schema: AcceptInvitationSchema })
  const hideFields = ['password', 'confirmPassword']
  if (submission.status !== 'success') return Response.json(submission.reply({ hideFields }), { status: 400 })
  let outcome: { userId: number; organisationId: number }
  try {
    outcome = await acceptInvitation({ token, actor, newAccount: submission.value })
  } catch (error) {
    return replyWithError(submission, error, lang, { hideFields })
  }
  return redirect('/dashboard', {
    headers: { 'Set-Cookie': await createUserSession({ userId: outcome.userId, activeOrganisationId: outcome.organisationId }) },
  })
}

export default function AcceptInvitation() {
  const { invitation, signedIn } = useLoaderData<typeof loader>()
  const t = useT()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({ lastResult, onValidate: ({ formData }) => parseWithZod(formData, { schema: AcceptInvitationSchema }) })
  if (!invitation)
    return (
      <AuthCard title={t('auth.invite.heading')}>
        <Notice tone="error">{t('auth.invite.invalid')}</Notice>
      </AuthCard>
    )
  return (
    <AuthCard title={t('auth.invite.join', { org: invitation.organisationName })}>
      <p className="mb-4 text-sm text-slate-600">
        {t('auth.invite.who', { email: invitation.email, role: t(invitation.role === 'admin' ? 'auth.role.admin' : 'auth.role.member') })}
      </p>
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        {signedIn ? null : (
          <>
            <TextField label={t('form.label.personName')} autoComplete="name" {...fieldProps(fields.name)} />
            <TextField
              label={t('auth.invite.password')}
              hint={t('auth.passwordHint')}
              autoComplete="new-password"
              {...fieldProps(fields.password, 'password')}
            />
            <TextField label={t('auth.confirmPassword')} autoComplete="new-password" {...fieldProps(fields.confirmPassword, 'password')} />
            <p className="text-xs text-slate-500">
              {t('auth.invite.haveAccount')}
              <Link to="/login" className="underline">
                {t('auth.invite.signInFirst')}
              </Link>
              {t('auth.invite.thenOpen')}
            </p>
          </>
        )}
        <Button type="submit" className="w-full">
          {t('auth.invite.accept')}
        </Button>
      </Form>
    </AuthCard>
  )
}

export const ErrorBoundary = RouteErrorBoundary
