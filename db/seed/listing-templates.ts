import { cityByCode, clusterByCode } from '../reference'
import type { Random } from './random'

/**
 * Believable needs and offers for the five cooperation types, combined from fragments of each
 * industry cluster as it looks on the ground in Shanxi (posts, teacher-practice fields, lab
 * directions, technical problems, licensable results). Titles vary by frame, post, major, size,
 * season and year so that thousands of listings do not read like one template.
 */
export type ClusterFragments = {
  /** Higher-vocational majors (高职专业目录) the cluster recruits from. */
  vocMajors: string[]
  /** Undergraduate majors (本科专业目录). */
  ugMajors: string[]
  /** Internship / apprenticeship posts. */
  roles: string[]
  /** Fields of enterprise practice for college teachers. */
  teacherFields: string[]
  /** Research directions for joint labs, R&D centres and pilot bases. */
  labDirections: string[]
  /** Technical problems enterprises want solved. */
  problems: string[]
  /** Results and patents colleges can transfer or license. */
  results: string[]
  /** What enterprises in the cluster make or provide. */
  products: string[]
  /** Equipment a joint lab would share. */
  equipment: string[]
}

export const CLUSTER_FRAGMENTS: Record<string, ClusterFragments> = {
  coal_machinery: {
    vocMajors: [
      '机电一体化技术',
      '煤矿智能开采技术',
      '矿山机电与智能装备',
      '电气自动化技术',
      '智能制造装备技术',
      '工业机器人技术',
      '数控技术',
    ],
    ugMajors: ['机械设计制造及其自动化', '采矿工程', '智能采矿工程', '电气工程及其自动化'],
    roles: [
      '液压支架装配与调试',
      '采煤机电控系统检测',
      '智能综采工作面运维',
      '掘进机维修',
      '矿用变频器调试',
      '电液控制阀组装配',
      '刮板输送机焊接',
      '立柱油缸精密加工',
    ],
    teacherFields: [
      '液压支架电控系统调试',
      '采煤机故障诊断与维修',
      '智能综采远程集控平台运维',
      '矿山装备数字孪生建模',
      '液压元件装配与检测',
      '矿用电气设备防爆检验',
    ],
    labDirections: [
      '智能综采工作面远程集控',
      '煤机装备故障预测与健康管理',
      '矿用巡检机器人',
      '液压支架数字孪生',
      '掘进工作面自主导航',
      '矿用高可靠液压元件',
      '薄煤层智能开采装备',
    ],
    problems: [
      '采煤机截割滚筒自适应调高精度不足',
      '液压支架立柱密封件寿命短',
      '掘进机截割头截齿磨损过快',
      '综采工作面“三机”协同控制延迟高',
      '电液控制阀在乳化液污染下易卡滞',
      '刮板输送机断链缺少早期预警',
      '液压支架焊接结构件疲劳开裂',
      '矿用隔爆变频器散热不足',
      '井下 5G 信号在工作面衰减严重',
    ],
    results: [
      '矿用巷道智能巡检机器人',
      '液压支架姿态监测系统',
      '采煤机记忆截割算法',
      '刮板输送机链条张力监测装置',
      '掘进机截割断面自动成形控制',
      '乳化液浓度在线检测仪',
      '液压支架立柱高压密封结构',
      '综采工作面直线度激光测量方法',
      '井下设备振动故障诊断模型',
    ],
    products: ['液压支架', '电液控制系统', '薄煤层采煤机', '掘锚一体机', '刮板输送机', '矿用隔爆变频器', '智能综采工作面成套装备'],
    equipment: ['液压支架试验台', '综采工作面模拟平台', '电液控制系统测试台', '五轴加工中心'],
  },
  xinchuang: {
    vocMajors: ['软件技术', '计算机网络技术', '信息安全技术应用', '云计算技术应用', '计算机应用技术', '大数据技术'],
    ugMajors: ['计算机科学与技术', '软件工程', '网络空间安全', '信息安全'],
    roles: [
      '国产数据库适配测试',
      '鲲鹏服务器运维',
      '国产操作系统迁移实施',
      '信创终端部署与运维',
      'Java 后端开发',
      '前端开发',
      '软件测试',
      '网络安全值守',
    ],
    teacherFields: [
      '国产操作系统适配迁移',
      '鲲鹏服务器集群部署',
      '信创项目测试与交付',
      '国产数据库运维',
      '等级保护测评实务',
      '政务云平台运维',
    ],
    labDirections: [
      '信息技术应用创新适配验证',
      '国产芯片软件兼容性测试',
      '政务系统国产化迁移',
      '国产数据库性能调优',
      '信创安全可信计算',
      '开源操作系统发行版构建',
    ],
    problems: [
      '政务系统迁移国产数据库后查询性能下降',
      '国产操作系统外设驱动缺失',
      '信创终端批量运维效率低',
      '中间件替换后业务系统兼容问题多',
      '国产 CPU 平台上工程计算软件性能不足',
      '老旧业务系统源代码缺失难以迁移',
      '国产办公软件公文版式兼容性差',
      '信创云平台资源调度效率低',
    ],
    results: [
      '国产数据库迁移评估工具',
      '国产操作系统驱动适配框架',
      '信创终端统一运维平台',
      'SQL 方言自动转换引擎',
      '国产 CPU 平台性能剖析工具',
      '国密算法加速中间件',
      '政务应用兼容性自动化测试平台',
      '开源组件供应链安全扫描系统',
    ],
    products: ['国产操作系统适配服务', '政务云平台', '国产数据库迁移服务', '信创终端整机', '鲲鹏服务器', '网络安全运维服务'],
    equipment: ['鲲鹏服务器集群', '信创适配测试环境', '国产终端测试机房'],
  },
  semiconductor: {
    vocMajors: ['微电子技术', '集成电路技术', '电子信息工程技术', '材料工程技术', '电子产品制造技术'],
    ugMajors: ['微电子科学与工程', '材料物理', '电子科学与技术', '集成电路设计与集成系统'],
    roles: [
      '集成电路封装测试',
      '碳化硅衬底切磨抛',
      '晶圆划片与研磨',
      '半导体设备维护',
      '外延片质量检测',
      '洁净车间工艺',
      '芯片可靠性测试',
      '晶体生长炉操作',
    ],
    teacherFields: ['晶圆划片设备维护', '芯片封装工艺', '碳化硅衬底检测', '半导体洁净室管理', '集成电路测试程序开发'],
    labDirections: [
      '第三代半导体外延工艺',
      '碳化硅功率器件',
      '砷化镓光电器件',
      '宽禁带半导体单晶生长',
      '先进封装热管理',
      '半导体装备国产化',
    ],
    problems: [
      '碳化硅单晶衬底缺陷检测效率低',
      '功率模块封装翘曲',
      '蓝宝石衬底抛光良率低',
      '碳化硅晶体微管密度偏高',
      '砷化镓外延片厚度均匀性不足',
      '晶圆切割崩边',
      '封装键合线脱落',
      '外延炉温场控制不稳',
    ],
    results: [
      '碳化硅晶体生长温场控制方法',
      '蓝宝石衬底化学机械抛光工艺',
      '功率芯片封装热仿真模型',
      '碳化硅衬底位错无损检测方法',
      '晶圆激光隐形切割工艺',
      '砷化镓外延片光致发光快速检测装置',
      '银烧结芯片贴装工艺',
    ],
    products: ['碳化硅单晶衬底', '砷化镓外延片', '蓝宝石衬底', '功率器件封装测试', '半导体专用设备', '集成电路测试服务'],
    equipment: ['单晶生长炉', '化学机械抛光机', '扫描电子显微镜', '探针台'],
  },
  bigdata: {
    vocMajors: ['大数据技术', '云计算技术应用', '人工智能技术应用', '计算机应用技术', '物联网应用技术'],
    ugMajors: ['数据科学与大数据技术', '人工智能', '计算机科学与技术', '物联网工程'],
    roles: [
      '数据标注',
      '数据中心运维',
      '大数据开发',
      '人工智能训练师',
      '工业互联网平台运维',
      '数据分析助理',
      '机房动力环境监控',
      '云平台运维',
    ],
    teacherFields: ['数据中心运维', '大数据平台建设', '人工智能数据标注项目管理', '工业互联网平台应用', '云原生运维', '数据治理'],
    labDirections: [
      '算力调度与大模型推理',
      '工业互联网数据分析',
      '煤矿安全大数据',
      '数据中心绿色节能',
      '人工智能数据标注质量',
      '城市数字孪生',
    ],
    problems: [
      '工业互联网设备数据质量差',
      '数据中心 PUE 偏高',
      '数据标注质检效率低',
      '多源异构生产数据难以融合',
      '大模型推理算力利用率低',
      '煤矿视频 AI 识别误报多',
      '冷数据存储成本高',
      '边缘网关工业协议适配繁杂',
    ],
    results: [
      '数据中心液冷温控算法',
      '设备故障预测模型',
      '数据标注质检平台',
      '工业协议自适应解析网关',
      '煤矿视频违章行为识别模型',
      '算力资源弹性调度系统',
      '时序数据压缩存储方法',
      '多模态数据脱敏工具',
    ],
    products: ['数据中心托管', '算力租赁', '数据标注服务', '工业互联网平台', '人工智能训练数据', '城市大数据平台'],
    equipment: ['GPU 算力集群', '边缘计算网关', '数据中心实训机房'],
  },
  optoelectronics: {
    vocMajors: ['光电显示技术', '智能光电制造技术', '智能光电技术应用', '电子信息工程技术'],
    ugMajors: ['光电信息科学与工程', '物理学', '测控技术与仪器', '电子科学与技术'],
    roles: ['激光器装调', 'LED 封装', '光纤传感器生产', '光学器件检测', '红外模组装配', '光学镀膜', '光模块测试', '激光加工设备操作'],
    teacherFields: ['LED 封装与检测', '激光器装调', '光学器件检测', '激光加工工艺', '光纤熔接与测试'],
    labDirections: ['量子光学精密测量', '红外热成像', '分布式光纤传感', '激光增材制造', '光通信器件', '微纳光学'],
    problems: [
      '红外热成像模组非均匀性校正',
      '大功率激光器散热',
      'LED 光衰过快',
      '光纤光栅传感器温度交叉敏感',
      '光学镀膜附着力不足',
      '激光焊接飞溅',
      '光模块高温误码率高',
    ],
    results: [
      '分布式光纤传感监测技术',
      '量子精密磁测量方法',
      '激光熔覆修复工艺',
      '红外焦平面盲元补偿算法',
      '高功率激光器微通道热沉',
      '光纤光栅解调仪',
      '冷原子干涉重力仪',
    ],
    products: ['大功率半导体激光器', '分布式光纤传感系统', '红外热像仪', '光学镜头', '光通信模块', 'LED 封装器件'],
    equipment: ['光学隔振平台', '光谱分析仪', '激光加工工作站'],
  },
  photovoltaic: {
    vocMajors: ['光伏工程技术', '电力系统自动化技术', '储能材料技术', '电气自动化技术', '新能源材料应用技术', '发电厂及电力系统'],
    ugMajors: ['新能源科学与工程', '电气工程及其自动化', '材料物理', '储能科学与工程'],
    roles: [
      '异质结电池片产线',
      '光伏组件 EL 检测',
      'TOPCon 电池工艺',
      '储能电站运维',
      '硅片切割',
      '组件层压',
      '光伏电站运维',
      '电池片分选',
    ],
    teacherFields: ['光伏组件检测', '储能电站运维', '电池片工艺', '光伏电站设计与施工', '储能 BMS 调试'],
    labDirections: ['高效异质结电池', '光伏储能系统集成', '钙钛矿叠层电池', '光伏组件回收', '源网荷储一体化', '硅片薄片化'],
    problems: [
      'TOPCon 电池钝化层工艺波动',
      '光伏组件隐裂率偏高',
      '储能电池一致性差',
      '异质结电池银浆耗量高',
      '退役组件回收成本高',
      '高寒地区组件积雪发电损失',
      '电站组串故障定位难',
    ],
    results: [
      '硅片金刚线切割减薄工艺',
      '光伏电站智能清洗机器人',
      '储能电池均衡管理算法',
      '异质结电池铜电镀工艺',
      '组件热斑红外诊断方法',
      '光伏组件无损拆解回收技术',
      '钙钛矿薄膜刮涂工艺',
    ],
    products: ['异质结电池片', 'TOPCon 电池', '光伏组件', '单晶硅片', '储能系统集成', '分布式光伏电站'],
    equipment: ['太阳模拟器', 'EL 测试仪', '储能测试系统'],
  },
  carbon_materials: {
    vocMajors: ['应用化工技术', '煤化工技术', '高分子材料智能制造技术', '材料工程技术', '化工装备技术', '分析检验技术'],
    ugMajors: ['化学工程与工艺', '材料科学与工程', '高分子材料与工程', '应用化学'],
    roles: [
      '碳纤维原丝制备',
      '针状焦生产',
      '煤基活性炭生产',
      '石墨烯粉体制备',
      '化工工艺操作',
      '化工 DCS 操作',
      '化学分析检验',
      '炭素焙烧',
    ],
    teacherFields: ['煤基活性炭生产工艺', '碳纤维预氧化工序', '煤化工安全生产', '化工 DCS 仿真操作', '炭材料检测分析'],
    labDirections: ['石墨烯导热膜', '高性能碳纤维', '煤基特种碳材料', '针状焦原料预处理', '煤焦油高值化利用', '硬碳负极材料'],
    problems: [
      '针状焦热膨胀系数偏高',
      '碳纤维原丝强度波动',
      '煤焦油深加工收率低',
      '活性炭比表面积不稳定',
      '石墨化炉能耗高',
      '硬碳负极首次效率偏低',
      '碳纤维预氧化放热失控',
    ],
    results: [
      '煤基石墨烯制备方法',
      '高模量碳纤维工艺',
      '活性炭再生技术',
      '煤沥青基硬碳负极材料',
      '中间相沥青制备工艺',
      '石墨烯改性防腐涂料',
      '碳纤维复合材料快速固化工艺',
    ],
    products: ['高性能碳纤维', '针状焦', '煤基活性炭', '石墨烯导热膜', '特种石墨', '煤焦油深加工产品'],
    equipment: ['预氧化炉', '高温石墨化炉', '比表面积分析仪'],
  },
  special_metals: {
    vocMajors: ['材料工程技术', '理化测试与质检技术', '钢铁智能冶金技术', '材料成型及控制技术', '有色金属智能冶金技术', '智能焊接技术'],
    ugMajors: ['材料成型及控制工程', '冶金工程', '金属材料工程', '材料科学与工程'],
    roles: ['镁合金压铸', '铝合金型材挤压', '不锈钢冷轧', '钕铁硼磁材加工', '铸造工艺', '热处理', '金相检验', '数控加工'],
    teacherFields: ['不锈钢冷轧工艺', '镁合金熔炼与压铸', '铸造数字化仿真', '金属材料检测', '热处理工艺'],
    labDirections: ['高强镁合金', '钕铁硼永磁材料', '钛合金增材制造', '轻量化铝合金结构件', '高温合金精密铸造', '不锈钢表面处理'],
    problems: [
      '镁合金压铸件气孔率高',
      '砂型铸造缺陷多',
      '铝合金型材表面色差',
      '镁合金耐腐蚀性差',
      '不锈钢冷轧板表面划伤',
      '钕铁硼重稀土用量高',
      '皮江法炼镁能耗高',
    ],
    results: [
      '高强镁合金压铸工艺',
      '低重稀土钕铁硼制备方法',
      '铝合金时效强化工艺',
      '镁合金微弧氧化防腐涂层',
      '砂型 3D 打印铸造工艺',
      '不锈钢在线表面缺陷检测',
      '钛合金电子束熔丝成形',
    ],
    products: ['镁合金压铸件', '铝合金型材', '不锈钢冷轧板', '钕铁硼永磁体', '钛合金锻件', '高温合金铸件'],
    equipment: ['冷室压铸机', '金相显微镜', '真空热处理炉'],
  },
  biobased_materials: {
    vocMajors: ['食品检验检测技术', '药品生物技术', '应用化工技术', '高分子材料智能制造技术', '食品生物技术', '分析检验技术'],
    ugMajors: ['生物工程', '生物技术', '高分子材料与工程', '化学工程与工艺'],
    roles: ['生物基尼龙发酵', '聚乳酸改性', '发酵过程控制', '可降解材料检测', '菌种培养', '纺丝工艺', '化验分析', '提取纯化'],
    teacherFields: ['发酵工艺控制', '可降解材料检测', '合成生物菌种培养', '生物分离纯化', '高分子改性加工'],
    labDirections: ['聚乳酸可降解材料', '合成生物菌种改造', '生物基尼龙', '生物基化学品绿色制造', '秸秆纤维素转化', '发酵过程数字化'],
    problems: [
      '聚乳酸耐热性不足',
      '发酵批次稳定性差',
      '生物基尼龙提纯成本高',
      '可降解地膜降解周期不可控',
      '菌种传代产量衰减',
      '发酵废液处理成本高',
    ],
    results: [
      '高产菌株构建技术',
      '聚乳酸耐热改性配方',
      '发酵过程在线监测方法',
      '生物基戊二胺提取工艺',
      '全生物降解地膜配方',
      '秸秆糖化酶制剂',
    ],
    products: ['生物基尼龙', '聚乳酸', '可降解包装材料', '生物基戊二胺', '发酵产品', '生物基表面活性剂'],
    equipment: ['50 升发酵罐', '双螺杆挤出机', '高效液相色谱仪'],
  },
  rail_transit: {
    vocMajors: ['铁道机车运用与维护', '城市轨道车辆应用技术', '智能焊接技术', '铁道信号自动控制', '铁道车辆技术', '城市轨道交通机电技术'],
    ugMajors: ['车辆工程', '机械设计制造及其自动化', '交通运输', '材料成型及控制工程'],
    roles: ['转向架焊接', '车轴加工', '机车车辆检修', '轮对探伤', '城轨车辆调试', '电气装配', '车体涂装', '质量检验'],
    teacherFields: ['机车车辆检修', '转向架焊接工艺', '城轨信号系统', '轮对无损检测', '电力机车电气调试'],
    labDirections: ['轨道交通关键零部件', '轮轴疲劳检测', '城轨智能运维', '重载机车牵引控制', '转向架轻量化', '车辆健康管理'],
    problems: [
      '高铁车轴疲劳裂纹在线检测精度不足',
      '转向架焊缝缺陷',
      '城轨车辆能耗偏高',
      '重载货车轮对踏面磨耗快',
      '车体铝合金焊接变形',
      '牵引电机轴承故障预警缺失',
    ],
    results: [
      '车轴超声相控阵检测方法',
      '转向架焊接变形控制工艺',
      '城轨列车节能运行算法',
      '轮对踏面激光熔覆修复',
      '牵引电机轴承故障诊断模型',
      '受电弓滑板磨耗视觉检测',
    ],
    products: ['高铁车轴', '轮对', '转向架构架', '电力机车', '城轨车辆', '铁路货车配件'],
    equipment: ['轮对疲劳试验台', '相控阵超声探伤仪', '机器人焊接工作站'],
  },
  nev: {
    vocMajors: ['新能源汽车技术', '汽车检测与维修技术', '汽车电子技术', '智能网联汽车技术', '新能源汽车检测与维修技术'],
    ugMajors: ['车辆工程', '新能源汽车工程', '电气工程及其自动化', '汽车服务工程'],
    roles: [
      '动力电池包装配',
      '甲醇发动机装调',
      '车联网测试',
      '整车下线检测',
      '电驱系统装配',
      '电池管理系统测试',
      '充换电站运维',
      '售后技术支持',
    ],
    teacherFields: ['车联网 V2X 测试', '动力电池检测与维修', '新能源整车装调', '电驱系统拆装', '智能网联汽车标定'],
    labDirections: ['氢燃料电池电堆', '甲醇汽车动力系统', '智能网联汽车测试', '动力电池梯次利用', '重卡换电系统', '整车热管理'],
    problems: [
      '甲醇汽车冷启动排放偏高',
      '动力电池包热失控预警',
      '车联网通信时延',
      '重卡换电接口可靠性',
      '低温环境续航衰减',
      '电驱系统 NVH 超标',
    ],
    results: [
      '动力电池健康状态估计方法',
      '甲醇发动机燃烧控制策略',
      '车载以太网测试工具',
      '电池包热失控早期预警系统',
      '低温电池自加热方法',
      '燃料电池氢气循环泵',
    ],
    products: ['甲醇乘用车', '纯电动重卡', '动力电池包', '氢燃料电池发动机', '电驱动总成', '车载控制器'],
    equipment: ['电池包测试柜', '转毂试验台', 'V2X 测试场景'],
  },
  general_aviation: {
    vocMajors: ['无人机应用技术', '飞机机电设备维修', '通用航空器维修', '通用航空航务技术', '飞机电子设备维修', '空中乘务'],
    ugMajors: ['飞行器设计与工程', '飞行器制造工程', '交通运输', '电子信息工程'],
    roles: ['无人机装调检修', '航空器维修', '机场运营', '飞行签派助理', '无人机飞手', '航材管理', '航空地面服务', '无人机测绘数据处理'],
    teacherFields: ['飞行培训与机场运营', '航空器维修', '无人机植保作业', '无人机测绘', '航空器部件修理'],
    labDirections: ['低空经济飞行服务', '无人机巡检', '航空维修培训', '航空复合材料修理', '无人机集群控制', '通航机场智慧运行'],
    problems: [
      '低空飞行服务站空域动态管理',
      '无人机电力巡检缺陷自动识别',
      '通航机场运行效率低',
      '无人机长航时续航不足',
      '复合材料机翼损伤检测难',
    ],
    results: [
      '无人机自主巡检系统',
      '低空飞行计划管理软件',
      '航空发动机孔探图像识别算法',
      '无人机电池快换装置',
      '复合材料结构损伤超声检测方法',
      '植保无人机变量喷施系统',
    ],
    products: ['工业级无人机', '通航飞行培训', '航空器维修', '低空飞行服务', '航空应急救援', '无人机植保'],
    equipment: ['无人机飞行测试场', '发动机孔探仪', '航电综合测试台'],
  },
  biomedicine_health: {
    vocMajors: ['药品生产技术', '中药制药', '医疗器械维护与管理', '智慧健康养老服务与管理', '药品质量与安全', '药物制剂技术'],
    ugMajors: ['药学', '中药学', '生物医学工程', '制药工程'],
    roles: ['中药饮片炮制', '原料药合成', '医疗器械注册检验', '康养服务', '制剂生产', '药品质量检验', 'GMP 文件管理', '医疗器械售后维护'],
    teacherFields: ['医疗器械注册检验', '中药炮制工艺', '药品质量管理', 'GMP 车间实务', '智慧养老服务'],
    labDirections: ['中药质量标准', '原料药绿色合成', '康养服务标准', '道地药材深加工', '医疗器械检测评价', '中药配方颗粒'],
    problems: [
      '原料药合成步骤多收率低',
      '中药饮片质量一致性差',
      '医疗器械注册检验周期长',
      '中药配方颗粒吸潮结块',
      '连翘提取物指标成分含量波动',
      '康养机构智能监护误报高',
    ],
    results: [
      '连翘有效成分提取工艺',
      '黄芪多糖制备方法',
      '原料药连续流合成工艺',
      '党参饮片炮制标准化工艺',
      '中药配方颗粒防潮包衣技术',
      '老人跌倒智能监测系统',
    ],
    products: ['中药饮片', '化学原料药', '中成药', '医用耗材', '康养服务', '体外诊断试剂'],
    equipment: ['中药提取罐', '高效液相色谱仪', '洁净制剂车间'],
  },
  energy_saving: {
    vocMajors: ['环境工程技术', '热能动力工程技术', '绿色低碳技术', '环境监测技术', '安全技术与管理'],
    ugMajors: ['环境工程', '能源与动力工程', '环境科学', '资源循环科学与工程'],
    roles: ['余热回收系统运维', '工业污水处理', '煤矸石综合利用', '环境监测', '碳排放核算', '脱硫脱硝运行', '固废检测', '节能诊断'],
    teacherFields: ['工业污水处理工艺', '碳排放核算', '固废资源化', '环境在线监测运维', '余热发电运行'],
    labDirections: ['碳中和与碳排放核算', '煤矸石资源化', '工业余热梯级利用', '焦化废水深度处理', '粉煤灰高值利用', '二氧化碳捕集利用'],
    problems: [
      '煤矸石堆存量大',
      '焦化废水深度处理成本高',
      '钢铁余热利用率低',
      '燃煤电厂脱硝氨逃逸超标',
      '粉煤灰利用途径单一',
      '矿井水高盐难处理',
    ],
    results: [
      '煤矸石制备陶粒技术',
      '焦化废水高级氧化工艺',
      '余热有机朗肯循环发电',
      '粉煤灰提铝技术',
      '矿井水分盐结晶工艺',
      '企业碳排放在线核算平台',
    ],
    products: ['余热发电工程', '工业废水处理', '煤矸石综合利用', '脱硫脱硝工程', '碳排放核算服务', '粉煤灰新型建材'],
    equipment: ['中试污水处理装置', '烟气分析仪', '固废热解炉'],
  },
}

