import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { AdminNav } from '~/components/admin-nav'
import { Button } from '~/components/button'
import { Card, CardTitle } from '~/components/card'
import { RouteErrorBoundary } from '~/components/error-page'
import { SelectField, TextField } from '~/components/field'
import { FormErrors } from '~/components/form-errors'
import { Notice } from '~/components/notice'
import { requirePlatformAdmin } from '~/domain/accounts/guards.server'
import { createGovernmentAccount, listGovernmentAccounts } from '~/domain/accounts/gov-accounts.server'
import { replyWithError, respondingToDomainErrors } from '~/domain/errors.server'
import { fieldProps, selectProps } from '~/lib/forms'
import { getLanguage, useT } from '~/lib/i18n'
import { GovAccountSchema } from '~/lib/schemas/auth'
import { taxonomy } from '../../db/reference'

const SCOPE_OPTIONS = [
  { value: 'province:shanxi', label: '山西省（全省）' },
  ...taxonomy.regions.groups.map((g) => ({ value: `region:${g.code}`, label: `${g.name}（${g.older_name}）` })),
  ...taxonomy.regions.cities.map((c) => ({ value: `city:${c.code}`, label: c.name })),
]

export const loader = respondingToDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePlatformAdmin(request)
  return { accounts: await listGovernmentAccounts({ actor }) }
})

export const action = respondingToDomainErrors(async ({ request }: ActionFunctionArgs) => {
  const actor = await requirePlatformAdmin(request)
  const submission = parseWithZod(await request.formData(), { schema: GovAccountSchema })
  if (submission.status !== 'success') return Response.json(submission.reply({ hideFields: ['password'] }), { status: 400 })
  const [type, code] = submission.value.scope.split(':') as ['province' | 'region' | 'city', string]
  try {
    await createGovernmentAccount({ actor, ...submission.value, scope: { type, code } })
  } catch (error) {
    return replyWithError(submission, error, getLanguage(request), { hideFields: ['password'] })
  }
  return redirect('/admin/gov-accounts?created=1')
})

export default function GovAccounts() {
  const { accounts } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const t = useT()
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: GovAccountSchema }),
  })
  return (
    <div className="space-y-4">
      <AdminNav />
      <h1 className="text-xl font-bold">政府账号</h1>
      {!lastResult && searchParams.get('created') ? <Notice tone="success">{t('domain.accountCreated')}</Notice> : null}
      <Card>
        <CardTitle>新建政府账号</CardTitle>
        <Form method="post" className="grid gap-3 sm:grid-cols-2" {...getFormProps(form)}>
          <FormErrors errors={form.errors} />
          <TextField label="姓名或单位" {...fieldProps(fields.name)} />
          <TextField label="邮箱" {...fieldProps(fields.email, 'email')} />
          <TextField label="初始密码" hint="至少 10 位，包含字母和数字" {...fieldProps(fields.password, 'password')} />
          <SelectField label="管辖范围" placeholder="请选择" options={SCOPE_OPTIONS} {...selectProps(fields.scope)} />
          <div>
            <Button type="submit">创建</Button>
          </div>
        </Form>
      </Card>
      <Card>
        <ul className="divide-y divide-slate-100 text-sm">
          {accounts.map((a) => (
            <li key={a.id} className="flex flex-wrap gap-2 py-2">
              <span className="font-medium">{a.name}</span>
              <span className="text-slate-500">{a.email}</span>
              <span className="ml-auto">{a.scopeName}</span>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  )
}

export const ErrorBoundary = RouteErrorBoundary
