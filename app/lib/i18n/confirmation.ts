// Confirming a new account's email: the registration's answer, the link's page, resending, and sign-in's refusal.
export const zh = {
  'auth.register.sentTitle': '请查收确认邮件',
  'auth.register.sent': '我们已向 {email} 发送确认邮件，请在 {hours} 小时内打开邮件中的链接完成注册。确认后即可登录。',
  'auth.register.sentHint': '没有收到？请检查垃圾邮件，或',
  'auth.register.sentResend': '重新发送确认邮件',
  'auth.login.unconfirmed': '此账号的邮箱尚未确认，请先打开确认邮件中的链接。',
  'auth.confirm.title': '确认邮箱',
  'auth.confirm.text': '确认 {email} 是您的邮箱。确认后将自动登录。',
  'auth.confirm.submit': '确认邮箱并登录',
  'auth.confirm.invalid': '确认链接无效、已使用或已过期。',
  'auth.confirm.invalidHint': '已确认的账号请直接登录；尚未确认的可以重新发送确认邮件。',
  'auth.confirm.resendTitle': '重新发送确认邮件',
  'auth.confirm.resendIntro': '输入注册时填写的邮箱，我们会发送新的确认链接，{hours} 小时内有效。',
  'auth.confirm.resendSubmit': '发送确认邮件',
  'auth.confirm.resent': '如果该邮箱的账号尚未确认，我们已发送新的确认链接，{hours} 小时内有效。请查收邮件。',
  'auth.confirm.tooMany': '发送过于频繁，请一小时后再试',
} as const

export const en: Record<keyof typeof zh, string> = {
  'auth.register.sentTitle': 'Check your mail',
  'auth.register.sent':
    'We have sent a confirmation mail to {email}. Open the link in it within {hours} hours to finish registering; then you can sign in.',
  'auth.register.sentHint': 'Nothing arrived? Look in your spam folder, or',
  'auth.register.sentResend': 'send the confirmation mail again',
  'auth.login.unconfirmed': 'This account’s email is not confirmed yet. Open the link in the confirmation mail first.',
  'auth.confirm.title': 'Confirm your email',
  'auth.confirm.text': 'Confirm that {email} is your email. You will be signed in once it is confirmed.',
  'auth.confirm.submit': 'Confirm the email and sign in',
  'auth.confirm.invalid': 'This confirmation link is invalid, used or expired.',
  'auth.confirm.invalidHint': 'A confirmed account can simply sign in; an unconfirmed one can have the confirmation mail sent again.',
  'auth.confirm.resendTitle': 'Send the confirmation mail again',
  'auth.confirm.resendIntro': 'Enter the email you registered with and we will send a new confirmation link, valid for {hours} hours.',
  'auth.confirm.resendSubmit': 'Send the confirmation mail',
  'auth.confirm.resent':
    'If this email has an account that is not confirmed yet, we have sent a new confirmation link, valid for {hours} hours. Please check your mail.',
  'auth.confirm.tooMany': 'Too many requests; please try again in an hour',
}
