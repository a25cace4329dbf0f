import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { AllocationResult } from '~/components/allocation-result'
import { Badge } from '~/components/badge'
import { Button } from '~/components/button'
import { Card, CardTitle } from '~/components/card'
import { RouteErrorBoundary } from '~/components/error-page'
import { Notice } from '~/components/notice'
import { requireUser } from '~/domain/accounts/guards.server'
import { isDomainError, orRespond } from '~/domain/errors.server'
import { compareRuns, getAllocationRun, listAllocationRuns, publishAllocationRun } from '~/domain/matching/allocation.server'
import { formatDateRange } from '~/lib/format'
import { parseId } from '~/lib/http'
import { getLanguage, langFromMatches, translate, useT } from '~/lib/i18n'

export const meta: MetaFunction = ({ matches }) => {
  const lang = langFromMatches(matches)
  return [{ title: `${translate(lang, 'allocation.result')} · ${translate(lang, 'app.brand')}` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = parseId(params.id)
  const actor = await requireUser(request)
  const compareWith = new URL(request.url).searchParams.get('compare')
  return orRespond(getLanguage(request), async () => {
    const run = await getAllocationRun({ actor, id })
    const runs = (await listAllocationRuns({ actor })).filter((r) => r.id !== id)
    const otherId = compareWith && /^\d{1,9}$/.test(compareWith) ? Number(compareWith) : null
    const other = otherId ? await getAllocationRun({ actor, id: otherId }) : null
    return {
      run: { id: run.id, status: run.status, periodStart: run.periodStart, periodEnd: run.periodEnd, result: run.result, input: run.input },
      runs: runs.map((r) => ({ id: r.id, periodStart: r.periodStart, periodEnd: r.periodEnd })),
      comparison: other ? { otherId: other.id, ...compareRuns(run.result, other.result) } : null,
    }
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = parseId(params.id)
  const actor = await requireUser(request)
  const lang = getLanguage(request)
  try {
    const { created } = await publishAllocationRun({ actor, id })
    return Response.json({ ok: true, message: translate(lang, 'allocation.published', { n: created }) })
  } catch (error) {
    if (!isDomainError(error) || error.code === 'forbidden' || error.code === 'not_found')
      return orRespond(lang, () => Promise.reject(error))
    return Response.json({ ok: false, message: translate(lang, error.messageKey, error.vars) }, { status: error.status })
  }
}

export default function AllocationRunPage() {
  const { run, runs, comparison } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const t = useT()
  return (
    <div className="space-y-5">
      <header className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-bold">
          {t('allocation.title')} #{run.id}
        </h1>
        <Badge tone={run.status === 'published' ? 'green' : 'neutral'}>{t(`allocation.status.${run.status}`)}</Badge>
        <span className="text-sm text-slate-600 tabular-nums">{formatDateRange(run.periodStart, run.periodEnd, t.lang)}</span>
        <Link to="/allocations" className="ml-auto text-sm text-brand-700 underline">
          {t('allocation.back')}
        </Link>
      </header>
      {data?.message ? <Notice tone={data.ok ? 'success' : 'error'}>{data.message}</Notice> : null}
      {run.status === 'draft' ? (
        <Card>
          <Form method="post" className="flex flex-wrap items-center gap-3">
            <p className="text-sm text-slate-700">{t('allocation.publishConfirm')}</p>
            <Button type="submit" name="intent" value="publish">
              {t('allocation.publish')}
            </Button>
          </Form>
        </Card>
      ) : null}
      <AllocationResult view={run.result} />
      <Card>
        <CardTitle>{t('allocation.compareTitle')}</CardTitle>
        <Form method="get" className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col text-sm text-slate-800">
            {t('allocation.compareHint')}
            <select
              name="compare"
              defaultValue={comparison?.otherId ?? ''}
              className="mt-1 rounded border border-slate-300 px-2 py-1.5 text-sm"
            >
              {runs.map((r) => (
                <option key={r.id} value={r.id}>
                  #{r.id} {formatDateRange(r.periodStart, r.periodEnd, t.lang)}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" variant="secondary" disabled={!runs.length}>
            {t('allocation.compare')}
          </Button>
        </Form>
        {comparison ? (
          <div className="mt-3 space-y-2">
            <p className="text-sm">{t('allocation.diff.summary', { same: comparison.same, moved: comparison.moved })}</p>
            <div className="overflow-x-auto">
              <table className="w-full min-w-[28rem] text-sm">
                <thead>
                  <tr className="border-b border-slate-200 text-left text-xs text-slate-600">
                    <th className="px-2 py-1.5 font-medium">{t('allocation.col.request')}</th>
                    <th className="px-2 py-1.5 text-right font-medium">#{run.id}</th>
                    <th className="px-2 py-1.5 text-right font-medium">#{comparison.otherId}</th>
                    <th className="px-2 py-1.5 text-right font-medium">{t('allocation.diff.same')}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {comparison.rows.map((r) => (
                    <tr key={r.requestId}>
                      <td className="px-2 py-1.5">
                        {r.major} · {r.collegeName}
                      </td>
                      <td className="px-2 py-1.5 text-right tabular-nums">{r.assignedA}</td>
                      <td className="px-2 py-1.5 text-right tabular-nums">{r.assignedB}</td>
                      <td className="px-2 py-1.5 text-right tabular-nums">{r.same}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ) : null}
      </Card>
    </div>
  )
}

export const ErrorBoundary = RouteErrorBoundary
