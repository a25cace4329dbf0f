import { z } from 'zod'

/** Shared by the browser and the server, so the same Chinese message shows on both sides. */
export const PasswordSchema = z
  .string({ required_error: '请输入密码' })
  .min(10, '密码至少 10 个字符')
  .max(128, '密码不能超过 128 个字符')
  .refine((v) => /[A-Za-z]/.test(v) && /\d/.test(v), '密码须同时包含字母和数字')
  .refine((v) => !/^(.)\1+$/.test(v), '密码不能是同一个字符重复')
  .refine((v) => !COMMON_PASSWORDS.has(v.toLowerCase()), '这个密码太常见，请换一个')

const COMMON_PASSWORDS = new Set(['password123', 'qwerty12345', 'abc1234567', '1234567890a', 'a1234567890', 'admin12345', 'woaini1314520'])
