import { NavLink } from '@remix-run/react'
import { useT } from '~/lib/i18n'

const LINKS = [
  ['/admin/verification', 'admin.nav.verification'],
  ['/admin/gov-accounts', 'admin.govAccounts'],
  ['/admin/audit', 'admin.nav.audit'],
  ['/admin/mailbox', 'admin.nav.mailbox'],
  ['/admin/reports', 'admin.nav.reports'],
] as const

export function AdminNav() {
  const t = useT()
  return (
    <nav aria-label={t('nav.admin')} className="flex flex-wrap gap-1 border-b border-slate-200 pb-2">
      {LINKS.map(([to, label]) => (
        <NavLink
          key={to}
          to={to}
          className={({ isActive }) =>
            `rounded px-3 py-1.5 text-sm ${isActive ? 'bg-brand-50 font-medium text-brand-700' : 'text-slate-700 hover:bg-slate-100'}`
          }
        >
          {t(label)}
        </NavLink>
      ))}
    </nav>
  )
}
