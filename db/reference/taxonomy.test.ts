import { describe, expect, it } from 'vitest'
import { cityByCode, orgKindByCode, regionOfCity, taxonomy } from './taxonomy'

// The copy is compared with shared/domain/taxonomy.json by hand when that file changes (it was re-copied,
// not retyped); nothing at run time or in tests reads outside the repository, so a clone works alone.
describe('taxonomy copy', () => {
  it('has the 职业本科学校 kind and English names for every city, regional group and kind', () => {
    expect(orgKindByCode.get('vocational_undergrad')).toMatchObject({ name: '职业本科学校', en: 'Vocational undergraduate university' })
    const named = [...taxonomy.regions.cities, ...taxonomy.regions.groups, ...taxonomy.org_kinds, ...taxonomy.clusters]
    expect(named.filter((n) => !n.en?.trim()).map((n) => n.code)).toEqual([])
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
