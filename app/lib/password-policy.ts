import { z } from 'zod'
import { formMessage as m } from './i18n/form-messages'

/** Shared by the browser and the server, so the same message shows on both sides. */
export const PasswordSchema = z
  .string({ required_error: m('form.passwordRequired') })
  .min(10, m('form.passwordMin', { min: 10 }))
  .max(128, m('form.passwordMax', { max: 128 }))
  .refine((v) => /[A-Za-z]/.test(v) && /\d/.test(v), m('form.passwordLettersDigits'))
  .refine((v) => !/^(.)\1+$/.test(v), m('form.passwordRepeated'))
  .refine((v) => !COMMON_PASSWORDS.has(v.toLowerCase()), m('form.passwordCommon'))

const COMMON_PASSWORDS = new Set(['password123', 'qwerty12345', 'abc1234567', '1234567890a', 'a1234567890', 'admin12345', 'woaini1314520'])
