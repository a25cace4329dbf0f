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

const tooLong = (label: Label, max: number) => m('form.tooLong', { label: l(label), max })

const text = (label: Label, min: number, max: number) =>
  z
    .string({ required_error: m('form.required', { label: l(label) }), invalid_type_error: m('form.required', { label: l(label) }) })
    .trim()
    .min(min, min <= 1 ? m('form.required', { label: l(label) }) : m('form.minChars', { label: l(label), min }))
    .max(max, tooLong(label, max))

const optionalText = (label: Label, max: number) =>
  z
    .string()
    .trim()
    .max(max, tooLong(label, max))
    .optional()
    .transform((v) => (v ? v : undefined))

/** A blank field is missing (请填写…), not "must be a number"; anything else is read as a number. */
const toNumber = (v: unknown) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? undefined : Number(v))
const number = (label: Label) =>
  z.number({ required_error: m('form.required', { label: l(label) }), invalid_type_error: m('form.number', { label: l(label) }) })

const int = (label: Label, min: number, max: number) =>
  z.preprocess(
    toNumber,
    number(label)
      .int(m('form.integer', { label: l(label) }))
      .min(min, min === 0 ? m('form.nonNegative', { label: l(label) }) : m('form.atLeast', { label: l(label), min }))
      .max(max, m('form.atMost', { label: l(label), max })),
  )

/** A blank cell or field is no answer, never 0. */
const blankToUndefined = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v)
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(blankToUndefined, schema.optional())

const amount = (label: Label, max: number) =>
  z.preprocess(
    toNumber,
    number(label)
      .min(0, m('form.nonNegative', { label: l(label) }))
      .max(max, m('form.atMost', { label: l(label), max })),
  )

/** Checkboxes arrive as "on" (or not at all); imports say 是/否. */
const YES = new Set(['on', 'true', '是', '1', 'yes', 'y']) // cjk-ok: the importer's yes
const yesNo = z
  .union([z.boolean(), z.string().max(10)])
  .optional()
  .transform((v) => v === true || (typeof v === 'string' && YES.has(v.trim().toLowerCase())))

/** A list typed with 、 or commas between items, or sent as repeated fields. */
const list = (label: Label, { min = 0, max = 20, itemMax = 40 } = {}) =>
  z
    // The raw text is bounded too, so a huge value is refused before it is split.
    .union([
      z.array(z.string().max(itemMax * 4, m('form.listItemMax', { label: l(label), max: itemMax }))),
      z.string().max(max * (itemMax + 2), tooLong(label, max * (itemMax + 2))),
    ])
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
  period: text('detail.period', 2, 60),
  location: text('detail.location', 2, 100),
  dailyHours: int('detail.dailyHours', 1, 12),
  stipendYuanPerMonth: optional(int('detail.stipendYuanPerMonth', 0, 50_000)),
  accommodation: yesNo,
  orderClass: yesNo,
  apprenticeship: yesNo,
  practicalHoursShare: optional(int('detail.practicalHoursShare', 0, 100)),
})

