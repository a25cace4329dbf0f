// Publishing, dashboard listing management, quota panel, import/export and the verification queue.
export const zh = {
  'quota.yearNav': '选择年份',
  'quota.prevYear': '上一年',
  'quota.nextYear': '下一年',
  'quota.howCounted': '按当年提供的岗位计：已发布（含已暂停、已结束）且在 {year} 年内进行的岗位，每个岗位计入其进行的每一年。',
  'quota.posts': '计入情况（{n} 个实习 / 教师实践岗位）',
  'quota.postsNone': '还没有实习或教师实践岗位。',
  'quota.reason.counted': '计入 {year} 年',
  'quota.reason.not_published': '未发布，不计入',
  'quota.reason.outside_year': '不在 {year} 年内，不计入',
  'quota.places': '{n} 个名额',
} as const

export const en: Record<keyof typeof zh, string> = {
  'quota.yearNav': 'Choose a year',
  'quota.prevYear': 'Previous year',
  'quota.nextYear': 'Next year',
  'quota.howCounted':
    'Counts the places provided in the year: published offers (also paused or ended ones) running in {year}; a post counts for every year it runs in.',
  'quota.posts': 'What counts ({n} internship / teacher-placement posts)',
  'quota.postsNone': 'No internship or teacher-placement posts yet.',
  'quota.reason.counted': 'Counts for {year}',
  'quota.reason.not_published': 'Not published: does not count',
  'quota.reason.outside_year': 'Not running in {year}: does not count',
  'quota.places': '{n} places',
}
