/**
 * Shanxi's universities, higher-vocational colleges, a few secondary vocational schools and
 * research institutes: real names in their real cities (public facts). Student numbers are
 * rounded, realistic orders of magnitude; contacts and credit codes in the demo are fictional.
 */
export type InstitutionKind = 'undergrad' | 'vocational_higher' | 'vocational_secondary' | 'research_institute'

export type Institution = {
  name: string
  kind: InstitutionKind
  city: string
  /** Full-time students (undergraduate and vocational; research institutes: graduate students or none). */
  students?: number
  majors: string[]
  /** Industry clusters it serves, most important first. */
  clusters: string[]
  /** Privately run (民办): registered as 民办非企业单位, credit code prefix 52. */
  private?: boolean
}

export const INSTITUTIONS: Institution[] = [
  // ── 本科高校 ──
  { name: '太原理工大学', kind: 'undergrad', city: 'taiyuan', students: 40000, majors: ['机械设计制造及其自动化', '材料科学与工程', '采矿工程', '化学工程与工艺', '电气工程及其自动化', '计算机科学与技术', '微电子科学与工程', '矿物加工工程'], clusters: ['coal_machinery', 'carbon_materials', 'semiconductor', 'xinchuang'] },
  { name: '山西大学', kind: 'undergrad', city: 'taiyuan', students: 37000, majors: ['物理学', '光电信息科学与工程', '计算机科学与技术', '数据科学与大数据技术', '环境科学', '生物技术', '化学'], clusters: ['optoelectronics', 'bigdata', 'energy_saving', 'biobased_materials'] },
  { name: '中北大学', kind: 'undergrad', city: 'taiyuan', students: 32000, majors: ['仪器科学与技术', '材料成型及控制工程', '微电子科学与工程', '软件工程', '光电信息科学与工程', '飞行器设计与工程', '高分子材料与工程'], clusters: ['optoelectronics', 'semiconductor', 'special_metals', 'general_aviation'] },
  { name: '太原科技大学', kind: 'undergrad', city: 'taiyuan', students: 27000, majors: ['机械设计制造及其自动化', '材料成型及控制工程', '车辆工程', '交通运输', '冶金工程', '自动化'], clusters: ['rail_transit', 'special_metals', 'coal_machinery'] },
  { name: '山西医科大学', kind: 'undergrad', city: 'taiyuan', students: 22000, majors: ['临床医学', '药学', '医学检验技术', '生物医学工程', '预防医学', '护理学'], clusters: ['biomedicine_health'] },
  { name: '山西财经大学', kind: 'undergrad', city: 'taiyuan', students: 25000, majors: ['数据科学与大数据技术', '会计学', '金融学', '资源与环境经济学', '电子商务', '信息管理与信息系统'], clusters: ['bigdata', 'energy_saving'] },
  { name: '山西农业大学', kind: 'undergrad', city: 'jinzhong', students: 32000, majors: ['生物工程', '食品科学与工程', '中药资源与开发', '农业机械化及其自动化', '动物医学', '生物技术', '环境工程'], clusters: ['biobased_materials', 'biomedicine_health', 'energy_saving'] },
  { name: '山西师范大学', kind: 'undergrad', city: 'taiyuan', students: 25000, majors: ['计算机科学与技术', '地理信息科学', '化学', '物理学', '教育技术学', '生物科学'], clusters: ['bigdata', 'energy_saving', 'xinchuang'] },
  { name: '山西中医药大学', kind: 'undergrad', city: 'jinzhong', students: 13000, majors: ['中药学', '中医学', '中药制药', '康复治疗学', '健康服务与管理', '药物制剂'], clusters: ['biomedicine_health'] },
  { name: '太原师范学院', kind: 'undergrad', city: 'jinzhong', students: 18000, majors: ['计算机科学与技术', '地理科学', '环境工程', '物理学', '化学', '数据科学与大数据技术'], clusters: ['bigdata', 'energy_saving'] },
  { name: '山西大同大学', kind: 'undergrad', city: 'datong', students: 22000, majors: ['化学工程与工艺', '材料化学', '机械设计制造及其自动化', '临床医学', '计算机科学与技术', '物理学'], clusters: ['carbon_materials', 'bigdata', 'biomedicine_health', 'rail_transit'] },
  { name: '长治医学院', kind: 'undergrad', city: 'changzhi', students: 11000, majors: ['临床医学', '医学影像学', '护理学', '药学', '医学检验技术'], clusters: ['biomedicine_health'] },
  { name: '长治学院', kind: 'undergrad', city: 'changzhi', students: 10000, majors: ['电子信息工程', '化学工程与工艺', '计算机科学与技术', '新能源科学与工程', '机械电子工程'], clusters: ['photovoltaic', 'carbon_materials', 'optoelectronics'] },
  { name: '运城学院', kind: 'undergrad', city: 'yuncheng', students: 15000, majors: ['材料科学与工程', '机械设计制造及其自动化', '生物工程', '计算机科学与技术', '车辆工程', '应用化学'], clusters: ['special_metals', 'nev', 'biomedicine_health'] },
  { name: '忻州师范学院', kind: 'undergrad', city: 'xinzhou', students: 11000, majors: ['计算机科学与技术', '化学', '物理学', '地理科学', '旅游管理'], clusters: ['special_metals', 'bigdata', 'energy_saving'] },
  { name: '晋中学院', kind: 'undergrad', city: 'jinzhong', students: 12000, majors: ['机械设计制造及其自动化', '计算机科学与技术', '材料化学', '电子信息工程', '车辆工程'], clusters: ['nev', 'coal_machinery', 'bigdata'] },
  { name: '吕梁学院', kind: 'undergrad', city: 'lvliang', students: 12000, majors: ['矿物加工工程', '化学工程与工艺', '电气工程及其自动化', '材料科学与工程', '计算机科学与技术'], clusters: ['carbon_materials', 'special_metals', 'energy_saving'] },
  { name: '太原工业学院', kind: 'undergrad', city: 'taiyuan', students: 14000, majors: ['机械设计制造及其自动化', '材料成型及控制工程', '自动化', '化学工程与工艺', '光电信息科学与工程', '电子信息工程'], clusters: ['coal_machinery', 'rail_transit', 'special_metals', 'optoelectronics'] },
  { name: '太原学院', kind: 'undergrad', city: 'taiyuan', students: 14000, majors: ['计算机科学与技术', '环境工程', '物流管理', '材料科学与工程', '数据科学与大数据技术'], clusters: ['bigdata', 'energy_saving'] },
  { name: '山西能源学院', kind: 'undergrad', city: 'jinzhong', students: 9000, majors: ['能源与动力工程', '采矿工程', '新能源科学与工程', '安全工程', '储能科学与工程', '智能采矿工程'], clusters: ['coal_machinery', 'photovoltaic', 'energy_saving'] },
  { name: '山西传媒学院', kind: 'undergrad', city: 'jinzhong', students: 12000, majors: ['数字媒体技术', '网络与新媒体', '动画', '广播电视编导'], clusters: ['bigdata'] },
  { name: '山西工程技术学院', kind: 'undergrad', city: 'yangquan', students: 9000, majors: ['采矿工程', '机械电子工程', '数据科学与大数据技术', '智能采矿工程', '电气工程及其自动化'], clusters: ['coal_machinery', 'bigdata', 'energy_saving'] },
  { name: '山西工学院', kind: 'undergrad', city: 'shuozhou', students: 7000, majors: ['机械设计制造及其自动化', '新能源科学与工程', '环境工程', '电气工程及其自动化', '计算机科学与技术'], clusters: ['energy_saving', 'photovoltaic', 'coal_machinery'] },
  { name: '山西科技学院', kind: 'undergrad', city: 'jincheng', students: 8000, majors: ['智能制造工程', '光电信息科学与工程', '材料科学与工程', '采矿工程', '电气工程及其自动化'], clusters: ['photovoltaic', 'optoelectronics', 'coal_machinery'] },
  { name: '山西电子科技学院', kind: 'undergrad', city: 'linfen', students: 8000, majors: ['电子信息工程', '软件工程', '人工智能', '物联网工程', '计算机科学与技术'], clusters: ['xinchuang', 'bigdata'] },
  { name: '山西应用科技学院', kind: 'undergrad', city: 'taiyuan', students: 15000, majors: ['软件工程', '物联网工程', '汽车服务工程', '计算机科学与技术', '数字媒体技术'], clusters: ['xinchuang', 'nev', 'bigdata'], private: true },
  { name: '晋中信息学院', kind: 'undergrad', city: 'jinzhong', students: 14000, majors: ['计算机科学与技术', '人工智能', '新能源汽车工程', '数据科学与大数据技术', '智能制造工程'], clusters: ['bigdata', 'nev', 'xinchuang'], private: true },
  { name: '山西工商学院', kind: 'undergrad', city: 'taiyuan', students: 16000, majors: ['电子商务', '数据科学与大数据技术', '会计学', '物流管理', '软件工程'], clusters: ['bigdata', 'xinchuang'], private: true },

  // ── 高等职业院校 ──
  { name: '山西职业技术学院', kind: 'vocational_higher', city: 'taiyuan', students: 13000, majors: ['机电一体化技术', '电气自动化技术', '计算机网络技术', '工业机器人技术', '应用化工技术', '软件技术'], clusters: ['coal_machinery', 'xinchuang', 'bigdata', 'carbon_materials'] },
  { name: '山西工程职业学院', kind: 'vocational_higher', city: 'taiyuan', students: 12000, majors: ['钢铁智能冶金技术', '材料工程技术', '机电一体化技术', '工业机器人技术', '金属材料检测技术'], clusters: ['special_metals', 'coal_machinery'] },
  { name: '山西工程科技职业大学', kind: 'vocational_higher', city: 'jinzhong', students: 16000, majors: ['智能制造工程技术', '大数据工程技术', '新能源汽车工程技术', '现代通信工程', '建筑工程'], clusters: ['coal_machinery', 'bigdata', 'nev'] },
  { name: '山西机电职业技术学院', kind: 'vocational_higher', city: 'changzhi', students: 14000, majors: ['机电一体化技术', '数控技术', '新能源汽车技术', '光伏工程技术', '工业机器人技术', '无人机应用技术'], clusters: ['coal_machinery', 'nev', 'photovoltaic', 'general_aviation'] },
  { name: '山西煤炭职业技术学院', kind: 'vocational_higher', city: 'taiyuan', students: 9000, majors: ['煤矿智能开采技术', '矿山机电与智能装备', '煤化工技术', '安全技术与管理', '矿山测量'], clusters: ['coal_machinery', 'carbon_materials', 'energy_saving'] },
  { name: '山西交通职业技术学院', kind: 'vocational_higher', city: 'taiyuan', students: 13000, majors: ['新能源汽车技术', '汽车检测与维修技术', '道路与桥梁工程技术', '智能网联汽车技术', '城市轨道交通运营管理'], clusters: ['nev', 'rail_transit'] },
  { name: '山西建筑职业技术学院', kind: 'vocational_higher', city: 'jinzhong', students: 12000, majors: ['建筑工程技术', '建筑设备工程技术', '建筑节能技术', '工程造价', '建筑智能化工程技术'], clusters: ['energy_saving'] },
  { name: '山西铁道职业技术学院', kind: 'vocational_higher', city: 'taiyuan', students: 11000, majors: ['铁道机车运用与维护', '城市轨道交通车辆技术', '铁道信号自动控制', '铁道车辆技术', '铁道供电技术'], clusters: ['rail_transit'] },
  { name: '山西省财政税务专科学校', kind: 'vocational_higher', city: 'taiyuan', students: 10000, majors: ['大数据与会计', '财税大数据应用', '电子商务', '计算机应用技术'], clusters: ['bigdata'] },
  { name: '阳泉职业技术学院', kind: 'vocational_higher', city: 'yangquan', students: 8000, majors: ['云计算技术应用', '煤矿智能开采技术', '机电一体化技术', '大数据技术', '护理'], clusters: ['bigdata', 'coal_machinery'] },
  { name: '运城职业技术大学', kind: 'vocational_higher', city: 'yuncheng', students: 12000, majors: ['新能源汽车工程技术', '材料工程技术', '机械设计制造及自动化', '电子信息工程技术', '现代物流管理'], clusters: ['nev', 'special_metals'] },
  { name: '临汾职业技术学院', kind: 'vocational_higher', city: 'linfen', students: 10000, majors: ['机电一体化技术', '环境工程技术', '药品生产技术', '计算机应用技术', '应用化工技术'], clusters: ['energy_saving', 'biomedicine_health', 'carbon_materials'] },
  { name: '大同煤炭职业技术学院', kind: 'vocational_higher', city: 'datong', students: 8000, majors: ['煤矿智能开采技术', '光伏工程技术', '储能材料技术', '矿山机电与智能装备', '发电厂及电力系统'], clusters: ['coal_machinery', 'photovoltaic', 'energy_saving'] },
  { name: '朔州职业技术学院', kind: 'vocational_higher', city: 'shuozhou', students: 7000, majors: ['环境工程技术', '机电一体化技术', '新能源装备技术', '煤化工技术'], clusters: ['energy_saving', 'photovoltaic'] },
  { name: '忻州职业技术学院', kind: 'vocational_higher', city: 'xinzhou', students: 8000, majors: ['材料工程技术', '计算机应用技术', '机电一体化技术', '无人机应用技术', '旅游管理'], clusters: ['special_metals', 'bigdata', 'general_aviation'] },
  { name: '吕梁职业技术学院', kind: 'vocational_higher', city: 'lvliang', students: 8000, majors: ['应用化工技术', '煤化工技术', '机电一体化技术', '环境工程技术', '大数据技术'], clusters: ['carbon_materials', 'energy_saving', 'special_metals'] },
  { name: '长治职业技术学院', kind: 'vocational_higher', city: 'changzhi', students: 9000, majors: ['光伏工程技术', '机电一体化技术', '计算机应用技术', '光电显示技术', '汽车检测与维修技术'], clusters: ['photovoltaic', 'optoelectronics', 'nev'] },
  { name: '晋城职业技术学院', kind: 'vocational_higher', city: 'jincheng', students: 9000, majors: ['光伏工程技术', '煤矿智能开采技术', '电气自动化技术', '光电显示技术', '机电一体化技术'], clusters: ['photovoltaic', 'coal_machinery', 'optoelectronics'] },
  { name: '山西药科职业学院', kind: 'vocational_higher', city: 'taiyuan', students: 9000, majors: ['药品生产技术', '中药制药', '医疗器械维护与管理', '药品质量与安全', '药物制剂技术'], clusters: ['biomedicine_health', 'biobased_materials'] },
  { name: '山西林业职业技术学院', kind: 'vocational_higher', city: 'taiyuan', students: 7000, majors: ['林业技术', '环境工程技术', '园林技术', '生态保护技术'], clusters: ['energy_saving'] },
  { name: '山西金融职业学院', kind: 'vocational_higher', city: 'taiyuan', students: 8000, majors: ['金融科技应用', '大数据与会计', '电子商务', '大数据技术'], clusters: ['bigdata'] },
  { name: '山西管理职业学院', kind: 'vocational_higher', city: 'linfen', students: 8000, majors: ['大数据与会计', '计算机应用技术', '现代物流管理', '电子商务'], clusters: ['bigdata'] },
  { name: '山西水利职业技术学院', kind: 'vocational_higher', city: 'yuncheng', students: 8000, majors: ['水利工程', '环境工程技术', '电力系统自动化技术', '水环境智能监测与治理'], clusters: ['energy_saving'] },
  { name: '潞安职业技术学院', kind: 'vocational_higher', city: 'changzhi', students: 6000, majors: ['煤矿智能开采技术', '煤化工技术', '机电一体化技术', '安全技术与管理'], clusters: ['coal_machinery', 'carbon_materials'] },
  { name: '晋中职业技术学院', kind: 'vocational_higher', city: 'jinzhong', students: 8000, majors: ['新能源汽车技术', '机电一体化技术', '软件技术', '汽车电子技术'], clusters: ['nev', 'xinchuang'] },
  { name: '太原城市职业技术学院', kind: 'vocational_higher', city: 'taiyuan', students: 9000, majors: ['软件技术', '建筑工程技术', '电子商务', '计算机网络技术', '智慧健康养老服务与管理'], clusters: ['xinchuang', 'bigdata', 'biomedicine_health'] },
  { name: '山西轻工职业技术学院', kind: 'vocational_higher', city: 'taiyuan', students: 7000, majors: ['生物产品检验检疫', '食品智能加工技术', '应用化工技术', '高分子材料智能制造技术'], clusters: ['biobased_materials', 'biomedicine_health'] },
  { name: '山西电力职业技术学院', kind: 'vocational_higher', city: 'taiyuan', students: 7000, majors: ['发电厂及电力系统', '光伏工程技术', '储能材料技术', '电力系统自动化技术'], clusters: ['photovoltaic', 'energy_saving'] },
  { name: '山西经贸职业学院', kind: 'vocational_higher', city: 'taiyuan', students: 7000, majors: ['电子商务', '大数据技术', '国际经济与贸易', '现代物流管理'], clusters: ['bigdata'] },
  { name: '山西运城农业职业技术学院', kind: 'vocational_higher', city: 'yuncheng', students: 7000, majors: ['中草药栽培与加工技术', '食品检验检测技术', '生物产品检验检疫', '畜牧兽医'], clusters: ['biomedicine_health', 'biobased_materials'] },

  // ── 中等职业学校 ──
  { name: '太原铁路机械学校', kind: 'vocational_secondary', city: 'taiyuan', students: 4000, majors: ['铁道车辆运用与检修', '电力机车运用与检修', '铁道信号施工与维护', '城市轨道交通运营服务'], clusters: ['rail_transit'] },
  { name: '太原市财政金融学校', kind: 'vocational_secondary', city: 'taiyuan', students: 3000, majors: ['会计事务', '金融事务', '电子商务', '计算机应用'], clusters: ['bigdata'] },

  // ── 科研院所 ──
  { name: '中国科学院山西煤炭化学研究所', kind: 'research_institute', city: 'taiyuan', students: 600, majors: ['碳纤维', '煤基材料', '催化化学', '能源化工'], clusters: ['carbon_materials', 'energy_saving'] },
  { name: '中国电子科技集团公司第二研究所', kind: 'research_institute', city: 'taiyuan', majors: ['半导体专用设备', '电子专用设备', '第三代半导体材料', '新型显示装备'], clusters: ['semiconductor', 'optoelectronics'] },
  { name: '中国日用化学工业研究院', kind: 'research_institute', city: 'taiyuan', majors: ['表面活性剂', '精细化工', '生物基化学品', '洗涤用品'], clusters: ['biobased_materials', 'energy_saving'] },
  { name: '中国煤炭科工集团太原研究院有限公司', kind: 'research_institute', city: 'taiyuan', majors: ['掘进装备', '煤矿辅助运输', '矿用防爆车辆', '智能掘进'], clusters: ['coal_machinery', 'nev'] },
]

