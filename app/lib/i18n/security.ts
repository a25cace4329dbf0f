// Messages of the security area: mail links, sign-in throttling, invitations, uploads, request limits.
export const zh = {
  'security.mailLinksOff': '平台尚未配置对外地址（PUBLIC_URL），暂时无法发送含链接的邮件，请联系平台管理员。',
  'security.mailLinksOffAdmin':
    '未设置 PUBLIC_URL：只有在本机（localhost）访问时才发送注册确认、密码重置和成员邀请邮件；从其他地址访问的用户无法注册。请设置 PUBLIC_URL（如 https://jcj.example.cn）后重启。',
  'security.alertsOffAdmin':
    '未设置 PUBLIC_URL：搜索提醒邮件不会发送，访客和用户也无法保存新的搜索提醒。提醒由后台任务发出，没有访问请求可依据，链接地址只能来自 PUBLIC_URL（本机访问和 ALLOWED_HOSTS 都不适用）。请设置 PUBLIC_URL（如 https://jcj.example.cn）后重启。',
  'security.invitationOtherEmail': '此邀请发给 {email}，请用该邮箱的账号登录后再接受邀请。',
  'security.emailTaken': '无法用该邮箱注册。如果您已有账号，请直接登录或通过“忘记密码”找回。',
  'security.creditCodeTaken': '该统一社会信用代码已注册。如是本机构同事，请让管理员邀请您加入。',
  'security.lastAdmin': '机构至少需要保留一名管理员',
  'security.attachmentLimit': '每条最多 {n} 个附件',
  'security.signInSlowDown': '尝试次数过多，请 {minutes} 分钟后再试，或通过“忘记密码”重置。',
  'security.unsupportedContentType': '不支持的提交格式，请通过页面上的表单提交。',
  'security.requestTooLarge': '提交的内容过大。',
  'security.attachmentError.tooLarge': '文件不能超过 {mb} MB',
  'security.attachmentError.type': '只接受 PDF、JPG 或 PNG 文件',
  'security.attachmentError.missing': '请选择要上传的文件',
  'security.attachmentError.failed': '上传失败，请重新选择文件',
  'security.attachmentError.limit': '每条最多 {n} 个附件',
} as const

export const en: Record<keyof typeof zh, string> = {
  'security.mailLinksOff':
    'The platform’s public address (PUBLIC_URL) is not configured, so mail with links cannot be sent. Please contact the platform administrator.',
  'security.mailLinksOffAdmin':
    'PUBLIC_URL is not set: registration-confirmation, password-reset and invitation mail is sent only for visits on this machine (localhost); visitors from other addresses cannot register. Set PUBLIC_URL (e.g. https://jcj.example.cn) and restart.',
  'security.alertsOffAdmin':
    'PUBLIC_URL is not set: no search-alert mail is sent, and nobody can save a new search alert. Alerts are sent by a background job with no visit to go by, so their links can only come from PUBLIC_URL (neither a visit on this machine nor ALLOWED_HOSTS applies). Set PUBLIC_URL (e.g. https://jcj.example.cn) and restart.',
  'security.invitationOtherEmail': 'This invitation was sent to {email}. Sign in with that email’s account to accept it.',
  'security.emailTaken': 'This email cannot be used to register. If you already have an account, sign in or reset your password.',
  'security.creditCodeTaken': 'This credit code is already registered. If you work there, ask its administrator to invite you.',
  'security.lastAdmin': 'An organisation must keep at least one administrator.',
  'security.attachmentLimit': 'At most {n} attachments per listing.',
  'security.signInSlowDown': 'Too many attempts. Try again in {minutes} minutes, or reset your password.',
  'security.unsupportedContentType': 'This kind of submission is not supported. Please use the form on the page.',
  'security.requestTooLarge': 'What was sent is too large.',
  'security.attachmentError.tooLarge': 'Files may be at most {mb} MB.',
  'security.attachmentError.type': 'Only PDF, JPG or PNG files are accepted.',
  'security.attachmentError.missing': 'Choose a file to upload.',
  'security.attachmentError.failed': 'The upload failed. Choose the file again.',
  'security.attachmentError.limit': 'At most {n} attachments per listing.',
}
