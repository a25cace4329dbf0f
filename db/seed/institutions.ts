/**
 * Shanxi's universities, higher-vocational colleges and research institutes: real names in
 * their real cities (public facts). Their contacts and figures in the demo are fictional.
 */
export type Institution = {
  name: string
  kind: 'undergrad' | 'vocational_higher' | 'research_institute' | 'government'
  city: string
  students?: number
  majors: string[]
  clusters: string[]
}

export const INSTITUTIONS: Institution[] = [
  // 本科高校
  { name: '太原理工大学', kind: 'undergrad', city: 'taiyuan', students: 38000, majors: ['机械工程', '材料科学与工程', '计算机科学与技术', '化学工程与工艺', '采矿工程', '电气工程及其自动化'], clusters: ['coal_machinery', 'carbon_materials', 'xinchuang', 'semiconductor'] },
  { name: '山西大学', kind: 'undergrad', city: 'taiyuan', students: 35000, majors: ['物理学', '光电信息科学与工程', '计算机科学与技术', '环境科学', '生物技术'], clusters: ['optoelectronics', 'bigdata', 'biobased_materials', 'energy_saving'] },
  { name: '中北大学', kind: 'undergrad', city: 'taiyuan', students: 32000, majors: ['兵器科学与技术', '仪器科学与技术', '材料成型及控制工程', '软件工程', '微电子科学与工程'], clusters: ['optoelectronics', 'special_metals', 'xinchuang', 'semiconductor'] },
  { name: '太原科技大学', kind: 'undergrad', city: 'taiyuan', students: 26000, majors: ['机械设计制造及其自动化', '材料成型及控制工程', '车辆工程', '交通运输'], clusters: ['rail_transit', 'special_metals', 'coal_machinery'] },
  { name: '山西医科大学', kind: 'undergrad', city: 'taiyuan', students: 20000, majors: ['临床医学', '药学', '医学检验技术', '生物医学工程'], clusters: ['biomedicine_health'] },
  { name: '山西财经大学', kind: 'undergrad', city: 'taiyuan', students: 24000, majors: ['数据科学与大数据技术', '会计学', '资源与环境经济学', '电子商务'], clusters: ['bigdata', 'energy_saving'] },
  { name: '山西农业大学', kind: 'undergrad', city: 'jinzhong', students: 30000, majors: ['生物工程', '食品科学与工程', '中药资源与开发', '农业机械化及其自动化'], clusters: ['biobased_materials', 'biomedicine_health'] },
  { name: '山西师范大学', kind: 'undergrad', city: 'taiyuan', students: 28000, majors: ['计算机科学与技术', '地理信息科学', '化学', '教育技术学'], clusters: ['bigdata', 'energy_saving'] },
  { name: '山西中医药大学', kind: 'undergrad', city: 'jinzhong', students: 14000, majors: ['中药学', '中医学', '康复治疗学', '健康服务与管理'], clusters: ['biomedicine_health'] },
  { name: '太原师范学院', kind: 'undergrad', city: 'jinzhong', students: 18000, majors: ['计算机科学与技术', '地理科学', '环境工程', '物理学'], clusters: ['bigdata', 'energy_saving'] },
  { name: '山西大同大学', kind: 'undergrad', city: 'datong', students: 22000, majors: ['煤化工', '材料化学', '临床医学', '机械设计制造及其自动化'], clusters: ['carbon_materials', 'biomedicine_health', 'bigdata'] },
  { name: '长治医学院', kind: 'undergrad', city: 'changzhi', students: 12000, majors: ['临床医学', '医学影像学', '护理学', '药学'], clusters: ['biomedicine_health'] },
  { name: '长治学院', kind: 'undergrad', city: 'changzhi', students: 11000, majors: ['电子信息工程', '化学工程与工艺', '计算机科学与技术'], clusters: ['photovoltaic', 'carbon_materials'] },
  { name: '运城学院', kind: 'undergrad', city: 'yuncheng', students: 16000, majors: ['材料科学与工程', '机械设计制造及其自动化', '生物工程', '计算机科学与技术'], clusters: ['special_metals', 'nev', 'biomedicine_health'] },
  { name: '忻州师范学院', kind: 'undergrad', city: 'xinzhou', students: 12000, majors: ['计算机科学与技术', '化学', '旅游管理'], clusters: ['special_metals', 'bigdata'] },
  { name: '晋中学院', kind: 'undergrad', city: 'jinzhong', students: 13000, majors: ['机械设计制造及其自动化', '计算机科学与技术', '材料化学'], clusters: ['nev', 'coal_machinery'] },
  { name: '吕梁学院', kind: 'undergrad', city: 'lvliang', students: 12000, majors: ['矿物加工工程', '化学工程与工艺', '电气工程及其自动化'], clusters: ['carbon_materials', 'special_metals'] },
  { name: '太原工业学院', kind: 'undergrad', city: 'taiyuan', students: 14000, majors: ['机械设计制造及其自动化', '材料成型及控制工程', '自动化', '化学工程与工艺'], clusters: ['coal_machinery', 'rail_transit', 'special_metals'] },
  { name: '太原学院', kind: 'undergrad', city: 'taiyuan', students: 15000, majors: ['计算机科学与技术', '环境工程', '物流管理'], clusters: ['bigdata', 'energy_saving'] },
  { name: '山西能源学院', kind: 'undergrad', city: 'jinzhong', students: 10000, majors: ['能源与动力工程', '采矿工程', '新能源科学与工程', '安全工程'], clusters: ['coal_machinery', 'photovoltaic', 'energy_saving'] },
  { name: '山西传媒学院', kind: 'undergrad', city: 'jinzhong', students: 12000, majors: ['数字媒体技术', '网络与新媒体', '动画'], clusters: ['bigdata'] },
  { name: '山西工程技术学院', kind: 'undergrad', city: 'yangquan', students: 11000, majors: ['采矿工程', '机械电子工程', '数据科学与大数据技术'], clusters: ['coal_machinery', 'bigdata'] },
  { name: '山西工学院', kind: 'undergrad', city: 'shuozhou', students: 6000, majors: ['机械设计制造及其自动化', '新能源科学与工程', '环境工程'], clusters: ['energy_saving', 'photovoltaic'] },
  { name: '山西科技学院', kind: 'undergrad', city: 'jincheng', students: 7000, majors: ['智能制造工程', '光电信息科学与工程', '材料科学与工程'], clusters: ['photovoltaic', 'optoelectronics', 'coal_machinery'] },
  { name: '山西电子科技学院', kind: 'undergrad', city: 'linfen', students: 7000, majors: ['电子信息工程', '软件工程', '人工智能'], clusters: ['xinchuang', 'bigdata'] },
  { name: '山西应用科技学院', kind: 'undergrad', city: 'taiyuan', students: 13000, majors: ['软件工程', '物联网工程', '汽车服务工程'], clusters: ['xinchuang', 'nev'] },
  { name: '晋中信息学院', kind: 'undergrad', city: 'jinzhong', students: 14000, majors: ['计算机科学与技术', '人工智能', '新能源汽车工程'], clusters: ['bigdata', 'nev'] },
  { name: '山西工商学院', kind: 'undergrad', city: 'taiyuan', students: 16000, majors: ['电子商务', '数据科学与大数据技术', '会计学'], clusters: ['bigdata'] },
  // 高等职业院校
  { name: '山西职业技术学院', kind: 'vocational_higher', city: 'taiyuan', students: 13000, majors: ['机电一体化技术', '电气自动化技术', '计算机网络技术', '工业机器人技术'], clusters: ['coal_machinery', 'xinchuang', 'bigdata'] },
  { name: '山西工程职业学院', kind: 'vocational_higher', city: 'taiyuan', students: 12000, majors: ['钢铁智能冶金技术', '材料工程技术', '机电一体化技术', '工业机器人技术'], clusters: ['special_metals', 'coal_machinery'] },
  { name: '山西机电职业技术学院', kind: 'vocational_higher', city: 'changzhi', students: 14000, majors: ['机电一体化技术', '数控技术', '新能源汽车技术', '光伏工程技术'], clusters: ['coal_machinery', 'nev', 'photovoltaic'] },
  { name: '山西煤炭职业技术学院', kind: 'vocational_higher', city: 'taiyuan', students: 9000, majors: ['煤矿智能开采技术', '矿山机电与智能装备', '煤化工技术'], clusters: ['coal_machinery', 'carbon_materials'] },
  { name: '山西交通职业技术学院', kind: 'vocational_higher', city: 'taiyuan', students: 13000, majors: ['新能源汽车技术', '汽车检测与维修技术', '道路与桥梁工程技术'], clusters: ['nev', 'rail_transit'] },
  { name: '山西建筑职业技术学院', kind: 'vocational_higher', city: 'jinzhong', students: 12000, majors: ['建筑工程技术', '建筑设备工程技术', '建筑节能技术'], clusters: ['energy_saving'] },
  { name: '山西铁道职业技术学院', kind: 'vocational_higher', city: 'taiyuan', students: 11000, majors: ['铁道机车运用与维护', '城市轨道交通运营管理', '铁道信号自动控制'], clusters: ['rail_transit'] },
  { name: '山西省财政税务专科学校', kind: 'vocational_higher', city: 'taiyuan', students: 10000, majors: ['大数据与会计', '财税大数据应用', '电子商务'], clusters: ['bigdata'] },
  { name: '阳泉职业技术学院', kind: 'vocational_higher', city: 'yangquan', students: 8000, majors: ['云计算技术应用', '煤矿智能开采技术', '机电一体化技术'], clusters: ['bigdata', 'coal_machinery'] },
  { name: '运城职业技术大学', kind: 'vocational_higher', city: 'yuncheng', students: 12000, majors: ['新能源汽车工程技术', '材料工程技术', '机械设计制造及自动化'], clusters: ['nev', 'special_metals'] },
  { name: '临汾职业技术学院', kind: 'vocational_higher', city: 'linfen', students: 10000, majors: ['机电一体化技术', '环境工程技术', '药品生产技术'], clusters: ['energy_saving', 'biomedicine_health'] },
  { name: '大同煤炭职业技术学院', kind: 'vocational_higher', city: 'datong', students: 8000, majors: ['煤矿智能开采技术', '光伏工程技术', '储能材料技术'], clusters: ['coal_machinery', 'photovoltaic'] },
  { name: '朔州职业技术学院', kind: 'vocational_higher', city: 'shuozhou', students: 7000, majors: ['环境工程技术', '机电一体化技术', '新能源装备技术'], clusters: ['energy_saving', 'photovoltaic'] },
  { name: '忻州职业技术学院', kind: 'vocational_higher', city: 'xinzhou', students: 8000, majors: ['材料工程技术', '计算机应用技术', '机电一体化技术'], clusters: ['special_metals', 'bigdata'] },
  { name: '吕梁职业技术学院', kind: 'vocational_higher', city: 'lvliang', students: 8000, majors: ['应用化工技术', '煤化工技术', '机电一体化技术'], clusters: ['carbon_materials', 'energy_saving'] },
  { name: '长治职业技术学院', kind: 'vocational_higher', city: 'changzhi', students: 9000, majors: ['光伏工程技术', '机电一体化技术', '计算机应用技术'], clusters: ['photovoltaic', 'optoelectronics'] },
  { name: '晋城职业技术学院', kind: 'vocational_higher', city: 'jincheng', students: 9000, majors: ['光伏工程技术', '煤矿智能开采技术', '电气自动化技术'], clusters: ['photovoltaic', 'coal_machinery'] },
  { name: '山西药科职业学院', kind: 'vocational_higher', city: 'taiyuan', students: 9000, majors: ['药品生产技术', '中药制药', '医疗器械维护与管理'], clusters: ['biomedicine_health'] },
  { name: '山西林业职业技术学院', kind: 'vocational_higher', city: 'taiyuan', students: 7000, majors: ['林业技术', '环境工程技术', '园林技术'], clusters: ['energy_saving'] },
  { name: '山西金融职业学院', kind: 'vocational_higher', city: 'taiyuan', students: 8000, majors: ['金融科技应用', '大数据与会计', '电子商务'], clusters: ['bigdata'] },
  { name: '山西管理职业学院', kind: 'vocational_higher', city: 'linfen', students: 8000, majors: ['大数据与会计', '计算机应用技术', '物流管理'], clusters: ['bigdata'] },
  { name: '山西水利职业技术学院', kind: 'vocational_higher', city: 'yuncheng', students: 8000, majors: ['水利工程', '环境工程技术', '电力系统自动化技术'], clusters: ['energy_saving'] },
  { name: '山西老区职业技术学院', kind: 'vocational_higher', city: 'lvliang', students: 5000, majors: ['应用化工技术', '计算机应用技术'], clusters: ['carbon_materials'] },
  { name: '潞安职业技术学院', kind: 'vocational_higher', city: 'changzhi', students: 6000, majors: ['煤矿智能开采技术', '煤化工技术', '机电一体化技术'], clusters: ['coal_machinery', 'carbon_materials'] },
  { name: '晋中职业技术学院', kind: 'vocational_higher', city: 'jinzhong', students: 8000, majors: ['新能源汽车技术', '机电一体化技术', '软件技术'], clusters: ['nev', 'xinchuang'] },
  { name: '太原城市职业技术学院', kind: 'vocational_higher', city: 'taiyuan', students: 9000, majors: ['软件技术', '建筑工程技术', '电子商务'], clusters: ['xinchuang', 'bigdata'] },
  { name: '山西轻工职业技术学院', kind: 'vocational_higher', city: 'taiyuan', students: 7000, majors: ['生物产品检验检疫', '食品智能加工技术', '应用化工技术'], clusters: ['biobased_materials', 'biomedicine_health'] },
  { name: '山西电力职业技术学院', kind: 'vocational_higher', city: 'taiyuan', students: 7000, majors: ['发电厂及电力系统', '光伏工程技术', '储能材料技术'], clusters: ['photovoltaic', 'energy_saving'] },
  { name: '山西经贸职业学院', kind: 'vocational_higher', city: 'taiyuan', students: 7000, majors: ['电子商务', '大数据技术', '国际经济与贸易'], clusters: ['bigdata'] },
  // 科研院所
  { name: '中国科学院山西煤炭化学研究所', kind: 'research_institute', city: 'taiyuan', majors: ['碳纤维', '煤基材料', '催化化学'], clusters: ['carbon_materials', 'energy_saving'] },
  { name: '中国电子科技集团公司第二研究所', kind: 'research_institute', city: 'taiyuan', majors: ['半导体装备', '电子专用设备'], clusters: ['semiconductor', 'optoelectronics'] },
  { name: '中国日用化学工业研究院', kind: 'research_institute', city: 'taiyuan', majors: ['表面活性剂', '精细化工'], clusters: ['biobased_materials'] },
]

/** Government units: one per level the dashboards will be scoped to. */
export const GOVERNMENT_UNITS: { name: string; city: string; clusters: string[] }[] = [
  { name: '山西省教育厅', city: 'taiyuan', clusters: ['xinchuang'] },
  { name: '山西省工业和信息化厅', city: 'taiyuan', clusters: ['coal_machinery'] },
  { name: '山西省人力资源和社会保障厅', city: 'taiyuan', clusters: ['energy_saving'] },
  { name: '太原市教育局', city: 'taiyuan', clusters: ['xinchuang'] },
  { name: '大同市教育局', city: 'datong', clusters: ['bigdata'] },
  { name: '临汾市教育局', city: 'linfen', clusters: ['energy_saving'] },
  { name: '长治市教育局', city: 'changzhi', clusters: ['photovoltaic'] },
]
