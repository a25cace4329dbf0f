import { useT, type MessageKey } from '~/lib/i18n'
import { endReasonKey, formatDateTime } from '~/lib/match-format'
import { OutcomeTable } from './outcome-table'

export type TimelineEvent = {
  id: number
  kind: string
  fromStage: string | null
  toStage: string | null
  body: string | null
  data: Record<string, unknown> | null
  attachmentId: number | null
  proposalId: number | null
  organisationId: number | null
  userName: string | null
  createdAt: string
}

/** Messages, stage changes, proposals and confirmations in one column, oldest first. */
export function MatchTimeline({
  events,
  orgNames,
  mineId,
  type,
  proposals,
}: {
  events: TimelineEvent[]
  orgNames: Record<number, string>
  mineId: number
  type: string
  proposals: Record<number, Record<string, unknown> | null>
}) {
  const t = useT()
  return (
    <ol className="space-y-3">
      {events.map((e, i) => {
        const org = (e.organisationId && orgNames[e.organisationId]) || t('common.system')
        const mine = e.organisationId === mineId
        const kindLabel = e.data?.kind ? t(`match.proposal.${e.data.kind as 'sign' | 'complete'}`) : ''
        const when = (
          <time dateTime={new Date(e.createdAt).toISOString()} className="text-xs text-slate-500 tabular-nums">
            {formatDateTime(e.createdAt, t.lang)}
          </time>
        )
        if (e.kind === 'message' || e.kind === 'note')
          return (
            <li key={e.id} className={`flex ${mine ? 'justify-end' : 'justify-start'}`} data-kind={e.kind}>
              <div
                className={`max-w-[85%] rounded-lg border px-3 py-2 ${mine ? 'border-brand-100 bg-brand-50' : 'border-slate-200 bg-white'}`}
              >
                <p className="text-xs text-slate-600">
                  <span className="font-medium text-slate-800">{org}</span>
                  {e.userName ? ` · ${e.userName}` : ''} · {when}
                </p>
                {e.kind === 'note' ? <p className="mt-0.5 text-xs text-slate-500">{t('match.event.note', { org: '' })}</p> : null}
                <p className="mt-1 text-sm break-words whitespace-pre-line text-slate-900">{e.body}</p>
              </div>
            </li>
          )
        let text = ''
        let tone = 'border-slate-200 bg-slate-50'
        if (e.kind === 'stage_change') {
          const reason = endReasonKey(e.data?.reason as string | undefined)
          if (e.toStage === 'terminated' && reason)
            text = t(String(e.data?.reason).startsWith('declined_') ? 'match.event.decline' : 'match.event.end', { org, reason: t(reason) })
          else if (!e.fromStage)
            text = i === 0 ? t('match.event.created', { org }) : t('match.event.stageFirst', { to: t(`stage.${e.toStage}` as MessageKey) })
          else
            text = t('match.event.stage', { org, from: t(`stage.${e.fromStage}` as MessageKey), to: t(`stage.${e.toStage}` as MessageKey) })
          tone = e.toStage === 'terminated' ? 'border-red-200 bg-red-50' : 'border-sky-200 bg-sky-50'
        } else if (e.kind === 'proposal') text = t('match.event.proposal', { org, kind: kindLabel })
        else if (e.kind === 'confirmation') {
          text = t('match.event.confirmation', { org, kind: kindLabel })
          tone = 'border-emerald-200 bg-emerald-50'
        } else if (e.kind === 'dispute') {
          text = t('match.event.dispute', { org, kind: kindLabel, reason: e.body ?? '' })
          tone = 'border-amber-200 bg-amber-50'
        } else if (e.kind === 'withdrawal') text = t('match.event.withdrawal', { org, kind: kindLabel })
        else if (e.kind === 'attachment') text = t('match.event.attachment', { org })
        const outcome = e.kind === 'proposal' && e.proposalId ? proposals[e.proposalId] : null
        const warnings = (e.data?.warnings as { key: MessageKey; vars?: Record<string, number> }[] | undefined) ?? []
        return (
          <li key={e.id} className={`rounded-md border px-3 py-2 text-sm ${tone}`} data-kind={e.kind}>
            <p className="flex flex-wrap items-baseline justify-between gap-x-3">
              <span className="font-medium text-slate-900">{text}</span>
              {when}
            </p>
            {e.body && e.kind !== 'dispute' && e.kind !== 'attachment' ? (
              <p className="mt-1 break-words whitespace-pre-line text-slate-700">{e.body}</p>
            ) : null}
            {e.attachmentId ? (
              <a
                href={`/matches/files/${e.attachmentId}`}
                className="mt-1 inline-block break-all text-brand-700 underline"
                target="_blank"
                rel="noreferrer"
              >
                {e.kind === 'attachment' ? e.body : t('match.page.agreement')}
              </a>
            ) : null}
            {outcome ? (
              <div className="mt-2">
                <OutcomeTable type={type} outcome={outcome} />
              </div>
            ) : null}
            {warnings.length ? (
              <ul className="mt-2 list-disc pl-5 text-xs text-amber-900">
                {warnings.map((w) => (
                  <li key={w.key}>{t(w.key, w.vars)}</li>
                ))}
              </ul>
            ) : null}
          </li>
        )
      })}
    </ol>
  )
}
