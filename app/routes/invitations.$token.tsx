import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { AuthCard } from '~/components/auth-card'
import { Button } from '~/components/button'
import { TextField } from '~/components/field'
import { FormErrors } from '~/components/form-errors'
import { Notice } from '~/components/notice'
import { createUserSession, getActor } from '~/domain/accounts/session.server'
import { acceptInvitation, findInvitation } from '~/domain/orgs/members.server'
import { fieldProps } from '~/lib/forms'
import { AcceptInvitationSchema } from '~/lib/schemas/auth'
import { useT } from '~/lib/i18n'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitation = await findInvitation(params.token ?? '')
  const actor = await getActor(request)
  return {
    invitation: invitation ? { email: invitation.email, organisationName: invitation.organisationName, role: invitation.role } : null,
    signedIn: actor.kind === 'user',
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await getActor(request)
  const token = params.token ?? ''
  if (actor.kind === 'user') {
    const outcome = await acceptInvitation({ token, actor })
    if (!outcome.ok) return Response.json({ formErrors: [outcome.message] } as never, { status: 400 })
    return redirect('/account')
  }
  const submission = parseWithZod(await request.formData(), { schema: AcceptInvitationSchema })
  const hideFields = ['password', 'confirmPassword']
  if (submission.status !== 'success') return Response.json(submission.reply({ hideFields }), { status: 400 })
  const outcome = await acceptInvitation({ token, actor, newAccount: submission.value })
  if (!outcome.ok) return Response.json(submission.reply({ formErrors: [outcome.message], hideFields }), { status: 400 })
  return redirect('/dashboard', { headers: { 'Set-Cookie': await createUserSession(outcome.userId, outcome.organisationId) } })
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
