import type { ListingSearchParams } from '../../search/types'

/**
 * Queries as people type them into the search box, with the fixture listings that must
 * appear in the first ten results. Grouped so the report shows where search is weak.
 */
export type QualityQuery = {
  group: 'cluster synonyms' | 'partial words' | 'typos' | 'mixed filters' | 'everyday'
  q: string
  filters?: Partial<Omit<ListingSearchParams, 'q' | 'page' | 'perPage' | 'sort'>>
  expect: string[]
}

export const QUERIES: QualityQuery[] = [
  // Short names, full names and the words an industry uses for itself
  { group: 'cluster synonyms', q: '信创', expect: ['xc-db', 'xc-kunpeng', 'xc-lab', 'xc-college', 'xc-os'] },
  { group: 'cluster synonyms', q: '信息技术应用创新', expect: ['xc-db', 'xc-lab', 'xc-college'] },
  { group: 'cluster synonyms', q: '智能制造', expect: ['coal-smartmine', 'coal-support', 'coal-shearer'] },
  { group: 'cluster synonyms', q: '煤机', expect: ['coal-support', 'coal-shearer', 'coal-smartmine', 'coal-teacher'] },
  { group: 'cluster synonyms', q: '新能源车', expect: ['nev-battery', 'nev-college', 'nev-h2'] },
  { group: 'cluster synonyms', q: '新能源汽车', expect: ['nev-battery', 'nev-college', 'nev-methanol'] },
  { group: 'cluster synonyms', q: '半导体', expect: ['semi-sic', 'semi-pack', 'semi-gaas', 'semi-wafer'] },
  { group: 'cluster synonyms', q: '芯片', expect: ['semi-pack', 'xc-lab'] },
  { group: 'cluster synonyms', q: '通航', expect: ['ga-uav', 'ga-mro', 'ga-low', 'ga-teacher'] },
  { group: 'cluster synonyms', q: '通用航空', expect: ['ga-mro', 'ga-uav', 'ga-low'] },
  { group: 'cluster synonyms', q: '生物医药', expect: ['med-tcm', 'med-api', 'med-device', 'med-care'] },
  { group: 'cluster synonyms', q: '大健康', expect: ['med-care', 'med-tcm'] },
  { group: 'cluster synonyms', q: '节能环保', expect: ['eco-gangue', 'eco-heat', 'eco-water', 'eco-carbon'] },
  { group: 'cluster synonyms', q: '轨道交通', expect: ['rail-bogie', 'rail-axle', 'rail-loco', 'rail-college'] },
  { group: 'cluster synonyms', q: '碳基材料', expect: ['carbon-fiber', 'carbon-graphene', 'carbon-coke'] },
  { group: 'cluster synonyms', q: '特种金属', expect: ['metal-mg', 'metal-al', 'metal-ss'] },
  { group: 'cluster synonyms', q: '光伏', expect: ['pv-hjt', 'pv-topcon', 'pv-storage', 'pv-module'] },
  { group: 'cluster synonyms', q: '大数据', expect: ['bd-label', 'bd-dc', 'bd-iiot', 'bd-compute'] },
  { group: 'cluster synonyms', q: '人工智能', expect: ['bd-label', 'bd-compute'] },
  { group: 'cluster synonyms', q: '生物基材料', expect: ['bio-pla', 'bio-nylon'] },
  { group: 'cluster synonyms', q: '光电', expect: ['opto-laser', 'opto-fiber', 'opto-ir'] },
  { group: 'cluster synonyms', q: '国产化', expect: ['xc-db', 'xc-college'] },
  // Part of a word or a phrase
  { group: 'partial words', q: '液压支架', expect: ['coal-support'] },
  { group: 'partial words', q: '采煤机', expect: ['coal-shearer'] },
  { group: 'partial words', q: '碳化硅', expect: ['semi-sic'] },
  { group: 'partial words', q: '镁合金', expect: ['metal-mg'] },
  { group: 'partial words', q: '动力电池', expect: ['nev-battery'] },
  { group: 'partial words', q: '氢燃料', expect: ['nev-h2'] },
  { group: 'partial words', q: '无人机', expect: ['ga-uav'] },
  { group: 'partial words', q: '煤矸石', expect: ['eco-gangue'] },
  { group: 'partial words', q: '异质结', expect: ['pv-hjt'] },
  { group: 'partial words', q: '石墨烯', expect: ['carbon-graphene'] },
  { group: 'partial words', q: '数据标注', expect: ['bd-label'] },
  { group: 'partial words', q: '转向架', expect: ['rail-bogie'] },
  { group: 'partial words', q: '中药', expect: ['med-tcm'] },
  { group: 'partial words', q: '激光', expect: ['opto-laser'] },
  { group: 'partial words', q: '聚乳酸', expect: ['bio-pla'] },
  { group: 'partial words', q: '针状焦', expect: ['carbon-coke'] },
  { group: 'partial words', q: '余热', expect: ['eco-heat'] },
  { group: 'partial words', q: '鲲鹏', expect: ['xc-kunpeng'] },
  // Mistyped or half-remembered
  { group: 'typos', q: 'TOPcon电池', expect: ['pv-topcon'] },
  { group: 'typos', q: 'topcon', expect: ['pv-topcon'] },
  { group: 'typos', q: 'led封装', expect: ['opto-led'] },
  { group: 'typos', q: '掘进机 电气', expect: ['coal-teacher'] },
  { group: 'typos', q: '液压 支架 实习', expect: ['coal-support'] },
  { group: 'typos', q: '封装测试实习', expect: ['semi-pack'] },
  { group: 'typos', q: 'V2X', expect: ['nev-v2x'] },
  { group: 'typos', q: 'TOPCom', expect: ['pv-topcon'] },
  { group: 'typos', q: '石墨稀', expect: ['carbon-graphene'] },
  { group: 'typos', q: '鲲鹏服务气', expect: ['xc-kunpeng'] },
  { group: 'typos', q: 'v2x 车联网', expect: ['nev-v2x'] },
  // Words plus facets, as people narrow down
  {
    group: 'mixed filters',
    q: '实习',
    filters: { cities: ['taiyuan'] },
    expect: ['xc-db', 'semi-pack', 'opto-laser', 'carbon-fiber', 'rail-bogie', 'ga-uav'],
  },
  {
    group: 'mixed filters',
    q: '',
    filters: { clusters: ['coal_machinery'], directions: ['need'] },
    expect: ['coal-shearer', 'coal-college'],
  },
  {
    group: 'mixed filters',
    q: '技术',
    filters: { types: ['tech_transfer'], directions: ['offer'] },
    expect: ['xc-os', 'opto-fiber', 'metal-mg', 'pv-wafer'],
  },
  { group: 'mixed filters', q: '教师', filters: { types: ['teacher_practice'], cities: ['linfen'] }, expect: ['eco-water'] },
  {
    group: 'mixed filters',
    q: '产业学院',
    filters: { orgKinds: ['vocational_higher'] },
    expect: ['coal-college', 'rail-college', 'nev-college', 'pv-storage'],
  },
  { group: 'mixed filters', q: '', filters: { clusters: ['nev'], types: ['internship'] }, expect: ['nev-battery'] },
  {
    group: 'mixed filters',
    q: '实验室',
    filters: { clusters: ['semiconductor', 'optoelectronics'] },
    expect: ['semi-gaas', 'opto-quantum', 'opto-ir'],
  },
  { group: 'mixed filters', q: '专利', filters: { cities: ['yuncheng'] }, expect: ['metal-mg'] },
  { group: 'mixed filters', q: '', filters: { cities: ['shuozhou'] }, expect: ['eco-gangue'] },
  { group: 'mixed filters', q: '实践', filters: { clusters: ['rail_transit'] }, expect: ['rail-loco'] },
  // What people type when they just arrive
  { group: 'everyday', q: '双师型', expect: ['coal-teacher'] },
  { group: 'everyday', q: '订单班', expect: ['coal-college', 'xc-college'] },
  { group: 'everyday', q: '包住宿 实习', expect: ['bd-label'] },
  { group: 'everyday', q: '太原理工大学', expect: ['xc-lab', 'semi-sapphire', 'pv-wafer'] },
  { group: 'everyday', q: '运城', expect: ['metal-mg', 'metal-al', 'med-tcm'] },
  { group: 'everyday', q: '晋中 新能源汽车', expect: ['nev-battery', 'nev-methanol'] },
  { group: 'everyday', q: '储能', expect: ['pv-storage'] },
  { group: 'everyday', q: '碳中和', expect: ['eco-carbon'] },
]
