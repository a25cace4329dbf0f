import type { SelectHTMLAttributes } from 'react'

export type SelectOption = { value: string; label: string }

/**
 * A compact labelled select for toolbars (sort order, filters). The label can be visually
 * hidden but is always there for screen readers. Form fields with errors use SelectField.
 */
export function Select({
  id,
  label,
  options,
  hideLabel = false,
  className = '',
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & { id: string; label: string; options: SelectOption[]; hideLabel?: boolean }) {
  return (
    <div className={`flex items-center gap-2 ${className}`}>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : 'text-sm whitespace-nowrap text-slate-700'}>
        {label}
      </label>
      <select
        id={id}
        className="rounded-md border border-slate-300 bg-white py-2 pr-8 pl-3 text-sm text-slate-900 focus:border-brand-600"
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}
