// Run by server-killed.test.ts as its own process, to be SIGKILLed mid-commit: checks and commits a
// CSV of IMPORT_ROWS internship rows for IMPORT_ORG_ID as IMPORT_USER_ID, printing progress as it writes.
import { checkImportFile, commitImport } from '../../../app/domain/listings/import.server'
import { signIn } from '../../factories/accounts'
import { internshipImportHeaders, internshipImportRow } from '../../factories/forms'

const rows = Number(process.env.IMPORT_ROWS)
const organisationId = Number(process.env.IMPORT_ORG_ID)
const { actor } = await signIn(Number(process.env.IMPORT_USER_ID), organisationId)
const line = (ref: number) => internshipImportRow({ 内部编号: `DRILL-${ref}`, 标题: `断电演练导入实习岗位 ${ref}` }).join(',')
const headers = internshipImportHeaders
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
