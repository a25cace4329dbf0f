import { describe, expect, it } from 'vitest'
import { configureSearch, searchOrganisations } from '../../app/search.server'
import { createOrganisation } from '../factories'
import { prepareSearch } from '../setup/search'

const params = (overrides: Partial<Parameters<typeof searchOrganisations>[0]> = {}) => ({
  q: '',
  kinds: [],
  cities: [],
  clusters: [],
  verifiedOnly: false,
  page: 1,
  perPage: 20,
  ...overrides,
})

describe('finding organisations', () => {
  it('by name, kind, city and cluster, never government units, in Meilisearch and then from Postgres', async () => {
    const { indexer } = await prepareSearch()
    const college = await createOrganisation({
      name: '山西机电职业技术学院',
      kind: 'vocational_higher',
      cityCode: 'changzhi',
      clusters: ['coal_machinery'],
    })
    await createOrganisation({ name: '长治示例煤机装备有限公司', cityCode: 'changzhi', clusters: ['coal_machinery'] })
    await createOrganisation({ name: '长治市教育局', kind: 'government', cityCode: 'changzhi' })
    await indexer.drainAll()

    const byName = await searchOrganisations(params({ q: '机电职业' }))
    expect(byName.engine).toBe('meilisearch')
    expect(byName.hits[0]!.id).toBe(college.id)
    expect(byName.hits[0]!.highlightedName).toContain('<mark>')
    const colleges = await searchOrganisations(params({ kinds: ['vocational_higher'], cities: ['changzhi'] }))
    expect(colleges.hits.map((h) => h.id)).toEqual([college.id])
    const inChangzhi = await searchOrganisations(params({ cities: ['changzhi'] }))
    expect(inChangzhi.hits.map((h) => h.name)).not.toContain('长治市教育局')
    expect(inChangzhi.facets.kind).toEqual({ enterprise: 1, vocational_higher: 1 })

    configureSearch({ url: 'http://127.0.0.1:9' })
    const fallback = await searchOrganisations(params({ q: '机电职业' }))
    expect(fallback.engine).toBe('postgres')
    expect(fallback.hits.map((h) => h.id)).toEqual([college.id])
    expect((await searchOrganisations(params({ cities: ['changzhi'] }))).total).toBe(2)
  })
})
