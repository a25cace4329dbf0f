import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { AdminNav } from '~/components/admin-nav'
import { Button } from '~/components/button'
import { Card, CardTitle } from '~/components/card'
import { SelectField, TextField } from '~/components/field'
import { FormErrors } from '~/components/form-errors'
import { Notice } from '~/components/notice'
import { requirePlatformAdmin } from '~/domain/accounts/guards.server'
import { createGovernmentAccount, listGovernmentAccounts } from '~/domain/accounts/gov-accounts.server'
import { fieldProps, selectProps } from '~/lib/forms'
import { GovAccountSchema } from '~/lib/schemas/auth'
import { taxonomy } from '../../db/reference'

const SCOPE_OPTIONS = [
  { value: 'province:shanxi', label: '山西省（全省）' },
  ...taxonomy.regions.groups.map((g) => ({ value: `region:${g.code}`, label: `${g.name}（${g.older_name}）` })),
  ...taxonomy.regions.cities.map((c) => ({ value: `city:${c.code}`, label: c.name })),
]

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePlatformAdmin(request)
  return { accounts: await listGovernmentAccounts({ actor }) }
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePlatformAdmin(request)
  const submission = parseWithZod(await request.formData(), { schema: GovAccountSchema })
  if (submission.status !== 'success')
    return Response.json({ result: submission.reply({ hideFields: ['password'] }), created: false }, { status: 400 })
  const [type, code] = submission.value.scope.split(':') as ['province' | 'region' | 'city', string]
  const outcome = await createGovernmentAccount({ actor, ...submission.value, scope: { type, code } })
  if (!outcome.ok)
    return Response.json(
      {
        result: submission.reply({
          fieldErrors: ('scopeCode' in outcome.fieldErrors ? { scope: outcome.fieldErrors.scopeCode } : outcome.fieldErrors) as Record<
            string,
            string[]
          >,
          hideFields: ['password'],
        }),
        created: false,
      },
      { status: 400 },
    )
  return Response.json({ result: submission.reply({ resetForm: true }), created: true })
}

export default function GovAccounts() {
  const { accounts } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult: data?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: GovAccountSchema }),
  })
  return (
    <div className="space-y-4">
      <AdminNav />
      <h1 className="text-xl font-bold">政府账号</h1>
      {data?.created ? <Notice tone="success">账号已创建。</Notice> : null}
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
