import { describe, expect, it } from 'vitest'
import { taxonomy } from '../../../db/reference'
import { en, zh } from './gov'

const CJK = /[\u3400-\u9fff]/

describe('policy indicators in the gov catalogue', () => {
  it('name every taxonomy indicator and its source in both languages, the English free of Chinese', () => {
    for (const { code, rule, source } of taxonomy.policy_indicators) {
      const keys = [`gov.indicator.${code}`, `gov.indicatorSource.${code}`] as (keyof typeof zh)[]
      expect([zh[keys[0]!], zh[keys[1]!]]).toEqual([rule, source])
      for (const key of keys) expect({ key, text: en[key] }).toEqual({ key, text: expect.not.stringMatching(CJK) })
    }
  })
})
