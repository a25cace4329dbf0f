import type { CooperationTypeCode } from './schemas/listing'

/**
 * The columns of a bulk-import sheet, per cooperation type. Headers are Chinese because the
 * people filling them in are; `path` says where the value goes in the listing form.
 */
/** How the web form shows the same field: the import sheet and the form share one definition. */
export type ColumnInput = 'text' | 'number' | 'checkbox' | 'textarea' | 'date' | { options: { value: string; label: string }[] }

export type ImportColumn = { header: string; path: string; required: boolean; example: string; hint?: string; input?: ColumnInput }

export const COMMON_COLUMNS: ImportColumn[] = [
  { header: '内部编号', path: 'reference', required: true, example: 'SX-2027-001', hint: '本机构内唯一；再次导入同一编号会更新原记录' },
  { header: '需求或供给', path: 'direction', required: true, example: '供给', hint: '填“需求”或“供给”' },
  { header: '标题', path: 'title', required: true, example: '综采液压支架装配与调试顶岗实习' },
  {
    header: '详细说明',
    path: 'description',
    required: true,
    example: '面向机电一体化技术专业学生，提供液压支架装配、调试岗位，配带教师傅，包住宿。',
  },
  { header: '产业集群', path: 'clusters', required: true, example: '煤机智能制造装备', hint: '集群全称或简称，多个用、分隔' },
  { header: '城市', path: 'cityCode', required: true, example: '晋中市', hint: '山西 11 个地级市之一' },
  { header: '数量', path: 'capacity', required: true, example: '20' },
  { header: '开始日期', path: 'startsOn', required: true, example: '2027-03-01' },
  { header: '结束日期', path: 'endsOn', required: true, example: '2027-06-30' },
]

/** For the types whose details do not ask for majors: optional, searched and offered as a filter. */
const MAJORS_COLUMN: ImportColumn = {
  header: '面向专业',
  path: 'majors',
  required: false,
  example: '机电一体化技术',
  hint: '选填；多个用、分隔',
}

export const TYPE_COLUMNS: Record<CooperationTypeCode, ImportColumn[]> = {
  internship: [
    { header: '专业', path: 'details.majors', required: true, example: '机电一体化技术、电气自动化技术' },
    { input: 'number', header: '人数', path: 'details.headcount', required: true, example: '20' },
    { header: '实习时段', path: 'details.period', required: true, example: '2027 年春季学期' },
    { header: '实习地点', path: 'details.location', required: true, example: '晋中市榆次区' },
    { input: 'number', header: '每日工时', path: 'details.dailyHours', required: true, example: '8' },
    { input: 'number', header: '月补贴（元）', path: 'details.stipendYuanPerMonth', required: true, example: '2400' },
    { input: 'checkbox', header: '提供住宿', path: 'details.accommodation', required: false, example: '是' },
    { input: 'checkbox', header: '订单班', path: 'details.orderClass', required: false, example: '否' },
    { input: 'checkbox', header: '现代学徒制', path: 'details.apprenticeship', required: false, example: '否' },
    { input: 'number', header: '实践课时占比（%）', path: 'details.practicalHoursShare', required: false, example: '60' },
  ],
  teacher_practice: [
    { header: '专业方向', path: 'details.field', required: true, example: '机电一体化' },
    { input: 'number', header: '岗位数', path: 'details.posts', required: true, example: '4' },
    { input: 'number', header: '实践天数', path: 'details.durationDays', required: true, example: '45' },
    { header: '时间安排', path: 'details.schedule', required: true, example: '暑期集中' },
    { input: 'textarea', header: '实践内容', path: 'details.tasks', required: true, example: '参与液压支架电控系统调试与工艺改进' },
    { input: 'checkbox', header: '计入双师型', path: 'details.countsForDualQualified', required: false, example: '是' },
    MAJORS_COLUMN,
  ],
  joint_lab: [
    { header: '研究方向', path: 'details.researchDirection', required: true, example: '煤矿井下智能感知' },
    { input: 'number', header: '企业投入（万元）', path: 'details.investmentEnterpriseWan', required: true, example: '300' },
    { input: 'number', header: '院校投入（万元）', path: 'details.investmentCollegeWan', required: true, example: '100' },
    { header: '设备与场地', path: 'details.equipment', required: false, example: '井下环境模拟实验舱 1 套' },
    { input: 'number', header: '合作年限', path: 'details.durationYears', required: true, example: '3' },
    { input: 'textarea', header: '预期成果', path: 'details.expectedOutputs', required: true, example: '发明专利 3 项，样机 1 台' },
    MAJORS_COLUMN,
  ],
  industry_college: [
    { header: '专业', path: 'details.majors', required: true, example: '智能制造装备技术' },
    { input: 'number', header: '年招生规模', path: 'details.plannedEnrolmentPerYear', required: true, example: '120' },
    { header: '共建资源', path: 'details.coBuiltResources', required: false, example: '课程、实训基地、师资' },
    { input: 'textarea', header: '治理方式', path: 'details.governance', required: true, example: '理事会领导下的院长负责制' },
  ],
  tech_transfer: [
    {
      input: {
        options: [
          { value: 'problem', label: '技术难题（寻求解决）' },
          { value: 'result', label: '成果（可转让/许可）' },
        ],
      },
      header: '类别',
      path: 'details.kind',
      required: true,
      example: '成果',
      hint: '填“难题”（技术难题）或“成果”（可转让/许可的成果）',
    },
    { input: 'number', header: '预算（万元）', path: 'details.budgetWan', required: false, example: '', hint: '难题必填' },
    { input: 'textarea', header: '能力要求', path: 'details.requiredCapability', required: false, example: '', hint: '难题必填' },
    { header: '专利号', path: 'details.patentNumbers', required: false, example: 'ZL202110123456.7' },
    { input: 'number', header: '技术成熟度', path: 'details.trl', required: false, example: '6', hint: '成果必填，1–9' },
    {
      input: { options: ['转让', '许可', '作价入股'].map((v) => ({ value: v, label: v })) },
      header: '转化方式',
      path: 'details.mode',
      required: false,
      example: '许可',
      hint: '成果必填：转让、许可或作价入股',
    },
    { input: 'number', header: '最低价格（万元）', path: 'details.priceMinWan', required: false, example: '50' },
    { input: 'number', header: '最高价格（万元）', path: 'details.priceMaxWan', required: false, example: '120' },
    MAJORS_COLUMN,
  ],
}

export function importColumns(type: CooperationTypeCode): ImportColumn[] {
  return [...COMMON_COLUMNS, ...TYPE_COLUMNS[type]]
}
