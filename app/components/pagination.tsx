import { Link } from '@remix-run/react'
import { useT } from '~/lib/i18n'

/** Plain links, so paging works without JavaScript and every page has its own URL. */
export function Pagination({ page, totalPages, hrefFor }: { page: number; totalPages: number; hrefFor: (page: number) => string }) {
  const t = useT()
  if (totalPages <= 1) return null
  const link = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50'
  return (
    <nav aria-label="pagination" className="mt-6 flex items-center justify-center gap-3">
      {page > 1 ? (
        <Link className={link} to={hrefFor(page - 1)} rel="prev">
          {t('pagination.prev')}
        </Link>
      ) : null}
      <span className="text-sm text-slate-600">{t('pagination.page', { page, total: totalPages })}</span>
      {page < totalPages ? (
        <Link className={link} to={hrefFor(page + 1)} rel="next">
          {t('pagination.next')}
        </Link>
      ) : null}
    </nav>
  )
}
