import { z } from 'zod'
import { cityByCode, clusterByCode, TRANSFER_MODES } from '../../../db/reference'
import { formMessage as m, label as l } from '../i18n/form-messages'
import type { MessageKey } from '../i18n'

/**
 * What a listing's author fills in: common fields plus one section per cooperation type.
 * Shared by the browser, the server and the bulk importer, so every path gives the same messages
 * (message keys, translated where they are shown).
 */

type Label = MessageKey

const text = (label: Label, min: number, max: number) =>
  z
    .string({ required_error: m('form.required', { label: l(label) }), invalid_type_error: m('form.required', { label: l(label) }) })
    .trim()
    .min(min, min <= 1 ? m('form.required', { label: l(label) }) : m('form.minChars', { label: l(label), min }))
    .max(max, m('form.maxChars', { label: l(label), max }))

const optionalText = (label: Label, max: number) =>
  z
    .string()
    .trim()
    .max(max, m('form.maxChars', { label: l(label), max }))
    .optional()
    .transform((v) => (v ? v : undefined))

const int = (label: Label, min: number, max: number) =>
  z.coerce
    .number({ required_error: m('form.required', { label: l(label) }), invalid_type_error: m('form.number', { label: l(label) }) })
    .int(m('form.integer', { label: l(label) }))
    .min(min, min === 0 ? m('form.nonNegative', { label: l(label) }) : m('form.atLeast', { label: l(label), min }))
    .max(max, m('form.atMost', { label: l(label), max }))

const amount = (label: Label, max: number) =>
  z.coerce
    .number({ invalid_type_error: m('form.number', { label: l(label) }) })
    .min(0, m('form.nonNegative', { label: l(label) }))
    .max(max, m('form.atMost', { label: l(label), max }))

/** Checkboxes arrive as "on" (or not at all); imports say 是/否. */
const YES = new Set(['on', 'true', '是', '1', 'yes', 'y']) // cjk-ok: the importer's yes
const yesNo = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || (typeof v === 'string' && YES.has(v.trim().toLowerCase())))

/** A list typed with 、 or commas between items, or sent as repeated fields. */
const list = (label: Label, { min = 0, max = 20, itemMax = 40 } = {}) =>
  z
    .union([z.array(z.string()), z.string()])
    .optional()
    .transform((v) => (Array.isArray(v) ? v : (v ?? '').split(/[,，、;；\n]+/)).map((s) => s.trim()).filter(Boolean))
    .pipe(
      z
        .array(z.string().max(itemMax, m('form.listItemMax', { label: l(label), max: itemMax })))
        .min(min, m('form.listMin', { label: l(label) }))
        .max(max, m('form.listMax', { label: l(label), max })),
    )

export const InternshipDetailsSchema = z.object({
  majors: list('detail.majors', { min: 1 }),
  headcount: int('detail.headcount', 1, 2000),
  period: text('detail.period', 2, 60),
  location: text('detail.location', 2, 100),
  dailyHours: int('detail.dailyHours', 1, 12),
  stipendYuanPerMonth: int('detail.stipendYuanPerMonth', 0, 50_000),
  accommodation: yesNo,
  orderClass: yesNo,
  apprenticeship: yesNo,
  practicalHoursShare: int('detail.practicalHoursShare', 0, 100).optional(),
})

export const TeacherPracticeDetailsSchema = z.object({
  field: text('detail.field', 2, 60),
  posts: int('detail.posts', 1, 200),
  durationDays: int('detail.durationDays', 1, 365),
  schedule: text('detail.schedule', 2, 100),
  tasks: text('detail.tasks', 4, 500),
  countsForDualQualified: yesNo,
})

export const JointLabDetailsSchema = z.object({
  researchDirection: text('detail.researchDirection', 2, 100),
  investmentEnterpriseWan: amount('form.label.investmentEnterpriseWan', 1_000_000),
  investmentCollegeWan: amount('form.label.investmentCollegeWan', 1_000_000),
  equipment: optionalText('detail.equipment', 300),
  durationYears: int('detail.durationYears', 1, 20),
  expectedOutputs: text('detail.expectedOutputs', 4, 500),
})

export const IndustryCollegeDetailsSchema = z.object({
  majors: list('detail.majors', { min: 1 }),
  plannedEnrolmentPerYear: int('detail.plannedEnrolmentPerYear', 1, 10_000),
  coBuiltResources: list('detail.coBuiltResources', { max: 10 }),
  governance: text('detail.governance', 2, 300),
})

const PATENT_NUMBER = /^(CN|ZL)?\s?\d{8,12}(\.\d|[0-9X])?[A-Z]?$/i

