import { Link } from '@remix-run/react'
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

const LABELS: Record<string, { name: string; base: string; type: string }> = {
  internship_post_ratio: { name: '学生实习岗位', base: '技术岗位数', type: 'internship' },
  teacher_practice_ratio: { name: '教师企业实践岗位', base: '在职员工数', type: 'teacher_practice' },
}

/** How far the enterprise is from its policy quotas this year (晋政办发〔2018〕38号 第十二条). */
export function QuotaPanel({ quota }: { quota: { year: number; lines: QuotaLine[] } }) {
  return (
    <Card>
      <CardTitle>{quota.year} 年产教融合指标</CardTitle>
      <div className="grid gap-4 sm:grid-cols-2">
        {quota.lines.map((line) => {
          const label = LABELS[line.indicator]!
          const share = line.required ? Math.min(1, line.published / line.required) : 0
          return (
            <div key={line.indicator} className="rounded-md border border-slate-200 p-3">
              <p className="text-sm font-medium">
                {label.name} ≥ {label.base}的 {(line.threshold * 100).toLocaleString('zh-CN')}%
              </p>
              {line.required === null ? (
                <p className="mt-1 text-sm text-slate-600">请在机构资料中填写{label.base}。</p>
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
                    aria-label={label.name}
                  >
                    <div className={`h-2 rounded ${line.met ? 'bg-emerald-600' : 'bg-amber-500'}`} style={{ width: `${share * 100}%` }} />
                  </div>
                  <p className="mt-2 text-sm">
                    {line.met ? (
                      <span className="text-emerald-700">
                        已达标（{label.base} {line.base?.toLocaleString('zh-CN')}）
                      </span>
                    ) : (
                      <>
                        还差 <strong>{line.missing}</strong> 个岗位达标（{label.base} {line.base?.toLocaleString('zh-CN')}）。{' '}
                        <Link to={`/listings/new?type=${label.type}`} className="text-brand-700 underline">
                          去发布
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
