import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { AuthCard } from '~/components/auth-card'
import { Button } from '~/components/button'
import { CreditCodeWarning } from '~/components/credit-code-warning'
import { RouteErrorBoundary } from '~/components/error-page'
import { CheckboxGroup, SelectField, TextField } from '~/components/field'
import { FormErrors } from '~/components/form-errors'
import { Notice } from '~/components/notice'
import { registrationLinks } from '~/domain/accounts/email-confirmation.server'
import { CONFIRM_HOURS } from '~/lib/email-confirmation'
import { DomainError, replyWithError } from '~/domain/errors.server'
import { registerOrganisation } from '~/domain/orgs/register.server'
import { RATE_LIMITS, clientAddress, consumeRateLimit } from '~/domain/rate-limit.server'
import { fieldProps, selectProps, selectedValues } from '~/lib/forms'
import { getLanguage } from '~/lib/i18n'
import { RegisterOrganisationSchema } from '~/lib/schemas/registration'
import { taxonomy } from '../../db/reference'
import { taxonomyLabel, useT } from '~/lib/i18n'
import { titleMeta } from '~/lib/i18n/meta'
import { readForm } from '~/domain/request-form.server'

export const meta = titleMeta('nav.register')

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: RegisterOrganisationSchema })
  const hideFields = ['password', 'confirmPassword']
  if (submission.status !== 'success') return Response.json(submission.reply({ hideFields }), { status: 400 })
  try {
    const links = registrationLinks(request)
    const limit = await consumeRateLimit(`register:ip:${clientAddress(request)}`, RATE_LIMITS.registerPerIp)
    if (!limit.allowed) throw new DomainError('rate_limited', 'auth.register.tooMany')
    await registerOrganisation({ input: submission.value, links })
  } catch (error) {
    return replyWithError(submission, error, getLanguage(request), { hideFields })
  }
  // The same answer whether the email was new or already had an account: only its mailbox knows which.
  return Response.json({ sent: submission.value.email })
}

function SentNotice({ email }: { email: string }) {
  const t = useT()
  return (
    <AuthCard title={t('auth.register.sentTitle')}>
      <Notice tone="success">{t('auth.register.sent', { email, hours: CONFIRM_HOURS })}</Notice>
      <p className="mt-4 text-sm text-slate-600">
        {t('auth.register.sentHint')}{' '}
        <Link to="/confirm-email" className="text-brand-700 underline">
          {t('auth.register.sentResend')}
        </Link>
      </p>
    </AuthCard>
  )
}

export default function RegisterPage() {
  const actionData = useActionData<typeof action>()
  const sent = actionData && 'sent' in actionData ? actionData.sent : null
  const lastResult = actionData && !('sent' in actionData) ? actionData : undefined
  const t = useT()
  const kindOptions = taxonomy.org_kinds
    .filter((k) => k.code !== 'government')
    .map((k) => ({ value: k.code, label: taxonomyLabel.orgKind(k.code, t.lang) }))
  const cityOptions = taxonomy.regions.cities.map((c) => ({ value: c.code, label: taxonomyLabel.city(c.code, t.lang) }))
  const clusterOptions = taxonomy.clusters.map((c) => ({ value: c.code, label: taxonomyLabel.clusterShort(c.code, t.lang) }))
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RegisterOrganisationSchema }),
  })
  if (sent) return <SentNotice email={sent} />
  return (
    <AuthCard title={t('auth.register.heading')} wide>
      <p className="mb-5 text-sm text-slate-600">{t('auth.register.intro')}</p>
      <Form method="post" className="space-y-6" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-base font-semibold">{t('auth.register.orgSection')}</legend>
          <SelectField label={t('org.kind')} required placeholder={t('auth.choose')} options={kindOptions} {...selectProps(fields.kind)} />
          <TextField
            label={t('form.label.orgName')}
            required
            placeholder={t('auth.register.namePlaceholder')}
            {...fieldProps(fields.name)}
          />
          <TextField
            label={t('form.label.creditCode')}
            required
            maxLength={18}
            placeholder={t('auth.register.creditCodePlaceholder')}
            hint={t('auth.register.creditCodeHint')}
            {...fieldProps(fields.creditCode)}
          />
          <SelectField
            label={t('org.city')}
            required
            placeholder={t('auth.choose')}
            options={cityOptions}
            {...selectProps(fields.cityCode)}
          />
          <CreditCodeWarning code={fields.creditCode.value} cityCode={fields.cityCode.value} />
          <div className="sm:col-span-2">
            <TextField label={t('form.label.address')} required {...fieldProps(fields.address)} />
          </div>
          <div className="sm:col-span-2">
            <CheckboxGroup
              legend={t('auth.register.clusters')}
              name={fields.clusters.name}
              id={fields.clusters.id}
              options={clusterOptions}
              selected={selectedValues(fields.clusters)}
              errors={fields.clusters.errors}
            />
          </div>
        </fieldset>
        <fieldset className="grid gap-4 sm:grid-cols-3">
          <legend className="mb-2 text-base font-semibold">{t('auth.register.sizeSection')}</legend>
          <TextField
            label={t('form.label.staffCount')}
            inputMode="numeric"
            hint={t('auth.register.enterpriseRequired')}
            {...fieldProps(fields.staffCount)}
          />
          <TextField
            label={t('form.label.technicalPostCount')}
            inputMode="numeric"
            hint={t('auth.register.technicalPostsHint')}
            {...fieldProps(fields.technicalPostCount)}
          />
          <TextField
            label={t('form.label.studentCount')}
            inputMode="numeric"
            hint={t('auth.register.collegeRequired')}
            {...fieldProps(fields.studentCount)}
          />
          <div className="sm:col-span-3">
            <TextField
              label={t('auth.register.majors')}
              placeholder={t('auth.register.majorsPlaceholder')}
              {...fieldProps(fields.majors)}
            />
          </div>
        </fieldset>
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-base font-semibold">{t('auth.register.adminSection')}</legend>
          <TextField label={t('form.label.contactName')} required autoComplete="name" {...fieldProps(fields.contactName)} />
          <TextField label={t('form.label.contactPhone')} required autoComplete="tel" {...fieldProps(fields.contactPhone, 'tel')} />
          <div className="sm:col-span-2">
            <TextField label={t('auth.register.email')} required autoComplete="email" {...fieldProps(fields.email, 'email')} />
          </div>
          <TextField
            label={t('auth.password')}
            required
            autoComplete="new-password"
            hint={t('auth.passwordHint')}
            {...fieldProps(fields.password, 'password')}
          />
          <TextField
            label={t('auth.confirmPassword')}
            required
            autoComplete="new-password"
            {...fieldProps(fields.confirmPassword, 'password')}
          />
        </fieldset>
        <Button type="submit" className="w-full sm:w-auto">
          {t('auth.register.submit')}
        </Button>
      </Form>
    </AuthCard>
  )
}

export const ErrorBoundary = RouteErrorBoundary
