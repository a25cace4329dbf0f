import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useT } from '~/lib/i18n'
import { AdminNav } from '~/components/admin-nav'
import { RouteErrorBoundary } from '~/components/error-page'
import { Notice } from '~/components/notice'
import { requirePlatformAdmin } from '~/domain/accounts/guards.server'
import { listRecentMail } from '~/domain/mail/mail.server'
import { alertsConfigured, mailLinksConfigured } from '~/domain/mail/link-origin.server'
import { getEnv } from '~/env.server'
import { formatDate } from '~/lib/format'

/** Without SMTP_URL nothing is sent: this page shows what would have been. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePlatformAdmin(request)
  return {
    mail: await listRecentMail({ actor }),
    smtp: Boolean(getEnv().SMTP_URL),
    linksOff: !mailLinksConfigured(),
    alertsOff: !alertsConfigured(),
  }
}

export default function Mailbox() {
  const { mail, smtp, linksOff, alertsOff } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <div className="space-y-4">
      <AdminNav />
      <h1 className="text-xl font-bold">{t('admin.nav.mailbox')}</h1>
      {linksOff ? <Notice tone="error">{t('security.mailLinksOffAdmin')}</Notice> : null}
      {alertsOff ? <Notice tone="error">{t('security.alertsOffAdmin')}</Notice> : null}
      <Notice tone="info">{t(smtp ? 'mailbox.smtp' : 'mailbox.noSmtp')}</Notice>
      <ul className="space-y-3">
        {mail.map((m) => (
          <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <p className="text-sm">
              <span className="font-medium">{m.subject}</span> → {m.to}
            </p>
            <p className="text-xs text-slate-500">
              {formatDate(m.createdAt, t.lang)} {m.sentAt ? t('mailbox.sent') : ''}
            </p>
            <pre className="mt-2 text-sm break-all whitespace-pre-wrap text-slate-800">{m.text}</pre>
          </li>
        ))}
      </ul>
    </div>
  )
}

export const ErrorBoundary = RouteErrorBoundary
