import type { ReactNode } from 'react'

export type GovColumn = { label: ReactNode; numeric?: boolean; key?: string }

/**
 * The dashboard's tables: scrolls sideways on a phone, small grey headings, `data-table` for tests and
 * exports to find them. Rows are the caller's; `divided` draws a rule between them.
 */
export function GovTable({
  name,
  columns,
  minWidth,
  divided = true,
  align,
  children,
}: {
  name: string
  columns: GovColumn[]
  minWidth: string
  divided?: boolean
  align?: 'top'
  children: ReactNode
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" style={{ minWidth }} data-table={name}>
        <thead className="text-left text-xs text-slate-500">
          <tr>
            {columns.map((c, i) => (
              <th key={c.key ?? i} className={`font-medium ${i === 0 ? 'py-1.5' : ''} ${c.numeric ? 'text-right' : ''}`.trim()}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={`${divided ? 'divide-y divide-slate-100' : ''} ${align === 'top' ? 'align-top' : ''}`.trim() || undefined}>
          {children}
        </tbody>
      </table>
    </div>
  )
}
