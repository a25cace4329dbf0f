import { asc, eq, or } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { db } from '~/db.server'
import { taxonomyLabel, translate, type Language, type MessageKey } from '~/lib/i18n'
import { endReasonKey } from '~/lib/match-format'
import { worksheetName } from '~/lib/xlsx-response'
import { OUTCOME_SUMS, type OutcomeByType } from '../../../db/reference'
import { listings, matches, organisations } from '~/db.server'
import { isMemberOf, type Actor } from '../actor'
import { DomainError } from '../errors.server'
import { OUTCOME_FIELDS, type OutcomeType } from './outcomes'

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '')

/**
 * An organisation's matches as XLSX: one sheet of all matches, then one sheet per cooperation type
 * with its outcome columns (keys of db/reference/outcomes.ts), dates in ISO as exports should be.
 */
export async function buildMatchesExport({ actor, organisationId, lang }: { actor: Actor; organisationId: number; lang: Language }) {
  if (!isMemberOf(actor, organisationId)) throw new DomainError('forbidden', 'domain.forbidden')
  const initiator = alias(organisations, 'initiator')
  const partner = alias(organisations, 'partner')
  const rows = await db
    .select({
      id: matches.id,
      type: matches.type,
      stage: matches.stage,
      outcome: matches.outcome,
      initiatorId: matches.initiatorOrganisationId,
      initiatorName: initiator.name,
      partnerName: partner.name,
      listingTitle: listings.title,
      createdAt: matches.createdAt,
      signedAt: matches.signedAt,
      completedAt: matches.completedAt,
      lastActivityAt: matches.lastActivityAt,
      endReason: matches.endReason,
      endNote: matches.endNote,
    })
    .from(matches)
    .innerJoin(initiator, eq(initiator.id, matches.initiatorOrganisationId))
    .innerJoin(partner, eq(partner.id, matches.partnerOrganisationId))
    .leftJoin(listings, eq(listings.id, matches.listingId))
    .where(or(eq(matches.initiatorOrganisationId, organisationId), eq(matches.partnerOrganisationId, organisationId)))
    .orderBy(asc(matches.id))
  const tr = (key: MessageKey) => translate(lang, key)
  // Loaded on the first export, not in every serving process (ExcelJS with JSZip: ~9 MB of heap).
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  const base = [
    { header: tr('export.col.id'), key: 'id', width: 8 },
    { header: tr('export.col.counterpart'), key: 'counterpart', width: 32 },
    { header: tr('export.col.role'), key: 'role', width: 10 },
    { header: tr('export.col.type'), key: 'type', width: 14 },
    { header: tr('export.col.stage'), key: 'stage', width: 10 },
    { header: tr('export.col.listing'), key: 'listing', width: 40 },
    { header: tr('export.col.createdAt'), key: 'createdAt', width: 12 },
    { header: tr('export.col.signedAt'), key: 'signedAt', width: 12 },
    { header: tr('export.col.completedAt'), key: 'completedAt', width: 12 },
    { header: tr('export.col.lastActivity'), key: 'lastActivity', width: 12 },
    { header: tr('export.col.endReason'), key: 'endReason', width: 24 },
  ]
  const line = (r: (typeof rows)[number]) => {
    const weStarted = r.initiatorId === organisationId
    const reason = endReasonKey(r.endReason)
    return {
      id: r.id,
      counterpart: weStarted ? r.partnerName : r.initiatorName,
      role: tr(weStarted ? 'export.role.initiator' : 'export.role.partner'),
      type: taxonomyLabel.type(r.type, lang),
      stage: tr(`stage.${r.stage}` as MessageKey),
      listing: r.listingTitle ?? '',
      createdAt: iso(r.createdAt),
      signedAt: iso(r.signedAt),
      completedAt: iso(r.completedAt),
      lastActivity: iso(r.lastActivityAt),
      endReason: reason ? [tr(reason), r.endNote].filter(Boolean).join(tr('common.colon')) : '',
    }
  }
  const all = workbook.addWorksheet(worksheetName(tr('export.sheet.matches')))
  all.columns = base
  all.getRow(1).font = { bold: true }
  rows.forEach((r) => all.addRow(line(r)))

  for (const type of Object.keys(OUTCOME_SUMS) as OutcomeType[]) {
    const ofType = rows.filter((r) => r.type === type)
    if (!ofType.length) continue
    const spec = OUTCOME_FIELDS[type]
    const outcomeKeys: string[] = [...spec.numbers, ...spec.texts, ...spec.flags]
    const sheet = workbook.addWorksheet(worksheetName(taxonomyLabel.type(type, lang)))
    sheet.columns = [
      ...base,
      ...outcomeKeys.map((k) => ({ header: tr(`outcome.${k}` as MessageKey), key: `o_${k}`, width: 16 })),
      ...(type === 'tech_transfer'
        ? [{ header: tr('outcome.incomeByYear').replace('{year}', '').trim(), key: 'o_income', width: 24 }]
        : []),
    ]
    sheet.getRow(1).font = { bold: true }
    for (const r of ofType) {
      const o = r.outcome as Partial<OutcomeByType[typeof type]> & Record<string, unknown>
      const extra: Record<string, unknown> = {}
      for (const k of outcomeKeys) {
        const v = o[k]
        extra[`o_${k}`] =
          v === undefined
            ? ''
            : typeof v === 'boolean'
              ? tr(v ? 'common.yes' : 'common.no')
              : k === 'contractKind'
                ? tr(`contractKind.${v}` as MessageKey)
                : Array.isArray(v)
                  ? v.join(tr('common.listSeparator'))
                  : v
      }
      if (type === 'tech_transfer' && o.incomeByYear && typeof o.incomeByYear === 'object')
        extra.o_income = Object.entries(o.incomeByYear as Record<string, number>)
          .map(([y, n]) => `${y}: ${n}`)
          .join('; ')
      sheet.addRow({ ...line(r), ...extra })
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
