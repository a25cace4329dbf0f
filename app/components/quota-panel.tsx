import { Link } from '@remix-run/react'
import { useT, type MessageKey } from '~/lib/i18n'
import { Card, CardTitle } from './card'

type QuotaLine = {
  indicator: string
  threshold: number
  base: number | null
  required: number | null
  published: number
  missing: number | null
  met: boolean | null
}

const LABELS: Record<string, { name: MessageKey; base: MessageKey; type: string }> = {
  internship_post_ratio: { name: 'quota.internships', base: 'form.label.technicalPostCount', type: 'internship' },
  teacher_practice_ratio: { name: 'quota.teacherPractice', base: 'form.label.staffCount', type: 'teacher_practice' },
}

/** How far the enterprise is from its policy quotas this year (晋政办发〔2018〕38号 第十二条). */
export function QuotaPanel({ quota }: { quota: { year: number; lines: QuotaLine[] } }) {
  const t = useT()
  return (
    <Card>
      <CardTitle>{t('quota.title', { year: quota.year })}</CardTitle>
      <div className="grid gap-4 sm:grid-cols-2">
        {quota.lines.map((line) => {
          const label = LABELS[line.indicator]!
          const base = t(label.base)
          const share = line.required ? Math.min(1, line.published / line.required) : 0
          return (
            <div key={line.indicator} className="rounded-md border border-slate-200 p-3">
              <p className="text-sm font-medium">
                {t('quota.rule', { name: t(label.name), base, share: (line.threshold * 100).toLocaleString(t.lang) })}
              </p>
              {line.required === null ? (
                <p className="mt-1 text-sm text-slate-600">{t('quota.fillBase', { base })}</p>
              ) : (
                <>
                  <p className="mt-1 text-2xl font-bold tabular-nums">
                    {line.published} <span className="text-base font-normal text-slate-500">/ {line.required}</span>
                  </p>
                  <div
                    className="mt-2 h-2 rounded bg-slate-100"
                    role="progressbar"
                    aria-valuenow={Math.round(share * 100)}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-label={t(label.name)}
                  >
                    <div className={`h-2 rounded ${line.met ? 'bg-emerald-600' : 'bg-amber-500'}`} style={{ width: `${share * 100}%` }} />
                  </div>
                  <p className="mt-2 text-sm">
                    {line.met ? (
                      <span className="text-emerald-700">{t('quota.met', { base, n: line.base?.toLocaleString(t.lang) ?? '' })}</span>
                    ) : (
                      <>
                        {t('quota.missing', { missing: line.missing ?? 0, base, n: line.base?.toLocaleString(t.lang) ?? '' })}{' '}
                        <Link to={`/listings/new?type=${label.type}`} className="text-brand-700 underline">
                          {t('quota.publish')}
                        </Link>
                      </>
                    )}
                  </p>
                </>
              )}
            </div>
          )
        })}
      </div>
    </Card>
  )
}
