import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { AuthCard } from '~/components/auth-card'
import { Button } from '~/components/button'
import { TextField } from '~/components/field'
import { FormErrors } from '~/components/form-errors'
import { Notice } from '~/components/notice'
import { requestPasswordReset } from '~/domain/accounts/sign-in.server'
import { publicUrl } from '~/domain/mail/mail.server'
import { clientAddress } from '~/domain/rate-limit.server'
import { fieldProps } from '~/lib/forms'
import { ForgotPasswordSchema } from '~/lib/schemas/auth'
import { useT } from '~/lib/i18n'
import { formMessage } from '~/lib/i18n/form-messages'
import { titleMeta } from '~/lib/i18n/meta'

export const meta = titleMeta('auth.forgot.title')

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ForgotPasswordSchema })
  if (submission.status !== 'success') return Response.json({ result: submission.reply(), sent: false }, { status: 400 })
  const outcome = await requestPasswordReset({
    email: submission.value.email,
    address: clientAddress(request),
    resetUrl: (token) => publicUrl(request, `/reset-password/${token}`),
  })
  if (!outcome.ok)
    return Response.json({ result: submission.reply({ formErrors: [formMessage('auth.forgot.tooMany')] }), sent: false }, { status: 429 })
  return Response.json({ result: submission.reply(), sent: true })
}

export default function ForgotPassword() {
  const data = useActionData<typeof action>()
  const t = useT()
  const [form, fields] = useForm({
    lastResult: data?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotPasswordSchema }),
  })
  return (
    <AuthCard title={t('auth.forgot.heading')}>
      {data?.sent ? (
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