/** Clusters that plausibly go together (second cluster of an enterprise or a listing). */
export const RELATED_CLUSTERS: Record<string, string[]> = {
  coal_machinery: ['energy_saving', 'bigdata', 'nev'],
  xinchuang: ['bigdata', 'semiconductor'],
  semiconductor: ['optoelectronics', 'photovoltaic', 'xinchuang'],
  bigdata: ['xinchuang', 'energy_saving', 'coal_machinery'],
  optoelectronics: ['semiconductor', 'general_aviation', 'photovoltaic'],
  photovoltaic: ['energy_saving', 'semiconductor', 'nev'],
  carbon_materials: ['energy_saving', 'nev', 'biobased_materials'],
  special_metals: ['nev', 'rail_transit', 'general_aviation'],
  biobased_materials: ['biomedicine_health', 'energy_saving', 'carbon_materials'],
  rail_transit: ['special_metals', 'bigdata', 'coal_machinery'],
  nev: ['special_metals', 'photovoltaic', 'carbon_materials'],
  general_aviation: ['optoelectronics', 'bigdata', 'special_metals'],
  biomedicine_health: ['biobased_materials', 'bigdata'],
  energy_saving: ['carbon_materials', 'photovoltaic', 'coal_machinery'],
}

export type ListingDraft = {
  title: string
  description: string
  capacity: number
  details: Record<string, unknown>
}

