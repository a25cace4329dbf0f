import { Badge } from '~/components/badge'
import { useT } from '~/lib/i18n'
import type { MatchStage } from '../../db/reference'

const FORWARD: MatchStage[] = ['contact', 'negotiation', 'signed', 'in_progress', 'completed']
const TONE: Record<MatchStage, 'neutral' | 'blue' | 'brand' | 'amber' | 'green' | 'red'> = {
  contact: 'neutral',
  negotiation: 'blue',
  signed: 'blue',
  in_progress: 'amber',
  completed: 'green',
  terminated: 'red',
}

export function StageBadge({ stage }: { stage: MatchStage }) {
  const t = useT()
  return <Badge tone={TONE[stage]}>{t(`stage.${stage}`)}</Badge>
}

/** 意向 → 洽谈 → 签约 → 执行 → 完成 as steps; a terminated match shows where it stopped. */
export function StageSteps({ stage, reached }: { stage: MatchStage; reached: MatchStage[] }) {
  const t = useT()
  const last = stage === 'terminated' ? FORWARD.filter((s) => reached.includes(s)).at(-1) : stage
  const upTo = FORWARD.indexOf(last ?? 'contact')
  return (
    <ol className="flex flex-wrap items-center gap-x-1 gap-y-2 text-xs" aria-label={t('match.list.stage')}>
      {FORWARD.map((s, i) => (
        <li key={s} className="flex items-center gap-1" aria-current={s === stage ? 'step' : undefined}>
          <span
            className={`rounded-full px-2.5 py-1 font-medium ${i < upTo ? 'bg-brand-50 text-brand-700' : i === upTo ? (stage === 'terminated' ? 'bg-red-50 text-red-800' : 'bg-brand-600 text-white') : 'bg-slate-100 text-slate-600'}`}
          >
            {t(`stage.${s}`)}
          </span>
          {i < FORWARD.length - 1 ? (
            <span aria-hidden="true" className="text-slate-400">
              →
            </span>
          ) : null}
        </li>
      ))}
      {stage === 'terminated' ? (
        <li>
          <StageBadge stage="terminated" />
        </li>
      ) : null}
    </ol>
  )
}
