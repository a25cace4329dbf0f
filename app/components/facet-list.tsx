import type { ChangeEventHandler } from 'react'
import { formatCount } from '~/lib/format'
import { useT } from '~/lib/i18n'

export type FacetOption = { value: string; label: string; count: number; checked: boolean }

/**
 * One checkbox group of the search form, each option with how many results it would give.
 * The checkboxes belong to the surrounding GET form, so filtering works without JavaScript.
 * Options with no results are hidden unless already chosen (so they can be unticked).
 */
export function FacetList({
  legend,
  name,
  options,
  onChange,
  labelLang,
}: {
  legend: string
  /** The options' language when it is fixed, e.g. majors, which the catalogues name only in Chinese. */
  labelLang?: string
  name: string
  options: FacetOption[]
  onChange?: ChangeEventHandler<HTMLInputElement>
}) {
  const t = useT()
  const shown = options.filter((o) => o.checked || o.count > 0)
  if (shown.length === 0) return null
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-semibold text-slate-900">{legend}</legend>
      <ul className="space-y-0.5">
        {shown.map((o) => {
          const id = `facet-${name}-${o.value}`
          return (
            <li key={o.value}>
              <label
                htmlFor={id}
                className="flex cursor-pointer items-start gap-2 rounded px-1 py-1 text-sm text-slate-800 hover:bg-slate-50"
              >
                <input
                  id={id}
                  type="checkbox"
                  name={name}
                  value={o.value}
                  defaultChecked={o.checked}
                  onChange={onChange}
                  className="mt-0.5 size-4 shrink-0 accent-brand-600"
                />
                <span className="min-w-0 flex-1 break-words" lang={labelLang}>
                  {o.label}
                </span>
                <span className="shrink-0 pt-0.5 text-xs text-slate-600 tabular-nums">
                  {t('search.facet.count', { n: formatCount(o.count, t.lang) })}
                </span>
              </label>
            </li>
          )
        })}
      </ul>
    </fieldset>
  )
}
