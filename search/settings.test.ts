import { describe, expect, it } from 'vitest'
import { markHighlights } from './listing-search'
import { listingIndexSettings, searchDictionary, searchSynonyms } from './settings'

describe('search settings', () => {
  it('keeps cluster terms whole for the Chinese segmenter', () => {
    expect(searchDictionary()).toEqual(expect.arrayContaining(['煤机', '智能制造', '碳化硅', '信创']))
    expect(searchDictionary()).not.toContain('国产芯片适配')
  })

  it('links short and full cluster names both ways', () => {
    const synonyms = searchSynonyms()
    expect(synonyms['信创']).toContain('信息技术应用创新')
    expect(synonyms['信息技术应用创新']).toContain('信创')
    expect(synonyms['太原都市圈']).toContain('山西中部城市群')
  })

  it('lets an explicit sort dominate relevance', () => {
    expect(listingIndexSettings.rankingRules?.[0]).toBe('sort')
  })
})

describe('markHighlights', () => {
  it('escapes HTML in listing text and keeps only the highlight marks', () => {
    const html = markHighlights('<script>alert(1)</script>\uE000煤机\uE001 & 液压')
    expect(html).toBe('&lt;script&gt;alert(1)&lt;/script&gt;<mark>煤机</mark> &amp; 液压')
  })
})
