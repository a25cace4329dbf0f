import type { ReactNode } from 'react'

export function AuthCard({ title, children, wide = false }: { title: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={`mx-auto ${wide ? 'max-w-3xl' : 'max-w-md'} rounded-lg border border-slate-200 bg-white p-5 sm:p-8`}>
      <h1 className="mb-5 text-xl font-bold">{title}</h1>
      {children}
    </div>
  )
}
