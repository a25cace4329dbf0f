// Run by server-killed.test.ts as its own process, to be SIGKILLed mid-commit: checks and commits a
// CSV of IMPORT_ROWS internship rows for IMPORT_ORG_ID as IMPORT_USER_ID, printing progress as it writes.
import { checkImportFile, commitImport } from '../../../app/domain/listings/import.server'
import { importColumns } from '../../../app/lib/import-columns'
import { signIn } from '../../factories/accounts'

const rows = Number(process.env.IMPORT_ROWS)
const organisationId = Number(process.env.IMPORT_ORG_ID)
const { actor } = await signIn(Number(process.env.IMPORT_USER_ID), organisationId)
const values: Record<string, string> = {
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
const headers = importColumns('internship').map((c) => c.header)
const line = (ref: number) =>
  headers.map((h) => (h === '内部编号' ? `DRILL-${ref}` : h === '标题' ? `断电演练导入实习岗位 ${ref}` : (values[h] ?? ''))).join(',')
const csv = [headers.join(','), ...Array.from({ length: rows }, (_, i) => line(i + 1))].join('\n')
const check = await checkImportFile({ type: 'internship', file: { name: 'drill.csv', bytes: new TextEncoder().encode(csv) } })
if (check.errors.length || check.fileError) throw new Error(JSON.stringify(check.errors.slice(0, 3)) + check.fileError)
const result = await commitImport({
  actor,
  organisationId,
  check,
  onProgress: (_phase, done) => {
    if (done % 50 === 0) console.log(`written ${done}`)
  },
})
console.log(`committed ${JSON.stringify(result)}`)
process.exit(0)
