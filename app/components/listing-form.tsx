import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { TYPE_COLUMNS } from '~/lib/import-columns'
import { ListingSchema, type CooperationTypeCode } from '~/lib/schemas/listing'
import { taxonomy } from '../../db/reference'
import { Button } from './button'
import { CheckboxField, CheckboxGroup, SelectField, TextAreaField, TextField } from './field'
import { FormErrors } from './form-errors'

type Values = Record<string, unknown>

const asString = (v: unknown) => (Array.isArray(v) ? v.join('、') : v === undefined || v === null ? '' : String(v))
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
  submitLabel,
}: {
  type: CooperationTypeCode
  lastResult?: SubmissionResult<string[]> | null
  defaultValue?: Values
  canPublish: boolean
  submitLabel?: string
}) {
  const [form] = useForm({
    lastResult,
    defaultValue: { type, ...defaultValue },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ListingSchema }),
  })
  const values = (form.value ?? form.initialValue ?? {}) as Values
  const details = (values.details ?? {}) as Values
  const errorsOf = (name: string) => form.allErrors[name]
  const common = (name: string, required = true) => ({
    id: `listing-${name}`,
    name,
    required,
    defaultValue: asString(values[name]),
    errors: errorsOf(name),
  })
  return (
    <Form method="post" className="space-y-6" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="type" value={type} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">基本信息</legend>
        <SelectField
          label="需求或供给"
          options={[
            { value: 'offer', label: '供给（我方提供）' },
            { value: 'need', label: '需求（我方寻求）' },
          ]}
          placeholder="请选择"
          {...common('direction')}
        />
        <SelectField
          label="城市"
          options={taxonomy.regions.cities.map((c) => ({ value: c.code, label: c.name }))}
          placeholder="请选择"
          {...common('cityCode')}
        />
        <div className="sm:col-span-2">
          <TextField
            label="标题"
            maxLength={80}
            placeholder="如：综采液压支架装配与调试顶岗实习（机电一体化 20 人）"
            {...common('title')}
          />
        </div>
        <div className="sm:col-span-2">
          <TextAreaField label="详细说明" maxLength={5000} {...common('description')} />
        </div>
        <div className="sm:col-span-2">
          <CheckboxGroup
            legend="产业集群（1–3 个）"
            name="clusters"
            id="listing-clusters"
            options={taxonomy.clusters.map((c) => ({ value: c.code, label: c.short }))}
            selected={Array.isArray(values.clusters) ? (values.clusters as string[]) : values.clusters ? [String(values.clusters)] : []}
            errors={errorsOf('clusters') ?? Object.entries(form.allErrors).find(([k]) => k.startsWith('clusters['))?.[1]}
          />
        </div>
        <TextField label="数量（名额 / 岗位 / 项）" inputMode="numeric" {...common('capacity')} />
        <TextField label="内部编号" hint="选填；批量导入时用它识别同一条记录" {...common('reference', false)} />
        <TextField label="开始日期" type="date" {...common('startsOn')} />
        <TextField label="结束日期" type="date" {...common('endsOn')} />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">具体要求</legend>
        {TYPE_COLUMNS[type].map((column) => {
          const key = column.path.replace(/^details\./, '')
          const name = column.path
          const own = name.startsWith('details.') ? details : values
          const props = { id: `listing-${key}`, name, errors: errorsOf(name), hint: column.hint, defaultValue: asString(own[key]) }
          const input = column.input ?? 'text'
          if (input === 'checkbox')
            return <CheckboxField key={name} id={props.id} name={name} label={column.header} defaultChecked={isChecked(details[key])} />
          if (input === 'textarea')
            return (
              <div key={name} className="sm:col-span-2">
                <TextAreaField label={column.header} rows={3} required={column.required} {...props} />
              </div>
            )
          if (typeof input === 'object')
            return (
              <SelectField
                key={name}
                label={column.header}
                required={column.required}
                placeholder="请选择"
                options={input.options}
                {...props}
              />
            )
          return (
            <TextField
              key={name}
              label={column.header}
              required={column.required}
              inputMode={input === 'number' ? 'decimal' : undefined}
              placeholder={column.example ? `如：${column.example}` : undefined}
              {...props}
            />
          )
        })}
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="intent" value="draft" variant="secondary">
          保存草稿
        </Button>
        <Button
          type="submit"
          name="intent"
          value="publish"
          disabled={!canPublish}
          title={canPublish ? undefined : '机构通过认证后才能发布'}
        >
          {submitLabel ?? '发布'}
        </Button>
      </div>
    </Form>
  )
}