export type TemplateOrg = {
  name: string
  /** Name without city prefix and legal suffix, for titles: 华晋煤机装备, 太原理工大学. */
  shortName: string
  kind: string
  majors: string[]
}

export type ListingContext = {
  rand: Random
  cluster: string
  org: TemplateOrg
  cityCode: string
  /** ISO dates of the listing's window; periods and years in the text follow them. */
  startsOn: string
  endsOn: string
}

// ── small helpers ────────────────────────────────────────────────────────────

const cityShort = (code: string) => cityByCode.get(code)!.name.replace(/市$/, '')
const ymd = (iso: string) => ({ y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)) })
const seasonOf = (iso: string) => {
  const { m } = ymd(iso)
  return m >= 3 && m <= 5 ? '春季' : m >= 6 && m <= 8 ? '暑期' : m >= 9 && m <= 11 ? '秋季' : '寒假'
}
const periodText = (startsOn: string, endsOn: string) => {
  const a = ymd(startsOn)
  const b = ymd(endsOn)
  return a.y === b.y ? `${a.y} 年 ${a.m}—${b.m} 月` : `${a.y} 年 ${a.m} 月—${b.y} 年 ${b.m} 月`
}
/** Students finishing in the academic year the internship falls in. */
const graduationYear = (startsOn: string) => {
  const { y, m } = ymd(startsOn)
  return m >= 8 ? y + 1 : y
}
const days = (startsOn: string, endsOn: string) => Math.max(1, Math.round((Date.parse(endsOn) - Date.parse(startsOn)) / 86_400_000))
const keywordOf = (rand: Random, cluster: string) => {
  const c = clusterByCode.get(cluster)!
  return rand.pick([c.short, ...c.keywords.slice(0, 5)])
}
const COLLEGE_KINDS = new Set(['undergrad', 'vocational_undergrad', 'vocational_higher', 'vocational_secondary'])
const isCollege = (kind: string) => COLLEGE_KINDS.has(kind)