export type GovernmentUnit = { name: string; city: string; clusters: string[]; description: string }

/** Government units: provincial departments and at least one city bureau in each regional group. */
export const GOVERNMENT_UNITS: GovernmentUnit[] = [
  { name: '山西省教育厅', city: 'taiyuan', clusters: ['xinchuang', 'coal_machinery'], description: '统筹全省职业教育与高等教育产教融合、校企合作和产业学院建设。' },
  { name: '山西省工业和信息化厅', city: 'taiyuan', clusters: ['coal_machinery', 'semiconductor', 'xinchuang'], description: '推进全省战略性新兴产业集群发展，组织企业参与产教融合型企业建设。' },
  { name: '山西省人力资源和社会保障厅', city: 'taiyuan', clusters: ['energy_saving'], description: '负责职业技能培训、企业新型学徒制和校企合作培训补贴政策。' },
  { name: '山西省科学技术厅', city: 'taiyuan', clusters: ['carbon_materials', 'semiconductor'], description: '组织科技成果转化、技术转移示范机构和产业技术创新研究院建设。' },
  { name: '太原市教育局', city: 'taiyuan', clusters: ['xinchuang', 'bigdata'], description: '负责太原市职业院校实习实训基地和教师企业实践统筹。' },
  { name: '晋中市教育局', city: 'jinzhong', clusters: ['nev', 'coal_machinery'], description: '负责晋中市职业教育与山西（晋中）大学城校企合作统筹。' },
  { name: '大同市教育局', city: 'datong', clusters: ['bigdata', 'rail_transit'], description: '负责大同市职业院校专业设置与区域产业对接。' },
  { name: '长治市教育局', city: 'changzhi', clusters: ['photovoltaic', 'coal_machinery'], description: '负责长治市职业教育产教融合项目与实习实训基地建设。' },
  { name: '临汾市教育局', city: 'linfen', clusters: ['energy_saving', 'carbon_materials'], description: '负责临汾市职业院校校企合作与产教融合统筹。' },
  { name: '运城市教育局', city: 'yuncheng', clusters: ['special_metals', 'nev'], description: '负责运城市职业院校与镁铝合金、新能源汽车等产业对接。' },
]
