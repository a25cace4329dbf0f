import { z } from 'zod'
import { PasswordSchema } from '../password-policy'
import { formMessage as m, label as l } from '../i18n/form-messages'

const email = z
  .string({ required_error: m('form.emailRequired') })
  .trim()
  .toLowerCase()
  .email(m('form.emailFormat'))
  .max(120, m('form.emailTooLong'))

const confirmPassword = z
  .string({ required_error: m('form.confirmPassword') })
  .max(128, m('form.tooLong', { label: l('form.label.thisField'), max: 128 }))

export const LoginSchema = z.object({
  email,
  password: z.string({ required_error: m('form.passwordRequired') }).max(128, m('form.passwordTooLong')),
  // A hidden field: one too long to be a path of this site is dropped (sign-in lands on the start page), not refused.
  redirectTo: z.string().max(2_000).optional().catch(undefined),
})

export const ForgotPasswordSchema = z.object({ email })

export const ResendConfirmationSchema = z.object({ email })

export const ResetPasswordSchema = z
  .object({ password: PasswordSchema, confirmPassword })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: m('form.passwordMismatch') })

export const InviteSchema = z.object({ email, role: z.enum(['admin', 'member'], { errorMap: () => ({ message: m('form.chooseRole') }) }) })

export const AcceptInvitationSchema = z
  .object({
    name: z
      .string({ required_error: m('form.required', { label: l('form.label.personName') }) })
      .trim()
      .min(2, m('form.required', { label: l('form.label.personName') }))
      .max(30, m('form.tooLong', { label: l('form.label.personName'), max: 30 })),
    password: PasswordSchema,
    confirmPassword,
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: m('form.passwordMismatch') })

export const GovAccountSchema = z.object({
  name: z
    .string({ required_error: m('form.required', { label: l('form.label.govName') }) })
    .trim()
    .min(2, m('form.required', { label: l('form.label.govName') }))
    .max(60, m('form.tooLong', { label: l('form.label.govName'), max: 60 })),
  email,
  password: PasswordSchema,
  scope: z
    .string({ required_error: m('form.chooseScope') })
    .max(60, m('form.chooseScope'))
    .regex(/^(province|region|city):[a-z_]+$/, m('form.chooseScope')),
})