export const TechTransferDetailsSchema = z
  .object({
    kind: z.enum(['problem', 'result'], { errorMap: () => ({ message: m('form.chooseKind') }) }),
    budgetWan: amount('form.label.budgetWan', 1_000_000).optional(),
    deadline: z.string().optional(),
    requiredCapability: optionalText('detail.requiredCapability', 300),
    patentNumbers: list('detail.patentNumbers', { max: 20, itemMax: 20 }),
    trl: int('form.label.trl', 1, 9).optional(),
    mode: z.enum(TRANSFER_MODES).optional(),
    priceMinWan: amount('form.label.priceMinWan', 1_000_000).optional(),
    priceMaxWan: amount('form.label.priceMaxWan', 1_000_000).optional(),
  })
  .superRefine((v, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
    if (v.kind === 'problem') {
      if (v.budgetWan === undefined) need('budgetWan', m('form.required', { label: l('form.label.budgetWan') }))
      if (!v.requiredCapability) need('requiredCapability', m('form.requiredCapability'))
    } else {
      if (v.trl === undefined) need('trl', m('form.trlRequired'))
      if (!v.mode) need('mode', m('form.modeRequired'))
      for (const p of v.patentNumbers) if (!PATENT_NUMBER.test(p)) need('patentNumbers', m('form.patentNumber', { value: p }))
      if (v.priceMinWan !== undefined && v.priceMaxWan !== undefined && v.priceMinWan > v.priceMaxWan)
        need('priceMaxWan', m('form.priceOrder'))
    }
  })

export const DETAILS_SCHEMAS = {
  internship: InternshipDetailsSchema,
  teacher_practice: TeacherPracticeDetailsSchema,
  joint_lab: JointLabDetailsSchema,
  industry_college: IndustryCollegeDetailsSchema,
  tech_transfer: TechTransferDetailsSchema,
} as const

export type CooperationTypeCode = keyof typeof DETAILS_SCHEMAS

/** Sensible capacity ceilings per type: a joint lab is not for 5,000 partners. */
export const CAPACITY_LIMITS: Record<CooperationTypeCode, number> = {
  internship: 2000,
  teacher_practice: 200,
  joint_lab: 20,
  industry_college: 10_000,
  tech_transfer: 50,
}

const isoDate = (label: Label) =>
  z
    .string({ required_error: m('form.required', { label: l(label) }) })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, m('form.dateFormat', { label: l(label) }))
    .refine(
      (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      m('form.dateInvalid', { label: l(label) }),
    )

export const ListingSchema = z
  .object({
    direction: z.enum(['need', 'offer'], { errorMap: () => ({ message: m('form.chooseDirection') }) }),
    type: z.enum(['internship', 'teacher_practice', 'joint_lab', 'industry_college', 'tech_transfer'], {
      errorMap: () => ({ message: m('form.chooseType') }),
    }),
    title: text('form.label.title', 6, 80),
    description: text('listing.description', 20, 5000),
    clusters: z
      .array(
        z.string().refine((v) => clusterByCode.has(v), m('form.unknownCluster')),
        { required_error: m('form.clustersMin') },
      )
      .min(1, m('form.clustersMin'))
      .max(3, m('form.clustersMax', { max: 3 })),
    cityCode: z.string({ required_error: m('form.chooseCity') }).refine((v) => cityByCode.has(v), m('form.cityInShanxi')),
    capacity: int('listing.capacity', 1, 10_000),
    startsOn: isoDate('form.label.startsOn'),
    endsOn: isoDate('form.label.endsOn'),
    reference: optionalText('listing.reference', 40),
    majors: list('detail.majors'),
    details: z.record(z.unknown()).default({}),
  })
  .superRefine((v, ctx) => {
    if (v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: m('form.endBeforeStart') })
    const years = (Date.parse(v.endsOn) - Date.parse(v.startsOn)) / (365.25 * 86_400_000)
    if (years > 10) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: m('form.tooLong10Years') })
    if (v.capacity > CAPACITY_LIMITS[v.type])
      ctx.addIssue({
        code: 'custom',
        path: ['capacity'],
        message: m('form.capacityLimit', { max: CAPACITY_LIMITS[v.type] }),
      })
    const details = DETAILS_SCHEMAS[v.type].safeParse(v.details)
    if (!details.success) for (const issue of details.error.issues) ctx.addIssue({ ...issue, path: ['details', ...issue.path] })
  })
  .transform((v) => {
    const details = DETAILS_SCHEMAS[v.type].parse(v.details) as Record<string, unknown>
    // Internships and industry colleges name their majors among the details; the listing's own
    // majors (searched and faceted) are those plus any typed in the common field.
    const ofDetails = Array.isArray(details.majors) ? (details.majors as string[]) : []
    return { ...v, details, majors: [...new Set([...v.majors, ...ofDetails])] }
  })

export type ListingInput = z.infer<typeof ListingSchema>
