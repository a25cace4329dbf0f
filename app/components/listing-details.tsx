import { useT } from '~/lib/i18n'

/** Chinese labels for each cooperation type's own fields, in the order people read them. */
const LABELS: Record<string, [key: string, zh: string, en: string, unit?: 'yuan' | 'wan' | 'days' | 'hours' | 'percent' | 'people' | 'years'][]> = {
  internship: [
    ['majors', '专业', 'Majors'],
    ['headcount', '人数', 'Headcount', 'people'],
    ['period', '实习时段', 'Period'],
    ['location', '实习地点', 'Location'],
    ['dailyHours', '每日工时', 'Daily hours', 'hours'],
    ['stipendYuanPerMonth', '月补贴', 'Monthly stipend', 'yuan'],
    ['accommodation', '提供住宿', 'Accommodation'],
    ['orderClass', '订单班', 'Order class'],
    ['apprenticeship', '现代学徒制', 'Modern apprenticeship'],
    ['practicalHoursShare', '实践课时占比', 'Practical hours share', 'percent'],
  ],
  teacher_practice: [
    ['field', '专业方向', 'Field'],
    ['posts', '岗位数', 'Posts'],
    ['durationDays', '实践天数', 'Duration', 'days'],
    ['schedule', '时间安排', 'Schedule'],
    ['tasks', '实践内容', 'Tasks'],
    ['countsForDualQualified', '可计入双师型认定', 'Counts toward dual-qualified status'],
  ],
  joint_lab: [
    ['researchDirection', '研究方向', 'Research direction'],
    ['investmentEnterpriseWan', '企业投入', 'Enterprise investment', 'wan'],
    ['investmentCollegeWan', '院校投入', 'College investment', 'wan'],
    ['equipment', '设备与场地', 'Equipment and space'],
    ['durationYears', '合作年限', 'Duration', 'years'],
    ['expectedOutputs', '预期成果', 'Expected outputs'],
  ],
  industry_college: [
    ['majors', '专业', 'Majors'],
    ['plannedEnrolmentPerYear', '年招生规模', 'Planned enrolment per year', 'people'],
    ['coBuiltResources', '共建资源', 'Co-built resources'],
    ['governance', '治理方式', 'Governance'],
  ],
  tech_transfer: [
    ['kind', '类别', 'Kind'],
    ['budgetWan', '预算', 'Budget', 'wan'],
    ['deadline', '期限', 'Deadline'],
    ['requiredCapability', '能力要求', 'Required capability'],
    ['patentNumbers', '专利号', 'Patent numbers'],
    ['trl', '技术成熟度 (TRL)', 'Technology readiness level'],
    ['mode', '转化方式', 'Mode'],
    ['priceMinWan', '最低价格', 'Price from', 'wan'],
    ['priceMaxWan', '最高价格', 'Price up to', 'wan'],
  ],
}

export function ListingDetails({ type, details }: { type: string; details: Record<string, unknown> }) {
  const t = useT()
  const zh = t.lang === 'zh-CN'
  const render = (value: unknown, unit?: string): string => {
    if (Array.isArray(value)) return value.join(zh ? '、' : ', ')
    if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no')
    if (value === 'problem') return zh ? '技术难题' : 'Technical problem'
    if (value === 'result') return zh ? '可转化成果' : 'Result to license'
    if (typeof value === 'number') {
      const n = value.toLocaleString(zh ? 'zh-CN' : 'en-US')
      switch (unit) {
        case 'yuan':
          return zh ? `${n} 元` : `CNY ${n}`
        case 'wan':
          return zh ? `${n} 万元` : `CNY ${n}0k`
        case 'days':
          return t('common.days', { n })
        case 'hours':
          return zh ? `${n} 小时` : `${n} h`
        case 'percent':
          return `${n}%`
        case 'people':
          return t('common.people', { n })
        case 'years':
          return zh ? `${n} 年` : `${n} years`
      }
      return n
    }
    return String(value)
  }
  const rows = (LABELS[type] ?? []).filter(([key]) => details[key] !== undefined && details[key] !== null && details[key] !== '' && !(Array.isArray(details[key]) && (details[key] as unknown[]).length === 0))
  if (rows.length === 0) return null
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
      {rows.map(([key, zhLabel, enLabel, unit]) => (
        <div key={key}>
          <dt className="text-xs text-slate-500">{zh ? zhLabel : enLabel}</dt>
          <dd className="text-sm text-slate-900">{render(details[key], unit)}</dd>
        </div>
      ))}
    </dl>
  )
}
