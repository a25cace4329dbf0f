import { cityByCode, clusterByCode, taxonomy } from '../reference'
import { CLUSTER_FRAGMENTS, RELATED_CLUSTERS } from './listing-templates'
import type { Random } from './random'

/**
 * FICTIONAL enterprises for the demo. Every name contains 示例 so nobody mistakes them for real
 * companies; each sits where its industry really sits in Shanxi.
 */
export type EnterpriseSeed = {
  name: string
  /** For titles: the name without place and legal form, e.g. 汾源煤机装备. */
  shortName: string
  city: string
  clusters: string[]
  staff: number
  technicalPosts: number
  majors: string[]
  description: string
  address: string
}

/** Where each cluster's firms are (weights), after the 十四五 cluster plan's geography. */
export const CLUSTER_CITIES: Record<string, [string, number][]> = {
  coal_machinery: [
    ['taiyuan', 3],
    ['jinzhong', 3],
    ['changzhi', 2],
    ['jincheng', 2],
  ],
  xinchuang: [
    ['taiyuan', 6],
    ['jinzhong', 1],
    ['datong', 1],
  ],
  semiconductor: [
    ['taiyuan', 6],
    ['changzhi', 1],
  ],
  bigdata: [
    ['taiyuan', 4],
    ['datong', 3],
    ['yangquan', 3],
    ['jinzhong', 1],
  ],
  optoelectronics: [
    ['taiyuan', 5],
    ['changzhi', 3],
    ['jinzhong', 1],
  ],
  photovoltaic: [
    ['taiyuan', 2],
    ['jincheng', 3],
    ['changzhi', 3],
    ['datong', 3],
  ],
  carbon_materials: [
    ['taiyuan', 3],
    ['changzhi', 2],
    ['lvliang', 2],
    ['linfen', 2],
  ],
  special_metals: [
    ['yuncheng', 4],
    ['xinzhou', 2],
    ['lvliang', 2],
    ['taiyuan', 1],
  ],
  biobased_materials: [
    ['taiyuan', 3],
    ['jinzhong', 2],
    ['datong', 2],
  ],
  rail_transit: [
    ['taiyuan', 4],
    ['datong', 3],
    ['jinzhong', 2],
  ],
  nev: [
    ['jinzhong', 3],
    ['yuncheng', 2],
    ['changzhi', 2],
    ['taiyuan', 2],
  ],
  general_aviation: [
    ['taiyuan', 3],
    ['datong', 2],
    ['changzhi', 2],
  ],
  biomedicine_health: [
    ['taiyuan', 3],
    ['yuncheng', 2],
    ['jinzhong', 2],
    ['datong', 2],
  ],
  energy_saving: taxonomy.regions.cities.map((c) => [c.code, c.code === 'taiyuan' ? 2 : 1]),
}

/** How many of the enterprises belong to each cluster (relative). */
const CLUSTER_SHARE: Record<string, number> = {
  coal_machinery: 32,
  energy_saving: 30,
  carbon_materials: 24,
  special_metals: 24,
  bigdata: 24,
  photovoltaic: 24,
  nev: 22,
  biomedicine_health: 22,
  xinchuang: 20,
  semiconductor: 18,
  optoelectronics: 18,
  rail_transit: 16,
  biobased_materials: 14,
  general_aviation: 12,
}

/** Words that go into a firm's name, by cluster. */
const FIRM_WORDS: Record<string, string[]> = {
  coal_machinery: ['煤机装备', '液压支架', '智能矿山装备', '综采装备', '掘进装备', '矿山机械', '矿用电气', '矿山智能科技'],
  xinchuang: ['信创软件', '信息技术', '计算技术', '数据库技术', '信息安全', '软件科技', '云网科技'],
  semiconductor: ['碳化硅材料', '半导体科技', '晶圆科技', '芯片封测', '集成电路', '化合物半导体', '晶体材料'],
  bigdata: ['大数据科技', '云计算', '算力科技', '数据服务', '工业互联网', '人工智能科技', '数据标注'],
  optoelectronics: ['激光科技', '光电科技', '光纤传感', '红外技术', '光学器件', '光通信', '光电子'],
  photovoltaic: ['光伏科技', '太阳能', '新能源科技', '储能科技', '光伏材料', '硅材料'],
  carbon_materials: ['碳纤维', '碳材料', '煤化工', '石墨烯科技', '活性炭', '炭素', '碳基新材料'],
  special_metals: ['镁业', '铝业', '特钢制品', '特种合金', '精密铸造', '磁性材料', '金属材料'],
  biobased_materials: ['生物材料', '合成生物', '生物制造', '可降解材料', '生物科技'],
  rail_transit: ['轨道装备', '车轴', '机车配件', '轮对', '城轨科技', '铁路装备'],
  nev: ['新能源汽车', '甲醇汽车', '动力电池', '氢能科技', '智能网联科技', '汽车电子', '电驱科技'],
  general_aviation: ['通用航空', '无人机', '航空维修', '通航科技', '航空科技', '低空科技'],
  biomedicine_health: ['制药', '中药', '医疗器械', '生物医药', '康养产业', '药业', '健康科技'],
  energy_saving: ['节能科技', '环保科技', '固废利用', '余热发电', '水处理', '环境工程', '低碳科技'],
}

