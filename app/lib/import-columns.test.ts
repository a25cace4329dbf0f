import { describe, expect, it } from 'vitest'
import { TRANSFER_MODES } from '../../db/reference'
import { translateMessage } from './i18n/form-messages'
import { TYPE_COLUMNS } from './import-columns'
import { ListingSchema, type CooperationTypeCode } from './schemas/listing'

const COMMON = {
  direction: 'offer',
  title: '综采液压支架装配与调试顶岗实习',
  description: '面向机电一体化技术专业学生，提供液压支架装配、调试与智能化改造岗位，配带教师傅。',
  clusters: ['coal_machinery'],
  cityCode: 'jinzhong',
  capacity: '5',
  startsOn: '2027-03-01',
  endsOn: '2027-06-30',
}

/** Required only for one kind of technology listing, so the form cannot star them for both. */
const CONDITIONAL = new Set(['details.budgetWan', 'details.requiredCapability', 'details.trl', 'details.mode'])

const exampleOf = (path: string, exampleText: string) =>
  path === 'details.kind' ? 'result' : path === 'details.mode' ? TRANSFER_MODES[0] : exampleText

function errorsOf(type: CooperationTypeCode, details: Record<string, string>, common: Record<string, unknown> = COMMON) {
  const result = ListingSchema.safeParse({ ...common, type, details })
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: translateMessage('zh-CN', i.message) }))
}
const errorPaths = (type: CooperationTypeCode, details: Record<string, string>) => errorsOf(type, details).map((e) => e.path)

describe('the listing form’s stars', () => {
  it.each(Object.keys(TYPE_COLUMNS) as CooperationTypeCode[])(
    '%s: a starred field is required at publish, an unstarred one may stay blank',
    (type) => {
      const columns = TYPE_COLUMNS[type].filter((c) => c.path.startsWith('details.'))
      const complete = Object.fromEntries(columns.map((c) => [c.path.slice('details.'.length), exampleOf(c.path, c.exampleText)]))
      expect(errorPaths(type, complete)).toEqual([])
      const disagreements = columns.flatMap((c) => {
        if (CONDITIONAL.has(c.path) && !c.required) return []
        const rejected = errorPaths(type, { ...complete, [c.path.slice('details.'.length)]: '' }).includes(c.path)
        return rejected === c.required ? [] : [`${c.path}: starred ${c.required}, required ${rejected}`]
      })
      expect(disagreements).toEqual([])
    },
  )

  it('a number left blank reads as missing, not as “must be a number”', () => {
    const columns = TYPE_COLUMNS.internship.filter((c) => c.path.startsWith('details.'))
    const complete = Object.fromEntries(columns.map((c) => [c.path.slice('details.'.length), c.exampleText]))
    const blank = errorsOf('internship', { ...complete, dailyHours: ' ' }, { ...COMMON, capacity: '' })
    expect(blank).toEqual([
      { path: 'capacity', message: expect.stringMatching(/^请填写/) },
      { path: 'details.dailyHours', message: expect.stringMatching(/^请填写/) },
    ])
    expect(errorsOf('internship', { ...complete, dailyHours: 'abc' })).toEqual([
      { path: 'details.dailyHours', message: expect.stringMatching(/数字/) },
    ])
  })
})
