// What the domain says when it says no (the messageKey of a DomainError), in both languages.
export const zh = {
  'domain.notOrgAdmin': '您不是该机构的管理员',
  'domain.platformAdminOnly': '仅平台管理员可访问',
  'domain.governmentOnly': '仅政府用户可访问',
  'domain.auditForbidden': '无权查看审计日志',
  'domain.rejectReasonRequired': '请填写驳回原因，机构会看到它',
  'domain.fileType': '只接受 PDF、JPG 或 PNG 文件',
  'domain.alreadyMember': '此人已是本机构成员',
  'domain.invitationNeedsSignIn': '该邮箱已有账号，请先登录再接受邀请',
  'domain.invitationNeedsAccount': '请设置姓名和密码',
  'domain.notAMember': '该用户不是本机构成员',
  'domain.lastAdmin': '机构至少需要保留一名管理员',
  'domain.creditCodeTaken': '该统一社会信用代码已注册。如是本机构同事，请让管理员邀请您加入。',
  'domain.creditCodePending':
    '该统一社会信用代码已有一份注册在等待邮箱确认。如是同事提交的，请其查收确认邮件；如不是，约 {hours} 小时后若仍未确认，即可重新注册。',
  'domain.emailRegistered': '该邮箱已注册，请直接登录。',
  'domain.emailTaken': '该邮箱已注册',
  'domain.scopeInvalid': '请选择有效的管辖范围',
  'domain.attachmentLimit': '每条最多 {n} 个附件',
  'domain.publishNeedsVerification': '机构通过认证后才能发布；草稿可以先保存。',
  'domain.statusForbidsAction': '当前状态下不能执行此操作',
  'domain.endDatePassed': '结束日期已过，请先修改结束日期再发布',
} as const

export const en: Record<keyof typeof zh, string> = {
  'domain.notOrgAdmin': 'You are not an administrator of this organisation.',
  'domain.platformAdminOnly': 'Only platform administrators may do this.',
  'domain.governmentOnly': 'Only government users may see this.',
  'domain.auditForbidden': 'You may not read this audit log.',
  'domain.rejectReasonRequired': 'Give a reason for the rejection; the organisation will see it.',
  'domain.fileType': 'Only PDF, JPG or PNG files are accepted.',
  'domain.alreadyMember': 'This person is already a member of the organisation.',
  'domain.invitationNeedsSignIn': 'This email already has an account; sign in first, then accept the invitation.',
  'domain.invitationNeedsAccount': 'Set your name and a password.',
  'domain.notAMember': 'This user is not a member of the organisation.',
  'domain.lastAdmin': 'An organisation must keep at least one administrator.',
  'domain.creditCodeTaken':
    'This unified social credit code is already registered. If you work there, ask its administrator to invite you.',
  'domain.creditCodePending':
    'A registration with this unified social credit code is waiting for its email to be confirmed. If a colleague made it, ask them to look for the confirmation mail; if not, you can register again in about {hours} hours if it is still unconfirmed by then.',
  'domain.emailRegistered': 'This email is already registered; sign in instead.',
  'domain.emailTaken': 'This email is already registered.',
  'domain.scopeInvalid': 'Choose a valid jurisdiction.',
  'domain.attachmentLimit': 'At most {n} attachments per need or offer.',
  'domain.publishNeedsVerification': 'An organisation can publish once it is verified; drafts can be saved now.',
  'domain.statusForbidsAction': 'This cannot be done in the current status.',
  'domain.endDatePassed': 'The end date has passed; change it before publishing.',
}