/** Trade names (字号): invented, avoiding well-known Shanxi groups. */
const BRANDS = [
  '汾源',
  '晋瑞',
  '恒晟',
  '鼎晋',
  '龙城',
  '并州',
  '三晋',
  '河东',
  '上党',
  '云冈',
  '太岳',
  '中条',
  '恒岳',
  '绵山',
  '晋祠',
  '文瀛',
  '凤台',
  '尧天',
  '昭余',
  '汾澜',
  '晋达',
  '瑞泽',
  '博晋',
  '宏晋',
  '恒越',
  '锦晟',
  '泰晋',
  '盛汾',
  '晋鼎',
  '华汾',
  '晋源',
  '沁河',
  '北岳',
  '雁门',
  '晋韵',
  '昌晋',
  '启晋',
  '新晋',
  '晋科',
  '晋创',
  '凯晋',
  '安晋',
  '聚晋',
  '晋航',
  '汾阳湖',
  '霍岳',
  '太宁',
  '晋远',
]
const LEGAL_FORMS = ['有限公司', '有限公司', '有限公司', '股份有限公司', '有限责任公司']

/** 区/县/开发区 by city (real divisions and development zones) and plausible road names. */
const DISTRICTS: Record<string, string[]> = {
  taiyuan: ['山西转型综合改革示范区', '小店区', '万柏林区', '尖草坪区', '晋源区', '杏花岭区', '清徐县'],
  datong: ['大同经济技术开发区', '平城区', '云冈区', '云州区'],
  shuozhou: ['朔城区', '朔州经济开发区', '怀仁市', '山阴县'],
  xinzhou: ['忻府区', '原平市', '忻州经济开发区', '定襄县'],
  yangquan: ['阳泉经济技术开发区', '城区', '矿区', '郊区', '平定县'],
  lvliang: ['离石区', '孝义市', '交城县', '文水县', '汾阳市'],
  jinzhong: ['榆次区', '晋中经济技术开发区', '太谷区', '介休市', '祁县', '平遥县'],
  changzhi: ['潞州区', '长治高新技术产业开发区', '上党区', '襄垣县', '潞城区'],
  jincheng: ['城区', '泽州县', '晋城经济技术开发区', '高平市', '阳城县'],
  linfen: ['尧都区', '侯马市', '临汾经济开发区', '洪洞县', '襄汾县'],
  yuncheng: ['盐湖区', '河津市', '闻喜县', '运城经济技术开发区', '永济市', '稷山县'],
}
const ROADS = [
  '科技街',
  '创业大道',
  '产业路',
  '工业园路',
  '学府街',
  '迎宾路',
  '新兴路',
  '兴业街',
  '锦绣大道',
  '长兴路',
  '和平路',
  '建设路',
  '振兴街',
  '开元街',
  '创新大道',
  '景明路',
  '昌盛街',
  '明德路',
]
const FACILITIES = [
  '省级企业技术中心',
  '智能化生产线',
  'CNAS 认可检测实验室',
  '中试基地',
  '数字化车间',
  '博士后创新实践基地',
  '技能大师工作室',
]
const OWNERSHIP = ['民营', '国有控股', '混合所有制', '民营', '中外合资']

const cityShort = (code: string) => cityByCode.get(code)!.name.replace(/市$/, '')

/** Splits `total` over weighted keys (largest remainder), every key with weight getting at least one when total allows. */
function apportion<K extends string>(weights: [K, number][], total: number): Map<K, number> {
  const sum = weights.reduce((s, [, w]) => s + w, 0)
  const raw = weights.map(([k, w]) => ({ k, exact: (w / sum) * total }))
  const out = new Map(raw.map(({ k, exact }) => [k, Math.floor(exact)] as [K, number]))
  let left = total - [...out.values()].reduce((s, n) => s + n, 0)
  for (const { k } of [...raw].sort((a, b) => (b.exact % 1) - (a.exact % 1))) {
    if (left <= 0) break
    out.set(k, out.get(k)! + 1)
    left--
  }
  return out
}

function staffCount(rand: Random) {
  // Skewed: many firms of 50–300, fewer of several thousand.
  return rand.weighted([
    [rand.int(50, 299), 45],
    [rand.int(300, 999), 32],
    [rand.int(1000, 2999), 16],
    [rand.int(3000, 8000), 7],
  ] as const)
}

