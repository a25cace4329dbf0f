import { Form } from '@remix-run/react'
import { useT } from '~/lib/i18n'

const STYLES = {
  header: {
    input: 'min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm placeholder:text-slate-500',
    button: 'shrink-0 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700',
  },
  hero: {
    input:
      'min-w-0 flex-1 rounded-md border-0 bg-white px-4 py-3 text-base text-slate-900 placeholder:text-slate-500 focus-visible:outline-white',
    button: 'rounded-md bg-white px-6 py-3 text-base font-semibold text-brand-700 hover:bg-brand-50 focus-visible:outline-white',
  },
} as const

/** A plain GET form to /search: works before JavaScript, and the same everywhere it appears. */
export function SearchBox({ id, variant, className }: { id: string; variant: keyof typeof STYLES; className: string }) {
  const t = useT()
  return (
    <Form method="get" action="/search" role="search" className={className}>
      <label htmlFor={id} className="sr-only">
        {t('search.label')}
      </label>
      <input
        id={id}
        name="q"
        type="search"
        maxLength={200}
        // A short hint: a longer one with examples was cut in half on phones (the home page lists examples below its box).
        placeholder={t('search.placeholderShort')}
        className={STYLES[variant].input}
      />
      <button type="submit" className={STYLES[variant].button}>
        {t('search.button')}
      </button>
    </Form>
  )
}