/**
 * Majors for a listing, at the level the organisation teaches: a university's are undergraduate
 * majors, a college's higher-vocational ones, and a vocational university or secondary school
 * keeps to its own (职业本科 / 中职) majors. The organisation's own where they fit the cluster, else the cluster's.
 */
function majorsFor(ctx: ListingContext, n: number): string[] {
  const f = CLUSTER_FRAGMENTS[ctx.cluster]!
  const kind = ctx.org.kind
  const pool =
    kind === 'undergrad' || kind === 'research_institute'
      ? f.ugMajors
      : kind === 'vocational_undergrad' || kind === 'vocational_secondary'
        ? ctx.org.majors
        : f.vocMajors
  const own = ctx.org.majors.filter((m) => pool.includes(m))
  const picked = ctx.rand.sample(own.length && ctx.rand.chance(0.7) ? own : pool, n)
  return picked.length ? picked : [ctx.rand.pick(pool)]
}

/**
 * A Chinese invention-patent number as printed on a certificate: ZL + 4-digit year + type 1 +
 * 7-digit serial + '.' + check digit (weights 2–9,2–5 mod 11). Serials whose check would be X
 * are skipped, so numbers pass the app's ZL202110123456.7 pattern.
 */
export function patentNumber(rand: Random, year: number): string {
  for (;;) {
    const digits = `${year}1${String(rand.int(0, 9_999_999)).padStart(7, '0')}`
    const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    const sum = [...digits].reduce((s, d, i) => s + Number(d) * weights[i]!, 0)
    const check = sum % 11
    if (check !== 10) return `ZL${digits}.${check}`
  }
}

