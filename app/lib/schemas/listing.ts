import { z } from 'zod'
import { cityByCode, clusterByCode } from '../../../db/reference'

/**
 * What a listing's author fills in: common fields plus one section per cooperation type.
 * Shared by the browser, the server and the bulk importer, so every path gives the same Chinese messages.
 */

const text = (label: string, min: number, max: number) =>
  z
    .string({ required_error: `请填写${label}`, invalid_type_error: `请填写${label}` })
    .trim()
    .min(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`)
    .max(max, `${label}不能超过 ${max} 个字`)

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .optional()
    .transform((v) => (v ? v : undefined))

const int = (label: string, min: number, max: number) =>
  z.coerce
    .number({ required_error: `请填写${label}`, invalid_type_error: `${label}须为数字` })
    .int(`${label}须为整数`)
    .min(min, min === 0 ? `${label}不能为负数` : `${label}至少为 ${min}`)
    .max(max, `${label}不能超过 ${max.toLocaleString('zh-CN')}`)

const amount = (label: string, max: number) =>
  z.coerce
    .number({ invalid_type_error: `${label}须为数字` })
    .min(0, `${label}不能为负数`)
    .max(max, `${label}不能超过 ${max.toLocaleString('zh-CN')}`)

/** Checkboxes arrive as "on" (or not at all); imports say 是/否. */
const yesNo = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || (typeof v === 'string' && ['on', 'true', '是', '1', 'yes', 'y'].includes(v.trim().toLowerCase())))

/** A list typed as "机电一体化技术、电气自动化技术" or sent as repeated fields. */
const list = (label: string, { min = 0, max = 20, itemMax = 40 } = {}) =>
  z
    .union([z.array(z.string()), z.string()])
    .optional()
    .transform((v) => (Array.isArray(v) ? v : (v ?? '').split(/[,，、;；\n]+/)).map((s) => s.trim()).filter(Boolean))
    .pipe(
      z
        .array(z.string().max(itemMax, `每项${label}不能超过 ${itemMax} 个字`))
        .min(min, `请至少填写一项${label}`)
        .max(max, `${label}最多 ${max} 项`),
    )

export const InternshipDetailsSchema = z.object({
  majors: list('专业', { min: 1 }),
  headcount: int('人数', 1, 2000),
  period: text('实习时段', 2, 60),
  location: text('实习地点', 2, 100),
  dailyHours: int('每日工时', 1, 12),
  stipendYuanPerMonth: int('月补贴', 0, 50_000),
  accommodation: yesNo,
  orderClass: yesNo,
  apprenticeship: yesNo,
  practicalHoursShare: int('实践课时占比', 0, 100).optional(),
})

export const TeacherPracticeDetailsSchema = z.object({
  field: text('专业方向', 2, 60),
  posts: int('岗位数', 1, 200),
  durationDays: int('实践天数', 1, 365),
  schedule: text('时间安排', 2, 100),
  tasks: text('实践内容', 4, 500),
  countsForDualQualified: yesNo,
})

export const JointLabDetailsSchema = z.object({
  researchDirection: text('研究方向', 2, 100),
  investmentEnterpriseWan: amount('企业投入（万元）', 1_000_000),
  investmentCollegeWan: amount('院校投入（万元）', 1_000_000),
  equipment: optionalText('设备与场地', 300),
  durationYears: int('合作年限', 1, 20),
  expectedOutputs: text('预期成果', 4, 500),
})

export const IndustryCollegeDetailsSchema = z.object({
  majors: list('专业', { min: 1 }),
  plannedEnrolmentPerYear: int('年招生规模', 1, 10_000),
  coBuiltResources: list('共建资源', { max: 10 }),
  governance: text('治理方式', 2, 300),
})

const PATENT_NUMBER = /^(CN|ZL)?\s?\d{8,12}(\.\d|[0-9X])?[A-Z]?$/i

export const TechTransferDetailsSchema = z
  .object({
    kind: z.enum(['problem', 'result'], { errorMap: () => ({ message: '请选择“技术难题”或“成果转让/许可”' }) }),
    budgetWan: amount('预算（万元）', 1_000_000).optional(),
    deadline: z.string().optional(),
    requiredCapability: optionalText('能力要求', 300),
    patentNumbers: list('专利号', { max: 20, itemMax: 20 }),
    trl: int('技术成熟度', 1, 9).optional(),
    mode: z.enum(['转让', '许可', '作价入股']).optional(),
    priceMinWan: amount('最低价格（万元）', 1_000_000).optional(),
    priceMaxWan: amount('最高价格（万元）', 1_000_000).optional(),
  })
  .superRefine((v, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
    if (v.kind === 'problem') {
      if (v.budgetWan === undefined) need('budgetWan', '请填写预算（万元）')
      if (!v.requiredCapability) need('requiredCapability', '请说明需要对方具备的能力')
    } else {
      if (v.trl === undefined) need('trl', '请填写技术成熟度（1–9 级）')
      if (!v.mode) need('mode', '请选择转让、许可或作价入股')
      for (const p of v.patentNumbers) if (!PATENT_NUMBER.test(p)) need('patentNumbers', `专利号“${p}”格式不正确，例如 ZL202110123456.7`)
      if (v.priceMinWan !== undefined && v.priceMaxWan !== undefined && v.priceMinWan > v.priceMaxWan)
        need('priceMaxWan', '最高价格不能低于最低价格')
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

const isoDate = (label: string) =>
  z
    .string({ required_error: `请填写${label}` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 2026-03-01`)
    .refine(
      (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      `${label}不是有效日期`,
    )

export const ListingSchema = z
  .object({
    direction: z.enum(['need', 'offer'], { errorMap: () => ({ message: '请选择“需求”或“供给”' }) }),
    type: z.enum(['internship', 'teacher_practice', 'joint_lab', 'industry_college', 'tech_transfer'], {
      errorMap: () => ({ message: '请选择合作类型' }),
    }),
    title: text('标题', 6, 80),
    description: text('详细说明', 20, 5000),
    clusters: z
      .array(
        z.string().refine((v) => clusterByCode.has(v), '未知的产业集群'),
        { required_error: '请至少选择一个产业集群' },
      )
      .min(1, '请至少选择一个产业集群')
      .max(3, '最多选择 3 个产业集群'),
    cityCode: z.string({ required_error: '请选择城市' }).refine((v) => cityByCode.has(v), '请选择山西省内的城市'),
    capacity: int('数量', 1, 10_000),
    startsOn: isoDate('开始日期'),
    endsOn: isoDate('结束日期'),
    reference: optionalText('内部编号', 40),
    majors: list('专业'),
    details: z.record(z.unknown()).default({}),
  })
  .superRefine((v, ctx) => {
    if (v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: '结束日期不能早于开始日期' })
    const years = (Date.parse(v.endsOn) - Date.parse(v.startsOn)) / (365.25 * 86_400_000)
    if (years > 10) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: '合作期限不能超过 10 年' })
    if (v.capacity > CAPACITY_LIMITS[v.type])
      ctx.addIssue({
        code: 'custom',
        path: ['capacity'],
        message: `此类合作的数量不能超过 ${CAPACITY_LIMITS[v.type].toLocaleString('zh-CN')}`,
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