export const TeacherPracticeDetailsSchema = z.object({
  field: text('detail.field', 2, 60),
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
    budgetWan: optional(amount('form.label.budgetWan', 1_000_000)),
    deadline: optionalText('detail.deadline', 40),
    requiredCapability: optionalText('detail.requiredCapability', 300),
    patentNumbers: list('detail.patentNumbers', { max: 20, itemMax: 20 }),
    trl: optional(int('form.label.trl', 1, 9)),
    mode: z.preprocess(blankToUndefined, z.enum(TRANSFER_MODES).optional()),
    priceMinWan: optional(amount('form.label.priceMinWan', 1_000_000)),
    priceMaxWan: optional(amount('form.label.priceMaxWan', 1_000_000)),
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
    .max(20, m('form.dateFormat', { label: l(label) }))
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, m('form.dateFormat', { label: l(label) }))
    .refine(
      (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      m('form.dateInvalid', { label: l(label) }),
    )

/** The common fields, one schema each (exported so the bounds test can see inside ListingSchema). */
export const COMMON_FIELDS = {
  direction: z.enum(['need', 'offer'], { errorMap: () => ({ message: m('form.chooseDirection') }) }),
  type: z.enum(['internship', 'teacher_practice', 'joint_lab', 'industry_college', 'tech_transfer'], {
    errorMap: () => ({ message: m('form.chooseType') }),
  }),
  title: text('form.label.title', 6, 80),
  description: text('listing.description', 20, 5000),
  clusters: z.preprocess(
    (v) => (typeof v === 'string' ? [v] : v),
    z
      .array(
        z
          .string()
          .max(40, m('form.unknownCluster'))
          .refine((v) => clusterByCode.has(v), m('form.unknownCluster')),
        { required_error: m('form.clustersMin') },
      )
      .min(1, m('form.clustersMin'))
      .transform((v) => [...new Set(v)])
      .pipe(z.array(z.string().max(40)).max(3, m('form.clustersMax', { max: 3 }))),
  ),
  cityCode: z
    .string({ required_error: m('form.chooseCity') })
    .max(40, m('form.cityInShanxi'))
    .refine((v) => cityByCode.has(v), m('form.cityInShanxi')),
  capacity: int('listing.capacity', 1, 10_000),
  startsOn: isoDate('form.label.startsOn'),
  endsOn: isoDate('form.label.endsOn'),
  reference: optionalText('listing.reference', 40),
  majors: list('detail.majors'),
}

/** What a draft may leave out: everything but what names it. */
const DRAFT_REQUIRED = new Set(['direction', 'type', 'title'])

const isBlank = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.every(isBlank))

type Issue = { path: (string | number)[]; message: string }

/** The plain object inside a refined schema, so a draft can check its fields one by one. */
const shapeOf = (schema: z.ZodTypeAny): Record<string, z.ZodTypeAny> =>
  schema instanceof z.ZodEffects ? shapeOf(schema.innerType()) : (schema as z.AnyZodObject).shape

/**
 * Checks every field at once — common and type-specific alike — so the author gets all the
 * messages in one round, in the browser and on the server. A draft checks only what was filled in.
 */
function checkListing(raw: unknown, ctx: z.RefinementCtx, draft: boolean) {
  const input = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>
  const issues: Issue[] = []
  const values: Record<string, unknown> = {}
  const check = (schema: z.ZodTypeAny, value: unknown, path: string[]) => {
    const result = schema.safeParse(blankToUndefined(value))
    if (result.success) return result.data
    for (const issue of result.error.issues) issues.push({ path: [...path, ...issue.path], message: issue.message })
    return undefined
  }
  for (const [key, schema] of Object.entries(COMMON_FIELDS)) {
    if (draft && !DRAFT_REQUIRED.has(key) && isBlank(input[key])) continue
    const value = check(schema, input[key], [key])
    if (value !== undefined) values[key] = value
  }
  const type = values.type as CooperationTypeCode | undefined
  const rawDetails = Object.fromEntries(
    Object.entries(input.details && typeof input.details === 'object' ? input.details : {}).map(([k, v]) => [k, blankToUndefined(v)]),
  )
  let details: Record<string, unknown> = {}
  if (type && draft) {
    for (const [key, schema] of Object.entries(shapeOf(DETAILS_SCHEMAS[type]))) {
      if (isBlank(rawDetails[key])) continue
      const value = check(schema, rawDetails[key], ['details', key])
      if (value !== undefined && !(Array.isArray(value) && value.length === 0)) details[key] = value
    }
  } else if (type) details = (check(DETAILS_SCHEMAS[type], rawDetails, ['details']) ?? {}) as Record<string, unknown>
  const { startsOn, endsOn, capacity } = values as { startsOn?: string; endsOn?: string; capacity?: number }
  if (startsOn && endsOn) {
    if (endsOn < startsOn) issues.push({ path: ['endsOn'], message: m('form.endBeforeStart') })
    else if ((Date.parse(endsOn) - Date.parse(startsOn)) / (365.25 * 86_400_000) > 10)
      issues.push({ path: ['endsOn'], message: m('form.tooLong10Years') })
  }
  if (type && capacity !== undefined && capacity > CAPACITY_LIMITS[type])
    issues.push({ path: ['capacity'], message: m('form.capacityLimit', { max: CAPACITY_LIMITS[type] }) })
  for (const issue of issues) ctx.addIssue({ code: 'custom', ...issue })
  // Internships and industry colleges name their majors among the details; the listing's own
  // majors (searched and faceted) are those plus any typed in the common field.
  const ofDetails = Array.isArray(details.majors) ? (details.majors as string[]) : []
  const majors = [...new Set([...((values.majors as string[] | undefined) ?? []), ...ofDetails])]
  return { ...values, clusters: (values.clusters as string[] | undefined) ?? [], majors, details }
}

type Common = { [K in keyof typeof COMMON_FIELDS]: z.output<(typeof COMMON_FIELDS)[K]> }

/** A listing ready to publish: every required field present and valid. */
export const ListingSchema = z
  .unknown()
  .transform((raw, ctx) => checkListing(raw, ctx, false) as Common & { details: Record<string, unknown> })

/** A draft: named (direction, type, title), the rest optional but valid where given. */
export const ListingDraftSchema = z.unknown().transform(
  (raw, ctx) =>
    checkListing(raw, ctx, true) as Pick<Common, 'direction' | 'type' | 'title'> &
      Partial<Omit<Common, 'direction' | 'type' | 'title' | 'clusters' | 'majors'>> & {
        clusters: string[]
        majors: string[]
        details: Record<string, unknown>
      },
)

export type ListingInput = z.infer<typeof ListingSchema>
export type ListingDraftInput = z.infer<typeof ListingDraftSchema>
