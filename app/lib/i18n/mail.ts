// Emails. Sent in Chinese with the English below it: the platform does not know a recipient's language.
export const zh = {
  'mail.brand': '【晋产教】',
  'mail.separator': '—— English ——',
  'mail.reset.subject': '重置密码',
  'mail.reset.text':
    '{name}，您好：\n\n请在 {minutes} 分钟内打开下面的链接设置新密码：\n{url}\n\n如果不是您本人操作，请忽略本邮件，您的密码不会改变。',
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
  'mail.invite.subject': 'You are invited to join {org}',
  'mail.invite.text':
    'Hello,\n\n{org} invites you to join the Jin Chan Jiao platform as {role}. Open this link within {days} days to accept:\n{url}',
  'mail.verified.subject': '{org} is verified',
  'mail.verified.text': 'Hello, {org} has been verified by the platform: you can now publish needs and offers and start partnerships.',
  'mail.rejected.subject': 'The verification of {org} was not approved',
  'mail.rejected.text':
    'Hello, the verification of {org} was not approved. Reason: {reason}\nPlease add evidence on your organisation’s page and submit again.',
}
