import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react'
import { AuthCard } from '~/components/auth-card'
import { Button } from '~/components/button'
import { RouteErrorBoundary } from '~/components/error-page'
import { TextField } from '~/components/field'
import { FormErrors } from '~/components/form-errors'
import { createUserSession, getSessionUser } from '~/domain/accounts/session.server'
import { authenticate } from '~/domain/accounts/sign-in.server'
import { firstOrganisationOf } from '~/domain/orgs/membership.server'
import { replyWithError } from '~/domain/errors.server'
import { clientAddress } from '~/domain/rate-limit.server'
import { getLanguage } from '~/lib/i18n'
import { safeRedirectPath } from '~/lib/safe-redirect'
import { fieldProps } from '~/lib/forms'
import { LoginSchema } from '~/lib/schemas/auth'

export const meta: MetaFunction = () => [{ title: '登录 · 晋产教' }]

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSessionUser(request)) throw redirect('/account')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: LoginSchema })
  if (submission.status !== 'success') return Response.json(submission.reply({ hideFields: ['password'] }), { status: 400 })
  let result: { userId: number }
  try {
    result = await authenticate({ ...submission.value, address: clientAddress(request) })
  } catch (error) {
    return replyWithError(submission, error, getLanguage(request), { hideFields: ['password'] })
  }
  const cookie = await createUserSession({
    userId: result.userId,
    activeOrganisationId: await firstOrganisationOf({ userId: result.userId }),
  })
  return redirect(safeRedirectPath(submission.value.redirectTo, '/dashboard'), { headers: { 'Set-Cookie': cookie } })
}

export default function LoginPage() {
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
  })
  return (
    <AuthCard title="登录晋产教">
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <TextField label="邮箱" autoComplete="email" {...fieldProps(fields.email, 'email')} />
        <TextField label="密码" autoComplete="current-password" {...fieldProps(fields.password, 'password')} />
        <Button type="submit" className="w-full">
          登录
        </Button>
        <p className="flex justify-between text-sm">
          <Link to="/forgot-password" className="text-brand-700 hover:underline">
            忘记密码？
          </Link>
          <Link to="/register" className="text-brand-700 hover:underline">
            注册机构
          </Link>
        </p>
      </Form>
    </AuthCard>
  )
}

export const ErrorBoundary = RouteErrorBoundary
