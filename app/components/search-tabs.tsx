import { Link } from '@remix-run/react'

/** Listings or organisations, keeping the words typed. */
export function SearchTabs({ current, q }: { current: 'listings' | 'orgs'; q: string }) {
  const query = q ? `?q=${encodeURIComponent(q)}` : ''
  const tab = (active: boolean) => `rounded-t-md px-4 py-2 text-sm ${active ? 'border-b-2 border-brand-600 font-semibold text-brand-700' : 'text-slate-600 hover:text-slate-900'}`
  return (
    <nav aria-label="搜索范围" className="flex gap-1 border-b border-slate-200">
      <Link to={`/search${query}`} className={tab(current === 'listings')} aria-current={current === 'listings' ? 'page' : undefined}>
        需求与供给
      </Link>
      <Link to={`/orgs${query}`} className={tab(current === 'orgs')} aria-current={current === 'orgs' ? 'page' : undefined}>
        机构
      </Link>
    </nav>
  )
}
