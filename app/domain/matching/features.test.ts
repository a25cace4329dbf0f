import { describe, expect, it } from 'vitest'
import {
  cityDistanceKm,
  clusterOverlap,
  congestion,
  distanceFit,
  majorsFit,
  quotaGap,
  regionalPriority,
  responsivenessFit,
  textFit,
  twoSided,
  verificationFit,
  windowOverlap,
} from './features'

describe('recommendation features', () => {
  it('cluster overlap: the share of my clusters the other side is in', () => {
    expect(clusterOverlap(['coal_machinery', 'bigdata'], ['coal_machinery'])).toEqual({ score: 0.5, shared: ['coal_machinery'] })
    expect(clusterOverlap(['coal_machinery'], ['xinchuang']).score).toBe(0)
    expect(clusterOverlap([], ['xinchuang']).score).toBe(0)
  })

  it('majors fit: exact catalogue names, share of what I want', () => {
    expect(majorsFit(['机电一体化技术', '电气自动化技术'], ['机电一体化技术', '软件技术'])).toEqual({
      score: 0.5,
      shared: ['机电一体化技术'],
    })
    expect(majorsFit(['软件技术'], ['机电一体化技术']).score).toBe(0)
    expect(majorsFit([], ['机电一体化技术']).score).toBe(0)
  })

  it('text fit: cosine of keyword weights, shared keywords strongest first', () => {
    const a = [
      { keyword: '液压支架', weight: 3 },
      { keyword: '综采', weight: 2 },
      { keyword: '装配', weight: 1 },
    ]
    const b = [
      { keyword: '综采', weight: 2 },
      { keyword: '液压支架', weight: 1 },
      { keyword: '软件', weight: 5 },
    ]
    const fit = textFit(a, b)
    expect(fit.shared).toEqual(['综采', '液压支架'])
    expect(fit.score).toBeCloseTo((3 * 1 + 2 * 2) / (Math.sqrt(14) * Math.sqrt(30)), 6)
    expect(textFit(a, a).score).toBeCloseTo(1, 6)
    expect(textFit(a, [{ keyword: '芯片', weight: 1 }]).score).toBe(0)
  })

  it('city distance from the taxonomy coordinates: Taiyuan–Jinzhong is about 25 km, Datong–Yuncheng over 450 km', () => {
    expect(cityDistanceKm('taiyuan', 'taiyuan')).toBe(0)
    expect(cityDistanceKm('taiyuan', 'jinzhong')).toBeGreaterThan(15)
    expect(cityDistanceKm('taiyuan', 'jinzhong')).toBeLessThan(35)
    expect(cityDistanceKm('datong', 'yuncheng')).toBeGreaterThan(450)
    expect(cityDistanceKm('taiyuan', 'atlantis')).toBeNull()
    expect(distanceFit('taiyuan', 'taiyuan')).toEqual({ score: 1, km: 0 })
    expect(distanceFit('taiyuan', 'jinzhong').score).toBeGreaterThan(distanceFit('taiyuan', 'datong').score)
  })

  it('time-window overlap in days and whole weeks, as a share of my window', () => {
    const mine = { startsOn: '2026-03-01', endsOn: '2026-06-30' }
    expect(windowOverlap(mine, { startsOn: '2026-05-01', endsOn: '2026-12-31' })).toMatchObject({ days: 61, weeks: 8 })
    expect(windowOverlap(mine, { startsOn: '2026-01-01', endsOn: '2026-12-31' }).score).toBe(1)
    expect(windowOverlap(mine, { startsOn: '2026-07-01', endsOn: '2026-12-31' })).toEqual({ score: 0, days: 0, weeks: 0 })
  })

  it('congestion: a post chased by many open matches for its places scores lower', () => {
    expect(congestion(20, 0)).toEqual({ score: 1, remaining: 20, ratio: 0 })
    expect(congestion(20, 20).score).toBe(0.5)
    expect(congestion(2, 10).score).toBeLessThan(congestion(20, 10).score)
    expect(congestion(2, 10).remaining).toBe(0)
  })

  it('verification: verified beats pending beats unverified', () => {
    expect(verificationFit('verified').score).toBeGreaterThan(verificationFit('pending').score)
    expect(verificationFit('pending').score).toBeGreaterThan(verificationFit('unverified').score)
  })

  it('responsiveness: answering, speed and completed over terminated; unknown is neutral', () => {
    expect(responsivenessFit(undefined).score).toBe(0.5)
    const quick = responsivenessFit({ contacted: 10, answered: 9, medianReplyHours: 4, completed: 5, terminated: 0 })
    const slow = responsivenessFit({ contacted: 10, answered: 3, medianReplyHours: 120, completed: 0, terminated: 4 })
    expect(quick.score).toBeGreaterThan(0.8)
    expect(slow.score).toBeLessThan(0.3)
    expect(quick.answeredShare).toBe(0.9)
  })

  it('quota gap: 300 technical posts need 30 internship places; 18 published leave 12 missing', () => {
    expect(quotaGap({ base: 300, threshold: 0.1, published: 18 })).toEqual({ score: 12 / 30, required: 30, missing: 12 })
    expect(quotaGap({ base: 300, threshold: 0.1, published: 40 }).score).toBe(0)
    expect(quotaGap({ base: 1200, threshold: 0.005, published: 0 })).toEqual({ score: 1, required: 6, missing: 6 })
    expect(quotaGap({ base: null, threshold: 0.1, published: 0 }).score).toBe(0)
  })

  it('regional priority: both in the same regional group of the taxonomy', () => {
    expect(regionalPriority('taiyuan', 'jinzhong')).toEqual({ score: 1, region: 'central' })
    expect(regionalPriority('taiyuan', 'datong')).toEqual({ score: 0, region: null })
  })

  it('two-sided: the harmonic mean punishes a one-sided fit', () => {
    expect(twoSided(0.8, 0.8)).toBeCloseTo(0.8)
    expect(twoSided(1, 0.1)).toBeLessThan(0.2)
    expect(twoSided(0, 0)).toBe(0)
  })
})
