import { describe, expect, it } from 'vitest'
import { inChinese, stem } from './glossary'
import { englishInChinese } from './vocabulary'

describe('English → Chinese glossary', () => {
  it('renders the longest phrase before its words', () => {
    expect(inChinese('air source heat pump')).toBe('空气源热泵')
    expect(inChinese('heat pump')).toBe('热泵')
    expect(inChinese('order class Taiyuan')).toBe('订单班 太原')
  })

  it('tolerates plurals and -ing/-ed forms', () => {
    expect(stem('batteries')).toBe('battery')
    expect(inChinese('metro door faults')).toBe('地铁 车门 故障')
    expect(inChinese('IGBT solder voids')).toBe('IGBT 焊层空洞')
  })

  it('keeps an uninflected word its own stem (trains are 列车, training is 实训)', () => {
    expect(inChinese('metro trains')).toBe('地铁 列车')
    expect(inChinese('PLC training')).toBe('PLC 实训')
  })

  it('leaves Latin shorthand as typed and drops stop words', () => {
    expect(inChinese('BMS testing for the SiC modules')).toBe('BMS 检测 SiC 组件')
    expect(englishInChinese('Java internship')).toBe('Java 实习')
  })

  it('takes city names from the taxonomy', () => {
    expect(inChinese('internship in Yuncheng')).toBe('实习 运城')
  })

  it('renders nothing for Chinese, pinyin or unknown words', () => {
    expect(inChinese('焦化废水')).toBeNull()
    expect(inChinese('fajiao')).toBeNull()
    expect(inChinese('PLC')).toBeNull()
  })

  it('knows the trade phrases a foreign partner types, cluster by cluster, longest first', () => {
    expect(inChinese('coke oven gas hydrogen production')).toBe('焦炉煤气 制氢')
    expect(inChinese('platform screen door')).toBe('屏蔽门')
    expect(inChinese('aseptic filling')).toBe('无菌灌装')
    expect(inChinese('belt deviation inspection robot')).toBe('跑偏 巡检机器人')
    // A phrase does not steal its words: welding stays 焊接, a weld seam is 焊缝.
    expect(inChinese('welding')).toBe('焊接')
    expect(inChinese('weld seam rust')).toBe('焊缝 锈蚀')
  })
})
