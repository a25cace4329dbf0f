import { describe, expect, it } from 'vitest'
import { MAX_PAGE, NO_FILTERS, hasFilters, parseOrganisationSearchParams, parseSearchParams, toSearchUrl } from './search-params'

const parse = (query: string) => parseSearchParams(new URLSearchParams(query))

describe('search URL state', () => {
  it('gives the defaults for an empty URL', () => {
    expect(parse('')).toEqual({
      q: '',
      clusters: [],
      types: [],
      cities: [],
      orgKinds: [],
      directions: [],
      regions: [],
      majors: [],
      orgs: [],
      verifiedOnly: false,
      from: undefined,
      to: undefined,
      phase: undefined,
      sort: 'relevance',
      page: 1,
      perPage: 20,
    })
    expect(toSearchUrl(parse(''))).toBe('/search')
  })

  it('keeps majors and organisation filters, dropping malformed organisation ids', () => {
    const params = parse('major=机电一体化技术&major=软件技术&org=12&org=abc&org=0')
    expect(params.majors).toEqual(['机电一体化技术', '软件技术'])
    expect(params.orgs).toEqual(['12'])
    expect(toSearchUrl(params)).toBe(`/search?${new URLSearchParams('major=机电一体化技术&major=软件技术&org=12')}`)
  })

  it('round-trips the whole state through the URL', () => {
    const params = parse(
      'q=煤机&cluster=coal_machinery&cluster=nev&type=internship&city=jinzhong&region=southeast&verified=1&dir=offer&sort=newest&page=3',
    )
    expect(params).toMatchObject({
      q: '煤机',
      clusters: ['coal_machinery', 'nev'],
      types: ['internship'],
      cities: ['jinzhong'],
      regions: ['southeast'],
      verifiedOnly: true,
      directions: ['offer'],
      sort: 'newest',
      page: 3,
    })
    expect(parse(toSearchUrl(params).split('?')[1]!)).toEqual(params)
  })

  it('repeats the key for each value of a multi-value filter', () => {
    const params = parse(
      'cluster=coal_machinery&cluster=nev&type=internship&type=joint_lab&city=taiyuan&kind=enterprise&dir=need&sort=closing&page=2',
    )
    expect(toSearchUrl(params)).toBe(
      '/search?cluster=coal_machinery&cluster=nev&type=internship&type=joint_lab&city=taiyuan&kind=enterprise&dir=need&sort=closing&page=2',
    )
  })

  it('applies overrides, e.g. another page or no filters', () => {
    const params = parse('q=信创&cluster=xinchuang&page=4')
    expect(toSearchUrl(params, { page: 5 })).toBe(`/search?q=${encodeURIComponent('信创')}&cluster=xinchuang&page=5`)
    expect(toSearchUrl(params, { ...NO_FILTERS, page: 1 })).toBe(`/search?q=${encodeURIComponent('信创')}`)
    expect(hasFilters(params)).toBe(true)
    expect(hasFilters(parse('q=信创'))).toBe(false)
  })

  it('keeps a month window and a phase, and drops malformed ones', () => {
    const params = parse('from=2027-03&to=2027-06&phase=ongoing')
    expect(new Date(params.from! * 86_400_000).toISOString().slice(0, 10)).toBe('2027-03-01')
    expect(new Date(params.to! * 86_400_000).toISOString().slice(0, 10)).toBe('2027-06-30')
    expect(params.phase).toBe('ongoing')
    expect(toSearchUrl(params)).toBe('/search?from=2027-03&to=2027-06&phase=ongoing')
    expect(parse('from=2027-13&to=soon&phase=yesterday')).toMatchObject({ from: undefined, to: undefined, phase: undefined })
  })

  it('silently drops unknown taxonomy codes, directions and sorts', () => {
    expect(
      parse('cluster=steel&cluster=nev&type=x&city=beijing&kind=alien&dir=sideways&region=mars&sort=random&verified=yes'),
    ).toMatchObject({
      clusters: ['nev'],
      types: [],
      cities: [],
      orgKinds: [],
      directions: [],
      regions: [],
      sort: 'relevance',
      verifiedOnly: false,
    })
  })

  it('removes repeated values and caps how many a filter takes', () => {
    expect(parse('cluster=nev&cluster=nev&cluster=xinchuang').clusters).toEqual(['nev', 'xinchuang'])
    expect(parse(Array.from({ length: 200 }, () => 'city=taiyuan').join('&')).cities).toEqual(['taiyuan'])
  })

  it('clamps pages that are negative, zero, huge or not numbers', () => {
    expect(parse('page=-5').page).toBe(1)
    expect(parse('page=0').page).toBe(1)
    expect(parse('page=99999999').page).toBe(MAX_PAGE)
    expect(parse(`page=${'9'.repeat(400)}`).page).toBe(MAX_PAGE)
    expect(parse('page=abc').page).toBe(1)
    expect(parse('page=2.5').page).toBe(1)
    expect(parse('page=1e3').page).toBe(1)
    expect(parse('page=').page).toBe(1)
    expect(parse('page=7').page).toBe(7)
    expect(MAX_PAGE).toBeLessThanOrEqual(1000)
  })

  it('cuts a 10,000-character query to 200 characters', () => {
    expect(parse(`q=${'煤'.repeat(10_000)}`).q).toHaveLength(200)
    expect(parse(`q=${'a'.repeat(10_000)}`).q).toHaveLength(200)
  })

  it('trims the query and folds runs of whitespace', () => {
    expect(parse(`q=${encodeURIComponent('  煤机 \n\t 智能制造  ')}`).q).toBe('煤机 智能制造')
  })

  it('keeps filter syntax in the query as plain text, never as a filter', () => {
    const injected = '" OR clusters = "nev'
    const params = parse(`q=${encodeURIComponent(injected)}`)
    expect(params.q).toBe(injected)
    expect(params.clusters).toEqual([])
    expect(parse(`q=${encodeURIComponent('cluster=nev&type=internship')}`)).toMatchObject({
      q: 'cluster=nev&type=internship',
      clusters: [],
      types: [],
    })
    expect(parse(`q=${encodeURIComponent('<script>alert(1)</script>')}`).q).toBe('<script>alert(1)</script>')
  })
})

describe('organisation search URL state', () => {
  it('drops the government kind and unknown codes, and clamps the page', () => {
    expect(
      parseOrganisationSearchParams(new URLSearchParams('q=太原理工&kind=government&kind=undergrad&city=x&cluster=nev&page=-1&verified=1')),
    ).toEqual({
      q: '太原理工',
      kinds: ['undergrad'],
      cities: [],
      clusters: ['nev'],
      verifiedOnly: true,
      page: 1,
      perPage: 20,
    })
  })
})