// ── internship ───────────────────────────────────────────────────────────────

const STIPENDS = [1800, 2000, 2200, 2400, 2600, 2800, 3000, 3200, 3500, 4000]

function internshipOffer(ctx: ListingContext): ListingDraft {
  const { rand, org, cluster } = ctx
  const f = CLUSTER_FRAGMENTS[cluster]!
  const role = rand.pick(f.roles)
  const majors = majorsFor(ctx, rand.int(1, 3))
  const headcount = rand.pick([5, 6, 8, 10, 12, 15, 16, 20, 24, 25, 30, 35, 40, 45, 50, 60])
  const season = seasonOf(ctx.startsOn)
  const year = ymd(ctx.startsOn).y
  const grad = graduationYear(ctx.startsOn)
  const city = cityShort(ctx.cityCode)
  const stipend = rand.pick(STIPENDS)
  const accommodation = rand.chance(0.7)
  const orderClass = rand.chance(0.18)
  const apprenticeship = !orderClass && rand.chance(0.2)
  const dailyHours = rand.weighted([
    [8, 6],
    [7, 2],
    [6, 1],
  ] as const)
  const keyword = keywordOf(rand, cluster)
  const title = rand.pick([
    `${role}岗位 ${year} 年${season}顶岗实习（${majors[0]}专业 ${headcount} 人）`,
    `${role}实习生招募（${headcount} 人，${city}）`,
    `${keyword}产线${role}跟岗实习 ${headcount} 人`,
    `${org.shortName}${season}实习：${role}`,
    `${majors[0]}专业顶岗实习岗位 · ${role}`,
    orderClass
      ? `${role}订单班顶岗实习（${grad} 届 ${headcount} 人）`
      : apprenticeship
        ? `${role}现代学徒制岗位（${headcount} 人）`
        : `${grad} 届毕业生${role}顶岗实习`,
    `${year} 年${role}实习岗位，月补贴 ${stipend} 元`,
    `招收${majors.join('、')}专业实习生从事${role}`,
  ])
  const period = periodText(ctx.startsOn, ctx.endsOn)
  const district = rand.pick(['厂区', '生产基地', '园区', '总部及生产车间'])
  const description = [
    rand.pick([
      `${org.name}现提供${role}岗位 ${headcount} 个，面向${majors.join('、')}等专业的在校生，实习时间为 ${period}。`,
      `因${rand.pick(f.products)}订单增长，${org.name}计划在 ${period} 接收${majors.join('、')}专业实习生 ${headcount} 名，主要从事${role}。`,
      `${org.name}${city}${district}拟接收 ${headcount} 名${majors[0]}等专业学生开展顶岗实习，岗位为${role}，时间 ${period}。`,
    ]),
    rand.pick([
      `岗位配备带教师傅“一对一”指导，每日工作 ${dailyHours} 小时，实行轮休，安全培训合格后上岗。`,
      `实习内容涵盖${role}及${keyword}相关工序，企业工程师全程带教，每日工作 ${dailyHours} 小时。`,
      `实习生将参与${rand.pick(f.products)}的${role}环节，按 ${dailyHours} 小时工作制安排，夜班不超过规定时长。`,
    ]),
    `实习期间月补贴 ${stipend} 元${accommodation ? '，提供集体宿舍和工作餐' : '，可协助联系周边住宿'}，企业统一购买实习责任保险。`,
    orderClass
      ? '本岗位对应企业订单班，考核合格者毕业后直接录用。'
      : apprenticeship
        ? '按现代学徒制组织，校企双导师共同制订培养方案，实践课时占比不低于 50%。'
        : rand.pick(['表现优秀者毕业后可优先录用。', '', '实习结束出具实习鉴定。']),
  ].join('')
  return {
    title,
    capacity: headcount,
    description,
    details: {
      majors,
      headcount,
      period,
      location: `${cityByCode.get(ctx.cityCode)!.name}${org.shortName}${district}`.slice(0, 100),
      dailyHours,
      stipendYuanPerMonth: stipend,
      accommodation,
      orderClass,
      apprenticeship,
      ...(apprenticeship || orderClass ? { practicalHoursShare: rand.pick([50, 55, 60, 65]) } : {}),
    },
  }
}

