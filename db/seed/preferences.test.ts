import { describe, expect, it } from 'vitest'
import { utility, type ListingFacts, type Side } from './preferences'

const college: Side = {
  id: 1,
  kind: 'vocational_higher',
  cityCode: 'taiyuan',
  clusters: ['coal_machinery'],
  majors: ['机电一体化技术', '软件技术'],
  staff: 800,
  students: 12_000,
  verified: true,
}
const nearby: Side = {
  id: 2,
  kind: 'enterprise',
  cityCode: 'jinzhong',
  clusters: ['coal_machinery'],
  majors: ['机电一体化技术'],
  staff: 3000,
  students: 0,
  verified: true,
}
const farAway: Side = { ...nearby, id: 3, cityCode: 'yuncheng' }
const collegeNeed: ListingFacts = { cityCode: 'taiyuan', clusters: ['coal_machinery'], majors: ['机电一体化技术'], capacity: 30 }

describe('demo partnership tastes', () => {
  it("judge the counterpart's own facts when a college owns the listing: both sides care how far apart they are", () => {
    // The college's listing is in its own city; what varies is where each enterprise is.
    expect(utility(collegeNeed, college.id, college, nearby)).toBeGreaterThan(utility(collegeNeed, college.id, college, farAway) + 0.5)
    expect(utility(collegeNeed, college.id, nearby, college)).toBeGreaterThan(utility(collegeNeed, college.id, farAway, college) + 0.5)
  })

  it("an enterprise answering a college's listing wants the majors that listing brings, matched against its own", () => {
    const software: Side = { ...nearby, id: 4, majors: ['软件技术'] }
    expect(utility(collegeNeed, college.id, nearby, college)).toBeGreaterThan(utility(collegeNeed, college.id, software, college))
  })

  it("an enterprise's own listing stands for it: its city, majors and places", () => {
    const offer: ListingFacts = { cityCode: 'yuncheng', clusters: ['coal_machinery'], majors: ['软件技术'], capacity: 40 }
    const software: Side = { ...college, id: 5, majors: ['软件技术'] }
    const mechatronics: Side = { ...college, id: 6, majors: ['机电一体化技术'] }
    // Its listing names 软件技术, whatever majors the enterprise itself lists.
    expect(utility(offer, nearby.id, nearby, software)).toBeGreaterThan(utility(offer, nearby.id, nearby, mechatronics))
    // The work is in Yuncheng: a college there is nearer to it than one in Taiyuan.
    const yuncheng: Side = { ...college, id: 7, cityCode: 'yuncheng' }
    expect(utility(offer, nearby.id, yuncheng, nearby)).toBeGreaterThan(utility(offer, nearby.id, college, nearby))
    // More places are worth more to a college.
    expect(utility({ ...offer, capacity: 40 }, nearby.id, college, nearby)).toBeGreaterThan(
      utility({ ...offer, capacity: 2 }, nearby.id, college, nearby),
    )
  })
})
