import { z } from 'zod'
import { cityByCode, clusterByCode, orgKindByCode } from '../../../db/reference'
import { isValidCreditCode } from '../credit-code'
import { PasswordSchema } from '../password-policy'
import { formMessage as m, label as l } from '../i18n/form-messages'
import type { MessageKey } from '../i18n'

const COLLEGE_KINDS = new Set(['undergrad', 'vocational_undergrad', 'vocational_higher', 'vocational_secondary'])

const count = (label: MessageKey, max: number) =>
  z.coerce
    .number({ invalid_type_error: m('form.integer', { label: l(label) }) })
    .int(m('form.integer', { label: l(label) }))
    .min(0, m('form.nonNegative', { label: l(label) }))
    .max(max, m('form.atMost', { label: l(label), max }))

export const RegisterOrganisationSchema = z
  .object({
    kind: z
      .string({ required_error: m('form.chooseOrgKind') })
      .max(40, m('form.validOrgKind'))
      .refine((v) => orgKindByCode.has(v) && v !== 'government', m('form.validOrgKind')),
    name: z
      .string({ required_error: m('form.required', { label: l('form.label.orgName') }) })
      .trim()
      .min(4, m('form.minChars', { label: l('form.label.orgName'), min: 4 }))
      .max(80, m('form.tooLong', { label: l('form.label.orgName'), max: 80 })),
    creditCode: z
      .string({ required_error: m('form.required', { label: l('form.label.creditCode') }) })
      .max(40, m('form.creditCodeLength'))
      .trim()
      .transform((v) => v.toUpperCase())
      .refine((v) => v.length === 18, m('form.creditCodeLength'))
      .refine((v) => isValidCreditCode(v), m('form.creditCodeCheck')),
    cityCode: z
      .string({ required_error: m('form.chooseCity') })
      .max(40, m('form.cityInShanxi'))
      .refine((v) => cityByCode.has(v), m('form.cityInShanxi')),
    address: z
      .string({ required_error: m('form.required', { label: l('form.label.address') }) })
      .trim()
      .min(5, m('form.required', { label: l('form.label.address') }))
      .max(200, m('form.tooLong', { label: l('form.label.address'), max: 200 })),
    clusters: z
      .array(
        z
          .string()
          .max(40, m('form.unknownCluster'))
          .refine((v) => clusterByCode.has(v), m('form.unknownCluster')),
        { required_error: m('form.clustersMin') },
      )
      .min(1, m('form.clustersMin'))
      // The same cluster ticked twice (or sent twice) counts once.
      .transform((v) => [...new Set(v)])
      .pipe(z.array(z.string().max(40)).max(5, m('form.clustersMax', { max: 5 }))),
    staffCount: count('form.label.staffCount', 2_000_000).optional(),
    technicalPostCount: count('form.label.technicalPostCount', 2_000_000).optional(),
    studentCount: count('form.label.studentCount', 500_000).optional(),
    majors: z
      .string()
      .trim()
      .max(500, m('form.tooLong', { label: l('org.majors'), max: 500 }))
      .optional(),
    contactName: z
      .string({ required_error: m('form.required', { label: l('form.label.contactName') }) })
      .trim()
      .min(2, m('form.required', { label: l('form.label.contactName') }))
      .max(30, m('form.tooLong', { label: l('form.label.contactName'), max: 30 })),
    contactPhone: z
      .string({ required_error: m('form.required', { label: l('form.label.contactPhone') }) })
      .max(20, m('form.phone'))
      .trim()
      .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, m('form.phone')),
    email: z
      .string({ required_error: m('form.emailRequired') })
      .trim()
      .toLowerCase()
      .email(m('form.emailFormat'))
      .max(120, m('form.emailTooLong')),
    password: PasswordSchema,
    confirmPassword: z
      .string({ required_error: m('form.confirmPassword') })
      .max(128, m('form.tooLong', { label: l('form.label.thisField'), max: 128 })),
  })
  .superRefine((value, ctx) => {
    if (value.password !== value.confirmPassword)
      ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: m('form.passwordMismatch') })
    if (value.kind === 'enterprise') {
      if (value.staffCount === undefined) ctx.addIssue({ code: 'custom', path: ['staffCount'], message: m('form.staffCountRequired') })
      if (value.technicalPostCount === undefined)
        ctx.addIssue({ code: 'custom', path: ['technicalPostCount'], message: m('form.technicalPostCountRequired') })
      if (value.staffCount !== undefined && value.technicalPostCount !== undefined && value.technicalPostCount > value.staffCount)
        ctx.addIssue({ code: 'custom', path: ['technicalPostCount'], message: m('form.technicalPostsOverStaff') })
    }
    if (COLLEGE_KINDS.has(value.kind) && value.studentCount === undefined)
      ctx.addIssue({ code: 'custom', path: ['studentCount'], message: m('form.studentCountRequired') })
  })

export type RegisterOrganisationInput = z.infer<typeof RegisterOrganisationSchema>

export const splitMajors = (majors: string | undefined) =>
  (majors ?? '')
    .split(/[,，、;；\s]+/)
    .map((m) => m.trim())
    .filter(Boolean)
    .slice(0, 30)
