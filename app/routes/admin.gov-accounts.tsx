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
import { GovAccountSchema } from '~/lib/schemas/auth'
import { taxonomy } from '../../db/reference'
import { getLanguage, taxonomyLabel, useT, type Language } from '~/lib/i18n'
import { scopeLabel } from '~/lib/scope-label'
import { readForm } from '~/domain/request-form.server'

const scopeOptions = (lang: Language) => [
  { value: 'province:shanxi', label: scopeLabel({ type: 'province', code: 'shanxi' }, lang) },
  ...taxonomy.regions.groups.map((g) => ({
    value: `region:${g.code}`,
    label: lang === 'zh-CN' ? `${g.name}（${g.older_name}）` : taxonomyLabel.region(g.code, lang), // cjk-ok: full-width brackets
  })),
  ...taxonomy.regions.cities.map((c) => ({ value: `city:${c.code}`, label: taxonomyLabel.city(c.code, lang) })),
]

export const loader = respondingToDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePlatformAdmin(request)
  return { accounts: await listGovernmentAccounts({ actor }) }
})

export const action = respondingToDomainErrors(async ({ request }: ActionFunctionArgs) => {
  const actor = await requirePlatformAdmin(request)
  const submission = parseWithZod(await readForm(request), { schema: GovAccountSchema })
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
      <h1 className="text-xl font-bold">{t('admin.govAccounts')}</h1>
      {!lastResult && searchParams.get('created') ? <Notice tone="success">{t('admin.govCreated')}</Notice> : null}
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

export const ErrorBoundary = RouteErrorBoundary
