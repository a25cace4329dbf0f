import { Link } from '@remix-run/react'
import { ButtonLink } from '~/components/button'
import { useT, type MessageKey } from '~/lib/i18n'

export type StartEntryView =
  | { state: 'hidden' | 'signIn' | 'noOrganisation' | 'unverified' | 'suspended' }
  | { state: 'existing'; matchId: number; stage: string }
  | { state: 'can_start'; cta: MessageKey }

/**
 * The one place a visitor starts a cooperation: 发起合作 / 申请岗位 / 我能解决, the open match
 * they already have ("你已与对方在洽谈中"), or why not yet and where to fix it.
 */
export function MatchStart({
  entry,
  startHref,
  verifyHref,
  loginHref,
}: {
  entry: StartEntryView
  startHref: string
  verifyHref?: string
  loginHref: string
}) {
  const t = useT()
  switch (entry.state) {
    case 'hidden':
    case 'noOrganisation':
      return null
    case 'signIn':
      return (
        <ButtonLink to={loginHref} variant="secondary" className="w-full">
          {t('match.cta.signIn')}
        </ButtonLink>
      )
    case 'existing':
      return (
        <div className="rounded-md border border-brand-100 bg-brand-50 p-3 text-sm" data-testid="match-existing">
          <p className="font-medium text-brand-800">{t('match.cta.existing')}</p>
          <p className="mt-0.5 text-xs text-slate-700">
            {t('match.cta.existingStage', { stage: t(`stage.${entry.stage}` as MessageKey) })}
          </p>
          <Link to={`/matches/${entry.matchId}`} className="mt-2 inline-block font-medium text-brand-700 underline">
            {t('match.cta.open')} →
          </Link>
        </div>
      )
    case 'unverified':
      return (
        <div className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          <p>{t('match.cta.unverified')}</p>
          {verifyHref ? (
            <Link to={verifyHref} className="mt-1 inline-block font-medium underline">
              {t('match.cta.verify')} →
            </Link>
          ) : null}
        </div>
      )
    case 'suspended':
      return <p className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">{t('match.cta.suspended')}</p>
    case 'can_start':
      return (
        <ButtonLink to={startHref} className="w-full" data-testid="match-start">
          {t(entry.cta)}
        </ButtonLink>
      )
  }
}
