import { describe, expect, it } from 'vitest'
import { detectQueryIntents } from './query-intent'

const codes = (q: string, chosen = {}) => detectQueryIntents(q, chosen).map((i) => `${i.param}:${i.code}`)

describe('detectQueryIntents', () => {
  it('recognises cooperation-type words, including short forms of the taxonomy names', () => {
    expect(codes('实习')).toEqual(['type:internship'])
    expect(codes('教师实践')).toEqual(['type:teacher_practice'])
    expect(codes('实验室')).toEqual(['type:joint_lab'])
    expect(codes('产业学院')).toEqual(['type:industry_college'])
    expect(codes('技术转移')).toEqual(['type:tech_transfer'])
    expect(codes('internship')).toEqual(['type:internship'])
  })

  it('recognises cities and clusters in Chinese and English', () => {
    expect(codes('机电一体化 实习 太原')).toEqual(['type:internship', 'city:taiyuan'])
    expect(codes('晋中市')).toEqual(['city:jinzhong'])
    expect(codes('Datong')).toEqual(['city:datong'])
    expect(codes('半导体 封装')).toEqual(['cluster:semiconductor'])
    expect(codes('photovoltaics')).toEqual(['cluster:photovoltaic'])
  })

  it('finds terms inside an unspaced query and gives the query without them', () => {
    const [intent] = detectQueryIntents('太原数控')
    expect(intent).toMatchObject({ param: 'city', code: 'taiyuan', matched: '太原', remainingQuery: '数控' })
  })

  it('drops the matched word from the remaining query', () => {
    const intents = detectQueryIntents('机电一体化 实习 太原')
    expect(intents[0]).toMatchObject({ matched: '实习', remainingQuery: '机电一体化 太原' })
  })

  it('offers nothing already chosen, and nothing for ordinary words or one character', () => {
    expect(codes('实习 太原', { type: ['internship'] })).toEqual(['city:taiyuan'])
    expect(codes('液压支架')).toEqual([])
    expect(codes('实')).toEqual([])
    expect(codes('the')).toEqual([])
    expect(codes('')).toEqual([])
  })
})
