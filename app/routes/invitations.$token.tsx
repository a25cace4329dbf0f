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
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({ lastResult, onValidate: ({ formData }) => parseWithZod(formData, { schema: AcceptInvitationSchema }) })
  if (!invitation)
    return (
      <AuthCard title="接受邀请">
        <Notice tone="error">邀请链接无效或已过期，请联系机构管理员重新邀请。</Notice>
      </AuthCard>
    )
  return (
    <AuthCard title={`加入 ${invitation.organisationName}`}>
      <p className="mb-4 text-sm text-slate-600">
        邀请邮箱：{invitation.email}，角色：{invitation.role === 'admin' ? '管理员' : '成员'}
      </p>
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        {signedIn ? null : (
          <>
            <TextField label="姓名" autoComplete="name" {...fieldProps(fields.name)} />
            <TextField
              label="设置密码"
              hint="至少 10 位，包含字母和数字"
              autoComplete="new-password"
              {...fieldProps(fields.password, 'password')}
            />
            <TextField label="确认密码" autoComplete="new-password" {...fieldProps(fields.confirmPassword, 'password')} />
            <p className="text-xs text-slate-500">
              已有账号？
              <Link to="/login" className="underline">
                先登录
              </Link>
              再打开此链接。
            </p>
          </>
        )}
        <Button type="submit" className="w-full">
          接受邀请
        </Button>
      </Form>
    </AuthCard>
  )
}
