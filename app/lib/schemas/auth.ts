import { z } from 'zod'
import { PasswordSchema } from '../password-policy'

const email = z.string({ required_error: '请输入邮箱' }).trim().toLowerCase().email('邮箱格式不正确').max(120, '邮箱太长')

export const LoginSchema = z.object({
  email,
  password: z.string({ required_error: '请输入密码' }).max(128, '密码太长'),
  redirectTo: z.string().optional(),
})

export const ForgotPasswordSchema = z.object({ email })

export const ResetPasswordSchema = z
  .object({ password: PasswordSchema, confirmPassword: z.string({ required_error: '请再次输入密码' }) })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: '两次输入的密码不一致' })

export const InviteSchema = z.object({ email, role: z.enum(['admin', 'member'], { errorMap: () => ({ message: '请选择角色' }) }) })

export const AcceptInvitationSchema = z
  .object({
    name: z.string({ required_error: '请输入姓名' }).trim().min(2, '请输入姓名').max(30, '姓名不能超过 30 个字'),
    password: PasswordSchema,
    confirmPassword: z.string({ required_error: '请再次输入密码' }),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: '两次输入的密码不一致' })

export const GovAccountSchema = z.object({
  name: z.string({ required_error: '请输入姓名或单位' }).trim().min(2, '请输入姓名或单位').max(60),
  email,
  password: PasswordSchema,
  scope: z.string({ required_error: '请选择管辖范围' }).regex(/^(province|region|city):[a-z_]+$/, '请选择管辖范围'),
})
