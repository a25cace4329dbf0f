import { Link } from '@remix-run/react'
import { formatNumber } from '~/lib/format'
import { useT } from '~/lib/i18n'

/** Which page numbers to show: the first, the last, and two either side of the current one. */
function pageWindow(page: number, totalPages: number) {
  const pages = new Set([1, totalPages])
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= totalPages) pages.add(p)
  const sorted = [...pages].sort((a, b) => a - b)
  const items: (number | 'gap')[] = []
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1]! > 1) items.push('gap')
    items.push(p)
  })
  return items
}

/** Plain links, so paging works without JavaScript and every page has its own URL. */
export function Pagination({ page, totalPages, hrefFor }: { page: number; totalPages: number; hrefFor: (page: number) => string }) {
  const t = useT()
  if (totalPages <= 1) return null
  const box = 'inline-flex min-w-9 items-center justify-center rounded-md border px-2.5 py-1.5 text-sm tabular-nums'
  const link = `${box} border-slate-300 bg-white text-slate-800 hover:border-brand-600 hover:text-brand-700`
  return (
    <nav aria-label={t('pagination.label')} className="mt-8">
      <ul className="flex flex-wrap items-center justify-center gap-1.5">
        <li>
          {page > 1 ? (
            <Link className={link} to={hrefFor(page - 1)} rel="prev">
              <span aria-hidden="true">‹ </span>
              {t('pagination.prev')}
            </Link>
          ) : null}
        </li>
        {pageWindow(page, totalPages).map((item, i) =>
          item === 'gap' ? (
            <li key={`gap-${i}`} aria-hidden="true" className="hidden px-1 text-slate-500 sm:list-item">
              …
            </li>
          ) : (
            <li key={item} className={item === page ? undefined : 'hidden sm:list-item'}>
              {item === page ? (
                <span aria-current="page" className={`${box} border-brand-600 bg-brand-600 font-semibold text-white`}>
                  <span className="sr-only">{t('pagination.goto', { page: item })}</span>
                  <span aria-hidden="true">{formatNumber(item, t.lang)}</span>
                </span>
              ) : (
                <Link className={link} to={hrefFor(item)} aria-label={t('pagination.goto', { page: item })}>
                  {formatNumber(item, t.lang)}
                </Link>
              )}
            </li>
          ),
        )}
        <li>
          {page < totalPages ? (
            <Link className={link} to={hrefFor(page + 1)} rel="next">
              {t('pagination.next')}
              <span aria-hidden="true"> ›</span>
            </Link>
          ) : null}
        </li>
      </ul>
      <p className="mt-2 text-center text-xs text-slate-500">
        {t('pagination.page', { page: formatNumber(page, t.lang), total: formatNumber(totalPages, t.lang) })}
      </p>
    </nav>
  )
}
