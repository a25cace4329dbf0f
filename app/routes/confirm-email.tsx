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
import { registrationLinks, resendConfirmation } from '~/domain/accounts/email-confirmation.server'
import { CONFIRM_HOURS } from '~/lib/email-confirmation'
import { replyWithError } from '~/domain/errors.server'
import { clientAddress } from '~/domain/rate-limit.server'
import { readForm } from '~/domain/request-form.server'
import { fieldProps } from '~/lib/forms'
import { getLanguage, useT } from '~/lib/i18n'
import { titleMeta } from '~/lib/i18n/meta'
import { ResendConfirmationSchema } from '~/lib/schemas/auth'

export const meta = titleMeta('auth.confirm.resendTitle')

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: ResendConfirmationSchema })
  if (submission.status !== 'success') return Response.json(submission.reply(), { status: 400 })
  try {
    await resendConfirmation({
      email: submission.value.email,
      address: clientAddress(request),
      confirmUrl: registrationLinks(request).confirmUrl,
    })
  } catch (error) {
    return replyWithError(submission, error, getLanguage(request))
  }
  return redirect('/confirm-email?sent=1')
}

export default function ResendConfirmation() {
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const t = useT()
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { email: searchParams.get('email') ?? '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResendConfirmationSchema }),
  })
  return (
    <AuthCard title={t('auth.confirm.resendTitle')}>
      {searchParams.get('sent') === '1' ? (
        <Notice tone="success">{t('auth.confirm.resent', { hours: CONFIRM_HOURS })}</Notice>
      ) : (
        <Form method="post" className="space-y-4" {...getFormProps(form)}>
          <p className="text-sm text-slate-600">{t('auth.confirm.resendIntro', { hours: CONFIRM_HOURS })}</p>
          <FormErrors errors={form.errors} />
          <TextField label={t('auth.forgot.email')} autoComplete="email" {...fieldProps(fields.email, 'email')} />
          <Button type="submit" className="w-full">
            {t('auth.confirm.resendSubmit')}
          </Button>
        </Form>
      )}
    </AuthCard>
  )
}

export const ErrorBoundary = RouteErrorBoundary
