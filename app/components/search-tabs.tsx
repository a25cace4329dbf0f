import { Link } from '@remix-run/react'
import { useT } from '~/lib/i18n'

/** Listings or organisations, keeping the words typed. */
export function SearchTabs({ current, q }: { current: 'listings' | 'orgs'; q: string }) {
  const t = useT()
  const query = q ? `?q=${encodeURIComponent(q)}` : ''
  const tab = (active: boolean) =>
    `-mb-px border-b-2 px-4 py-2 text-sm ${active ? 'border-brand-600 font-semibold text-brand-700' : 'border-transparent text-slate-600 hover:text-slate-900'}`
  return (
    <nav aria-label={t('search.tabs')} className="flex gap-1 border-b border-slate-200">
      <Link to={`/search${query}`} className={tab(current === 'listings')} aria-current={current === 'listings' ? 'page' : undefined}>
        {t('search.tab.listings')}
      </Link>
      <Link to={`/orgs${query}`} className={tab(current === 'orgs')} aria-current={current === 'orgs' ? 'page' : undefined}>
        {t('search.tab.orgs')}
      </Link>
    </nav>
  )
}
