import type { ReactNode } from 'react'

const TONES = {
  neutral: 'bg-slate-100 text-slate-700',
  brand: 'bg-brand-50 text-brand-700',
  green: 'bg-emerald-50 text-emerald-800',
  amber: 'bg-amber-50 text-amber-800',
  red: 'bg-red-50 text-red-800',
  blue: 'bg-sky-50 text-sky-800',
} as const

export function Badge({ tone = 'neutral', children }: { tone?: keyof typeof TONES; children: ReactNode }) {
  return (
    <span className={`inline-flex max-w-full items-center rounded px-1.5 py-0.5 text-xs font-medium break-words ${TONES[tone]}`}>
      {children}
    </span>
  )
}
