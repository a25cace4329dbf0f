import { describe, expect, it } from 'vitest'
import { textFit } from './features'
import { keyTerms } from './terms.server'

describe('key terms (jieba TF-IDF)', () => {
  it('finds the domain words of a listing and leaves out generic ones', () => {
    const terms = keyTerms('综采液压支架装配与调试顶岗实习，面向机电一体化技术专业学生，提供煤机装备装配、调试岗位').map((t) => t.keyword)
    expect(terms).toContain('综采')
    expect(terms).not.toContain('专业')
    expect(terms).not.toContain('学生')
  })

  it('makes related listings closer than unrelated ones', () => {
    const post = keyTerms('液压支架装配调试实习岗位，综采工作面设备维护')
    const need = keyTerms('机电专业学生寻求综采液压支架企业实习')
    const chips = keyTerms('碳化硅晶圆封装测试工艺实习，集成电路')
    expect(textFit(need, post).score).toBeGreaterThan(textFit(need, chips).score)
  })
})
