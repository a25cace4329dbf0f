import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react'
import { useT } from '~/lib/i18n'
import { translateMessage } from '~/lib/i18n/form-messages'

/** Labels on every field; errors tied to it with aria-describedby, in the user's language. */
type FieldFrame = { label: ReactNode; hint?: ReactNode; errors?: string[]; id: string; required?: boolean }

const control =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-xs placeholder:text-slate-400 focus:border-brand-600 aria-[invalid=true]:border-red-600'

export const errorId = (id: string) => `${id}-error`
const hintId = (id: string) => `${id}-hint`

function Frame({ label, hint, errors, id, required, children }: FieldFrame & { children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {required ? (
          <span className="ml-0.5 text-red-700" aria-hidden="true">
            *
          </span>
        ) : null}
      </label>
      {children}
      <FieldNotes id={id} hint={hint} errors={errors} />
    </div>
  )
}

/** The hint and the errors under a field, with the ids its control points at. */
function FieldNotes({ id, hint, errors }: { id: string; hint?: ReactNode; errors?: string[] }) {
  return (
    <>
      {hint ? (
        <p id={hintId(id)} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <ErrorList id={errorId(id)} errors={errors} />
    </>
  )
}

export function ErrorList({ id, errors }: { id?: string; errors?: string[] }) {
  const { lang } = useT()
  if (!errors?.length) return null
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm text-red-700" role="alert">
      {errors.map((e) => (
        <li key={e}>{translateMessage(lang, e)}</li>
      ))}
    </ul>
  )
}

const describedBy = (id: string, hint: unknown, errors?: string[]) =>
  [errors?.length ? errorId(id) : null, hint ? hintId(id) : null].filter(Boolean).join(' ') || undefined

/** What every framed control carries: its id, the shared look, and its tie to the hint and errors. */
const controlProps = ({ id, hint, errors, required }: Omit<FieldFrame, 'label'>) => ({
  id,
  className: control,
  'aria-invalid': errors?.length ? true : undefined,
  'aria-describedby': describedBy(id, hint, errors),
  required,
})

export function TextField({ label, hint, errors, id, required, ...input }: FieldFrame & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Frame label={label} hint={hint} errors={errors} id={id} required={required}>
      <input {...controlProps({ id, hint, errors, required })} {...input} />
    </Frame>
  )
}

export function TextAreaField({ label, hint, errors, id, required, ...input }: FieldFrame & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Frame label={label} hint={hint} errors={errors} id={id} required={required}>
      <textarea rows={5} {...controlProps({ id, hint, errors, required })} {...input} />
    </Frame>
  )
}

export function SelectField({
  label,
  hint,
  errors,
  id,
  required,
  options,
  placeholder,
  ...select
}: FieldFrame & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[]; placeholder?: string }) {
  return (
    <Frame label={label} hint={hint} errors={errors} id={id} required={required}>
      <select {...controlProps({ id, hint, errors, required })} {...select}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  )
}

/** A group of checkboxes sharing one name (clusters, majors …). */
export function CheckboxGroup({
  legend,
  name,
  options,
  selected,
  errors,
  id,
  hint,
}: {
  legend: ReactNode
  name: string
  options: { value: string; label: string }[]
  selected: string[]
  errors?: string[]
  id: string
  hint?: ReactNode
}) {
  return (
    <fieldset aria-describedby={describedBy(id, hint, errors)}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="mt-1 grid grid-cols-2 gap-x-3 gap-y-1 sm:grid-cols-3">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name={name}
              value={o.value}
              defaultChecked={selected.includes(o.value)}
              className="size-4 accent-brand-600"
            />
            {o.label}
          </label>
        ))}
      </div>
      <FieldNotes id={id} hint={hint} errors={errors} />
    </fieldset>
  )
}

export function CheckboxField({
  label,
  name,
  defaultChecked,
  id,
}: {
  label: ReactNode
  name: string
  defaultChecked?: boolean
  id: string
}) {
  return (
    <label htmlFor={id} className="flex items-center gap-2 text-sm text-slate-800">
      <input id={id} type="checkbox" name={name} defaultChecked={defaultChecked} className="size-4 accent-brand-600" />
      {label}
    </label>
  )
}

/** A labelled text input with its errors tied to it: the field most forms use. */
export const Field = TextField
