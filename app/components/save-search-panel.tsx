import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useT } from '~/lib/i18n'
import { fieldProps } from '~/lib/forms'
import { Button } from './button'
import { TextField } from './field'
import { FormErrors } from './form-errors'
import { Notice } from './notice'
import { BellIcon } from './notification-bell'

/**
 * "Save this search": the query and filters of the page, and for visitors an address to confirm.
 * Posts to the search page itself, so a refusal shows here with the address kept.
 */
export function SaveSearchPanel({
  action,
  query,
  label,
  signedIn,
  saved,
  off,
  lastResult,
}: {
  action: string
  query: string
  label: string
  signedIn: boolean
  saved: 'active' | 'pending' | null
  /** Alerts cannot be sent on this installation (no PUBLIC_URL): the panel says so instead of offering a form. */
  off: boolean
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const t = useT()
  const [form, fields] = useForm({ id: 'save-search', lastResult, shouldValidate: 'onBlur' })
  if (saved) return <Notice tone="success">{t(saved === 'active' ? 'alerts.saved.active' : 'alerts.saved.pending')}</Notice>
  return (
    <details className="rounded-lg border border-slate-200 bg-white" open={Boolean(lastResult)} data-testid="save-search">
      <summary className="cursor-pointer px-4 py-2.5 text-sm font-medium text-brand-700">
        <BellIcon className="mr-1 inline size-4 align-[-3px]" />
        {t('alerts.save.open')}
      </summary>
      {off ? (
        <div className="border-t border-slate-200 p-4">
          <Notice tone="info">{t('alerts.save.off')}</Notice>
        </div>
      ) : (
        <Form method="post" action={action} className="space-y-3 border-t border-slate-200 p-4" {...getFormProps(form)}>
          <p className="text-sm text-slate-700">{t('alerts.save.hint', { label })}</p>
          <FormErrors errors={[...(form.errors ?? []), ...(fields.query.errors ?? [])]} />
          <input type="hidden" name="query" value={query} />
          {signedIn ? (
            <p className="text-sm text-slate-600">{t('alerts.save.signedIn')}</p>
          ) : (
            <TextField label={t('alerts.save.email')} autoComplete="email" required {...fieldProps(fields.email, 'email')} />
          )}
          <Button type="submit">{t('alerts.save.submit')}</Button>
        </Form>
      )}
    </details>
  )
}
