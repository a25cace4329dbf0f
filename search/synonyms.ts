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
 *
 * The groups are kept per cluster (keyed by the taxonomy's cluster codes), plus words used across
 * clusters. English words sit beside the Chinese they translate, for English queries. A test holds every cluster to at least a handful of groups, so no trade is left with the four
 * everyday groups this file began with.
 */
export const SYNONYMS_BY_CLUSTER: Record<string, string[][]> = {
  // 信息技术应用创新: the policy name, its short form, the domestic stack by vendor and by Latin name.
  xinchuang: [
    ['信创', '信息技术应用创新', '国产化替代'],
    ['统信', 'UOS', '统信UOS'],
    ['国产操作系统', '国产系统'],
    // 麒麟 alone is also a company name (麒麟传媒): it finds the OS (ONE_WAY), the OS's names do not find it.
    ['Kylin', '银河麒麟', '麒麟操作系统', '麒麟系统'],
    ['达梦', 'DM数据库', '达梦数据库'],
    ['人大金仓', '金仓数据库', 'KingbaseES'],
    ['南大通用', 'GBase'],
    ['高斯数据库', 'GaussDB', 'openGauss'],
    ['鲲鹏', 'Kunpeng'],
    ['飞腾', 'Phytium'],
    ['龙芯', 'Loongson'],
    ['海光', 'Hygon'],
    ['欧拉', 'openEuler'],
    ['鸿蒙', 'HarmonyOS', 'OpenHarmony'],
    ['中间件', 'middleware'],
    ['等保', '等级保护', '网络安全等级保护'],
    // 网安 is how the trade shortens 网络安全; 信息安全 is the older name of the same field in job posts.
    ['网络安全', '网安', '信息安全', 'cybersecurity'],
    ['护网', '护网行动', '攻防演练'],
    ['渗透测试', '渗透'],
    ['程序员', '软件工程师', '开发工程师', '码农'],
    ['软件开发', '软件研发', 'software development'],
    ['数据库', 'database'],
    ['服务器', 'server'],
    ['操作系统', 'operating system'],
    // How IT staff say the work: moving off a foreign stack, installing and running the domestic one.
    ['数据库迁移', '数据迁移', '迁库'],
    ['国产电脑', '信创终端', '国产终端', '信创电脑'],
    ['运维', '运行维护', '系统运维'],
    ['前端开发', '前端', 'Web前端'],
    ['后端开发', '后端', '服务端开发'],
    ['全栈开发', '全栈'],
    ['软件测试', '测试工程师', '软件测评'],
    ['软件实施', '实施顾问', '实施工程师'],
    ['HIS', '医院信息系统'],
    ['ERP', '企业资源计划'],
    ['OA', '办公自动化', '协同办公'],
    ['国产办公软件', 'WPS', '金山办公'],
  ],
  // 半导体: Latin formulae and process shorthand used on every datasheet and in every fab.
  semiconductor: [
    ['芯片', '集成电路', 'IC', 'chip'],
    ['芯片设计', 'IC设计', '集成电路设计'],
    ['碳化硅', 'SiC'],
    ['氮化镓', 'GaN'],
    ['砷化镓', 'GaAs'],
    ['磷化铟', 'InP'],
    ['第三代半导体', '宽禁带半导体', '宽禁带'],
    ['功率器件', '功率半导体'],
    ['封测', '封装测试'],
    ['晶圆', 'wafer', '硅晶圆'],
    ['外延片', '外延'],
    // 刻蚀 and 蚀刻 are the same process, written both ways.
    ['刻蚀', '蚀刻', 'etching'],
    ['光刻', 'lithography'],
    ['CVD', '化学气相沉积'],
    ['PVD', '物理气相沉积'],
    ['ALD', '原子层沉积'],
    ['MOCVD', '金属有机化学气相沉积'],
    ['CMP', '化学机械抛光'],
    // 打线 is the workshop word for wire bonding.
    ['引线键合', '打线', '焊线', 'wire bonding'],
    ['SMT', '表面贴装'],
    ['AOI', '自动光学检测'],
    ['PCB', '印制电路板', '线路板', '电路板'],
    ['IGBT', '功率模块'],
    ['MOSFET', '场效应管', 'MOS管'],
    ['MCU', '单片机', '微控制器'],
    ['FPGA', '现场可编程门阵列'],
    ['EDA', '电子设计自动化'],
    ['ASIC', '专用集成电路'],
    ['SoC', '片上系统'],
    ['MEMS', '微机电系统', '微机电'],
    ['传感器', 'sensor'],
    // Everyday names for the clean room.
    ['洁净室', '无尘车间', '无尘室', '净化车间'],
    ['良率', '成品率'],
    // The two test stages as the fab and the test house name them.
    ['晶圆测试', 'CP测试', '中测'],
    ['成品测试', 'FT测试', '终测'],
    ['芯片测试', '集成电路测试', 'IC测试'],
    ['流片', 'tape-out'],
    ['微纳加工', '微加工', '微纳制造'],
    ['贴片', 'SMT贴片', '贴装'],
    ['灌封', '封胶'],
    ['划片', '晶圆切割'],
    ['减薄', '背面减薄'],
    ['长晶', '晶体生长'],
    ['衬底', '衬底片'],
    ['版图设计', '版图', 'layout'],
    ['电子元器件', '元器件', '电子元件'],
  ],
  // 大数据融合创新
  bigdata: [
    ['人工智能', 'AI'],
    ['大模型', '大语言模型', 'LLM'],
    ['自然语言处理', 'NLP'],
    ['机器视觉', '工业视觉', '视觉检测'],
    ['物联网', 'IoT'],
    ['工业互联网', 'IIoT', '工业物联网'],
    ['算力中心', '智算中心'],
    // IDC is the trade's name for a data centre; a 机房 (see ONE_WAY) is only sometimes one.
    ['数据中心', 'IDC', '互联网数据中心', 'data center'],
    ['云计算', '云服务', 'cloud'],
    ['GPU', '图形处理器'],
    ['容器化', '容器', 'K8s', 'Kubernetes'],
    ['数据标注', '数据标记', '数据打标', 'AI训练师'],
    ['数据分析', '数据挖掘'],
    ['数据可视化', '数据大屏'],
    ['数据清洗', '数据清理'],
    ['数字孪生', 'digital twin'],
    ['网络爬虫', '爬虫'],
    ['区块链', 'blockchain'],
    ['商业智能', 'BI'],
    ['呼叫中心', '客服中心'],
    ['大数据', 'big data'],
    // The data-centre floor: what the shift does, what it watches.
    ['动环监控', '动力环境监控', '动环'],
    ['标注员', '数据标注员', '标注师'],
    ['智算中心', '智算', '智能计算中心'],
    ['机器学习', 'ML', 'machine learning'],
    ['计算机视觉', '图像识别'],
    ['数据仓库', '数仓'],
    ['ETL', '数据抽取'],
    ['数据报表', '报表'],
  ],
  // 光电
  optoelectronics: [
    ['LED', '发光二极管'],
    ['OLED', '有机发光二极管'],
    ['激光雷达', 'LiDAR'],
    ['激光', 'laser'],
    ['激光切割', '激光下料'],
    ['激光焊接', '激光焊'],
    ['紫外', 'UV'],
    ['红外', 'infrared'],
    // 红外测温 is done with a thermal imager: people use the names for each other.
    ['热成像', '红外热像', '红外成像', '热像仪', '红外测温', '热像测温'],
    ['夜视', '微光夜视'],
    ['光纤', '光导纤维'],
    ['OTDR', '光时域反射仪'],
    ['光模块', '光收发模块', '光收发器'],
    ['光通信', '光纤通信'],
    ['光学器件', '光学元件', '光学零件'],
    ['量子通信', '量子保密通信'],
    ['激光熔覆', '激光熔敷', '激光再制造'],
    ['激光打标', '激光标刻'],
    ['光路调试', '光路调整', '调光路'],
    ['装调', '装配调试'],
    ['光学镀膜', '镀膜'],
    ['光纤熔接', '熔纤', '光纤接续'],
    ['光缆', '光纤光缆'],
    ['光电探测器', '探测器'],
  ],
  // 光伏: cell technologies are named by their Latin acronyms; everyday words for the panel.
  photovoltaic: [
    ['异质结', 'HJT'],
    ['TOPCon', '隧穿氧化层钝化'],
    ['PERC', '钝化发射极'],
    ['IBC', '背接触'],
    ['钙钛矿', 'perovskite'],
    ['光伏电站', '太阳能电站', '光伏发电站', '光伏电厂'],
    // 太阳能板 is what a household calls a module; 太阳能 alone stays out (solar water heaters).
    ['光伏组件', '光伏板', '光伏电池板', '太阳能板', '太阳能电池板', '太阳能组件', 'solar panel'],
    ['电池片', '光伏电池片', '太阳能电池片', '太阳能电池'],
    ['硅片', '硅晶片'],
    ['分布式光伏', '屋顶光伏', '户用光伏'],
    ['逆变器', 'inverter'],
    ['储能', 'energy storage'],
    ['光伏', 'solar'],
    ['农光互补', '光伏农业'],
    ['光伏发电', '太阳能发电'],
    // The station crew's words and the cell line's words.
    ['光伏运维', '电站运维'],
    ['光伏清洗', '组件清洗'],
    ['光伏安装', '光伏施工', '装光伏'],
    ['单晶硅', '单晶硅棒'],
    ['多晶硅', '硅料'],
    ['拉棒', '拉晶', '单晶拉制'],
    ['EL检测', '电致发光检测', '隐裂检测'],
    ['串焊', '焊带焊接'],
    ['汇流箱', 'combiner box'],
    ['储能电站', '储能系统', 'ESS'],
    ['光储', '光储一体', '光伏储能'],
    ['组件回收', '光伏回收'],
  ],
  // 碳基新材料
  carbon_materials: [
    ['碳纤维', 'carbon fiber', 'carbon fibre'],
    ['碳纤维复合材料', 'CFRP'],
    ['石墨烯', 'graphene'],
    ['针状焦', 'needle coke'],
    ['碳纳米管', 'CNT'],
    ['负极材料', '负极'],
    ['人造石墨', '人工石墨'],
    ['焦化', '炼焦'],
    ['培育钻石', '人造金刚石'],
    // 炭 is the trade's character for carbon products, 碳 the element; people type either.
    ['活性炭', '活性碳'],
    ['炭素', '碳素'],
    ['炭黑', '碳黑'],
    // 碳纤 is how the trade shortens 碳纤维 (碳纤原丝, 碳纤布).
    ['碳纤', '碳纤维'],
    ['原丝', 'PAN原丝', '碳纤维原丝'],
    ['预氧化', '预氧丝'],
    ['煤焦油', '焦油'],
    ['导热膜', '散热膜'],
    ['防腐涂料', '防锈漆', '防腐漆', '防腐涂层'],
    ['硅碳负极', '硅基负极'],
    ['焦炭', '冶金焦'],
  ],
  // 特种金属材料
  special_metals: [
    ['数控', 'CNC'],
    ['3D打印', '增材制造'],
    ['钕铁硼', '稀土永磁', '稀土磁铁', 'NdFeB'],
    // Element symbols in front of 合金 are how datasheets and drawings write the alloy.
    ['Mg合金', '镁合金', 'magnesium alloy'],
    ['Al合金', '铝合金', 'aluminium alloy'],
    ['Ti合金', '钛合金', 'titanium alloy'],
    ['高温合金', 'superalloy'],
    ['不锈钢', 'stainless steel'],
    ['钢铁', 'steel'],
    ['合金', 'alloy'],
    // 翻砂 is the foundry floor's word for sand casting.
    ['铸造', '翻砂', 'casting'],
    ['锻造', '锻压', 'forging'],
    ['压铸', '压力铸造'],
    ['机加工', '机械加工', '金加工'],
    // 探伤 is the workshop word for non-destructive testing.
    ['无损检测', '探伤', 'NDT'],
    ['连铸', '连续铸造'],
    ['轧钢', '轧制'],
    ['磁材', '磁性材料'],
    ['铝材', '铝型材'],
    // Defects and surface problems as the mill floor says them.
    ['边裂', '裂边', '边部开裂'],
    ['开裂', '裂纹'],
    ['微弧氧化', 'MAO'],
    ['阳极氧化', '阳极化'],
    ['钣金', '钣金加工'],
    ['冲压', '冲压成形'],
    ['加工中心', '数控加工中心'],
    ['铸件', '铸造件'],
    ['锻件', '锻造件'],
    ['铸钢件', '铸钢'],
    ['纯钛', '工业纯钛'],
    ['TC4', 'Ti-6Al-4V'],
  ],
  // 生物基新材料: the everyday "plastic" for the technical "material".
  biobased_materials: [
    ['可降解塑料', '可降解材料', '生物降解材料', '降解塑料'],
    ['聚乳酸', 'PLA'],
    ['聚羟基脂肪酸酯', 'PHA'],
    ['PBS', '聚丁二酸丁二醇酯'],
    ['PBAT', '聚己二酸对苯二甲酸丁二醇酯'],
    ['生物基尼龙', '生物尼龙', 'PA56'],
    ['合成生物', '合成生物学'],
    ['菌种', '菌株'],
    ['发酵', 'fermentation'],
    ['生物质', 'biomass'],
    ['生物制造', '生物智造'],
    ['秸秆', '农作物秸秆'],
    // The fermentation plant: the vessel, the scale-up, the yield.
    ['发酵罐', '发酵设备', '发酵釜'],
    ['工艺放大', '中试放大', '放大生产'],
    ['产率', '收率'],
    ['吹膜', '薄膜吹塑'],
    ['注塑', '注塑成型'],
    ['挤出', '挤塑'],
    ['纤维素', 'cellulose'],
  ],
  // 先进轨道交通装备
  rail_transit: [
    ['城轨', '城市轨道交通', '地铁', 'metro'],
    ['动车组', '动车', '高铁列车', 'EMU'],
    ['高铁', '高速铁路'],
    ['转向架', 'bogie'],
    ['铁路', '铁道', 'railway'],
    ['机车', 'locomotive'],
    ['轨道交通', 'rail transit'],
    ['受电弓', 'pantograph'],
    ['牵引变流器', '变流器'],
    ['列控', '列车控制系统', 'CTCS'],
    ['CBTC', '基于通信的列车控制'],
    ['车辆检修', '列车检修'],
    // The depot's words: where trains are kept and how they are serviced.
    ['车辆段', '车辆基地'],
    ['架修', '大修'],
    ['动车所', '动车运用所'],
    ['轨道车辆', '轨道交通车辆', '机车车辆'],
    ['站务', '车站服务', '站务员'],
    ['机车司机', '火车司机', '电力机车司机'],
    ['铁路信号', '信号设备'],
  ],
  // 煤机智能制造装备: the workshop names of the machines.
  coal_machinery: [
    ['带式输送机', '皮带机', '皮带输送机'],
    ['刮板输送机', '溜子'],
    ['PLC', '可编程控制器', '可编程逻辑控制器'],
    ['综采', '综合机械化采煤'],
    // 割煤机 is what miners call the shearer.
    ['采煤机', '割煤机', 'shearer'],
    ['智能矿山', '智慧矿山', '数字矿山'],
    ['煤层气', 'CBM'],
    ['UWB', '超宽带'],
    ['变频器', 'inverter drive'],
    ['煤矿', 'coal mine', 'colliery'],
    ['矿山', 'mining', 'mine'],
    // 下井 is what miners do, 井下 where the equipment is; both mean underground work.
    ['井下', '下井', '矿井下'],
    ['设备维修', '设备检修', '机电维修', '机电检修'],
    ['大修', '返厂大修', '翻修'],
    ['截齿', '刀头', '截割齿'],
    ['掘锚一体机', '掘锚机'],
    ['综掘', '综合机械化掘进'],
    ['立柱', '液压立柱'],
    ['矿用', '煤矿用'],
  ],
  // 智能网联新能源汽车
  nev: [
    // 电动车 is as often the electric bicycle (电动自行车): it finds the car one way only (ONE_WAY).
    ['新能源汽车', '新能源车', '电动汽车', 'NEV'],
    ['电池管理系统', 'BMS'],
    ['动力电池', '锂电池', '锂电', '锂离子电池'],
    ['充电桩', '充电站', '充电设施'],
    ['换电', '换电站'],
    ['氢能', '氢燃料', '加氢', 'hydrogen'],
    ['氢燃料电池', '燃料电池', 'FCEV'],
    ['甲醇汽车', '甲醇车'],
    // 智驾 is the trade's short form; 无人驾驶 the everyday one.
    ['智能驾驶', '自动驾驶', 'ADAS', '智驾', '无人驾驶'],
    ['车联网', 'V2X', '智能网联'],
    ['汽车电子', '车载电子'],
    ['汽车', 'car', 'automotive'],
    ['混动', '混合动力'],
    ['插混', '插电混动', 'PHEV'],
    ['OTA', '远程升级'],
    // The cell line and the three electric systems, as the plant names them.
    ['电芯', '电池单体', '电池芯'],
    ['电池包', 'PACK', '电池组'],
    ['电驱', '电驱动', '驱动电机'],
    ['热管理', '电池热管理'],
    ['VCU', '整车控制器'],
    ['ECU', '电子控制单元'],
    ['线控底盘', '线控'],
  ],
  // 通用航空
  general_aviation: [
    ['无人机', '无人驾驶航空器', '无人机驾驶员', '飞手', 'drone', 'UAV'],
    ['航空维修', '飞机维修', '航空器维修', '机务维修', 'MRO'],
    // 飞行汽车 is the everyday name for an eVTOL.
    ['电动垂直起降', 'eVTOL', '飞行汽车'],
    ['植保无人机', '飞防'],
    ['航拍', '无人机航拍'],
    ['空管', '空中交通管制'],
    ['空乘', '空中乘务', '乘务员'],
    ['飞行员', 'pilot'],
    ['机场', 'airport'],
    // The hangar's words: scheduled checks, troubleshooting, the licence.
    ['定检', '定期检查'],
    ['排故', '故障排除', '排除故障'],
    ['适航', '适航审定'],
    ['CAAC', '民航局'],
    ['低空经济', '低空飞行'],
    ['航油', '航空燃油'],
    ['地勤', '地面保障'],
    ['倾斜摄影', '实景三维'],
  ],
  // 现代生物医药和大健康
  biomedicine_health: [
    ['康养', '养老', '健康养老'],
    ['养老院', '养老机构', '敬老院', '养老社区', '康养社区'],
    ['护理员', '护工', '陪护'],
    // How families say it, how care homes write it.
    ['养老护理', '老年护理', '老人护理', '老年照护', '老人照护', 'elderly care'],
    ['GMP', '药品生产质量管理规范'],
    ['中药', '中草药'],
    ['中药材', '药材'],
    ['医疗器械', '医疗设备', '医械', 'medical device'],
    ['体外诊断', 'IVD'],
    ['CRO', '合同研究组织'],
    ['HPLC', '高效液相色谱', '液相色谱'],
    ['质检', '质量检验', 'QC'],
    ['药师', '药剂师'],
    ['医生', '医师'],
    ['理疗', '物理治疗'],
    ['康复治疗师', '康复师'],
    ['生物医药', 'biomedicine', 'biopharma'],
    ['疫苗', 'vaccine'],
    ['护理', 'nursing', 'nurse'],
    ['养老', 'elderly'],
    ['医药', 'medicine', 'pharmaceutical', 'pharma'],
    ['制药', 'pharmaceutical manufacturing'],
    ['医院', 'hospital'],
    // Chinese medicine by its forms; rehabilitation by its aids.
    ['中药饮片', '饮片'],
    ['配方颗粒', '中药配方颗粒', '颗粒剂'],
    ['药物制剂', '制剂'],
    ['CDMO', '合同研发生产'],
    ['临床试验', '临床研究'],
    ['医学检验', '检验科'],
    ['康复辅具', '辅具', '康复器械'],
    ['大健康', '健康产业'],
  ],
  // 节能环保
  energy_saving: [
    ['碳中和', '双碳', '碳达峰'],
    ['CCUS', '碳捕集', '碳捕集利用与封存'],
    ['污水处理', '废水处理', '水处理', 'wastewater'],
    ['污水', '废水'],
    ['固废', '固体废物', '固废利用', '固废处理', '工业固废'],
    ['危废', '危险废物'],
    ['垃圾发电', '垃圾焚烧发电', '生活垃圾焚烧'],
    ['余热回收', '余热利用', '余热发电', '废热回收', '热量回收', '热回收'],
    ['煤矸石', '矸石'],
    ['脱硫', '烟气脱硫'],
    ['VOCs', '挥发性有机物'],
    ['环评', '环境影响评价'],
    ['碳排放核算', '碳核算', '碳盘查'],
    ['碳交易', '碳排放权交易'],
    ['中水', '再生水', '中水回用'],
    ['环保', '环境保护'],
    ['噪音', '噪声'],
    ['节能减排', '减排'],
    ['节能', 'energy saving'],
    // Flue gas, heat and sludge as plant operators say them.
    ['烟气治理', '烟气净化', '烟气处理'],
    ['污水处理厂', '污水厂'],
    ['污泥', '污泥处理'],
    ['环境监测', '环境检测'],
    ['在线监测', 'CEMS'],
    ['节能诊断', '能源审计', '节能评估'],
    ['除尘', '除尘器'],
  ],
  // Across clusters: how people say "placement", "welding", "apprenticeship", "tech transfer".
  across: [
    ['实习', '顶岗实习', '实训'],
    ['电焊', '焊接', 'welding'],
    ['焊工', '电焊工', '焊接工', 'welder'],
    // 现代学徒制 is a school–firm programme: a bakery's 学徒 is not one, so only 学徒 finds it.
    ['现代学徒制', '学徒制'],
    ['学徒', 'apprentice'],
    ['订单班', '订单培养', '订单式培养'],
    ['毕业设计', '毕设'],
    ['成果转化', '技术转移', '技术转让'],
    ['揭榜挂帅', '揭榜'],
    ['工资', '薪资', '薪酬'],
    ['包吃住', '包食宿', '提供食宿'],
    ['技工', '技术工人'],
    ['机器人', 'robot'],
    ['汽修', '汽车维修', '汽车检测与维修'],
    ['电池', 'battery'],
    ['检测', 'testing', 'inspection'],
    ['维修', 'maintenance', 'repair'],
    ['专利', 'patent'],
    ['实验室', 'laboratory', 'lab'],
    ['培训', 'training'],
    ['回收', 'recycling'],
    ['工程师', 'engineer'],
    ['技术员', 'technician'],
    ['研发', 'research and development'],
    ['岗位', 'job', 'jobs'],
    ['毕业生', 'graduate', 'graduates'],
    ['招聘', 'recruitment', 'hiring'],
    ['安全', 'safety', 'security'],
    ['自动化', 'automation'],
    ['软件', 'software'],
    // How schools and firms name the cooperation itself.
    ['教师企业实践', '教师下企业', '下企业锻炼', '企业实践'],
    ['技术难题', '技术攻关', '难题攻关', '卡脖子'],
    ['产学研', '校企合作'],
    ['实训基地', '实训中心', '实训室'],
    ['双师型', '双师'],
    ['转正', '留用'],
    ['五险一金', '社保'],
    ['倒班', '三班倒', '轮班'],
    ['夜班', '晚班'],
    ['普工', '操作工'],
  ],
}

/**
 * Majors renamed by the 2021 vocational catalogue (职业教育专业目录（2021年）): colleges type the new name,
 * posts written from older plans still say the old one (and the reverse). Each pair is one major.
 */
export const MAJOR_RENAMES: string[][] = [
  ['智能光电制造技术', '光电制造与应用技术'],
  ['智能光电技术应用', '光电技术应用'],
  ['城市轨道车辆应用技术', '城市轨道交通车辆技术'],
  ['城市轨道交通运营管理', '城市轨道交通运营服务'],
  ['大数据技术', '大数据技术与应用'],
  ['云计算技术应用', '云计算技术与应用'],
  ['人工智能技术应用', '人工智能技术服务'],
  ['信息安全技术应用', '信息安全与管理'],
  ['集成电路技术', '集成电路技术与应用'],
  ['光伏工程技术', '光伏发电技术与应用'],
  ['高分子材料智能制造技术', '高分子材料加工技术'],
  ['智能焊接技术', '焊接技术与自动化'],
  ['材料成型及控制技术', '材料成型与控制技术'],
  ['矿山机电与智能装备', '矿山机电技术'],
  ['煤矿智能开采技术', '煤矿开采技术'],
  ['智慧健康养老服务与管理', '老年服务与管理'],
  ['环境监测技术', '环境监测与控制技术'],
  ['铁道机车运用与维护', '铁道机车'],
  ['新能源汽车检测与维修技术', '新能源汽车运用与维修'],
  ['药品生物技术', '生物制药技术'],
  ['分析检验技术', '工业分析技术'],
  ['钢铁智能冶金技术', '黑色冶金技术'],
  ['有色金属智能冶金技术', '有色冶金技术'],
  ['计算机应用技术', '计算机应用'],
]

export const SYNONYM_GROUPS: string[][] = [...Object.values(SYNONYMS_BY_CLUSTER).flat(), ...MAJOR_RENAMES]

/**
 * Words that stand for more specific ones, but not the reverse: an everyday or broad word (火车, 机房,
 * 修理) finds the trade's word, while a search for the trade's word does not pull in every post that
 * uses the everyday one (a 火车站 shop for 机车, a 网吧机房 for 数据中心). Each key lists what it also finds.
 */
export const ONE_WAY: Record<string, string[]> = {
  // 信息技术应用创新
  自主可控: ['国产化', '信创'],
  麒麟: ['银河麒麟', '麒麟操作系统', '麒麟系统', 'Kylin'],
  装系统: ['系统安装', '操作系统安装', '系统部署'],
  编程: ['软件开发', '开发'],
  电脑: ['计算机'],
  // 大数据融合创新
  机房: ['数据中心'],
  显卡: ['GPU'],
  // 半导体 / 光电
  芯片厂: ['晶圆厂', '芯片', '半导体'],
  摄像头: ['摄像', '成像', '相机'],
  // 光伏: PV on inverters and datasheets.
  PV: ['光伏'],
  // 先进轨道交通装备: passengers say 火车 and 高铁, the trade says 机车 (the locomotive), 列车, 动车组.
  火车: ['机车', '列车'],
  高铁: ['动车组', '高速列车'],
  铁轨: ['钢轨'],
  火车头: ['机车'],
  轻轨: ['城轨', '城市轨道交通'],
  // 智能网联新能源汽车: 电车 and EV are what drivers say.
  电车: ['新能源汽车', '电动汽车'],
  电动车: ['新能源汽车', '电动汽车'],
  EV: ['电动汽车', '新能源汽车'],
  修车: ['汽车维修', '汽修'],
  无人车: ['自动驾驶', '无人驾驶'],
  电池回收: ['梯次利用', '动力电池回收'],
  // 现代生物医药和大健康
  药企: ['制药企业', '制药'],
  药厂: ['制药企业', '制药', '药企'],
  护士: ['护理'],
  化验: ['检验', '检测'],
  照护: ['护理'],
  老人: ['老年', '养老'],
  // 通用航空: people say 开飞机 for the pilot's trade, 飞机 for any aircraft.
  开飞机: ['飞行员', '飞行'],
  飞机: ['航空器'],
  飞行驾照: ['飞行执照', '飞行培训'],
  // 煤机智能制造装备: 隔爆 is the explosion-proof type coal-mine equipment is built to.
  防爆: ['隔爆'],
  矿工: ['煤矿', '井下'],
  // 井下 (underground) is how people place coal-mine work; posts name the mine or the face.
  井下: ['煤矿', '矿井', '采掘', '综采', '矿用'],
  挖煤: ['采煤'],
  // 特种金属材料: the magnet as sold, the magnet as made.
  磁铁: ['磁体'],
  // 节能环保 / 大数据: the water a household knows, the network a utility runs.
  自来水: ['供水'],
  漏水: ['漏损'],
  废品回收: ['再生资源', '回收'],
  垃圾: ['固废'],
  // Everyday words for trade ones, across clusters: what a passenger, a diner or a student says.
  空姐: ['空乘', '空中乘务'],
  空少: ['空乘', '空中乘务'],
  人流量: ['客流'],
  人流: ['客流'],
  饭盒: ['餐盒'],
  电线: ['输电线路', '电力线路', '线路'],
  加密: ['密码', '商用密码'],
  语料: ['数据标注', '标注'],
  开裂: ['裂纹'],
  // 轻量化 is done with light alloys and carbon fibre; a post on them need not say the word.
  轻量化: ['铝合金', '镁合金', '碳纤维'],
  // 氢能 is also made: 制氢 from coke-oven gas or by electrolysis.
  氢能: ['制氢'],
  // Across clusters: 修理 is what people say, 维修 and 检修 what posts write.
  修理: ['维修', '检修'],
  // 大修 (overhaul) is a 维修, not the reverse.
  维修: ['大修'],
  维护: ['运维'],
  // A school's word for its teachers, a post's word; 见习 is the shorter placement.
  老师: ['教师'],
  见习: ['实习'],
  焊工: ['焊接', '电焊'],
  学徒: ['现代学徒制', '学徒制'],
  // 焊装 is the car-body shop's welding.
  焊接: ['焊装'],
  // An umbrella word finds the processes it covers; a search for 光刻 does not want every 微纳加工 post.
  微纳加工: ['光刻', '刻蚀', '镀膜'],
  芯片测试: ['晶圆测试', '成品测试', '封装测试'],
  // 值班 in a machine room is its operation: the shift watches, patrols, runs it.
  值班: ['运维', '值守', '巡检', '监控'],
  打标签: ['标注'],
  // 特种金属材料: a grade names its alloy (TC4 is a titanium alloy, TA1/TA2 commercially pure titanium),
  // a product form its family; the alloy's posts need not name the grade.
  TC4: ['钛合金'],
  TA1: ['纯钛', '钛材'],
  TA2: ['纯钛', '钛材'],
  铝镁合金: ['铝合金', '镁合金'],
  钛板: ['钛合金', '钛材'],
  板带: ['板材', '带材', '薄板', '带钢'],
  生锈: ['锈蚀', '腐蚀'],
  防锈: ['防腐'],
  // 轧制 is the process; posts name the kind (冷轧, 热轧).
  轧制: ['冷轧', '热轧'],
  // 生物基新材料: 环保 before a product is what shoppers call the degradable one.
  环保吸管: ['可降解吸管'],
  环保袋: ['可降解袋', '可降解购物袋'],
  环保餐具: ['可降解餐具'],
  环保塑料: ['可降解塑料'],
  下脚料: ['副产物', '废料', '边角料'],
  酒厂: ['白酒', '酿酒', '酒企'],
  产量: ['产率', '收率'],
  // 轨道交通 / 通航: the everyday word for the system, the licence, the tower.
  刹车: ['制动'],
  飞机发动机: ['航空发动机', '活塞发动机'],
  驾照: ['执照'],
  塔台: ['空管'],
  航测: ['测绘', '航拍'],
  // 生物医药: 按摩 is what patients call 推拿 (护工 → 护理 was tried: it finds the pet-care shop).
  按摩: ['推拿'],
  // 节能环保: 电厂 is any power plant, the posts name which.
  电厂: ['发电厂', '电站', '热电厂'],
  // Flue-gas treatment is done as desulphurisation, denitration and dust removal: posts name the step.
  烟气治理: ['脱硫', '脱硝', '除尘'],
  // Across clusters: 检修 and 修理 are what posts also write as 维修 and 大修; a patent sale is a tech transfer.
  检修: ['维修', '大修', '修理'],
  专利转让: ['技术转让', '技术许可', '成果转化'],
  下企业: ['企业实践'],
  锻炼: ['实践'],
  替换: ['替代', '迁移'],
  国产替代: ['国产化替代', '国产化'],
  // Problems as people describe them → the word the posts use for the problem or its fix.
  漏油: ['渗漏', '泄漏'],
  漏气: ['泄漏'],
  泄露: ['泄漏'],
  过热: ['温升', '散热'],
  抖动: ['振动'],
  翘曲: ['变形'],
  粉尘: ['除尘', '扬尘'],
  异味: ['除臭', '恶臭'],
  废气: ['烟气', 'VOCs', '尾气'],
  老化: ['衰减'],
  续航短: ['续航'],
  // Roles → the work they do, as posts name the work.
  质检员: ['质检', '质量检验'],
  检验员: ['检验', '质检'],
  化验员: ['化验', '检验'],
  装配工: ['装配'],
  调试员: ['调试'],
  维修工: ['维修', '检修'],
  钳工: ['装配', '机修'],
  巡检员: ['巡检'],
  运维工程师: ['运维'],
  工艺工程师: ['工艺'],
  数据分析师: ['数据分析'],
  算法工程师: ['算法'],
  // Everyday words for trade ones, per cluster.
  写代码: ['编程', '软件开发'],
  黑客: ['网络安全', '渗透测试'],
  造芯片: ['芯片', '晶圆制造', '集成电路'],
  芯片制造: ['晶圆制造'],
  人脸识别: ['图像识别', '计算机视觉'],
  智能客服: ['呼叫中心'],
  云服务器: ['云计算', '服务器'],
  发电效率: ['转换效率'],
  热处理: ['淬火', '回火', '退火'],
  表面处理: ['阳极氧化', '微弧氧化', '电镀', '喷涂'],
  压铸件: ['压铸'],
  白色污染: ['可降解'],
  一次性餐具: ['餐具'],
  煤矿机械: ['煤机'],
  顶板: ['支护'],
  汽车电池: ['动力电池'],
  飞机修理: ['航空维修', '飞机维修'],
  看护: ['护理', '照护'],
  护理院: ['养老机构'],
  制药厂: ['制药'],
  垃圾分类: ['固废', '垃圾处理'],
  垃圾处理: ['垃圾焚烧', '固废'],
  空气污染: ['大气污染', '废气'],
  省电: ['节能'],
  节能改造: ['节能'],
  // A category finds its members as posts name them (a brand, a material, a machine), never the reverse.
  国产数据库: ['达梦', '人大金仓', '金仓数据库', 'openGauss', 'GaussDB', 'GBase'],
  国产操作系统: ['银河麒麟', '麒麟操作系统', '统信', 'UOS', '欧拉', 'openEuler'],
  国产芯片: ['鲲鹏', '飞腾', '龙芯', '海光'],
  第三代半导体: ['碳化硅', '氮化镓', 'SiC', 'GaN'],
  功率器件: ['IGBT', 'MOSFET', '功率模块'],
  激光加工: ['激光切割', '激光焊接', '激光打标', '激光熔覆'],
  光伏电池: ['电池片', '异质结', 'TOPCon', 'PERC'],
  轻合金: ['铝合金', '镁合金', '钛合金'],
  稀土: ['钕铁硼', '稀土永磁'],
  生物塑料: ['聚乳酸', 'PLA', 'PHA', 'PBS', 'PBAT', '可降解塑料'],
  采掘设备: ['采煤机', '掘进机', '刮板输送机', '液压支架'],
  综采设备: ['采煤机', '液压支架', '刮板输送机'],
  三电: ['三电系统', '动力电池', '电机', '电控'],
  中医药: ['中药', '中医'],
  三废: ['废水', '废气', '固废'],
  大气治理: ['脱硫', '脱硝', '除尘', 'VOCs'],
  废气治理: ['烟气治理', '烟气净化', 'VOCs', '脱硫', '脱硝', '除尘'],
  废水治理: ['污水处理', '废水处理'],
  // A thermal camera is what the trade calls a 热像仪; PLA is the plastic made from maize.
  红外相机: ['热像仪', '热成像'],
  玉米塑料: ['聚乳酸', 'PLA'],
}

/**
 * Trade words the typo corrector knows beside jieba's dictionary (which lacks many: 点云, and has 轮毂 only
 * as a rare word), per cluster: a homophone typo or a Latin letter typo is corrected into one of these.
 * They make no synonyms; every word here is what posts in the cluster write.
 */
export const TRADE_TERMS: string[] = [
  // 信创 / 大数据: languages, databases and tools named in posts.
  ...['Java', 'Python', 'Linux', 'Oracle', 'MySQL', 'PostgreSQL', 'Redis', 'Docker', 'Spring', 'JavaScript', 'TypeScript'],
  ...['Golang', 'Hadoop', 'Spark', 'Flink', 'Kafka', 'Hive', 'Vue', 'React', 'Nginx', 'Tomcat', 'PyTorch', 'TensorFlow', 'OpenCV'],
  ...['点云', '标注', '算法', '运维', '部署', '迁移', '适配', '测评', '漏洞', '渗透', '爬虫', '可视化', '知识图谱'],
  // 半导体 / 光电
  ...['Verilog', 'VHDL', 'Cadence', 'Altium', 'Arduino', 'STM32', 'LabVIEW', 'Matlab', 'Simulink'],
  ...['光刻', '刻蚀', '键合', '晶圆', '外延', '掺杂', '退火', '减薄', '划片', '封装', '镀膜', '熔接', '光栅', '透镜', '棱镜'],
  // 光伏 / 碳基 / 金属 / 生物基
  ...['逆变器', '汇流箱', '串焊', '层压', '硅料', '拉晶', '切片', '石墨化', '焙烧', '浸渍', '煅烧', '沥青'],
  ...['AutoCAD', 'SolidWorks', 'CATIA', 'ANSYS', 'UG', '淬火', '回火', '退火', '锻件', '铸件', '压铸', '轧制', '冲压', '钣金'],
  ...['发酵', '菌种', '提取', '纯化', '聚合', '改性', '吹塑', '注塑', '挤出'],
  // 轨道交通 / 煤机 / 汽车
  ...['转向架', '轮对', '车轴', '钢轨', '道岔', '受电弓', '牵引', '制动', '探伤'],
  ...[
    '提升机',
    '液压支架',
    '采煤机',
    '掘进机',
    '综采',
    '支护',
    '瓦斯',
    '通风',
    '变频器',
    '刮板',
    '皮带机',
    'Modbus',
    'Profinet',
    'EtherCAT',
  ],
  ...['轮毂', '电机', '电控', '底盘', '车身', '涂装', '总装', '标定', '线束', '热管理'],
  // 通航 / 医药 / 环保
  ...['航拍', '植保', '测绘', '巡检', '机务', '航电', '适航'],
  ...['炮制', '制剂', '片剂', '胶囊', '注射剂', '灭菌', '验证', '原料药', '护理', '康复', '理疗', '推拿', '针灸'],
  ...['脱硫', '脱硝', '除尘', '焚烧', '填埋', '堆肥', '渗滤液', '余热', '矸石', '粉煤灰', '碳排放', '核算'],
]

/**
 * A plain English word or phrase (all lower-case: welding, solar panel) in a group finds the group's
 * Chinese, never the reverse: as a target it would match the English reference names every listing
 * carries (飞行员 → pilot → "pilot-scale bases" of every joint lab). Latin shorthand (SiC, eVTOL) is
 * written as posts write it, with capitals, and stays symmetric.
 */
export const isEnglishWord = (word: string) => /^[a-z]{3,}( [a-z]+)*$/.test(word)

/** Synonym map: every word → the other words of its groups (taxonomy names, regions, cities, curated groups), and the one-way words. */
export function synonymMap(): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {}
  const add = (word: string, targets: string[]) => {
    synonyms[word] = [...new Set([...(synonyms[word] ?? []), ...targets.filter((w) => w !== word)])]
  }
  const link = (words: string[]) => {
    const unique = [...new Set(words)].filter(Boolean)
    for (const word of unique)
      add(
        word,
        unique.filter((w) => !isEnglishWord(w)),
      )
  }
  for (const cluster of taxonomy.clusters) link([cluster.name, cluster.short])
  for (const group of taxonomy.regions.groups) link([group.name, group.older_name])
  for (const city of taxonomy.regions.cities) link([city.name, city.name.replace(/市$/, '')])
  for (const words of SYNONYM_GROUPS) link(words)
  for (const [word, targets] of Object.entries(ONE_WAY)) add(word, targets)
  for (const [word, targets] of Object.entries(synonyms)) if (!targets.length) delete synonyms[word]
  return synonyms
}

