import { describe, expect, it } from 'vitest'
import { parseFigureRef } from '../../app/domain/metrics/records.server'

const parse = (query: string) => parseFigureRef(new URLSearchParams(query))
const refusedField = (query: string) => {
  try {
    parse(query)
  } catch (e) {
    return (e as { field?: string }).field
  }
  throw new Error('expected a refusal')
}

describe('figure references from the URL', () => {
  it('keeps every known parameter under its reference name, the organisation as a number', () => {
    expect(
      parse(
        'figure=quota&ftype=internship&direction=offer&stage=contact&key=internsPlaced&org=42&platform=industry_college&fcluster=coal_machinery',
      ),
    ).toEqual({
      figure: 'quota',
      type: 'internship',
      direction: 'offer',
      stage: 'contact',
      key: 'internsPlaced',
      org: 42,
      platform: 'industry_college',
      cluster: 'coal_machinery',
    })
    expect(parse('figure=platforms&key=registered')).toEqual({ figure: 'platforms', key: 'registered' })
  })

  it('names the first parameter it does not know, in URL-parameter terms', () => {
    expect(refusedField('figure=nope')).toBe('figure')
    expect(refusedField('figure=orgs&ftype=nope&fcluster=nope')).toBe('ftype')
    expect(refusedField('figure=orgs&direction=sideways')).toBe('direction')
    expect(refusedField('figure=orgs&key=registered')).toBe('key')
    expect(refusedField('figure=orgs&org=12a&platform=nope')).toBe('org')
    expect(refusedField('figure=orgs&platform=nope&fcluster=nope')).toBe('platform')
    expect(refusedField('figure=orgs&fcluster=nope')).toBe('fcluster')
  })

  it('asks for what the figure needs', () => {
    expect(refusedField('figure=stage')).toBe('stage')
    expect(refusedField('figure=outcome')).toBe('key')
    expect(refusedField('figure=quota&org=3')).toBe('org')
  })
})
