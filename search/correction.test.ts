import { describe, expect, it } from 'vitest'
import { correctedOrPlain, emptyFacets, type MatchingStrategy } from './listing-search'
import { correctTypos, soundsLike, spelledInHanzi } from './vocabulary'

/** The order correctedOrPlain asks in, against an index that finds `totals[q]` listings for a query. */
async function askedFor(q: string, totals: Record<string, number>) {
  const asked: string[] = []
  const result = await correctedOrPlain(q, async (query: string, strategy: MatchingStrategy) => {
    asked.push(`${query} ${strategy}`)
    const total = totals[query] ?? 0
    return { hits: [], total, facets: emptyFacets(), page: 1, totalPages: total ? 1 : 0, processingTimeMs: 0 }
  })
  return { asked, result }
}

describe('typo correction, for the engine and the fallback alike', () => {
  it('corrects a homophone into a trade word the dictionary lacks or holds only as a rare word', () => {
    expect(correctTypos('轮谷电机')?.query).toBe('轮毂电机')
    expect(correctTypos('点运标注')?.query).toBe('点云标注')
  })

  it('corrects in the middle of a multi-word query, and leaves the other words alone', () => {
    expect(correctTypos('煤矿 提升鸡 维修')?.query).toBe('煤矿 提升机 维修')
    expect(correctTypos('大数据 Jave 开发')?.query).toBe('大数据 java 开发')
  })

  it('corrects a Latin word one letter wrong or two letters swapped, only into a known trade term', () => {
    expect(correctTypos('Jave 开发')?.query).toBe('java 开发')
    expect(correctTypos('Pyhton 可视化')?.query).toBe('python 可视化')
    expect(correctTypos('Java 开发')).toBeNull()
    expect(correctTypos('IGBT模块')).toBeNull()
    expect(correctTypos('PLC编程')).toBeNull()
    expect(correctTypos('5G 煤矿')).toBeNull()
  })

  it('is sure of a common word made whole from a stray character, not of a two-character guess', () => {
    expect(correctTypos('焊接机器仁')).toEqual({ query: '焊接机器人', sure: true })
    expect(correctTypos('刻蚀工义')).toEqual({ query: '刻蚀工艺', sure: false })
  })

  it('leaves queries of real words alone', () => {
    expect(correctTypos('液压支架 实习')).toBeNull()
    expect(correctTypos('太原理工大学')).toBeNull()
    expect(correctTypos('光伏组件')).toBeNull()
    // 计算机 is a platform word, but 技 belongs to 技术.
    expect(correctTypos('云计算技术应用')).toBeNull()
    expect(correctTypos('光伏组建')?.query).toBe('光伏组件')
  })

  it('spells a query as it sounds only when a word is unknown or nothing matched', () => {
    expect(soundsLike('点运标注')).toBe('dianyun biaozhu')
    expect(soundsLike('焊接机器仁 实习')).toBe('hanjie jiqiren shixi')
    expect(soundsLike('提升机')).toBeNull()
    expect(soundsLike('光线熔接')).toBeNull()
    expect(soundsLike('光线熔接', true)).toBe('guangxian rongjie')
    expect(soundsLike('PLC')).toBeNull()
  })

  it('spells pinyin as the platform word it stands for', () => {
    expect(spelledInHanzi('laonianhuli')).toBe('老年护理')
    expect(spelledInHanzi('ddb')).toBe('订单班')
    expect(spelledInHanzi('xnyqc shixi')).toBe('新能源汽车 实习')
    expect(spelledInHanzi('internship')).toBeNull()
    // Whole-query spelling: every word must be pinyin, and a Latin term posts use (BI, AI) is meant as typed.
    expect(spelledInHanzi('fajiao', { every: true })).toBe('发酵')
    expect(spelledInHanzi('xnyqc shixi', { every: true })).toBe('新能源汽车 实习')
    expect(spelledInHanzi('fajiao internship', { every: true })).toBeNull()
    expect(spelledInHanzi('ai', { every: true })).toBeNull()
  })

  it('spells a query all in pinyin in Chinese even when the pinyin finds some, so descriptions count', async () => {
    const some = await askedFor('fajiao', { fajiao: 4, 发酵: 9 })
    expect(some.asked).toEqual(['fajiao all', '发酵 all'])
    expect(some.result.total).toBe(9)
    const fewer = await askedFor('ditie', { ditie: 5, 地铁: 2 })
    expect(fewer.result.total).toBe(5)
    const chinese = await askedFor('液压支架', { 液压支架: 12 })
    expect(chinese.asked).toEqual(['液压支架 all'])
  })

  it('searches an English query as its Chinese rendering only when it finds few as typed', async () => {
    const content = await askedFor('coking wastewater', { 焦化: 3, '焦化 废水': 2 })
    expect(content.asked).toEqual(['coking wastewater all', '焦化 废水 all'])
    expect(content.result.total).toBe(2)
    // coal names the coal-mining cluster: its English name finds it as typed, 煤 would find every coke post.
    const named = await askedFor('coal', { coal: 18, 煤: 40 })
    expect(named.asked).toEqual(['coal all'])
    const loose = await askedFor('cabin crew internship', { 空乘: 2 })
    expect(loose.asked).toContain('空乘 实习 last')
    expect(loose.result.total).toBe(0)
  })

  it('tries the corrected query, then the query as it sounds, only while the one before finds few', async () => {
    const typo = await askedFor('点运标注', { dianyun: 0, 'dianyun biaozhu': 4 })
    expect(typo.asked).toEqual(['点运标注 all', '点云标注 all', 'dianyun biaozhu all'])
    expect(typo.result.total).toBe(4)
    const sure = await askedFor('焊接机器仁', { 焊接机器人: 5 })
    expect(sure.asked).toEqual(['焊接机器人 all'])
    expect(sure.result.correctedQuery).toBe('焊接机器人')
    const plain = await askedFor('液压支架', { 液压支架: 12 })
    expect(plain.asked).toEqual(['液压支架 all'])
    const pinyin = await askedFor('laonianhuli', { laonianhuli: 1, 老年护理: 3 })
    expect(pinyin.asked).toEqual(['laonianhuli all', '老年护理 all'])
  })
})