function internshipNeed(ctx: ListingContext): ListingDraft {
  const { rand, org, cluster } = ctx
  const f = CLUSTER_FRAGMENTS[cluster]!
  const majors = majorsFor(ctx, rand.int(1, 2))
  const headcount = rand.pick([8, 10, 12, 15, 20, 25, 30, 36, 40, 45, 50, 60])
  const period = periodText(ctx.startsOn, ctx.endsOn)
  const season = seasonOf(ctx.startsOn)
  const grad = graduationYear(ctx.startsOn)
  const keyword = keywordOf(rand, cluster)
  const city = cityShort(ctx.cityCode)
  const role = rand.pick(f.roles)
  const share = rand.pick([50, 55, 60])
  const title = rand.pick([
    `${majors[0]}专业 ${headcount} 名学生${season}顶岗实习需求`,
    `${grad} 届${majors[0]}专业学生寻求${keyword}企业实习岗位`,
    `${org.shortName}${majors[0]}专业跟岗实习基地对接（${headcount} 人）`,
    `为 ${headcount} 名${majors[0]}学生寻找${role}实习岗位`,
    `${majors.join('、')}专业 ${ymd(ctx.startsOn).y} 年${season}实习需求`,
    `${city}及周边${keyword}企业实习岗位需求（${majors[0]}）`,
    `寻求${role}方向实习基地（${grad} 届，${headcount} 人）`,
  ])
  const description = [
    `${org.name}${majors.join('、')}专业共有 ${headcount} 名${isCollege(org.kind) ? '学生' : '研究生和本科生'}需要在 ${period} 开展顶岗实习，希望对接从事${rand.sample(f.products, 2).join('、')}等业务的${keyword}企业，优先${city}及周边地区。`,
    rand.pick([
      `学生已完成${rand.pick(f.teacherFields)}等专业课程学习，具备基本操作技能。`,
      `学生已通过安全教育和岗前培训，可胜任${role}等一线岗位。`,
      `该专业实践课时占比 ${share}%，顶岗实习是人才培养方案的必修环节。`,
    ]),
    rand.pick([
      '学校派驻带队教师全程管理，并为学生购买实习责任保险。',
      '学校可与企业共同制订实习计划和考核标准，安排校内指导教师驻企。',
      '希望企业提供带教师傅和必要的住宿条件，实习补贴标准可协商。',
    ]),
  ].join('')
  return {
    title,
    capacity: headcount,
    description,
    details: {
      majors,
      headcount,
      period,
      location: `${cityByCode.get(ctx.cityCode)!.name}及周边`,
      dailyHours: 8,
      stipendYuanPerMonth: rand.pick([0, 1500, 1800, 2000]),
      accommodation: rand.chance(0.6),
      orderClass: false,
      apprenticeship: rand.chance(0.15),
      practicalHoursShare: share,
    },
  }
}

/** A college opening its on-campus production training base (rare). */
function internshipCollegeOffer(ctx: ListingContext): ListingDraft {
  const { rand, org, cluster } = ctx
  const f = CLUSTER_FRAGMENTS[cluster]!
  const majors = majorsFor(ctx, 2)
  const headcount = rand.pick([10, 20, 30, 40])
  const base = rand.pick(f.labDirections)
  const period = periodText(ctx.startsOn, ctx.endsOn)
  return {
    title: rand.pick([`${org.shortName}${base}生产性实训基地对外开放`, `${base}实训基地承接企业新员工实训（${headcount} 人）`]),
    capacity: headcount,
    description: `${org.name}${base}生产性实训基地配备${rand.pick(f.equipment)}等设备，可在 ${period} 承接企业新员工和合作院校学生实训 ${headcount} 人次，课程围绕${majors.join('、')}专业核心技能设计，由双师型教师授课。`,
    details: {
      majors,
      headcount,
      period,
      location: `${org.name}校内实训基地`.slice(0, 100),
      dailyHours: 6,
      stipendYuanPerMonth: 0,
      accommodation: rand.chance(0.5),
      orderClass: false,
      apprenticeship: false,
      practicalHoursShare: 70,
    },
  }
}

// ── teacher practice ─────────────────────────────────────────────────────────

const SCHEDULES = ['暑期集中', '寒假集中', '每周两天', '学期内分段', '暑期与寒假分两段']

function teacherOffer(ctx: ListingContext): ListingDraft {
  const { rand, org, cluster } = ctx
  const f = CLUSTER_FRAGMENTS[cluster]!
  const field = rand.pick(f.teacherFields)
  const posts = rand.weighted([
    [rand.int(1, 3), 5],
    [rand.int(4, 6), 3],
    [rand.int(7, 10), 1],
  ] as const)
  const durationDays = Math.min(days(ctx.startsOn, ctx.endsOn), rand.pick([20, 30, 30, 45, 60, 90]))
  const schedule = rand.pick(SCHEDULES)
  const major = majorsFor(ctx, 1)[0]!
  const year = ymd(ctx.startsOn).y
  const title = rand.pick([
    `${field}方向教师企业实践岗位 ${posts} 个`,
    `职业院校教师${field}实践（${durationDays} 天）`,
    `${year} 年${seasonOf(ctx.startsOn)}${field}教师实践`,
    `${org.shortName}接收${major}专业教师企业实践`,
    `“双师型”教师实践基地：${field}`,
    `${field}教师实践岗（${posts} 人，${schedule}）`,
  ])
  const tasks = rand.pick([
    `参与${field}一线工作，跟随工程师完成${rand.pick(f.roles)}任务，整理典型工作案例并转化为教学项目。`,
    `在${rand.pick(f.products)}生产现场开展${field}实践，参与一项技术改进课题，形成实践报告和教学案例。`,
    `熟悉企业${field}流程与标准，参与新员工培训授课，合作开发活页式教材一部。`,
  ])
  return {
    title,
    capacity: posts,
    description: `${org.name}面向职业院校${major}等专业教师提供企业实践岗位 ${posts} 个，实践方向为${field}，时长 ${durationDays} 天，安排方式为${schedule}。${tasks}实践结束由企业出具实践证明，可作为“双师型”教师认定材料。`,
    details: { field, posts, durationDays, schedule, tasks, countsForDualQualified: rand.chance(0.85) },
  }
}

