import { importColumns } from '../../app/lib/import-columns'

/** The registration form of a Jinzhong coal-machinery enterprise, as the browser posts it. */
export const registrationForm = (values: { name: string; email: string }) => ({
  kind: 'enterprise',
  name: values.name,
  creditCode: '91350100M000100Y43',
  cityCode: 'jinzhong',
  address: '晋中市榆次区汇通产业园 6 号',
  clusters: ['coal_machinery'],
  staffCount: '1200',
  technicalPostCount: '300',
  contactName: '王建国',
  contactPhone: '13912345678',
  email: values.email,
  password: 'Meiji2026Shanxi',
  confirmPassword: 'Meiji2026Shanxi',
})

/** The links a registration's mail carries, as the route builds them for this machine. */
export const registrationLinks = {
  confirmUrl: (token: string) => `http://localhost/confirm-email/${token}`,
  signInUrl: 'http://localhost/login',
  resetUrl: 'http://localhost/forgot-password',
}

/** The fields every internship listing form fills, details aside (their shape depends on who reads them). */
export const internshipListingFields = (title: string) => ({
  direction: 'offer',
  type: 'internship',
  title,
  description: '面向机电一体化技术专业学生，提供液压支架装配、调试与智能化改造岗位，配带教师傅，包住宿。',
  clusters: ['coal_machinery'],
  cityCode: 'changzhi',
  capacity: '12',
  startsOn: '2027-03-01',
  endsOn: '2027-06-30',
})

export const internshipImportHeaders = importColumns('internship').map((c) => c.header)

const importValues: Record<string, string> = {
  需求或供给: '供给',
  详细说明: '面向机电一体化技术专业学生，参与液压支架电控系统的装配、调试与井下联调，配带教师傅。',
  产业集群: '煤机装备',
  城市: '长治',
  数量: '10',
  开始日期: '2027-03-01',
  结束日期: '2027-06-30',
  专业: '机电一体化技术、电气自动化技术',
  人数: '10',
  实习时段: '2027 年春季学期',
  实习地点: '长治市潞州区',
  每日工时: '8',
}

/** One row of the internship import sheet, cells in header order; a column neither here nor in `values` stays empty. */
export const internshipImportRow = (values: Record<string, string>) =>
  internshipImportHeaders.map((h) => ({ ...importValues, ...values })[h] ?? '')
