// Messages of DomainError codes and of the error pages beyond the core ones.
export const zh = {
  'domain.forbidden': '您没有权限执行此操作',
  'domain.notFound': '内容不存在，或您没有权限查看',
  'domain.conflict': '内容已被他人更新，请刷新后重试',
  'domain.invalid': '提交的内容有误，请检查后重试',
  'domain.rateLimited': '操作过于频繁，请稍后再试',
  'domain.unavailable': '服务暂时不可用，请稍后重试',
  'error.conflict': '内容已更新',
  'error.conflictHint': '您看到的内容已被他人修改，请刷新页面后再试。',
  'error.unavailable': '暂时不可用',
  'error.unavailableHint': '数据库暂时不可用，请稍后重试。',
  'error.signIn': '登录',
  'error.switchOrg': '切换机构',
  'error.reload': '刷新页面',
} as const

export const en: Record<keyof typeof zh, string> = {
  'domain.forbidden': 'You may not do this.',
  'domain.notFound': 'This does not exist, or you may not see it.',
  'domain.conflict': 'Someone else changed this; reload and try again.',
  'domain.invalid': 'Something in what you sent is wrong; check it and try again.',
  'domain.rateLimited': 'Too many attempts; please wait and try again.',
  'domain.unavailable': 'The service is briefly unavailable; please try again shortly.',
  'error.conflict': 'This has changed',
  'error.conflictHint': 'What you were looking at was changed by someone else. Reload the page and try again.',
  'error.unavailable': 'Temporarily unavailable',
  'error.unavailableHint': 'The database is temporarily unavailable. Please try again shortly.',
  'error.signIn': 'Sign in',
  'error.switchOrg': 'Switch organisation',
  'error.reload': 'Reload the page',
}
