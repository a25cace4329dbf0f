import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { exampleIn, TYPE_COLUMNS } from '~/lib/import-columns'
import { taxonomyLabel, useT } from '~/lib/i18n'
import { ListingDraftSchema, ListingSchema, type CooperationTypeCode } from '~/lib/schemas/listing'
import { taxonomy } from '../../db/reference'
import { Button } from './button'
import { CheckboxField, CheckboxGroup, SelectField, TextAreaField, TextField } from './field'
import { FormErrors } from './form-errors'

type Values = Record<string, unknown>

const asString = (v: unknown, separator: string) => (Array.isArray(v) ? v.join(separator) : v === undefined || v === null ? '' : String(v))
const isChecked = (v: unknown) => v === true || v === 'on' || v === 'true'

/**
 * One form for every cooperation type: the common fields, then the type's own section, built
 * from the same column definitions the bulk import uses. Works without JavaScript; with it,
 * fields are checked as the user leaves them.
 */
export function ListingForm({
  type,
  lastResult,
  defaultValue,
  canPublish,
  canSaveDraft = true,
  submitLabel,
}: {
  type: CooperationTypeCode
  lastResult?: SubmissionResult<string[]> | null
  defaultValue?: Values
  canPublish: boolean
  canSaveDraft?: boolean
  submitLabel?: string
}) {
  const t = useT()
  const [form] = useForm({
    lastResult,
    defaultValue: { type, ...defaultValue },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    // The server's schemas, so every message (common and type-specific) shows in one round.
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: canSaveDraft && formData.get('intent') === 'draft' ? ListingDraftSchema : ListingSchema }),
  })
  const values = (form.value ?? form.initialValue ?? {}) as Values
  const details = (values.details ?? {}) as Values
  const errorsOf = (name: string) => form.allErrors[name]
  const common = (name: string, required = true) => ({
    id: `listing-${name}`,
    name,
    required,
    defaultValue: asString(values[name], t('common.listSeparator')),
    errors: errorsOf(name),
  })
  return (
    <Form method="post" className="space-y-6" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="type" value={type} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">{t('listingForm.basics')}</legend>
        <SelectField
          label={t('import.col.direction')}
          options={[
            { value: 'offer', label: t('listingForm.offer') },
            { value: 'need', label: t('listingForm.need') },
          ]}
          placeholder={t('auth.choose')}
          {...common('direction')}
        />
        <SelectField
          label={t('listing.city')}
          options={taxonomy.regions.cities.map((c) => ({ value: c.code, label: taxonomyLabel.city(c.code, t.lang) }))}
          placeholder={t('auth.choose')}
          {...common('cityCode')}
        />
        <div className="sm:col-span-2">
          <TextField label={t('form.label.title')} maxLength={80} placeholder={t('listingForm.titlePlaceholder')} {...common('title')} />
        </div>
        <div className="sm:col-span-2">
          <TextAreaField label={t('listing.description')} maxLength={5000} {...common('description')} />
        </div>
        <div className="sm:col-span-2">
          <CheckboxGroup
            legend={t('listingForm.clusters')}
            name="clusters"
            id="listing-clusters"
            options={taxonomy.clusters.map((c) => ({ value: c.code, label: taxonomyLabel.clusterShort(c.code, t.lang) }))}
            selected={Array.isArray(values.clusters) ? (values.clusters as string[]) : values.clusters ? [String(values.clusters)] : []}
            errors={errorsOf('clusters') ?? Object.entries(form.allErrors).find(([k]) => k.startsWith('clusters['))?.[1]}
          />
        </div>
        <TextField label={t('listingForm.capacity')} inputMode="numeric" {...common('capacity')} />
        <TextField label={t('listing.reference')} hint={t('listingForm.referenceHint')} {...common('reference', false)} />
        <TextField label={t('form.label.startsOn')} type="date" {...common('startsOn')} />
        <TextField label={t('form.label.endsOn')} type="date" {...common('endsOn')} />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">{t('listing.details')}</legend>
        {TYPE_COLUMNS[type].map((column) => {
          const key = column.path.replace(/^details\./, '')
          const name = column.path
          const props = {
            id: `listing-${key}`,
            name,
            errors: errorsOf(name),
            hint: column.hint ? t(column.hint) : undefined,
            defaultValue: asString((name.startsWith('details.') ? details : values)[key], t('common.listSeparator')),
          }
          const label = t(column.label)
          const input = column.input ?? 'text'
          if (input === 'checkbox')
            return <CheckboxField key={name} id={props.id} name={name} label={label} defaultChecked={isChecked(details[key])} />
          if (input === 'textarea')
            return (
              <div key={name} className="sm:col-span-2">
                <TextAreaField label={label} rows={3} required={column.required} {...props} />
              </div>
            )
          if (typeof input === 'object')
            return (
              <SelectField
                key={name}
                label={label}
                required={column.required}
                placeholder={t('auth.choose')}
                options={input.options.map((o) => ({ value: o.value, label: t(o.label) }))}
                {...props}
              />
            )
          return (
            <TextField
              key={name}
              label={label}
              required={column.required}
              inputMode={input === 'number' ? 'decimal' : undefined}
              placeholder={column.example ? t('listingForm.example', { example: exampleIn(column, t.lang) }) : undefined}
              {...props}
            />
          )
        })}
      </fieldset>
      <div className="flex flex-wrap gap-2">
        {canSaveDraft ? (
          <Button type="submit" name="intent" value="draft" variant="secondary" formNoValidate>
            {t('listingForm.saveDraft')}
          </Button>
        ) : null}
        <Button
          type="submit"
          name="intent"
          value="publish"
          disabled={!canPublish}
          title={canPublish ? undefined : t('listingForm.verifyFirst')}
        >
          {submitLabel ?? t('listing.action.publish')}
        </Button>
      </div>
    </Form>
  )
}
