import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { AllocationResult } from '~/components/allocation-result'
import { Badge } from '~/components/badge'
import { Button } from '~/components/button'
import { Card, CardTitle } from '~/components/card'
import { RouteErrorBoundary } from '~/components/error-page'
import { TextAreaField, TextField } from '~/components/field'
import { FormErrors } from '~/components/form-errors'
import { requireUser } from '~/domain/accounts/guards.server'
import { orRespond, replyWithError } from '~/domain/errors.server'
import { allocationDefaults, listAllocationRuns, runAllocation, saveAllocationDraft } from '~/domain/matching/allocation.server'
import { AllocationFormSchema } from '~/lib/allocation-input'
import { formatCount, formatDate, formatDateRange } from '~/lib/format'
import { fieldProps, textareaProps } from '~/lib/forms'
import { getLanguage, langFromMatches, taxonomyLabel, translate, useT } from '~/lib/i18n'
import { readForm } from '~/domain/request-form.server'

export const meta: MetaFunction = ({ matches }) => {
  const lang = langFromMatches(matches)
  return [{ title: `${translate(lang, 'allocation.title')} · ${translate(lang, 'app.brand')}` }]
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request)
  return orRespond(getLanguage(request), async () => {
    const [defaults, runs] = await Promise.all([allocationDefaults({ actor }), listAllocationRuns({ actor })])
    return { ...defaults, runs }
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUser(request)
  const lang = getLanguage(request)
  const formData = await readForm(request)
  const submission = parseWithZod(formData, { schema: AllocationFormSchema })
  if (submission.status !== 'success') return Response.json(submission.reply(), { status: 400 })
  try {
    if (formData.get('intent') === 'save') return redirect(`/allocations/${await saveAllocationDraft({ actor, form: submission.value })}`)
    const view = await runAllocation({ actor, form: submission.value })
    return Response.json({ ...submission.reply(), view })
  } catch (error) {
    return replyWithError(submission, error, lang)
  }
}

export default function Allocations() {
  const { scope, form: defaults, runs } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const t = useT()
  const busy = useNavigation().state === 'submitting'
  const [form, fields] = useForm({ lastResult: data, defaultValue: defaults, shouldRevalidate: 'onBlur' })
  const view = data && 'view' in data ? data.view : null
  return (
    <div className="space-y-5">
      <header className="space-y-2">
        <h1 className="text-xl font-bold">{t('allocation.title')}</h1>
        <p className="max-w-3xl text-sm text-slate-700">{t('allocation.intro')}</p>
        <Badge tone="brand">
          {scope.kind === 'college'
            ? t('allocation.scope.college')
            : t('allocation.scope.gov', {
                scope:
                  scope.scope.type === 'city'
                    ? taxonomyLabel.city(scope.scope.code, t.lang)
                    : scope.scope.type === 'region'
                      ? taxonomyLabel.region(scope.scope.code, t.lang)
                      : t('allocation.scope.province'),
              })}
        </Badge>
      </header>
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0 space-y-5">
          <Card>
            <Form method="post" className="space-y-4" {...getFormProps(form)}>
              <FormErrors errors={form.errors} />
              <fieldset className="grid gap-3 sm:grid-cols-2">
                <legend className="mb-1 text-sm font-medium text-slate-800">{t('allocation.period')}</legend>
                <TextField label={t('allocation.periodFrom')} {...fieldProps(fields.periodStart, 'date')} required />
                <TextField label={t('allocation.periodTo')} {...fieldProps(fields.periodEnd, 'date')} required />
              </fieldset>
              {scope.kind === 'college' ? (
                <TextAreaField
                  label={t('allocation.requests')}
                  hint={t('allocation.requestsHint')}
                  rows={6}
                  {...textareaProps(fields.requests)}
                />
              ) : (
                <>
                  <p className="text-sm text-slate-700">{t('allocation.govRequests')}</p>
                  <input type="hidden" name={fields.requests.name} value="" />
                  <FormErrors errors={fields.requests.errors} />
                </>
              )}
              <TextAreaField label={t('allocation.caps')} hint={t('allocation.capsHint')} rows={3} {...textareaProps(fields.caps)} />
              <div className="flex flex-wrap gap-2">
                <Button type="submit" name="intent" value="run" disabled={busy}>
                  {t('allocation.run')}
                </Button>
                <Button type="submit" name="intent" value="save" variant="secondary" disabled={busy}>
                  {t('allocation.saveDraft')}
                </Button>
              </div>
            </Form>
          </Card>
          {view ? <AllocationResult view={view} /> : null}
        </div>
        <aside>
          <Card>
            <CardTitle>{t('allocation.runs')}</CardTitle>
            {runs.length === 0 ? <p className="text-sm text-slate-600">{t('allocation.noRuns')}</p> : null}
            <ul className="space-y-2 text-sm">
              {runs.map((r) => (
                <li key={r.id} className="rounded border border-slate-200 p-2">
                  <div className="flex items-center justify-between gap-2">
                    <Link to={`/allocations/${r.id}`} className="font-medium text-brand-700 hover:underline">
                      #{r.id} {formatDateRange(r.periodStart, r.periodEnd, t.lang)}
                    </Link>
                    <Badge tone={r.status === 'published' ? 'green' : 'neutral'}>{t(`allocation.status.${r.status}`)}</Badge>
                  </div>
                  <p className="text-xs text-slate-600">
                    {formatCount(r.summary.assigned, t.lang)} / {formatCount(r.summary.assigned + r.summary.unassigned, t.lang)} ·{' '}
                    {t('allocation.createdAt', { date: formatDate(r.createdAt, t.lang) })}
                  </p>
                </li>
              ))}
            </ul>
          </Card>
        </aside>
      </div>
    </div>
  )
}

export const ErrorBoundary = RouteErrorBoundary
