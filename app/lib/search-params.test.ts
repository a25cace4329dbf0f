import { describe, expect, it } from 'vitest'
import { parseSearchParams, toSearchUrl } from './search-params'

const parse = (query: string) => parseSearchParams(new URLSearchParams(query))

describe('search URL state', () => {
  it('round-trips the whole state through the URL', () => {
    const params = parse('q=煤机&cluster=coal_machinery&cluster=nev&type=internship&city=jinzhong&region=southeast&verified=1&dir=offer&sort=newest&page=3')
    expect(params).toMatchObject({ q: '煤机', clusters: ['coal_machinery', 'nev'], types: ['internship'], cities: ['jinzhong'], regions: ['southeast'], verifiedOnly: true, directions: ['offer'], sort: 'newest', page: 3 })
    expect(parse(toSearchUrl(params).split('?')[1]!)).toEqual(params)
  })

  it('keeps a month window and a phase, and drops malformed ones', () => {
    const params = parse('from=2027-03&to=2027-06&phase=ongoing')
    expect(new Date(params.from! * 86_400_000).toISOString().slice(0, 10)).toBe('2027-03-01')
    expect(new Date(params.to! * 86_400_000).toISOString().slice(0, 10)).toBe('2027-06-30')
    expect(params.phase).toBe('ongoing')
    expect(toSearchUrl(params)).toBe('/search?from=2027-03&to=2027-06&phase=ongoing')
    expect(parse('from=2027-13&to=soon&phase=yesterday')).toMatchObject({ from: undefined, to: undefined, phase: undefined })
  })

  it('drops unknown facet values and sorts', () => {
    expect(parse('cluster=steel&cluster=nev&type=x&city=beijing&kind=alien&dir=sideways&sort=random')).toMatchObject({
      clusters: ['nev'],
      types: [],
      cities: [],
      orgKinds: [],
      directions: [],
      sort: 'relevance',
    })
  })

  it('clamps pages that are negative, huge or not numbers', () => {
    expect(parse('page=-5').page).toBe(1)
    expect(parse('page=99999999').page).toBe(500)
    expect(parse('page=abc').page).toBe(1)
  })

  it('cuts a 10,000-character query and keeps filter syntax as plain text', () => {
    expect(parse(`q=${'煤'.repeat(10_000)}`).q).toHaveLength(200)
    expect(parse(`q=${encodeURIComponent('" OR clusters = "nev')}`).q).toBe('" OR clusters = "nev')
  })
})