/** Chinese words of this many characters or more are segmented by Meilisearch into more than three words. */
const LONG_WORD = 5
let aliasNeedles: [(text: string) => boolean, string[]][] | null = null

/** A Latin needle matches as a whole word (PLC is not in HPLC), a Chinese one anywhere, as Meilisearch's segments would. */
function containsWord(needle: string): (text: string) => boolean {
  if (!/[a-z0-9]/.test(needle)) return (text) => text.includes(needle)
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const pattern = new RegExp(`(?<![a-z0-9])${escaped}(?![a-z0-9])`)
  return (text) => pattern.test(text)
}

/**
 * Meilisearch expands a synonym only for a query of at most three words as its segmenter cuts them, so a
 * longer key (无人机驾驶员 is cut 无人/机/驾驶/员; 智能光电制造技术) never finds what its group says. The
 * document carries such words itself instead: a listing that says 飞手 carries 无人机驾驶员, one naming
 * 光电制造与应用技术 the major's new name. The fallback expands them at query time (search/query-terms.ts).
 */
export function longSynonymsFor(text: string): string[] {
  if (!aliasNeedles) {
    // Curated words only: a cluster's full name (智能网联新能源汽车) is in every one of its documents already.
    const byNeedle = new Map<string, Set<string>>()
    // A Latin run is one word to the segmenter, but next to Chinese it splits the run (AI训练师 never expands).
    const isLong = (word: string) =>
      (word.match(/[\u4e00-\u9fff]/g)?.length ?? 0) + 2 * (word.match(/[A-Za-z0-9]+/g)?.length ?? 0) >= LONG_WORD
    const add = (word: string, targets: string[]) => {
      for (const target of targets) {
        const needle = target.toLowerCase()
        if (target !== word && needle.length >= 2 && !isEnglishWord(target))
          byNeedle.set(needle, (byNeedle.get(needle) ?? new Set()).add(word))
      }
    }
    for (const group of SYNONYM_GROUPS) for (const word of group.filter((w) => isLong(w) && !isEnglishWord(w))) add(word, group)
    for (const [word, targets] of Object.entries(ONE_WAY)) if (isLong(word)) add(word, targets)
    aliasNeedles = [...byNeedle].map(([needle, words]) => [containsWord(needle), [...words]])
  }
  const haystack = text.toLowerCase()
  const found = new Set<string>()
  for (const [contains, words] of aliasNeedles)
    if (contains(haystack)) for (const w of words) if (!haystack.includes(w.toLowerCase())) found.add(w)
  return [...found]
}
