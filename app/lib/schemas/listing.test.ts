import { describe, expect, it } from 'vitest'
import { translateMessage } from '../i18n/form-messages'
import { ListingDraftSchema, ListingSchema } from './listing'

const internship = {
  direction: 'offer',
  type: 'internship',
  title: '综采液压支架装配与调试顶岗实习',
  description: '面向机电一体化技术专业学生，提供液压支架装配、调试与智能化改造岗位，配带教师傅，包住宿。',
  clusters: ['coal_machinery'],
  cityCode: 'jinzhong',
  capacity: '20',
  startsOn: '2027-03-01',
  endsOn: '2027-06-30',
  details: {
    majors: '机电一体化技术、电气自动化技术',
    period: '2027 年春季学期',
    location: '晋中市榆次区',
    dailyHours: '8',
    stipendYuanPerMonth: '2400',
    accommodation: 'on',
  },
}

const fieldErrors = (input: unknown, lang: 'zh-CN' | 'en' = 'zh-CN') => {
  const result = ListingSchema.safeParse(input)
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), translateMessage(lang, i.message)]))
}

describe('ListingSchema', () => {
  it('accepts a complete internship offer and normalises its details', () => {
    const parsed = ListingSchema.parse(internship)
    expect(parsed.capacity).toBe(20)
    expect(parsed.details).toMatchObject({ majors: ['机电一体化技术', '电气自动化技术'], accommodation: true, orderClass: false })
  })

  it('gives every listing its own majors: from the details where the type asks, else from the optional majors field', () => {
    expect(ListingSchema.parse(internship).majors).toEqual(['机电一体化技术', '电气自动化技术'])
    const lab = ListingSchema.safeParse({
      ...internship,
      type: 'joint_lab',
      capacity: '2',
      majors: '智能焊接技术，工业机器人技术',
      details: {
        researchDirection: '焊接机器人',
        investmentEnterpriseWan: '100',
        investmentCollegeWan: '20',
        durationYears: '3',
        expectedOutputs: '专利 2 项',
      },
    })
    expect(lab.success && lab.data.majors).toEqual(['智能焊接技术', '工业机器人技术'])
    expect(fieldErrors({ ...internship, majors: 'x'.repeat(41) })['majors.0']).toContain('不能超过 40 个字')
  })

  it('refuses an end date before the start date, in Chinese, on the end field', () => {
    expect(fieldErrors({ ...internship, endsOn: '2027-02-01' })).toEqual({ endsOn: '结束日期不能早于开始日期' })
  })

  it('refuses negative and absurd capacities', () => {
    expect(fieldErrors({ ...internship, capacity: '-3' }).capacity).toBe('数量至少为 1')
    expect(fieldErrors({ ...internship, type: 'joint_lab', capacity: '500' }).capacity).toContain('不能超过')
  })

  it('refuses unknown clusters and cities outside Shanxi', () => {
    const errors = fieldErrors({ ...internship, clusters: ['steel'], cityCode: 'beijing' })
    expect(errors['clusters.0']).toBe('未知的产业集群')
    expect(errors.cityCode).toBe('请选择山西省内的城市')
  })

  it('validates the type-specific section', () => {
    const errors = fieldErrors({ ...internship, details: { ...internship.details, majors: '', dailyHours: '20' } })
    expect(errors['details.majors']).toBe('请至少填写一项专业')
    expect(errors['details.dailyHours']).toBe('每日工时不能超过 12')
  })

  it('asks a technology result for its readiness level, mode and well-formed patent numbers', () => {
    const errors = fieldErrors({
      ...internship,
      type: 'tech_transfer',
      capacity: '1',
      details: { kind: 'result', patentNumbers: 'ZL202110123456.7、abc' },
    })
    expect(errors['details.trl']).toBe('请填写技术成熟度（1–9 级）')
    expect(errors['details.mode']).toBe('请选择转让、许可或作价入股')
    expect(errors['details.patentNumbers']).toContain('abc')
  })

  it('refuses text that is too long', () => {
    expect(fieldErrors({ ...internship, title: '煤'.repeat(81) }).title).toBe('标题不能超过 80 个字')
  })

  it('gives the same refusals in English, labels and numbers included', () => {
    const errors = fieldErrors({ ...internship, type: 'joint_lab', capacity: '500', endsOn: '2027-02-01', title: 'x'.repeat(81) }, 'en')
    expect(errors.title).toBe('Title can have at most 80 characters')
    expect(errors.endsOn).toBe('The end date cannot be before the start date')
    expect(errors.capacity).toBe('This kind of cooperation can have at most 20 places')
    expect(fieldErrors({ ...internship, details: { ...internship.details, dailyHours: '20' } }, 'en')['details.dailyHours']).toBe(
      'Daily hours can be at most 12',
    )
    expect(fieldErrors({ ...internship, type: 'industry_college', capacity: '20000' }).capacity).toContain('10,000')
  })
})

describe('ListingSchema in one round', () => {
  it('reports common and type-specific mistakes together', () => {
    const errors = fieldErrors({ ...internship, title: '', details: { ...internship.details, period: '', dailyHours: '20' } })
    expect(errors.title).toBe('请填写标题')
    expect(errors['details.period']).toBeDefined()
    expect(errors['details.dailyHours']).toBe('每日工时不能超过 12')
  })

  it('asks the number of places once: no headcount field in the internship section', () => {
    const parsed = ListingSchema.parse({ ...internship, details: { ...internship.details, headcount: '99' } })
    expect(parsed.capacity).toBe(20)
    expect(parsed.details).not.toHaveProperty('headcount')
  })

  it('leaves a blank optional percentage and stipend out instead of storing 0', () => {
    const parsed = ListingSchema.parse({
      ...internship,
      details: { ...internship.details, practicalHoursShare: '', stipendYuanPerMonth: ' ' },
    })
    expect(parsed.details.practicalHoursShare).toBeUndefined()
    expect(parsed.details.stipendYuanPerMonth).toBeUndefined()
  })
})

describe('ListingDraftSchema', () => {
  it('saves a draft with only a title, and still refuses what is wrong where given', () => {
    const draft = ListingDraftSchema.parse({
      direction: 'offer',
      type: 'internship',
      title: '综采液压支架装配实习',
      details: { majors: '' },
    })
    expect(draft).toMatchObject({ title: '综采液压支架装配实习', clusters: [], details: {} })
    expect(draft.capacity).toBeUndefined()
    const bad = ListingDraftSchema.safeParse({ direction: 'offer', type: 'internship', title: '综采液压支架装配实习', capacity: '-1' })
    expect(bad.success).toBe(false)
    expect(ListingDraftSchema.safeParse({ direction: 'offer', type: 'internship' }).success).toBe(false)
  })
})

describe('blank fields', () => {
  it('a blank required detail reads as missing, not as too short', () => {
    expect(fieldErrors({ ...internship, details: { ...internship.details, period: '' } })['details.period']).toBe('请填写实习时段')
  })
})
