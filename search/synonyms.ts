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
  // 光电
  ['LED', '发光二极管'],
  ['激光雷达', 'LiDAR'],
  ['紫外', 'UV'],
  // 光伏: cell technologies are named by their Latin acronyms.
  ['异质结', 'HJT'],
  ['TOPCon', '隧穿氧化层钝化'],
  ['PERC', '钝化发射极'],
  ['光伏电站', '太阳能电站', '光伏发电站'],
  // 碳基新材料
  ['碳纤维复合材料', 'CFRP'],
  // 特种金属材料
  ['数控', 'CNC'],
  ['3D打印', '增材制造'],
  ['钕铁硼', '稀土永磁'],
  // 生物基新材料: the everyday "plastic" for the technical "material".
  ['可降解塑料', '可降解材料', '生物降解材料'],
  ['聚乳酸', 'PLA'],
  ['聚羟基脂肪酸酯', 'PHA'],
  // 先进轨道交通装备
  ['城轨', '城市轨道交通', '地铁'],
  ['动车组', '高铁列车'],
  // 煤机智能制造装备: the workshop names of the machines.
  ['带式输送机', '皮带机', '皮带输送机'],
  ['刮板输送机', '溜子'],
  ['PLC', '可编程控制器'],
  // 智能网联新能源汽车
  ['新能源汽车', '新能源车', '电动汽车', '电动车'],
  ['电池管理系统', 'BMS'],
  ['动力电池', '锂电池', '锂电'],
  ['充电桩', '充电站'],
  ['氢能', '氢燃料', '加氢'],
  ['智能驾驶', '自动驾驶', 'ADAS'],
  ['车联网', 'V2X'],
  // 通用航空
  ['无人机', '无人驾驶航空器', '无人机驾驶员', '飞手', 'drone', 'UAV'],
  ['电动垂直起降', 'eVTOL'],
  // 现代生物医药和大健康
  ['康养', '养老', '健康养老'],
  ['GMP', '药品生产质量管理规范'],
  // 节能环保
  ['碳中和', '双碳', '碳达峰'],
  ['CCUS', '碳捕集'],
  ['污水处理', '废水处理', '水处理'],
  // Across clusters: how people say "placement", "welding", "apprenticeship".
  ['实习', '顶岗实习', '实训'],
  ['电焊', '焊接'],
  ['学徒', '现代学徒制'],
]

/** Symmetric synonym map: every word → the other words of its groups (taxonomy names, regions, cities, curated groups). */
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
  return synonyms
}
