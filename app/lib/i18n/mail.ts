// Emails. Sent in Chinese with the English below it: the platform does not know a recipient's language.
export const zh = {
  'mail.brand': '【晋产教】',
  'mail.separator': '—— English ——',
  'mail.reset.subject': '重置密码',
  'mail.reset.text':
    '{name}，您好：\n\n请在 {minutes} 分钟内打开下面的链接设置新密码：\n{url}\n\n如果不是您本人操作，请忽略本邮件，您的密码不会改变。',
  'mail.confirm.subject': '确认您的邮箱',
  'mail.confirm.text':
    '{name}，您好：\n\n感谢注册晋产教。请在 {hours} 小时内打开下面的链接确认邮箱，确认后即可登录：\n{url}\n\n如果不是您本人注册，请忽略本邮件，该账号不会启用。',
  'mail.registerExisting.subject': '有人尝试用此邮箱注册',
  'mail.registerExisting.text':
    '{name}，您好：\n\n有人尝试用此邮箱注册；此邮箱已有晋产教账号，未创建新账号。请直接登录或重置密码：\n登录：{signInUrl}\n重置密码：{resetUrl}\n\n如果不是您本人操作，请忽略本邮件，您的账号不受影响。',
  'mail.invite.subject': '邀请您加入 {org}',
  'mail.invite.text': '您好：\n\n{org} 邀请您作为{role}加入晋产教平台。请在 {days} 天内打开链接接受邀请：\n{url}',
  'mail.verified.subject': '{org} 已通过认证',
  'mail.verified.text': '您好，{org} 已通过平台认证，现在可以发布需求与供给并发起合作。',
  'mail.rejected.subject': '{org} 的认证未通过',
  'mail.rejected.text': '您好，{org} 的认证未通过，原因：{reason}\n请在机构页面补充材料后重新提交。',
} as const

export const en: Record<keyof typeof zh, string> = {
  'mail.brand': '[Jin Chan Jiao] ',
  'mail.separator': '—— English ——',
  'mail.reset.subject': 'Reset your password',
  'mail.reset.text':
    'Hello {name},\n\nOpen the link below within {minutes} minutes to set a new password:\n{url}\n\nIf you did not ask for this, ignore this mail; your password stays as it is.',
  'mail.confirm.subject': 'Confirm your email',
  'mail.confirm.text':
    'Hello {name},\n\nThank you for registering with Jin Chan Jiao. Open the link below within {hours} hours to confirm your email; then you can sign in:\n{url}\n\nIf you did not register, ignore this mail: the account stays inactive.',
  'mail.registerExisting.subject': 'Someone tried to register with this email',
  'mail.registerExisting.text':
    'Hello {name},\n\nSomeone tried to register with this email. It already has a Jin Chan Jiao account, so no new account was made. Sign in or reset your password instead:\nSign in: {signInUrl}\nReset the password: {resetUrl}\n\nIf this was not you, ignore this mail; your account is unaffected.',
  'mail.invite.subject': 'You are invited to join {org}',
  'mail.invite.text':
    'Hello,\n\n{org} invites you to join the Jin Chan Jiao platform as {role}. Open this link within {days} days to accept:\n{url}',
  'mail.verified.subject': '{org} is verified',
  'mail.verified.text': 'Hello, {org} has been verified by the platform: you can now publish needs and offers and start partnerships.',
  'mail.rejected.subject': 'The verification of {org} was not approved',
  'mail.rejected.text':
    'Hello, the verification of {org} was not approved. Reason: {reason}\nPlease add evidence on your organisation’s page and submit again.',
}
