import { describe, expect, it } from 'vitest'
import { withoutFillers } from './listing-search'
import { queryTerms, tolerantTerms } from './query-terms'
import { synonymMap } from './synonyms'
import { bigramTokens, pinyinTerms, wordPinyinTerms } from './text'
import { correctTypos, hanziForPinyin, latinCorrection, oneEditApart } from './vocabulary'

describe('Chinese text for search', () => {
  it('cuts Chinese into bigrams (a lone character stays) and keeps Latin words', () => {
    expect(bigramTokens('TOPCon电池 液压支架 石')).toEqual(['topcon', '电池', '液压', '压支', '支架', '石'])
  })

  it('gives titles full pinyin and initials of words and neighbouring pairs', () => {
    const terms = pinyinTerms('综采液压支架装配').split(' ')
    expect(terms).toEqual(expect.arrayContaining(['yeya', 'zhijia', 'yeyazhijia', 'yyzj', 'zongcai']))
  })

  it('gives the description full pinyin of its words and neighbouring pairs, without what the title has', () => {
    const terms = wordPinyinTerms(['负责刮板输送机中部槽的堆焊，石墨烯导热膜。'], 'guaban').split(' ')
    // 中部/槽 and 石墨/烯 are cut apart by jieba: the pair carries the whole word.
    expect(terms).toEqual(expect.arrayContaining(['shusongji', 'zhongbu', 'zhongbucao', 'shimoxi', 'daoremo']))
    expect(terms).not.toContain('guaban')
    // No lone syllables, initials or whole sentences: they would match by chance.
    expect(terms).not.toContain('cao')
    expect(terms).not.toContain('zbc')
    expect(terms.every((t) => t.length < 20)).toBe(true)
  })

  it('corrects a homophone typo into the platform term, and leaves correct words alone', () => {
    expect(correctTypos('碳化归')).toEqual({ query: '碳化硅', sure: true })
    expect(correctTypos('鲲鹏服务气')?.query).toBe('鲲鹏服务器')
    expect(correctTypos('液压支架 实习')).toBeNull()
    expect(correctTypos('太原理工大学')).toBeNull()
  })

  it('reads pinyin as the Chinese it stands for (for the fallback)', () => {
    expect(hanziForPinyin('tanhuagui')).toContain('碳化硅')
    expect(hanziForPinyin('gfzj')).toContain('光伏组件')
    expect(hanziForPinyin('coal')).toEqual([])
  })

  it('splits a run of Chinese into words that each can match, never a lone character', () => {
    expect(queryTerms('等保测评').map((t) => t.word)).toEqual(['等保', '测评'])
    expect(queryTerms('internship Taiyuan')).toMatchObject([{ types: ['internship'] }, { cities: ['taiyuan'] }])
  })

  it('reads 专业 after a name as the major, not as a word the listing must say', () => {
    expect(withoutFillers('护理专业')).toBe('护理')
    expect(withoutFillers('大数据技术专业 实习')).toBe('大数据技术 实习')
    expect(withoutFillers('专业')).toBe('专业')
    expect(withoutFillers('环境工程专业群')).toBe('环境工程专业群')
  })

  it('expands an everyday word into the trade word, never the reverse', () => {
    const synonyms = synonymMap()
    expect(synonyms['火车']).toEqual(expect.arrayContaining(['机车', '列车']))
    expect(synonyms['机车'] ?? []).not.toContain('火车')
    expect(synonyms['光伏板']).toContain('光伏组件')
    expect(synonyms['光伏组件']).toContain('光伏板')
  })

  it('reads a Latin word one edit from a platform term as that term (for the fallback)', () => {
    expect(oneEditApart('topcno', 'topcon')).toBe(true)
    expect(oneEditApart('evtl', 'evtol')).toBe(true)
    expect(oneEditApart('topcon', 'topcon')).toBe(false)
    expect(oneEditApart('tpocno', 'topcon')).toBe(false)
    expect(latinCorrection('TOPCno')).toBe('topcon')
    expect(latinCorrection('eVOTL')).toBe('evtol')
    expect(latinCorrection('TOPCon')).toBeNull()
    expect(latinCorrection('abc')).toBeNull()
  })

  it('tolerates one wrong character in an unknown Chinese word, never in a known one', () => {
    expect(tolerantTerms(queryTerms('逆变气'))?.[0]?.tsquery).toContain('(逆变)')
    expect(tolerantTerms(queryTerms('服务器'))).toBeNull()
    expect(tolerantTerms(queryTerms('TOPCno'))?.[0]?.word).toBe('topcon')
  })
})