function scaleWord(staff: number) {
  return staff < 300 ? '科技型中小' : staff < 1000 ? '中型' : staff < 3000 ? '规模以上' : '大型骨干'
}

/**
 * ≥300 fictional enterprises at scale 1. The first is the product brief's example: a
 * coal-machinery maker in Jinzhong with 1,200 staff and 300 technical posts.
 */
export function generateEnterprises(rand: Random, count: number): EnterpriseSeed[] {
  const perCluster = apportion(Object.entries(CLUSTER_SHARE) as [string, number][], Math.max(count, 14))
  const names = new Set<string>()
  const result: EnterpriseSeed[] = []
  for (const [cluster, n] of perCluster) {
    const cities = apportion(CLUSTER_CITIES[cluster]!, n)
    // Interleave cities so that small scales still spread over the cluster's places.
    const placed = rand.shuffle([...cities].flatMap(([city, k]) => Array.from({ length: k }, () => city)))
    for (const city of placed) result.push(makeEnterprise(rand, cluster, city, names))
  }
  const flagship = result.find((e) => e.clusters[0] === 'coal_machinery')
  if (flagship) {
    names.delete(flagship.name)
    Object.assign(
      flagship,
      makeEnterprise(rand, 'coal_machinery', 'jinzhong', names, {
        name: '晋中示例煤机装备有限公司',
        shortName: '示例煤机装备',
        staff: 1200,
        technicalPosts: 300,
      }),
    )
    result.splice(result.indexOf(flagship), 1)
    result.unshift(flagship)
  }
  return result.slice(0, Math.max(count, 1))
}

function makeEnterprise(
  rand: Random,
  cluster: string,
  city: string,
  names: Set<string>,
  fixed?: { name: string; shortName: string; staff: number; technicalPosts: number },
): EnterpriseSeed {
  const staff = fixed?.staff ?? staffCount(rand)
  let name = fixed?.name ?? ''
  let shortName = fixed?.shortName ?? ''
  for (let attempt = 0; !name || names.has(name); attempt++) {
    const brand = rand.pick(BRANDS)
    const word = rand.pick(FIRM_WORDS[cluster]!)
    const place = rand.weighted([
      [cityShort(city), 6],
      ['山西', 3],
      [rand.pick(DISTRICTS[city]!).replace(/(区|县|市)$/, ''), attempt > 3 ? 3 : 0],
    ] as const)
    const form = staff >= 2000 && rand.chance(0.4) ? '集团有限公司' : rand.pick(LEGAL_FORMS)
    shortName = `${brand}${word}`
    name = rand.weighted([
      [`${place}${brand}${word}${form}（示例）`, 5],
      [`（示例）${place}${brand}${word}${form}`, 3],
      [`${place}示例${brand}${word}${form}`, 2],
    ] as const)
  }
  names.add(name)
  const technicalPosts = fixed?.technicalPosts ?? Math.round(staff * rand.float(0.15, 0.4))
  const related = RELATED_CLUSTERS[cluster] ?? []
  const second = related.length && rand.chance(0.3) ? rand.pick(related) : undefined
  const clusters = second ? [cluster, second] : [cluster]
  const f = CLUSTER_FRAGMENTS[cluster]!
  const c = clusterByCode.get(cluster)!
  const majors = [...rand.sample(f.vocMajors, rand.int(2, 4)), ...rand.sample(f.ugMajors, rand.int(0, 2))]
  const products = rand.sample(f.products, 2)
  const keywords = rand.sample(c.keywords, 2)
  const district = rand.pick(DISTRICTS[city]!)
  const cityName = cityByCode.get(city)!.name
  const description = [
    `${name}是位于${cityName}${district}的${scaleWord(staff)}${rand.pick(OWNERSHIP)}企业，主要从事${products.join('、')}的研发、生产与服务${second ? `，近年向${clusterByCode.get(second)!.short}领域延伸` : ''}。`,
    `公司围绕${keywords.join('、')}方向建有${rand.pick(FACILITIES)}，现有员工约 ${staff.toLocaleString('zh-CN')} 人、技术岗位 ${technicalPosts} 个。`,
    `常年招收${majors.slice(0, 2).join('、')}等专业毕业生，愿与省内院校开展${rand.sample(['顶岗实习', '教师企业实践', '订单培养', '联合攻关', '共建实验室'], 2).join('和')}合作。`,
  ].join('')
  return {
    name,
    shortName,
    city,
    clusters,
    staff,
    technicalPosts,
    majors,
    description,
    address: `${cityName}${district}${rand.pick(ROADS)} ${rand.int(1, 399)} 号`,
  }
}
