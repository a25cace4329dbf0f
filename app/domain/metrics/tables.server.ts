import { taxonomy } from '../../../db/reference'
import { translate, type Language, type MessageKey } from '~/lib/i18n'
import { cityLabel, regionLabel } from '~/lib/gov-labels'
import { DomainError } from '../errors.server'
import { getQuotaCompliance, parseComplianceYear } from './compliance.server'
import { getCoverage } from './coverage.server'
import { getFunnel } from './funnel.server'
import type { GovQuery } from './gov-query.server'
import { getOverview } from './overview.server'
import { parseFigureRef, streamRecords } from './records.server'
import { getTargets } from './targets.server'
import { getTrends } from './trends.server'

export const EXPORT_TABLES = ['overview', 'funnel', 'quota', 'coverage', 'targets', 'trends', 'records'] as const
export type ExportTable = (typeof EXPORT_TABLES)[number]
export type Cell = string | number | null
export type FlatTable = { name: ExportTable; title: string; columns: string[]; rows: Cell[][] }
/** A table for a file: the records table's rows come from the database as the file is written, never all at once. */
export type ExportableTable = Omit<FlatTable, 'rows'> & { rows: Cell[][] | AsyncIterable<Cell[]> }

const typeName = (code: string, lang: Language) => {
  const t = taxonomy.cooperation_types.find((c) => c.code === code)
  return t ? (lang === 'en' ? t.en : t.name) : code
}
const clusterName = (code: string, lang: Language) => {
  const c = taxonomy.clusters.find((x) => x.code === code)
  return c ? (lang === 'en' ? c.en : c.name) : code
}

/**
 * A dashboard table as plain rows for XLSX, CSV and the API: the same domain figures as the page, so an
 * export reproduces what is on screen.
 */
