import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useSearchParams } from '@remix-run/react'
import { AuthCard } from '~/components/auth-card'
import { Button } from '~/components/button'
import { RouteErrorBoundary } from '~/components/error-page'
import { TextField } from '~/components/field'
import { FormErrors } from '~/components/form-errors'
import { Notice } from '~/components/notice'
import { requestPasswordReset } from '~/domain/accounts/sign-in.server'
import { DomainError, replyWithError } from '~/domain/errors.server'
import { publicUrl, trustedOrigin } from '~/domain/mail/link-origin.server'
import { clientAddress } from '~/domain/rate-limit.server'
import { fieldProps } from '~/lib/forms'
import { getLanguage } from '~/lib/i18n'
import { ForgotPasswordSchema } from '~/lib/schemas/auth'
import { useT } from '~/lib/i18n'
import { titleMeta } from '~/lib/i18n/meta'
import { readForm } from '~/domain/request-form.server'

export const meta = titleMeta('auth.forgot.title')

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: ForgotPasswordSchema })
  if (submission.status !== 'success') return Response.json(submission.reply(), { status: 400 })
  try {
    // Checked before the email is looked up, so known and unknown addresses get the same answer.
    if (!trustedOrigin(request.url)) throw new DomainError('unavailable', 'security.mailLinksOff')
    await requestPasswordReset({
      email: submission.value.email,
      address: clientAddress(request),
      resetUrl: (token) => publicUrl(request, `/reset-password/${token}`),
    })
  } catch (error) {
    return replyWithError(submission, error, getLanguage(request))
  }
  return redirect('/forgot-password?sent=1')
}

export default function ForgotPassword() {
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const t = useT()
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotPasswordSchema }),
  })
  return (
    <AuthCard title={t('auth.forgot.heading')}>
      {searchParams.get('sent') === '1' ? (
        <Notice tone="success">{t('auth.forgot.sent')}</Notice>
      ) : (
        <Form method="post" className="space-y-4" {...getFormProps(form)}>
          <FormErrors errors={form.errors} />
          <TextField label={t('auth.forgot.email')} autoComplete="email" {...fieldProps(fields.email, 'email')} />
          <Button type="submit" className="w-full">
            {t('auth.forgot.submit')}
          </Button>
        </Form>
      )}
    </AuthCard>
  )
}

export const ErrorBoundary = RouteErrorBoundary