function teacherNeed(ctx: ListingContext): ListingDraft {
  const { rand, org, cluster } = ctx
  const f = CLUSTER_FRAGMENTS[cluster]!
  const field = rand.pick(f.teacherFields)
  const posts = rand.int(2, 10)
  const major = majorsFor(ctx, 1)[0]!
  const durationDays = Math.min(days(ctx.startsOn, ctx.endsOn), rand.pick([30, 30, 45, 60, 90]))
  const schedule = rand.pick(SCHEDULES)
  const keyword = keywordOf(rand, cluster)
  const year = ymd(ctx.startsOn).y
  const title = rand.pick([
    `${posts} 名${major}专业教师赴企业${field}实践需求`,
    `寻求${field}教师企业实践基地`,
    `${org.shortName} ${year} 年${schedule}教师企业实践（${keyword}方向）`,
    `${major}专业教师 ${durationDays} 天企业实践岗位需求`,
    `专业教师${field}实践岗位征集（${posts} 人）`,
  ])
  const tasks = `到企业参与${field}等实际工作，了解${keyword}领域新技术、新工艺、新规范，回校后更新课程内容。`
  return {
    title,
    capacity: posts,
    description: `${org.name}${major}专业有 ${posts} 名专业教师需要在 ${periodText(ctx.startsOn, ctx.endsOn)} 到企业开展为期 ${durationDays} 天的实践，方向为${field}。希望企业提供真实项目和工程师指导，${rand.pick(['学校承担教师差旅和保险费用。', '教师可利用专业特长为企业提供技术服务。', '实践成果将用于“双师型”教师认定和课程改革。'])}`,
    details: { field, posts, durationDays, schedule, tasks, countsForDualQualified: true },
  }
}

// ── joint lab ────────────────────────────────────────────────────────────────

const LAB_KINDS = ['联合实验室', '校企联合研发中心', '工程技术研究中心', '中试基地', '协同创新中心', '产业技术研究院分院']

function jointLab(ctx: ListingContext, direction: 'need' | 'offer'): ListingDraft {
  const { rand, org, cluster } = ctx
  const f = CLUSTER_FRAGMENTS[cluster]!
  const dir = rand.pick(f.labDirections)
  const labKind = rand.pick(LAB_KINDS)
  const keyword = keywordOf(rand, cluster)
  const fromEnterprise = org.kind === 'enterprise'
  const investmentEnterpriseWan = rand.pick([50, 80, 100, 150, 200, 300, 500, 800, 1000])
  const investmentCollegeWan = rand.pick([20, 30, 50, 80, 100, 150, 200])
  const durationYears = rand.pick([2, 3, 3, 5, 5])
  const equipment = rand.sample(f.equipment, 2).join('、')
  const city = cityShort(ctx.cityCode)
  const title =
    direction === 'offer'
      ? rand.pick([
          `共建${dir}${labKind}`,
          `${org.shortName}${dir}${labKind}开放合作`,
          `${dir}${labKind}（${city}）合作伙伴招募`,
          `${keyword}领域${labKind}共建方案：${dir}`,
          `${dir}方向${labKind}，提供场地与设备`,
        ])
      : rand.pick([
          `${dir}${labKind}共建需求`,
          `寻求${dir}方向${labKind}合作方`,
          `${org.shortName}拟共建${dir}${labKind}`,
          `${clusterByCode.get(cluster)!.short}${labKind}共建意向：${dir}`,
        ])
  const outputs = rand.pick([
    `申请发明专利 ${rand.int(2, 8)} 项，形成${rand.pick(['样机', '中试线', '企业标准', '工艺包'])} 1 项`,
    `联合申报省级科技项目 ${rand.int(1, 3)} 项，发表论文 ${rand.int(3, 8)} 篇，培养研究生 ${rand.int(2, 10)} 名`,
    `突破${rand.pick(f.problems)}等关键问题，形成可转化成果 ${rand.int(1, 4)} 项`,
  ])
  const partner = fromEnterprise ? '高校或科研院所' : '行业骨干企业'
  const description = [
    direction === 'offer'
      ? `${org.name}${fromEnterprise ? '拟投入资金和生产场地' : '依托学科优势和现有平台'}，面向${partner}开放共建${dir}${labKind}。`
      : `${org.name}希望与${partner}共建${dir}${labKind}，面向${keyword}产业开展联合研发。`,
    `初步方案为企业投入约 ${investmentEnterpriseWan} 万元、院校投入约 ${investmentCollegeWan} 万元，合作期 ${durationYears} 年，共享${equipment}等设备。`,
    `预期目标：${outputs}。知识产权按合作协议约定归属和分享。`,
  ].join('')
  return {
    title,
    capacity: rand.weighted([
      [1, 7],
      [2, 2],
      [3, 1],
    ] as const),
    description,
    details: {
      researchDirection: dir,
      investmentEnterpriseWan,
      investmentCollegeWan,
      equipment: `${equipment}；${rand.pick(['实验场地约 300 平方米', '中试车间一处', '校内实验室与企业车间各一处', '企业提供中试场地'])}`,
      durationYears,
      expectedOutputs: outputs,
    },
  }
}

// ── industry college / order class / apprenticeship ─────────────────────────

const RESOURCES = [
  '课程标准',
  '实训基地',
  '双师型教学团队',
  '活页式教材',
  '职业技能等级证书考点',
  '企业真实项目库',
  '虚拟仿真实训平台',
  '大师工作室',
]
const GOVERNANCE = [
  '理事会领导下的院长负责制，校企双方各派副院长',
  '校企共建管理委员会，按年度签订合作协议',
  '混合所有制二级学院，企业参与专业设置和人才评价',
  '校企双主体育人，订单班学生由企业参与选拔和考核',
  '现代学徒制，企业师傅与学校教师双导师管理',
]

function industryCollege(ctx: ListingContext, direction: 'need' | 'offer'): ListingDraft {
  const { rand, org, cluster } = ctx
  const c = clusterByCode.get(cluster)!
  const f = CLUSTER_FRAGMENTS[cluster]!
  const majors = majorsFor(ctx, rand.int(1, 3))
  const plannedEnrolmentPerYear = rand.pick([30, 40, 45, 50, 60, 80, 100, 120, 150, 200])
  const form = rand.weighted([
    ['产业学院', 4],
    ['订单班', 3],
    ['现代学徒制试点班', 2],
    ['特色专业群', 1],
  ] as const)
  const city = cityShort(ctx.cityCode)
  const grad = graduationYear(ctx.startsOn) + 2
  const fromEnterprise = org.kind === 'enterprise'
  const title =
    direction === 'offer'
      ? rand.pick([
          `${org.shortName}${c.short}${form}共建`,
          `${majors[0]}${form}（${plannedEnrolmentPerYear} 人/年）`,
          `${city}${c.short}${form}合作招募`,
          `${rand.pick(f.products)}方向${majors[0]}${form}`,
          `${fromEnterprise ? '企业冠名' : '校企共建'}${majors[0]}${form}（${grad} 届起）`,
        ])
      : rand.pick([
          `${c.name}${form}共建需求`,
          `${majors[0]}专业寻求企业共建${form}`,
          `${majors[0]}${form}合作企业征集`,
          `${org.shortName}${c.short}${form}合作方招募`,
          `${majors.join('、')}${form}共建意向（${plannedEnrolmentPerYear} 人/年）`,
        ])
  const coBuiltResources = rand.sample(RESOURCES, rand.int(2, 4))
  const governance = rand.pick(GOVERNANCE)
  return {
    title,
    capacity: plannedEnrolmentPerYear,
    description: [
      `${org.name}${direction === 'offer' ? '愿意' : '希望'}与${fromEnterprise ? '职业院校和应用型本科高校' : `${c.short}领域骨干企业`}共建${c.short}${form}，开设${majors.join('、')}专业方向，年招生约 ${plannedEnrolmentPerYear} 人。`,
      `双方共建${coBuiltResources.join('、')}，企业技术骨干参与授课，学生第三学年进入${rand.pick(f.roles)}等岗位实践。`,
      `管理方式：${governance}。`,
    ].join(''),
    details: { majors, plannedEnrolmentPerYear, coBuiltResources, governance },
  }
}

