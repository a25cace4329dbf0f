import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { Badge } from '~/components/badge'
import { ButtonLink } from '~/components/button'
import { EmptyState } from '~/components/empty-state'
import { RouteErrorBoundary } from '~/components/error-page'
import { StageBadge } from '~/components/match-stage'
import { Pagination } from '~/components/pagination'
import { Select } from '~/components/select'
import { requireUser } from '~/domain/accounts/guards.server'
import { orRespond } from '~/domain/errors.server'
import { listCounterparts, listMatches, type MatchListTab } from '~/domain/matches/queries.server'
import { formatDate, formatNumber } from '~/lib/format'
import { getLanguage, langFromMatches, taxonomyLabel, translate, useT } from '~/lib/i18n'
import { MATCH_STAGES, taxonomy, type MatchStage } from '../../db/reference'

export const meta: MetaFunction = ({ matches }) => {
  const lang = langFromMatches(matches)
  return [{ title: `${translate(lang, 'match.list.title')} · ${translate(lang, 'app.brand')}` }]
}

const TABS: MatchListTab[] = ['all', 'open', 'awaiting', 'stale']
const PERIODS = ['30', '90', '365'] as const

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request)
  const organisationId = actor.activeOrganisationId
  if (!organisationId) throw redirect('/account')
  const params = new URL(request.url).searchParams
  const tab = (TABS as string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as MatchListTab) : 'all'
  const stage = (MATCH_STAGES as readonly string[]).includes(params.get('stage') ?? '') ? (params.get('stage') as MatchStage) : null
  const type = taxonomy.cooperation_types.some((c) => c.code === params.get('type')) ? params.get('type') : null
  const period = (PERIODS as readonly string[]).includes(params.get('period') ?? '') ? Number(params.get('period')) : null
  const counterpartId = Number(params.get('counterpart')) || null
  const page = Math.min(10_000, Math.max(1, Number(params.get('page')) || 1))
  const q = (params.get('q') ?? '').slice(0, 100)
  return orRespond(getLanguage(request), async () => {
    const [list, counterparts] = await Promise.all([
      listMatches({ actor, organisationId, filters: { tab, stage, type, periodDays: period, counterpartId, q, page } }),
      listCounterparts({ actor, organisationId }),
    ])
    return { list, counterparts, tab }
  })
}

