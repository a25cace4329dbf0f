// Messages for bad input: unreadable or over-large submissions, ids in forms, taken references.
export const zh = {
  'input.formUnreadable': '提交的表单无法读取，请返回页面重新提交。',
  'input.tooLargeTitle': '提交的内容过大',
  'input.tooLargeHint': '表单内容不能超过 {kb} KB。请缩短较长的文字后重新提交；上传文件请使用页面上的上传按钮。',
  'input.back': '返回首页',
  'input.invalidId': '请从列表中选择',
  'input.referenceTaken': '内部编号“{reference}”已被本机构的另一条需求使用，请换一个编号',
} as const

export const en: Record<keyof typeof zh, string> = {
  'input.formUnreadable': 'The form could not be read. Go back to the page and submit it again.',
  'input.tooLargeTitle': 'What you sent is too large',
  'input.tooLargeHint':
    'A form may hold at most {kb} KB. Shorten the longest texts and submit again; upload files with the upload button on the page.',
  'input.back': 'Back to the home page',
  'input.invalidId': 'Choose one from the list',
  'input.referenceTaken': 'The reference “{reference}” is already used by another listing of your organisation; choose another one',
}
