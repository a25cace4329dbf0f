import { cityByCode, taxonomy } from '../taxonomy'
import { CLUSTER_CONTENT, FIRM_BRANDS } from './cluster-content'
import type { Random } from './random'

export type EnterpriseSeed = {
  name: string
  city: string
  clusters: string[]
  staff: number
  technicalPosts: number
  description: string
  address: string
}

const SUFFIXES = ['有限公司', '有限公司', '股份有限公司', '科技有限公司', '集团有限公司']
const DISTRICTS: Record<string, string[]> = {
  taiyuan: ['山西转型综合改革示范区', '小店区', '万柏林区', '尖草坪区', '晋源区'],
  datong: ['大同经济技术开发区', '平城区', '云冈区'],
  shuozhou: ['朔城区', '朔州经济开发区'],
  xinzhou: ['忻府区', '原平市', '忻州经济开发区'],
  yangquan: ['阳泉经济技术开发区', '城区', '郊区'],
  lvliang: ['离石区', '孝义市', '交城县'],
  jinzhong: ['榆次区', '晋中开发区', '太谷区', '介休市'],
  changzhi: ['潞州区', '长治高新区', '襄垣县'],
  jincheng: ['城区', '泽州县', '晋城经济技术开发区'],
  linfen: ['尧都区', '侯马市', '临汾经济开发区'],
  yuncheng: ['盐湖区', '河津市', '闻喜县', '运城经济技术开发区'],
}
const ROADS = ['科技街', '创业大道', '长治路', '学府街', '迎宾路', '工业园路', '锦绣大道', '龙城大街', '汇通路', '新建路']

/** ≥300 fictional enterprises, each marked 示例, placed where its industry really sits. */
export function generateEnterprises(rand: Random, count: number): EnterpriseSeed[] {
  const names = new Set<string>()
  const result: EnterpriseSeed[] = []
  const clusterCodes = taxonomy.clusters.map((c) => c.code)
  for (let i = 0; result.length < count && i < count * 20; i++) {
    const cluster = clusterCodes[result.length % clusterCodes.length]!
    const content = CLUSTER_CONTENT[cluster]!
    const city = rand.weighted(content.cities)
    const cityShort = cityByCode.get(city)!.name.replace(/市$/, '')
    const name = `${rand.chance(0.5) ? cityShort : '山西'}${rand.pick(FIRM_BRANDS)}${rand.pick(content.firmWords)}${rand.pick(SUFFIXES)}（示例）`
    if (names.has(name)) continue
    names.add(name)
    const staff = rand.weighted([
      [rand.int(50, 299), 4],
      [rand.int(300, 999), 4],
      [rand.int(1000, 3000), 2],
      [rand.int(3000, 8000), 1],
    ])
    const clusterInfo = taxonomy.clusters.find((c) => c.code === cluster)!
    const second = rand.chance(0.25) ? rand.pick(clusterCodes.filter((c) => c !== cluster)) : undefined
    const keywords = rand.sample(clusterInfo.keywords, 3)
    result.push({
      name,
      city,
      clusters: second ? [cluster, second] : [cluster],
      staff,
      technicalPosts: Math.round(staff * (0.15 + rand.next() * 0.25)),
      description: `示例企业，位于${cityByCode.get(city)!.name}，属于${clusterInfo.name}产业集群，主营${keywords.join('、')}相关产品与服务。长期与省内职业院校开展实习实训和技术合作，欢迎院校洽谈。`,
      address: `${cityByCode.get(city)!.name}${rand.pick(DISTRICTS[city] ?? ['开发区'])}${rand.pick(ROADS)} ${rand.int(1, 300)} 号`,
    })
  }
  return result
}
