import type { ReactNode } from 'react'

export type GovColumn = { label: ReactNode; numeric?: boolean; key?: string }

/**
 * The dashboard's tables: scrolls sideways on a phone, small grey headings, `data-table` for tests and
 * exports to find them. Rows are the caller's; `divided` draws a rule between them. `compact` is the
 * printed report's size: small type, no minimum width (A4 is the width); without `columns` there is no head row.
 */
export function GovTable({
  name,
  columns,
  minWidth,
  divided = true,
  align,
  compact = false,
  children,
}: {
  name: string
  columns?: GovColumn[]
  minWidth?: string
  divided?: boolean
  align?: 'top'
  compact?: boolean
  children: ReactNode
}) {
  return (
    <div className="overflow-x-auto">
      <table className={compact ? 'w-full text-xs' : 'w-full text-sm'} style={minWidth ? { minWidth } : undefined} data-table={name}>
        {columns ? (
          <thead className="text-left text-xs text-slate-500">
            <tr>
              {columns.map((c, i) => (
                <th
                  key={c.key ?? i}
                  className={`font-medium ${i === 0 && !compact ? 'py-1.5' : ''} ${c.numeric ? 'text-right' : ''}`
                    .replace(/\s+/g, ' ')
                    .trim()}
                >
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
        ) : null}
        <tbody className={`${divided ? 'divide-y divide-slate-100' : ''} ${align === 'top' ? 'align-top' : ''}`.trim() || undefined}>
          {children}
        </tbody>
      </table>
    </div>
  )
}
