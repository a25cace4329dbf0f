import { useT } from '~/lib/i18n'
import { Badge } from './badge'

const TONE = { verified: 'green', pending: 'amber', unverified: 'neutral', rejected: 'red' } as const

export function VerificationBadge({ state }: { state: keyof typeof TONE }) {
  const t = useT()
  return (
    <Badge tone={TONE[state]}>
      {state === 'verified' ? '✓ ' : ''}
      {t(`org.${state}`)}
    </Badge>
  )
}
