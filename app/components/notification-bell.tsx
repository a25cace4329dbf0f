import { NavLink } from '@remix-run/react'
import { formatNumber } from '~/lib/format'
import { useT } from '~/lib/i18n'

/** A bell drawn as SVG: an emoji bell shows as an empty box where no emoji font is installed. */
export function BellIcon({ className }: { className: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className={className} fill="none" stroke="currentColor" strokeWidth="1.8">
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M10.3 20a1.9 1.9 0 0 0 3.4 0" strokeLinecap="round" />
    </svg>
  )
}

/** The header bell: a link to the notification list with the unread count. */
export function NotificationBell({ unread }: { unread: number }) {
  const t = useT()
  const label = unread ? `${t('notify.bell')} · ${t('notify.unread', { n: unread })}` : t('notify.bell')
  return (
    <NavLink
      to="/notifications"
      aria-label={label}
      title={label}
      data-testid="bell"
      className={({ isActive }) =>
        `relative inline-flex shrink-0 items-center rounded-md px-2.5 py-1.5 text-sm ${isActive ? 'bg-brand-50 text-brand-700' : 'text-slate-700 hover:bg-slate-100'}`
      }
    >
      <BellIcon className="size-5" />
      {unread ? (
        <span
          className="ml-0.5 min-w-5 rounded-full bg-red-700 px-1.5 text-center text-xs leading-5 font-semibold text-white tabular-nums"
          data-testid="bell-count"
        >
          {unread > 99 ? '99+' : formatNumber(unread, t.lang)}
        </span>
      ) : null}
    </NavLink>
  )
}
