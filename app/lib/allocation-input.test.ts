import { describe, expect, it } from 'vitest'
import { parseCapLines, parseRequestLines } from './allocation-input'

describe('allocation input', () => {
  it('reads demand lines with cities, clusters and listing ids', () => {
    const { requests, problems } = parseRequestLines('机电一体化技术, 12, 晋中市, 煤机装备, #42\n\n软件技术，3，太原')
    expect(problems).toEqual([])
    expect(requests).toEqual([
      { line: 1, major: '机电一体化技术', headcount: 12, cities: ['jinzhong'], clusters: ['coal_machinery'], listingIds: [42] },
      { line: 3, major: '软件技术', headcount: 3, cities: ['taiyuan'], clusters: [], listingIds: [] },
    ])
  })

  it('names the line of every problem', () => {
    const { problems } = parseRequestLines('机电一体化技术\n软件技术, 0\n软件技术, 2, 火星')
    expect(problems).toEqual([
      { key: 'allocation.error.requestLine', vars: { line: 1 } },
      { key: 'allocation.error.headcount', vars: { line: 2 } },
      { key: 'allocation.error.unknownPreference', vars: { line: 3, value: '火星' } },
    ])
  })

  it('reads caps and floors per region, merging both bounds of one region', () => {
    expect(parseCapLines('晋北城镇圈, 至少, 10\n晋北城镇圈, 至多, 30\n山西中部城市群, at most, 100').caps).toEqual([
      { line: 1, region: 'north', min: 10, max: 30 },
      { line: 3, region: 'central', max: 100 },
    ])
    expect(parseCapLines('火星, 至少, 1').problems).toEqual([{ key: 'allocation.error.capLine', vars: { line: 1 } }])
  })
})
