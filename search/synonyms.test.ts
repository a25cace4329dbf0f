import { describe, expect, it } from 'vitest'
import { taxonomy } from '../db/reference'
import { queryTerms } from './query-terms'
import { MAJOR_RENAMES, ONE_WAY, ONE_WAY_BY_CLUSTER, SYNONYMS_BY_CLUSTER, longSynonymsFor, synonymMap } from './synonyms'

describe('synonym file', () => {
  it('has groups for every cluster of the taxonomy, and no group of one word', () => {
    for (const cluster of taxonomy.clusters) expect(SYNONYMS_BY_CLUSTER[cluster.code]?.length ?? 0, cluster.code).toBeGreaterThanOrEqual(8)
    expect(Object.keys(SYNONYMS_BY_CLUSTER).filter((k) => k !== 'across' && !taxonomy.clusters.some((c) => c.code === k))).toEqual([])
    expect(
      Object.values(SYNONYMS_BY_CLUSTER)
        .flat()
        .filter((group) => new Set(group).size < 2),
    ).toEqual([])
  })

  it('links trade shorthand, Latin abbreviations and everyday words to the trade word', () => {
    const synonyms = synonymMap()
    expect(synonyms['智驾']).toContain('智能驾驶')
    expect(synonyms['网安']).toContain('网络安全')
    expect(synonyms['太阳能板']).toContain('光伏组件')
    expect(synonyms['飞行汽车']).toContain('eVTOL')
    expect(synonyms['探伤']).toContain('无损检测')
    expect(synonyms['割煤机']).toContain('采煤机')
    expect(synonyms['HPLC']).toContain('高效液相色谱')
    // 太阳能 alone is also the solar water heater: it stays out of the module's group.
    expect(synonyms['太阳能'] ?? []).not.toContain('光伏组件')
  })

  it('expands an everyday word into the trade word, never the reverse', () => {
    const synonyms = synonymMap()
    expect(synonyms['高铁']).toContain('动车组')
    expect(synonyms['动车组'] ?? []).not.toContain('高铁')
    expect(synonyms['药厂']).toContain('制药')
    expect(synonyms['制药'] ?? []).not.toContain('药厂')
    for (const [word, targets] of Object.entries(ONE_WAY)) expect(targets, word).not.toContain(word)
  })

  it('lets an English word find the Chinese, never the reverse (飞行员 must not match "pilot-scale bases")', () => {
    const synonyms = synonymMap()
    expect(synonyms['pilot']).toContain('飞行员')
    expect(synonyms['飞行员'] ?? []).not.toContain('pilot')
    expect(synonyms['SiC']).toContain('碳化硅')
    expect(synonyms['碳化硅']).toContain('SiC')
    const solar = queryTerms('solar panel 实习')
    expect(solar.map((t) => t.word)).toEqual(['solar panel', '实习'])
    expect(solar[0]?.spellings).toContain('光伏组件')
  })

  it('reads Latin shorthand whatever its case, alone or stuck to Chinese (fallback)', () => {
    for (const q of ['SiC', 'sic', 'SIC']) expect(queryTerms(q)[0]?.spellings, q).toContain('碳化硅')
    const igbt = queryTerms('IGBT模块')
    expect(igbt.map((t) => t.word)).toEqual(['IGBT', '模块'])
    expect(igbt[0]?.spellings).toContain('功率模块')
    expect(queryTerms('plc编程')[0]?.spellings).toContain('可编程控制器')
    expect(queryTerms('5G')[0]?.word).toBe('5G')
    const hyphened = queryTerms('SiC-MOSFET')
    expect(hyphened.map((t) => t.word)).toEqual(['SiC', 'MOSFET'])
    expect(hyphened[1]?.spellings).toContain('场效应管')
  })

  it('links a major renamed by the 2021 catalogue to its old name', () => {
    const synonyms = synonymMap()
    expect(synonyms['智能光电制造技术']).toContain('光电制造与应用技术')
    expect(synonyms['城市轨道交通车辆技术']).toContain('城市轨道车辆应用技术')
    expect(MAJOR_RENAMES.every((group) => group.length === 2)).toBe(true)
  })

  it('gives a document the synonyms too long for Meilisearch to expand, of words it says', () => {
    // 无人机驾驶员 is four words to Meilisearch's segmenter: as a query it never expands to 飞手.
    expect(longSynonymsFor('植保无人机飞手实习')).toContain('无人机驾驶员')
    expect(longSynonymsFor('专业:光电制造与应用技术')).toContain('智能光电制造技术')
    // Not what it already says, not for a short synonym (Meilisearch expands those), Latin only as a whole word.
    expect(longSynonymsFor('无人机驾驶员培训')).not.toContain('无人机驾驶员')
    expect(longSynonymsFor('割煤机检修实习')).toEqual([])
    expect(longSynonymsFor('HPLC 含量测定')).not.toContain('可编程控制器')
    // A cluster's full name is in every document of the cluster already.
    expect(longSynonymsFor('新能源汽车维修')).not.toContain('智能网联新能源汽车')
  })

  it('merges one-way words kept per cluster: a word in two clusters finds what each says', () => {
    for (const cluster of taxonomy.clusters)
      expect(Object.keys(ONE_WAY_BY_CLUSTER[cluster.code] ?? {}).length, cluster.code).toBeGreaterThanOrEqual(10)
    expect(Object.keys(ONE_WAY_BY_CLUSTER).filter((k) => k !== 'across' && !taxonomy.clusters.some((c) => c.code === k))).toEqual([])
    // 冬天 is cold weather for a battery (冬季, 低温) and the heating season for a boiler (供暖).
    expect(ONE_WAY['冬天']).toEqual(expect.arrayContaining(['冬季', '低温', '供暖']))
    // 磁铁 kept its first target when the metals cluster added its own.
    expect(ONE_WAY['磁铁']).toEqual(expect.arrayContaining(['磁体', '永磁']))
    expect(synonymMap()['煤渣']).toContain('煤矸石')
    expect(synonymMap()['煤矸石'] ?? []).not.toContain('煤渣')
  })

  it('never floods: no cluster name expands one way, and no word expands into a whole family', () => {
    const clusterNames = new Set(taxonomy.clusters.flatMap((c) => [c.name, c.short]))
    expect(Object.keys(ONE_WAY).filter((word) => clusterNames.has(word))).toEqual([])
    expect(Object.entries(ONE_WAY).filter(([, targets]) => targets.length > 8)).toEqual([])
    // Single characters would expand inside every word that holds them.
    expect(Object.keys(ONE_WAY).filter((word) => [...word].length < 2)).toEqual([])
  })

  it('finds a long synonym wherever the document says its word, Latin only as a whole word', () => {
    expect(longSynonymsFor('负责皮带机巡检')).toEqual(expect.arrayContaining(['带式输送机', '皮带输送机']))
    expect(longSynonymsFor('IDC机房')).toContain('互联网数据中心')
    expect(longSynonymsFor('XIDC机房')).not.toContain('互联网数据中心')
    expect(longSynonymsFor('IDCX')).not.toContain('互联网数据中心')
  })
})
