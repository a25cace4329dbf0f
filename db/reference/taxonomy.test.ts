import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cityByCode, regionOfCity, taxonomy } from './taxonomy'

describe('taxonomy copy', () => {
  const shared = path.resolve(import.meta.dirname, '../../../shared/domain/taxonomy.json')

  it.runIf(existsSync(shared))('matches shared/domain/taxonomy.json', () => {
    const ours = readFileSync(path.join(import.meta.dirname, 'taxonomy.json'), 'utf8')
    expect(JSON.parse(ours)).toEqual(JSON.parse(readFileSync(shared, 'utf8')))
  })

  it('has the 14 clusters, 11 cities each in one regional group, and the five cooperation types', () => {
    expect(taxonomy.clusters).toHaveLength(14)
    expect(cityByCode.size).toBe(11)
    for (const code of cityByCode.keys()) expect(regionOfCity.get(code)).toBeDefined()
    expect(taxonomy.cooperation_types.map((t) => t.code)).toEqual([
      'internship',
      'teacher_practice',
      'joint_lab',
      'industry_college',
      'tech_transfer',
    ])
  })
})