// ── technology transfer ──────────────────────────────────────────────────────

const CAPABILITIES = [
  '具备相关领域研究团队和中试条件',
  '有同类工程化项目经验，能驻厂开展联合调试',
  '拥有相关发明专利或省部级重点实验室',
  '可提供小试验证数据并承担中试放大',
  '团队含高级职称研究人员 3 名以上',
]

function techProblem(ctx: ListingContext): ListingDraft {
  const { rand, org, cluster } = ctx
  const f = CLUSTER_FRAGMENTS[cluster]!
  const problem = rand.pick(f.problems)
  const budgetWan = rand.pick([10, 20, 30, 50, 60, 80, 100, 150, 200, 300, 500])
  const keyword = keywordOf(rand, cluster)
  const title = rand.pick([
    `${problem}技术难题攻关`,
    `征集：${problem}解决方案`,
    `揭榜挂帅｜${problem}`,
    `${problem}联合攻关（预算 ${budgetWan} 万元）`,
    `关于${problem}的技术需求`,
    `${org.shortName}技术需求：${problem}`,
  ])
  const requiredCapability = rand.pick(CAPABILITIES)
  return {
    title,
    capacity: 1,
    description: [
      `${org.name}在${rand.pick(f.products)}生产中存在“${problem}”的问题，${rand.pick(['已影响产品合格率和交付周期', '现有工艺难以满足下游客户新标准', '企业自有研发团队尚未找到有效方案', '每年造成较大的质量损失和能耗'])}。`,
      `现面向高校和科研院所征集解决方案，要求${requiredCapability}，可采用技术开发、技术服务或联合攻关方式。`,
      `项目预算约 ${budgetWan} 万元，希望在 ${ctx.endsOn.slice(0, 4)} 年 ${Number(ctx.endsOn.slice(5, 7))} 月前完成${rand.pick(['中试验证', '现场应用验证', '样机试制', '工艺定型'])}，成果可在${keyword}领域推广。`,
    ].join(''),
    details: { kind: 'problem', budgetWan, deadline: ctx.endsOn, requiredCapability, patentNumbers: [] },
  }
}

function techResult(ctx: ListingContext): ListingDraft {
  const { rand, org, cluster } = ctx
  const f = CLUSTER_FRAGMENTS[cluster]!
  const result = rand.pick(f.results)
  const mode = rand.weighted([
    ['许可', 4],
    ['转让', 4],
    ['作价入股', 2],
  ] as const)
  const trl = rand.int(4, 8)
  const priceMinWan = rand.pick([10, 20, 30, 50, 80, 100, 150, 200])
  const priceMaxWan = priceMinWan * rand.pick([1.5, 2, 3, 4])
  const startYear = ymd(ctx.startsOn).y
  const patentNumbers = Array.from(
    {
      length: rand.weighted([
        [1, 6],
        [2, 3],
        [3, 1],
      ] as const),
    },
    () => patentNumber(rand, rand.int(startYear - 6, startYear - 1)),
  )
  const title = rand.pick([
    `${result}专利${mode}`,
    `${result}成果转化（TRL ${trl}）`,
    `可${mode}：${result}`,
    `“${result}”科技成果${mode}`,
    `${org.shortName}${result}技术${mode}`,
    `${result}（${patentNumbers.length} 项发明专利）${mode}`,
  ])
  return {
    title,
    capacity: 1,
    description: [
      `${org.name}${isCollege(org.kind) || org.kind === 'research_institute' ? '科研团队' : '研发中心'}研发的“${result}”已获授权发明专利 ${patentNumbers.length} 项（${patentNumbers.join('、')}），技术成熟度 ${trl} 级，${trl >= 7 ? '已在企业现场完成示范应用' : trl >= 5 ? '已完成中试验证' : '已完成实验室小试'}。`,
      `该成果可用于${rand.pick(f.products)}等产品，有助于解决${rand.pick(f.problems)}等问题。`,
      `拟以${mode}方式转化，参考价格 ${priceMinWan}—${priceMaxWan} 万元，可提供技术培训和后续服务。`,
    ].join(''),
    details: { kind: 'result', patentNumbers, trl, mode, priceMinWan, priceMaxWan },
  }
}

/** A college or institute looking for a company to take a result into pilot production (rare). */
function techPilotNeed(ctx: ListingContext): ListingDraft {
  const { rand, org, cluster } = ctx
  const f = CLUSTER_FRAGMENTS[cluster]!
  const result = rand.pick(f.results)
  const trl = rand.int(3, 6)
  return {
    title: rand.pick([`寻求企业承接${result}中试与产业化`, `${result}中试合作企业征集`]),
    capacity: 1,
    description: `${org.name}的“${result}”已完成实验室验证（技术成熟度 ${trl} 级），现寻求具备${rand.pick(f.products)}生产条件的企业共同开展中试放大和产业化，可采用许可或作价入股方式合作。`,
    details: {
      kind: 'result',
      patentNumbers: [patentNumber(rand, ymd(ctx.startsOn).y - 1)],
      trl,
      mode: rand.pick(['许可', '作价入股'] as const),
    },
  }
}

/** Title, description, capacity and type-specific details of one listing. */
export function draftListing(type: string, direction: 'need' | 'offer', ctx: ListingContext): ListingDraft {
  const enterprise = ctx.org.kind === 'enterprise'
  switch (type) {
    case 'internship':
      if (direction === 'offer') return enterprise ? internshipOffer(ctx) : internshipCollegeOffer(ctx)
      return internshipNeed(ctx)
    case 'teacher_practice':
      return direction === 'offer' ? teacherOffer(ctx) : teacherNeed(ctx)
    case 'joint_lab':
      return jointLab(ctx, direction)
    case 'industry_college':
      return industryCollege(ctx, direction)
    case 'tech_transfer':
      if (direction === 'need') return enterprise ? techProblem(ctx) : techPilotNeed(ctx)
      return techResult(ctx)
    default:
      throw new Error(`未知的合作类型 ${type}`)
  }
}
