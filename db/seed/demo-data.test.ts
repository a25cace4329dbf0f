import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { MAJORS, isMajorAt, type MajorLevel } from '../reference/majors'
import { INSTITUTIONS } from './institutions'
import { CLUSTER_FRAGMENTS, draftListing } from './listing-templates'
import { createRandom } from './random'

/** The Ministry of Education's 2025 list of Shanxi's institutions of higher education, as copied into the repo. */
const MOE: { name: string; city_code: string; kind: string; private: string; level: string }[] = parse(
  readFileSync(new URL('../reference/shanxi-institutions-2025.csv', import.meta.url)),
  { columns: true },
)
const moeByName = new Map(MOE.map((r) => [r.name, r]))

const LEVEL: Record<string, MajorLevel> = {
  undergrad: '本科',
  vocational_undergrad: '职业本科',
  vocational_higher: '专科',
  vocational_secondary: '中职',
}
/** Secondary schools and research institutes are not institutions of higher education, so not on the Ministry's list. */
const HIGHER = INSTITUTIONS.filter((i) => i.kind === 'undergrad' || i.kind === 'vocational_undergrad' || i.kind === 'vocational_higher')

describe('demo institutions, as a Shanxi official would check them', () => {
  it('are each on the Ministry of Education 2025 list, in its city, of its kind, public or private as listed', () => {
    const wrong = HIGHER.flatMap((i) => {
      const row = moeByName.get(i.name)
      if (!row) return [`${i.name}: not on the list`]
      const problems = []
      if (row.city_code !== i.city) problems.push(`${i.name}: in ${row.city_code}, not ${i.city}`)
      if (row.kind !== i.kind) problems.push(`${i.name}: ${row.kind}, not ${i.kind}`)
      if ((row.private === 'yes') !== Boolean(i.private)) problems.push(`${i.name}: private is ${row.private}`)
      return problems
    })
    expect(wrong).toEqual([])
    expect(MOE).toHaveLength(82)
  })

  it('name each institution once, with the merged, renamed and closed colleges gone', () => {
    const names = INSTITUTIONS.map((i) => i.name)
    expect(new Set(names).size).toBe(names.length)
    for (const gone of ['山西交通职业技术学院', '山西建筑职业技术学院', '山西轻工职业技术学院', '山西煤炭职业技术学院'])
      expect(names).not.toContain(gone)
    expect(INSTITUTIONS.find((i) => i.name === '山西工程科技职业大学')).toMatchObject({ kind: 'vocational_undergrad', city: 'taiyuan' })
    expect(INSTITUTIONS.find((i) => i.name === '运城职业技术大学')).toMatchObject({ kind: 'vocational_undergrad', private: true })
  })

  it('include the institutions a provincial user expects for the clusters', () => {
    const where = Object.fromEntries(INSTITUTIONS.map((i) => [i.name, i.city]))
    expect(where).toMatchObject({
      山西通用航空职业技术学院: 'datong',
      大同数据科技职业学院: 'datong',
      山西卫生健康职业学院: 'taiyuan',
      山西医药学院: 'lvliang',
      山西中医药大学: 'taiyuan',
      太原师范学院: 'taiyuan',
      山西传媒学院: 'taiyuan',
    })
  })
})

describe('demo majors', () => {
  it('are in the majors file at the level the institution teaches', () => {
    const wrong = INSTITUTIONS.filter((i) => LEVEL[i.kind]).flatMap((i) =>
      i.majors.filter((m) => !isMajorAt(m, LEVEL[i.kind]!)).map((m) => `${i.name}: ${m} (${LEVEL[i.kind]})`),
    )
    expect(wrong).toEqual([])
  })

  it('of the clusters are higher-vocational (专科) and undergraduate (本科) catalogue majors', () => {
    const wrong = Object.entries(CLUSTER_FRAGMENTS).flatMap(([cluster, f]) => [
      ...f.vocMajors.filter((m) => !isMajorAt(m, '专科')).map((m) => `${cluster}: ${m} (专科)`),
      ...f.ugMajors.filter((m) => !isMajorAt(m, '本科')).map((m) => `${cluster}: ${m} (本科)`),
    ])
    expect(wrong).toEqual([])
  })

  it('replace the names that are not in the catalogues by the catalogue’s own', () => {
    const all = new Set(MAJORS.map((m) => m.name))
    for (const old of ['城市轨道交通车辆技术', '工业分析技术', '焊接技术与自动化', '有色冶金技术', '仪器科学与技术'])
      expect(all).not.toContain(old)
    expect(MAJORS).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: '城市轨道车辆应用技术', level: '专科', code: '500602' }),
        expect.objectContaining({ name: '分析检验技术', level: '专科', code: '470208' }),
        expect.objectContaining({ name: '智能焊接技术', level: '专科', code: '460110' }),
        expect.objectContaining({ name: '有色金属智能冶金技术', level: '专科', code: '430501' }),
        expect.objectContaining({ name: '测控技术与仪器', level: '本科', code: '080301' }),
      ]),
    )
    for (const m of MAJORS) if (m.code) expect(m.code).toMatch(/^\d{6}[TK]?$/)
  })

  it('in listings follow the owner: universities ask for undergraduate majors, colleges for higher-vocational ones', () => {
    const rand = createRandom(2026)
    const wrong: string[] = []
    for (const inst of INSTITUTIONS.filter((i) => LEVEL[i.kind]))
      for (const cluster of inst.clusters)
        for (const type of ['internship', 'industry_college'] as const) {
          const draft = draftListing(type, 'need', {
            rand,
            cluster,
            org: { name: inst.name, shortName: inst.name, kind: inst.kind, majors: inst.majors },
            cityCode: inst.city,
            startsOn: '2027-03-01',
            endsOn: '2027-06-30',
          })
          for (const m of draft.details.majors as string[]) if (!isMajorAt(m, LEVEL[inst.kind]!)) wrong.push(`${inst.name} ${type}: ${m}`)
        }
    expect(wrong).toEqual([])
  })
})
