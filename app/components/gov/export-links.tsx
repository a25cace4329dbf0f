import { govHref, type GovParams } from '~/lib/gov-params'
import { useT } from '~/lib/i18n'

/** XLSX and CSV of a table, with the same parameters as the page. */
export function ExportLinks({ table, params, extra = {} }: { table: string; params: GovParams; extra?: Record<string, string | null> }) {
  const t = useT()
  const href = (format: string) => govHref('/gov/export', params, { ...extra, table, format })
  return (
    <span className="flex gap-2 text-xs print:hidden">
      <a
        href={href('xlsx')}
        className="rounded border border-slate-300 px-2 py-1 text-slate-700 hover:bg-slate-50"
        data-export={`${table}.xlsx`}
        download
      >
        {t('gov.export.xlsx')}
      </a>
      <a
        href={href('csv')}
        className="rounded border border-slate-300 px-2 py-1 text-slate-700 hover:bg-slate-50"
        data-export={`${table}.csv`}
        download
      >
        {t('gov.export.csv')}
      </a>
    </span>
  )
}
