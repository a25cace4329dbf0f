import { z } from 'zod'
import { cityByCode, clusterByCode, orgKindByCode } from '../../../db/reference'
import { isValidCreditCode } from '../credit-code'
import { PasswordSchema } from '../password-policy'

const COLLEGE_KINDS = new Set(['undergrad', 'vocational_higher', 'vocational_secondary'])

const count = (label: string, max: number) =>
  z.coerce
    .number({ invalid_type_error: `${label}须为整数` })
    .int(`${label}须为整数`)
    .min(0, `${label}不能为负数`)
    .max(max, `${label}不能超过 ${max.toLocaleString('zh-CN')}`)

export const RegisterOrganisationSchema = z
  .object({
    kind: z.string({ required_error: '请选择机构类型' }).refine((v) => orgKindByCode.has(v) && v !== 'government', '请选择有效的机构类型'),
    name: z.string({ required_error: '请输入机构全称' }).trim().min(4, '机构全称至少 4 个字').max(80, '机构全称不能超过 80 个字'),
    creditCode: z
      .string({ required_error: '请输入统一社会信用代码' })
      .trim()
      .transform((v) => v.toUpperCase())
      .refine((v) => v.length === 18, '统一社会信用代码应为 18 位')
      .refine((v) => isValidCreditCode(v), '统一社会信用代码校验位不正确，请核对营业执照或法人证书'),
    cityCode: z.string({ required_error: '请选择所在城市' }).refine((v) => cityByCode.has(v), '请选择山西省内的城市'),
    address: z.string({ required_error: '请输入详细地址' }).trim().min(5, '请填写详细地址').max(200, '地址不能超过 200 个字'),
    clusters: z
      .array(
        z.string().refine((v) => clusterByCode.has(v), '未知的产业集群'),
        { required_error: '请至少选择一个产业集群' },
      )
      .min(1, '请至少选择一个产业集群')
      .max(5, '最多选择 5 个产业集群'),
    staffCount: count('在职员工数', 2_000_000).optional(),
    technicalPostCount: count('技术岗位数', 2_000_000).optional(),
    studentCount: count('在校生人数', 500_000).optional(),
    majors: z.string().trim().max(500, '专业列表不能超过 500 个字').optional(),
    contactName: z.string({ required_error: '请输入联系人姓名' }).trim().min(2, '请输入联系人姓名').max(30, '姓名不能超过 30 个字'),
    contactPhone: z
      .string({ required_error: '请输入联系电话' })
      .trim()
      .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请输入有效的手机号或座机号（如 0351-1234567）'),
    email: z.string({ required_error: '请输入邮箱' }).trim().toLowerCase().email('邮箱格式不正确').max(120),
    password: PasswordSchema,
    confirmPassword: z.string({ required_error: '请再次输入密码' }),
  })
  .superRefine((value, ctx) => {
    if (value.password !== value.confirmPassword)
      ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: '两次输入的密码不一致' })
    if (value.kind === 'enterprise') {
      if (value.staffCount === undefined)
        ctx.addIssue({ code: 'custom', path: ['staffCount'], message: '企业须填写在职员工数（用于计算教师实践岗位指标）' })
      if (value.technicalPostCount === undefined)
        ctx.addIssue({ code: 'custom', path: ['technicalPostCount'], message: '企业须填写技术岗位数（用于计算实习岗位指标）' })
      if (value.staffCount !== undefined && value.technicalPostCount !== undefined && value.technicalPostCount > value.staffCount)
        ctx.addIssue({ code: 'custom', path: ['technicalPostCount'], message: '技术岗位数不能多于在职员工数' })
    }
    if (COLLEGE_KINDS.has(value.kind) && value.studentCount === undefined)
      ctx.addIssue({ code: 'custom', path: ['studentCount'], message: '院校须填写在校生人数' })
  })

export type RegisterOrganisationInput = z.infer<typeof RegisterOrganisationSchema>

export const splitMajors = (majors: string | undefined) =>
  (majors ?? '')
    .split(/[,，、;；\s]+/)
    .map((m) => m.trim())
    .filter(Boolean)
    .slice(0, 30)
