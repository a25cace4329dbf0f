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
import { completePasswordReset, findValidReset } from '~/domain/accounts/sign-in.server'
import { replyWithError } from '~/domain/errors.server'
import { fieldProps } from '~/lib/forms'
import { getLanguage } from '~/lib/i18n'
import { ResetPasswordSchema } from '~/lib/schemas/auth'
import { useT } from '~/lib/i18n'
import { readForm } from '~/domain/request-form.server'

export async function loader({ params }: LoaderFunctionArgs) {
  return { valid: (await findValidReset({ token: params.token ?? '' })) !== null }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: ResetPasswordSchema })
  const hideFields = ['password', 'confirmPassword']
  if (submission.status !== 'success') return Response.json(submission.reply({ hideFields }), { status: 400 })
  try {
    await completePasswordReset({ token: params.token ?? '', password: submission.value.password })
  } catch (error) {
    return replyWithError(submission, error, getLanguage(request), { hideFields })
  }
  return redirect('/login?reset=1')
}

export default function ResetPassword() {
  const { valid } = useLoaderData<typeof loader>()
  const t = useT()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({ lastResult, onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordSchema }) })
  if (!valid)
    return (
      <AuthCard title={t('auth.reset.heading')}>
        <Notice tone="error">{t('auth.reset.invalid')}</Notice>
        <Link to="/forgot-password" className="mt-4 inline-block text-brand-700 underline">
          {t('auth.reset.again')}
        </Link>
      </AuthCard>
    )
  return (
    <AuthCard title={t('auth.reset.heading')}>
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <TextField
          label={t('auth.reset.newPassword')}
          hint={t('auth.passwordHint')}
          autoComplete="new-password"
          {...fieldProps(fields.password, 'password')}
        />
        <TextField label={t('auth.reset.confirm')} autoComplete="new-password" {...fieldProps(fields.confirmPassword, 'password')} />
        <Button type="submit" className="w-full">
          {t('auth.reset.submit')}
        </Button>
      </Form>
    </AuthCard>
  )
}

export const ErrorBoundary = RouteErrorBoundary