export async function buildTable(q: GovQuery, table: string, search: URLSearchParams, lang: Language): Promise<ExportableTable> {
  const tr = (key: string, vars?: Record<string, string | number>) => translate(lang, key as MessageKey, vars)
  switch (table) {
    case 'overview': {
      const o = await getOverview(q)
      const rows: Cell[][] = [[tr('gov.orgs.active'), '', o.organisations.current, o.organisations.previous]]
      for (const f of o.listings)
        rows.push([
          tr('gov.section.listings'),
          `${typeName(f.type!, lang)} · ${tr(`gov.direction.${f.ref.direction}`)}`,
          f.current,
          f.previous,
        ])
      for (const f of o.stages) rows.push([tr('gov.section.stages'), tr(f.label), f.current, f.previous])
      for (const f of o.outcomes) rows.push([tr('gov.section.outcomes'), tr(f.label), f.current, f.previous])
      return {
        name: 'overview',
        title: tr('gov.tab.overview'),
        columns: [tr('gov.col.figure'), '', tr('gov.col.current'), tr('gov.col.previous')],
        rows,
      }
    }
    case 'funnel': {
      const funnel = await getFunnel(q)
      return {
        name: 'funnel',
        title: tr('gov.tab.funnel'),
        columns: [tr('gov.col.type'), tr('gov.funnel.step'), tr('gov.funnel.count'), tr('gov.funnel.conversion'), tr('gov.funnel.median')],
        rows: funnel.flatMap((f) =>
          f.steps.map((s) => [
            typeName(f.type, lang),
            tr(`gov.stage.${s.step}`),
            s.count,
            s.conversion === null ? null : Math.round(s.conversion * 1000) / 1000,
            s.medianDays,
          ]),
        ),
      }
    }
    case 'quota': {
      const year = parseComplianceYear(search.get('year') ?? undefined)
      const c = await getQuotaCompliance(q, {
        year,
        size: search.get('size'),
        sort: search.get('sort'),
        desc: search.has('dir') ? search.get('dir') === 'desc' : undefined,
      })
      const rows: Cell[][] = c.rows.map((r) => [
        r.name,
        cityLabel(r.cityCode, lang),
        r.size ? tr(`gov.size.${r.size}`) : null,
        r.staffCount,
        r.technicalPostCount,
        r.internship.posts,
        r.internship.required,
        r.internship.missing,
        r.teacher.posts,
        r.teacher.required,
        r.teacher.missing,
      ])
      rows.push([tr('gov.col.total'), null, null, null, null, null, null, c.totals.internshipMissing, null, null, c.totals.teacherMissing])
      return {
        name: 'quota',
        title: tr('gov.quota.title', { year }),
        columns: [
          tr('gov.quota.enterprise'),
          tr('gov.col.city'),
          tr('gov.filter.size'),
          tr('gov.quota.staff'),
          tr('gov.quota.techPosts'),
          `${tr('gov.tab.quota')}: ${tr('gov.quota.internship')}`,
          `${tr('gov.quota.internship')} (${tr('gov.targets.target')})`,
          `${tr('gov.quota.internship')} ${tr('gov.quota.missing')}`,
          tr('gov.quota.teacher'),
          `${tr('gov.quota.teacher')} (${tr('gov.targets.target')})`,
          `${tr('gov.quota.teacher')} ${tr('gov.quota.missing')}`,
        ],
        rows,
      }
    }
    case 'coverage': {
      const c = await getCoverage(q)
      const colName = (col: { kind: string; code: string }) =>
        col.kind === 'region' ? regionLabel(col.code, lang) : cityLabel(col.code, lang)
      return {
        name: 'coverage',
        title: tr('gov.coverage.title'),
        columns: [tr('gov.col.cluster'), ...c.columns.flatMap((col) => c.kinds.map((k) => `${colName(col)} · ${tr(`gov.platform.${k}`)}`))],
        rows: c.matrix.map((m) => [clusterName(m.cluster, lang), ...m.cells.flatMap((cell) => c.kinds.map((k) => cell[k]))]),
      }
    }
    case 'targets': {
      const targets = await getTargets(q)
      return {
        name: 'targets',
        title: tr('gov.targets.title'),
        columns: [
          tr('gov.targets.indicator'),
          tr('gov.targets.source'),
          tr('gov.targets.target'),
          tr('gov.targets.actual'),
          tr('gov.targets.progress'),
          tr('gov.targets.formula'),
        ],
        rows: targets.map((x) => [
          tr(`gov.indicator.${x.code}`),
          tr(`gov.indicatorSource.${x.code}`),
          x.threshold,
          x.actual,
          x.progress === null ? null : Math.round(x.progress * 1000) / 1000,
          tr(x.formulaKey, { ...(x.detail ?? {}), prev: (x.detail?.year ?? 0) - 1 }),
        ]),
      }
    }
    case 'trends': {
      const trends = await getTrends(q, { metric: search.get('metric') ?? undefined, group: search.get('group') ?? undefined })
      const name = (key: string) =>
        trends.group === 'total'
          ? tr('gov.col.total')
          : trends.group === 'region'
            ? regionLabel(key, lang)
            : trends.group === 'city'
              ? cityLabel(key, lang)
              : clusterName(key, lang)
      return {
        name: 'trends',
        title: `${tr('gov.trends.title')} · ${tr(`gov.trends.metric.${trends.metric}`)}`,
        columns: [tr('gov.col.month'), ...trends.series.map((s) => name(s.key))],
        rows: trends.months.map((m, i) => [m, ...trends.series.map((s) => s.values[i]!)]),
      }
    }
    case 'records': {
      const ref = parseFigureRef(search)
      const records = streamRecords(q, ref, { year: parseComplianceYear(search.get('year') ?? undefined) })
      // The last row is the count (and the sum), as the list's header shows them: counted while the rows go by.
      async function* rows(): AsyncGenerator<Cell[]> {
        let count = 0
        let total = 0
        for await (const batch of records.batches)
          for (const r of batch) {
            count++
            total += r.value ?? 0
            yield [
              r.id,
              r.title,
              r.organisation,
              cityLabel(r.cityCode, lang),
              r.type ? typeName(r.type, lang) : null,
              r.date,
              r.detail,
              r.value,
            ]
          }
        yield [tr('gov.col.total'), count, null, null, null, null, null, records.sums ? total : null]
      }
      return {
        name: 'records',
        title: tr('gov.records.title'),
        columns: [
          'ID',
          tr('gov.records.name'),
          tr('gov.records.organisation'),
          tr('gov.col.city'),
          tr('gov.col.type'),
          tr('gov.records.date'),
          tr('gov.records.detail'),
          tr('gov.records.value'),
        ],
        rows: rows(),
      }
    }
    default:
      throw new DomainError('invalid', 'gov.export.unknown', { field: 'table' })
  }
}
