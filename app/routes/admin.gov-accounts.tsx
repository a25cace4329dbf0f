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
import { taxonomyLabel, useT, type Language } from '~/lib/i18n'
import { scopeLabel } from '~/lib/scope-label'

const scopeOptions = (lang: Language) => [
  { value: 'province:shanxi', label: scopeLabel({ type: 'province', code: 'shanxi' }, lang) },
  ...taxonomy.regions.groups.map((g) => ({
    value: `region:${g.code}`,
    label: lang === 'zh-CN' ? `${g.name}（${g.older_name}）` : taxonomyLabel.region(g.code, lang), // cjk-ok: full-width brackets
  })),
  ...taxonomy.regions.cities.map((c) => ({ value: `city:${c.code}`, label: taxonomyLabel.city(c.code, lang) })),
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
  const t = useT()
  const [form, fields] = useForm({
    lastResult: data?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: GovAccountSchema }),
  })
  return (
    <div className="space-y-4">
      <AdminNav />
      <h1 className="text-xl font-bold">{t('admin.govAccounts')}</h1>
      {data?.created ? <Notice tone="success">{t('admin.govCreated')}</Notice> : null}
      <Card>
        <CardTitle>{t('admin.govNew')}</CardTitle>
        <Form method="post" className="grid gap-3 sm:grid-cols-2" {...getFormProps(form)}>
          <FormErrors errors={form.errors} />
          <TextField label={t('form.label.govName')} {...fieldProps(fields.name)} />
          <TextField label={t('auth.email')} {...fieldProps(fields.email, 'email')} />
          <TextField label={t('admin.initialPassword')} hint={t('auth.passwordHint')} {...fieldProps(fields.password, 'password')} />
          <SelectField
            label={t('admin.scope')}
            placeholder={t('auth.choose')}
            options={scopeOptions(t.lang)}
            {...selectProps(fields.scope)}
          />
          <div>
            <Button type="submit">{t('admin.create')}</Button>
          </div>
        </Form>
      </Card>
      <Card>
        <ul className="divide-y divide-slate-100 text-sm">
          {accounts.map((a) => (
            <li key={a.id} className="flex flex-wrap gap-2 py-2">
              <span className="font-medium">{a.name}</span>
              <span className="text-slate-500">{a.email}</span>
              <span className="ml-auto">{a.type && a.code ? scopeLabel({ type: a.type, code: a.code }, t.lang) : a.scopeName}</span>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  )
}
