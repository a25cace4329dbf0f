import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useSearchParams } from '@remix-run/react'
import { AuthCard } from '~/components/auth-card'
import { Button } from '~/components/button'
import { RouteErrorBoundary } from '~/components/error-page'
import { TextField } from '~/components/field'
import { FormErrors } from '~/components/form-errors'
import { Notice } from '~/components/notice'
import { requestPasswordReset } from '~/domain/accounts/sign-in.server'
import { replyWithError } from '~/domain/errors.server'
import { publicUrl } from '~/domain/mail/mail.server'
import { clientAddress } from '~/domain/rate-limit.server'
import { fieldProps } from '~/lib/forms'
import { getLanguage } from '~/lib/i18n'
import { ForgotPasswordSchema } from '~/lib/schemas/auth'

export const meta: MetaFunction = () => [{ title: '忘记密码 · 晋产教' }]

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ForgotPasswordSchema })
  if (submission.status !== 'success') return Response.json(submission.reply(), { status: 400 })
  try {
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
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotPasswordSchema }),
  })
  return (
    <AuthCard title="重置密码">
      {searchParams.get('sent') === '1' ? (
        <Notice tone="success">如果该邮箱已注册，我们已发送重置链接，30 分钟内有效。请查收邮件。</Notice>
      ) : (
        <Form method="post" className="space-y-4" {...getFormProps(form)}>
          <FormErrors errors={form.errors} />
          <TextField label="注册邮箱" autoComplete="email" {...fieldProps(fields.email, 'email')} />
          <Button type="submit" className="w-full">
            发送重置链接
          </Button>
        </Form>
      )}
    </AuthCard>
  )
}

export const ErrorBoundary = RouteErrorBoundary
