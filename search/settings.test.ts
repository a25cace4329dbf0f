import { describe, expect, it } from 'vitest'
import { markHighlights } from './listing-search'
import { listingIndexSettings, searchDictionary, searchSynonyms } from './settings'

describe('search settings', () => {
  it('keeps cluster terms whole for organisation names, but gives listings no dictionary that would hide the parts of compounds', () => {
    expect(searchDictionary()).toEqual(expect.arrayContaining(['煤机', '智能制造', '碳化硅', '信创']))
    expect(searchDictionary()).not.toContain('国产芯片适配')
    expect(listingIndexSettings.dictionary).toBeUndefined()
  })

  it('links short and full cluster names both ways', () => {
    const synonyms = searchSynonyms()
    expect(synonyms['信创']).toContain('信息技术应用创新')
    expect(synonyms['信息技术应用创新']).toContain('信创')
    expect(synonyms['太原都市圈']).toContain('山西中部城市群')
    expect(synonyms['SiC']).toContain('碳化硅')
    expect(synonyms['皮带机']).toContain('带式输送机')
  })

  it('ranks the listing text above cluster names and keywords, and breaks ties by recency', () => {
    const attributes = listingIndexSettings.searchableAttributes!
    expect(attributes.indexOf('description')).toBeLessThan(attributes.indexOf('clusterNames'))
    expect(attributes.indexOf('majors')).toBeLessThan(attributes.indexOf('clusterKeywords'))
    expect(listingIndexSettings.rankingRules?.at(-1)).toBe('publishedAt:desc')
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

  it('joins adjacent marks into one', () => {
    expect(markHighlights('\uE000碳化\uE001\uE000硅\uE001衬底')).toBe('<mark>碳化硅</mark>衬底')
  })
})
