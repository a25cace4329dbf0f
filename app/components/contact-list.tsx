import { mailtoHref, telHref } from '~/lib/contact-links'
import { useT } from '~/lib/i18n'

/** Name, phone and email, with the phone and email as tap-to-call and mail links. */
export function ContactList({ name, phone, email }: { name: string | null; phone: string | null; email: string | null }) {
  const t = useT()
  const tel = telHref(phone)
  const mailto = mailtoHref(email)
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      <dt className="text-slate-600">{t('listing.contactName')}</dt>
      <dd>{name ?? '—'}</dd>
      <dt className="text-slate-600">{t('listing.contactPhone')}</dt>
      <dd>
        {phone && tel ? (
          <a href={tel} className="text-brand-700 underline underline-offset-2" aria-label={t('visitors.contact.call', { phone })}>
            {phone}
          </a>
        ) : (
          (phone ?? '—')
        )}
      </dd>
      <dt className="text-slate-600">{t('listing.contactEmail')}</dt>
      <dd className="break-all">
        {email && mailto ? (
          <a href={mailto} className="text-brand-700 underline underline-offset-2" aria-label={t('visitors.contact.mail', { email })}>
            {email}
          </a>
        ) : (
          (email ?? '—')
        )}
      </dd>
    </dl>
  )
}