export default function MatchList() {
  const { list, counterparts, tab } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const t = useT()
  const hrefWith = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params)
    for (const [k, v] of Object.entries(changes))
      if (v === null) next.delete(k)
      else next.set(k, v)
    return `?${next.toString()}`
  }
  const totalPages = Math.ceil(list.total / list.pageSize)
  const exportHref = `/matches/export`
  return (
    <div className="space-y-5">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">{t('match.list.title')}</h1>
          <p className="mt-1 text-sm text-slate-600">{t('match.list.hint')}</p>
        </div>
        <ButtonLink to={exportHref} variant="secondary" reloadDocument>
          {t('match.list.export')}
        </ButtonLink>
      </header>

      <nav aria-label={t('match.list.title')} className="-mx-1 flex gap-1 overflow-x-auto pb-1">
        {TABS.map((key) => (
          <Link
            key={key}
            to={hrefWith({ tab: key === 'all' ? null : key, page: null })}
            aria-current={tab === key ? 'page' : undefined}
            className={`shrink-0 rounded-full border px-3 py-1.5 text-sm whitespace-nowrap ${tab === key ? 'border-brand-600 bg-brand-600 text-white' : 'border-slate-300 bg-white text-slate-700 hover:border-brand-600'}`}
          >
            {t(`match.list.${key}`)} <span className="tabular-nums">{formatNumber(list.tabs[key], t.lang)}</span>
          </Link>
        ))}
      </nav>

      <Form
        method="get"
        className="grid gap-2 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-[1fr_auto_auto_auto_auto_auto]"
      >
        {tab !== 'all' ? <input type="hidden" name="tab" value={tab} /> : null}
        <label htmlFor="match-q" className="sr-only">
          {t('match.list.search')}
        </label>
        <input
          id="match-q"
          name="q"
          type="search"
          defaultValue={params.get('q') ?? ''}
          placeholder={t('match.list.search')}
          className="rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <Select
          id="match-type"
          name="type"
          label={t('match.list.type')}
          hideLabel
          defaultValue={params.get('type') ?? ''}
          options={[
            { value: '', label: `${t('match.list.type')}${t('common.colon')}${t('match.list.all')}` },
            ...taxonomy.cooperation_types.map((c) => ({ value: c.code, label: taxonomyLabel.type(c.code, t.lang) })),
          ]}
        />
        <Select
          id="match-stage"
          name="stage"
          label={t('match.list.stage')}
          hideLabel
          defaultValue={params.get('stage') ?? ''}
          options={[
            { value: '', label: `${t('match.list.stage')}${t('common.colon')}${t('match.list.all')}` },
            ...MATCH_STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) })),
          ]}
        />
        <Select
          id="match-counterpart"
          name="counterpart"
          label={t('match.list.counterpart')}
          hideLabel
          className="min-w-0"
          defaultValue={params.get('counterpart') ?? ''}
          options={[
            { value: '', label: `${t('match.list.counterpart')}${t('common.colon')}${t('match.list.all')}` },
            ...counterparts.map((c) => ({ value: String(c.id), label: c.name })),
          ]}
        />
        <Select
          id="match-period"
          name="period"
          label={t('match.list.period')}
          hideLabel
          defaultValue={params.get('period') ?? ''}
          options={[
            { value: '', label: `${t('match.list.period')}${t('common.colon')}${t('match.list.period.any')}` },
            ...PERIODS.map((p) => ({ value: p, label: t(`match.list.period.${p}`) })),
          ]}
        />
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          {t('match.list.filter')}
        </button>
      </Form>

      <p className="text-sm text-slate-600" aria-live="polite">
        {t('match.list.count', { n: formatNumber(list.total, t.lang) })}
      </p>

      {list.items.length === 0 ? (
        <EmptyState title={t('match.list.empty')}>{t('match.list.emptyHint')}</EmptyState>
      ) : (
        <>
          {/* Phones: cards. */}
          <ul className="space-y-3 md:hidden" data-testid="match-cards">
            {list.items.map((m) => (
              <li key={m.id}>
                <Link to={`/matches/${m.id}`} className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-600">
                  <div className="flex flex-wrap items-center gap-1.5">
                    <StageBadge stage={m.stage} />
                    <Badge>{taxonomyLabel.type(m.type, t.lang)}</Badge>
                    {m.awaitingMe ? <Badge tone="amber">{t('match.list.awaitingBadge')}</Badge> : null}
                    {m.stale ? <Badge tone="red">{t('match.list.staleBadge')}</Badge> : null}
                  </div>
                  <p className="mt-2 font-medium break-words text-slate-900">{m.counterpartName}</p>
                  {m.listingTitle ? <p className="mt-0.5 line-clamp-2 text-sm break-words text-slate-700">{m.listingTitle}</p> : null}
                  <p className="mt-2 text-xs text-slate-500">
                    {m.initiatedByUs ? t('match.list.startedByUs') : t('match.list.startedByThem')} · {t('match.list.lastActivity')}{' '}
                    {formatDate(m.lastActivityAt, t.lang)}
                  </p>
                </Link>
              </li>
            ))}
          </ul>
          {/* Wider screens: a table. */}
          <div className="hidden overflow-hidden rounded-lg border border-slate-200 bg-white md:block">
            <table className="w-full text-left text-sm">
              <thead className="bg-slate-50 text-xs text-slate-600">
                <tr>
                  {(['match.list.counterpart', 'match.page.listing', 'match.list.type', 'match.list.stage'] as const).map((key) => (
                    <th key={key} scope="col" className="px-3 py-2 font-medium">
                      {t(key)}
                    </th>
                  ))}
                  <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                    {t('match.list.lastActivity')}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {list.items.map((m) => (
                  <tr key={m.id} className="align-top hover:bg-slate-50">
                    <td className="px-3 py-2">
                      <Link to={`/matches/${m.id}`} className="font-medium text-brand-700 hover:underline">
                        {m.counterpartName}
                      </Link>
                      <span className="block text-xs text-slate-500">
                        {m.initiatedByUs ? t('match.list.startedByUs') : t('match.list.startedByThem')}
                      </span>
                    </td>
                    <td className="max-w-xs px-3 py-2 break-words text-slate-700">{m.listingTitle ?? '—'}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{taxonomyLabel.type(m.type, t.lang)}</td>
                    <td className="px-3 py-2">
                      <div className="flex flex-wrap gap-1">
                        <StageBadge stage={m.stage} />
                        {m.awaitingMe ? <Badge tone="amber">{t('match.list.awaitingBadge')}</Badge> : null}
                        {m.waitingThem ? <Badge tone="blue">{t('match.list.waitingThem')}</Badge> : null}
                        {m.stale ? <Badge tone="red">{t('match.list.staleBadge')}</Badge> : null}
                      </div>
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap tabular-nums text-slate-600">{formatDate(m.lastActivityAt, t.lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={list.page} totalPages={totalPages} hrefFor={(p) => hrefWith({ page: p === 1 ? null : String(p) })} />
        </>
      )}
    </div>
  )
}

export const ErrorBoundary = RouteErrorBoundary
