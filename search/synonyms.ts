import { taxonomy } from '../db/reference'

/**
 * Words people type for the same thing, per cluster. Each group is symmetric: any word finds
 * listings that say any other. Curated by hand from how each trade writes: Latin shorthand for
 * materials and technologies, trade shorthand, everyday words for technical ones and the reverse.
 * The taxonomy stays the source of cluster names and keywords (linked below, not retyped).
 *
 * Rules for adding a group: the words must mean the same thing to the people who post, not merely
 * be related (光伏 and 太阳能热水器 are not the same trade, so 太阳能 is not a synonym of 光伏);
 * an abbreviation that is also a common word elsewhere stays out.
 */
export const SYNONYM_GROUPS: string[][] = [
  // 信息技术应用创新: the policy name, its short form and the everyday "domestic" phrasing.
  ['信创', '信息技术应用创新', '国产化替代'],
  ['统信', 'UOS'],
  ['国产操作系统', '国产系统'],
  ['麒麟', 'Kylin'],
  ['达梦', 'DM数据库'],
  ['等保', '等级保护'],
  // 半导体: Latin formulae and shorthand used on every datasheet.
  ['芯片', '集成电路', 'IC'],
  ['碳化硅', 'SiC'],
  ['氮化镓', 'GaN'],
  ['砷化镓', 'GaAs'],
  ['封测', '封装测试'],
  ['PCB', '印制电路板', '线路板'],
  ['IGBT', '功率模块'],
  // 大数据融合创新
  ['人工智能', 'AI'],
  ['大模型', '大语言模型', 'LLM'],
  ['机器视觉', '工业视觉', '视觉检测'],
  ['物联网', 'IoT'],
  ['算力中心', '智算中心'],
  // IDC is the trade's name for a data centre; a 机房 (see ONE_WAY) is only sometimes one.
  ['数据中心', 'IDC', '互联网数据中心'],
  ['容器化', '容器', 'K8s', 'Kubernetes'],
  // 光电
  ['LED', '发光二极管'],
  ['激光雷达', 'LiDAR'],
  ['紫外', 'UV'],
  // 光伏: cell technologies are named by their Latin acronyms.
  ['异质结', 'HJT'],
  ['TOPCon', '隧穿氧化层钝化'],
  ['PERC', '钝化发射极'],
  ['光伏电站', '太阳能电站', '光伏发电站'],
  ['光伏组件', '光伏板', '光伏电池板'],
  // 碳基新材料
  ['碳纤维复合材料', 'CFRP'],
  // 炭 is the trade's character for carbon products, 碳 the element; people type either.
  ['活性炭', '活性碳'],
  ['炭素', '碳素'],
  // 特种金属材料
  ['数控', 'CNC'],
  ['3D打印', '增材制造'],
  ['钕铁硼', '稀土永磁', '稀土磁铁'],
  // Element symbols in front of 合金 are how datasheets and drawings write the alloy.
  ['Mg合金', '镁合金'],
  ['Al合金', '铝合金'],
  ['Ti合金', '钛合金'],
  // 生物基新材料: the everyday "plastic" for the technical "material".
  ['可降解塑料', '可降解材料', '生物降解材料'],
  ['聚乳酸', 'PLA'],
  ['聚羟基脂肪酸酯', 'PHA'],
  // 先进轨道交通装备
  ['城轨', '城市轨道交通', '地铁'],
  ['动车组', '动车', '高铁列车'],
  // 煤机智能制造装备: the workshop names of the machines.
  ['带式输送机', '皮带机', '皮带输送机'],
  ['刮板输送机', '溜子'],
  ['PLC', '可编程控制器'],
  // 智能网联新能源汽车
  ['新能源汽车', '新能源车', '电动汽车', '电动车', 'NEV'],
  ['电池管理系统', 'BMS'],
  ['动力电池', '锂电池', '锂电'],
  ['充电桩', '充电站'],
  ['氢能', '氢燃料', '加氢'],
  ['智能驾驶', '自动驾驶', 'ADAS'],
  ['车联网', 'V2X'],
  // 通用航空
  ['无人机', '无人驾驶航空器', '无人机驾驶员', '飞手', 'drone', 'UAV'],
  ['航空维修', '飞机维修', '航空器维修', '机务维修'],
  ['电动垂直起降', 'eVTOL'],
  // 现代生物医药和大健康
  ['康养', '养老', '健康养老'],
  ['养老院', '养老机构', '敬老院', '养老社区', '康养社区'],
  ['护理员', '护工'],
  ['GMP', '药品生产质量管理规范'],
  // 节能环保
  ['碳中和', '双碳', '碳达峰'],
  ['CCUS', '碳捕集'],
  ['污水处理', '废水处理', '水处理'],
  ['污水', '废水'],
  // Across clusters: how people say "placement", "welding", "apprenticeship".
  ['实习', '顶岗实习', '实训'],
  ['电焊', '焊接'],
  ['学徒', '现代学徒制'],
  ['汽修', '汽车维修', '汽车检测与维修'],
  ['MOSFET', '场效应管', 'MOS管'],
]

/**
 * Words that stand for more specific ones, but not the reverse: an everyday or broad word (火车, 机房,
 * 修理) finds the trade's word, while a search for the trade's word does not pull in every post that
 * uses the everyday one (a 火车站 shop for 机车, a 网吧机房 for 数据中心). Each key lists what it also finds.
 */
export const ONE_WAY: Record<string, string[]> = {
  // 先进轨道交通装备: passengers say 火车, the trade says 机车 (the locomotive) and 列车.
  火车: ['机车', '列车'],
  // 智能网联新能源汽车: 电车 and EV are what drivers say.
  电车: ['新能源汽车', '电动汽车'],
  EV: ['电动汽车', '新能源汽车'],
  // 光伏: PV on inverters and datasheets.
  PV: ['光伏'],
  // 大数据融合创新
  机房: ['数据中心'],
  // 现代生物医药和大健康
  药企: ['制药企业', '制药'],
  // 通用航空: people say 开飞机 for the pilot's trade, 飞机 for any aircraft.
  开飞机: ['飞行员', '飞行'],
  飞机: ['航空器'],
  // 煤机智能制造装备: 隔爆 is the explosion-proof type coal-mine equipment is built to.
  防爆: ['隔爆'],
  // 特种金属材料: the magnet as sold, the magnet as made.
  磁铁: ['磁体'],
  // 节能环保 / 大数据: the water a household knows, the network a utility runs.
  自来水: ['供水'],
  漏水: ['漏损'],
  // Across clusters: 修理 is what people say, 维修 and 检修 what posts write.
  修理: ['维修', '检修'],
  维护: ['运维'],
}

/** Synonym map: every word → the other words of its groups (taxonomy names, regions, cities, curated groups), and the one-way words. */
export function synonymMap(): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {}
  const link = (words: string[]) => {
    const unique = [...new Set(words)].filter(Boolean)
    for (const word of unique) {
      synonyms[word] = [...new Set([...(synonyms[word] ?? []), ...unique.filter((w) => w !== word)])]
    }
  }
  for (const cluster of taxonomy.clusters) link([cluster.name, cluster.short])
  for (const group of taxonomy.regions.groups) link([group.name, group.older_name])
  for (const city of taxonomy.regions.cities) link([city.name, city.name.replace(/市$/, '')])
  for (const words of SYNONYM_GROUPS) link(words)
  for (const [word, targets] of Object.entries(ONE_WAY)) synonyms[word] = [...new Set([...(synonyms[word] ?? []), ...targets])]
  return synonyms
}
