import { NavLink } from '@remix-run/react'

const LINKS = [
  ['/admin/verification', '认证审核'],
  ['/admin/gov-accounts', '政府账号'],
  ['/admin/audit', '审计日志'],
  ['/admin/mailbox', '开发邮箱'],
  ['/admin/reports', '举报处理'],
] as const

export function AdminNav() {
  return (
    <nav aria-label="平台管理" className="flex flex-wrap gap-1 border-b border-slate-200 pb-2">
      {LINKS.map(([to, label]) => (
        <NavLink
          key={to}
          to={to}
          className={({ isActive }) =>
            `rounded px-3 py-1.5 text-sm ${isActive ? 'bg-brand-50 font-medium text-brand-700' : 'text-slate-700 hover:bg-slate-100'}`
          }
        >
          {label}
        </NavLink>
      ))}
    </nav>
  )
}
