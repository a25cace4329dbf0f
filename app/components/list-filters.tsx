import { Form, Link } from '@remix-run/react'
import { formatNumber } from '~/lib/format'
import { useT } from '~/lib/i18n'
import { Button } from './button'

/** A GET search over the list on this page; `keep` carries the current filter through the search. */
export function ListSearch({
  id,
  label,
  defaultValue,
  keep,
}: {
  id: string
  label: string
  defaultValue: string
  keep?: { name: string; value: string } | null
}) {
  const t = useT()
  return (
    <Form method="get" className="flex flex-wrap gap-2" role="search">
      {keep ? <input type="hidden" name={keep.name} value={keep.value} /> : null}
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder={label}
        className="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-2 text-sm"
      />
      <Button type="submit" variant="secondary">
        {t('search.button')}
      </Button>
    </Form>
  )
}

export type FilterChip = { key: string; to: string; label: string; count: number; active: boolean }

const chipClass = (active: boolean) =>
  `inline-flex items-center gap-1 rounded-full border px-3 py-1 ${active ? 'border-brand-600 bg-brand-600 text-white' : 'border-slate-300 bg-white text-slate-800 hover:border-brand-600'}`

/** Filter links, each with its count; the current one is marked for screen readers too. */
export function FilterChips({ label, chips }: { label: string; chips: FilterChip[] }) {
  const t = useT()
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-2 text-sm">
        {chips.map((c) => (
          <li key={c.key}>
            <Link to={c.to} className={chipClass(c.active)} aria-current={c.active ? 'true' : undefined}>
              {c.label} <span className="font-semibold tabular-nums">{formatNumber(c.count, t.lang)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
