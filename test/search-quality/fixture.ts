/**
 * A fixed set of listings for measuring search quality. Keys are stable; ids are assigned
 * when the fixture is loaded. Titles and descriptions are written the way organisations write them.
 */
export type FixtureListing = {
  key: string
  title: string
  description: string
  clusters: string[]
  type: 'internship' | 'teacher_practice' | 'joint_lab' | 'industry_college' | 'tech_transfer'
  direction: 'need' | 'offer'
  city: string
  org: string
  orgKind?: 'enterprise' | 'undergrad' | 'vocational_higher'
}

export const FIXTURE: FixtureListing[] = [
  // 煤机智能制造装备
  { key: 'coal-support', title: '综采液压支架装配与调试顶岗实习', description: '面向机电一体化技术专业学生，参与液压支架总装、压力测试与电液控制系统调试。', clusters: ['coal_machinery'], type: 'internship', direction: 'offer', city: 'jinzhong', org: '晋中示例煤机装备有限公司' },
  { key: 'coal-shearer', title: '采煤机截割部智能控制技术难题攻关', description: '采煤机在薄煤层工况下截割滚筒自适应调高精度不足，寻求高校联合攻关。', clusters: ['coal_machinery'], type: 'tech_transfer', direction: 'need', city: 'taiyuan', org: '太原示例矿山机器有限公司' },
  { key: 'coal-smartmine', title: '煤机智能制造联合实验室共建', description: '围绕智能矿山与综采工作面远程控制，共建煤机智能制造装备联合实验室。', clusters: ['coal_machinery'], type: 'joint_lab', direction: 'offer', city: 'changzhi', org: '长治示例智能矿山科技有限公司' },
  { key: 'coal-teacher', title: '掘进机电气系统教师企业实践岗位', description: '接收职业院校电气类教师参与掘进机电气控制柜装配与故障诊断，计入双师型认定。', clusters: ['coal_machinery'], type: 'teacher_practice', direction: 'offer', city: 'jincheng', org: '晋城示例煤矿装备有限公司' },
  { key: 'coal-college', title: '智能采掘装备产业学院', description: '与企业共建智能采掘装备产业学院，开设煤矿智能开采技术专业订单班。', clusters: ['coal_machinery'], type: 'industry_college', direction: 'need', city: 'taiyuan', org: '山西煤炭职业技术学院', orgKind: 'vocational_higher' },
  // 信息技术应用创新
  { key: 'xc-db', title: '国产数据库适配与迁移实习岗位', description: '参与信息技术应用创新项目，完成国产操作系统与数据库的适配迁移测试。', clusters: ['xinchuang'], type: 'internship', direction: 'offer', city: 'taiyuan', org: '太原示例信创软件有限公司' },
  { key: 'xc-kunpeng', title: '鲲鹏服务器运维工程师实训', description: '基于鲲鹏架构服务器的部署、运维与性能调优实训，面向计算机网络技术专业。', clusters: ['xinchuang'], type: 'internship', direction: 'offer', city: 'taiyuan', org: '山西示例鲲鹏计算有限公司' },
  { key: 'xc-lab', title: '信创适配验证中心共建', description: '共建信息技术应用创新适配验证中心，开展国产芯片适配与软件兼容性测试。', clusters: ['xinchuang'], type: 'joint_lab', direction: 'need', city: 'taiyuan', org: '太原理工大学', orgKind: 'undergrad' },
  { key: 'xc-college', title: '软件技术（信创方向）订单班', description: '面向软件开发岗位，企业参与课程设计，学生毕业后进入国产化软件项目。', clusters: ['xinchuang'], type: 'industry_college', direction: 'offer', city: 'jinzhong', org: '晋中示例软件园有限公司' },
  { key: 'xc-os', title: '国产操作系统驱动开发技术许可', description: '拥有国产操作系统外设驱动框架的发明专利，可许可使用。', clusters: ['xinchuang'], type: 'tech_transfer', direction: 'offer', city: 'taiyuan', org: '中北大学', orgKind: 'undergrad' },
  // 半导体
  { key: 'semi-sic', title: '碳化硅单晶衬底缺陷检测技术攻关', description: '碳化硅衬底微管与位错缺陷检测效率低，寻求光学检测与算法合作。', clusters: ['semiconductor'], type: 'tech_transfer', direction: 'need', city: 'taiyuan', org: '山西示例碳化硅材料有限公司' },
  { key: 'semi-pack', title: '集成电路封装测试岗位顶岗实习', description: '面向微电子技术专业学生，参与芯片封装、测试与质量检验工作。', clusters: ['semiconductor'], type: 'internship', direction: 'offer', city: 'taiyuan', org: '太原示例芯片封测有限公司' },
  { key: 'semi-gaas', title: '砷化镓外延片工艺联合实验室', description: '共建第三代半导体外延工艺实验室，研究砷化镓与氮化镓外延生长。', clusters: ['semiconductor'], type: 'joint_lab', direction: 'offer', city: 'taiyuan', org: '山西示例光电半导体有限公司' },
  { key: 'semi-wafer', title: '晶圆切割设备维护教师实践', description: '接收教师参与晶圆切割与研磨设备维护，了解半导体制造工艺。', clusters: ['semiconductor'], type: 'teacher_practice', direction: 'offer', city: 'taiyuan', org: '太原示例晶圆科技有限公司' },
  { key: 'semi-sapphire', title: '蓝宝石衬底抛光工艺专利转让', description: '蓝宝石衬底化学机械抛光工艺发明专利，可转让。', clusters: ['semiconductor'], type: 'tech_transfer', direction: 'offer', city: 'taiyuan', org: '太原理工大学', orgKind: 'undergrad' },
  // 大数据融合创新
  { key: 'bd-label', title: '数据标注员实习岗位（人工智能训练数据）', description: '参与图像与语音数据标注，为人工智能模型提供训练数据，包住宿。', clusters: ['bigdata'], type: 'internship', direction: 'offer', city: 'datong', org: '大同示例数据标注基地有限公司' },
  { key: 'bd-dc', title: '数据中心运维实训基地共建', description: '依托大型数据中心共建算力运维实训基地，面向云计算技术应用专业。', clusters: ['bigdata'], type: 'industry_college', direction: 'offer', city: 'yangquan', org: '阳泉示例云计算有限公司' },
  { key: 'bd-iiot', title: '工业互联网平台数据分析技术需求', description: '需要高校协助搭建工业互联网设备数据分析模型，预测设备故障。', clusters: ['bigdata'], type: 'tech_transfer', direction: 'need', city: 'taiyuan', org: '太原示例工业互联网有限公司' },
  { key: 'bd-teacher', title: '云计算平台教师企业实践', description: '大数据技术专业教师到企业参与云计算平台建设与运维实践。', clusters: ['bigdata'], type: 'teacher_practice', direction: 'need', city: 'taiyuan', org: '山西职业技术学院', orgKind: 'vocational_higher' },
  { key: 'bd-compute', title: '算力调度与大模型推理联合实验室', description: '共建算力调度实验室，研究大模型推理优化与人工智能应用。', clusters: ['bigdata'], type: 'joint_lab', direction: 'need', city: 'taiyuan', org: '山西大学', orgKind: 'undergrad' },
  // 光电
  { key: 'opto-laser', title: '激光器装调工顶岗实习', description: '参与半导体激光器装配、光路调试与性能测试，面向光电技术专业。', clusters: ['optoelectronics'], type: 'internship', direction: 'offer', city: 'taiyuan', org: '太原示例激光科技有限公司' },
  { key: 'opto-fiber', title: '光纤传感器技术成果许可', description: '分布式光纤传感器监测技术，已在煤矿巷道应用，可许可。', clusters: ['optoelectronics'], type: 'tech_transfer', direction: 'offer', city: 'taiyuan', org: '中北大学', orgKind: 'undergrad' },
  { key: 'opto-ir', title: '红外热成像模组研发合作', description: '寻求红外热成像模组算法与光学器件设计合作。', clusters: ['optoelectronics'], type: 'joint_lab', direction: 'need', city: 'changzhi', org: '长治示例光电有限公司' },
  { key: 'opto-led', title: 'LED 封装工艺教师实践岗位', description: '接收教师参与 LED 封装与光学器件检测实践。', clusters: ['optoelectronics'], type: 'teacher_practice', direction: 'offer', city: 'changzhi', org: '长治示例光电有限公司' },
  { key: 'opto-quantum', title: '量子光学精密测量实验室共建', description: '共建量子光学精密测量实验室，面向光通信与量子传感。', clusters: ['optoelectronics'], type: 'joint_lab', direction: 'offer', city: 'taiyuan', org: '山西大学', orgKind: 'undergrad' },
  // 光伏
  { key: 'pv-hjt', title: '异质结电池片产线工艺实习', description: '参与异质结电池片制绒、镀膜与丝网印刷工序，面向光伏工程技术专业。', clusters: ['photovoltaic'], type: 'internship', direction: 'offer', city: 'jincheng', org: '晋城示例光伏科技有限公司' },
  { key: 'pv-topcon', title: 'TOPCon 电池效率提升技术难题', description: 'TOPCon 电池钝化层工艺导致效率波动，寻求高校联合攻关。', clusters: ['photovoltaic'], type: 'tech_transfer', direction: 'need', city: 'changzhi', org: '长治示例光伏电池有限公司' },
  { key: 'pv-storage', title: '光伏储能系统集成产业学院', description: '共建光伏与储能系统集成产业学院，开设新能源装备技术专业。', clusters: ['photovoltaic'], type: 'industry_college', direction: 'need', city: 'datong', org: '大同煤炭职业技术学院', orgKind: 'vocational_higher' },
  { key: 'pv-module', title: '光伏组件检测教师实践', description: '接收教师参与光伏组件 EL 检测与质量分析。', clusters: ['photovoltaic'], type: 'teacher_practice', direction: 'offer', city: 'taiyuan', org: '太原示例太阳能有限公司' },
  { key: 'pv-wafer', title: '硅片切割金刚线技术许可', description: '硅片金刚线切割减薄工艺专利，可许可或作价入股。', clusters: ['photovoltaic'], type: 'tech_transfer', direction: 'offer', city: 'taiyuan', org: '太原理工大学', orgKind: 'undergrad' },
  // 碳基新材料
  { key: 'carbon-fiber', title: '碳纤维原丝制备工艺实习', description: '参与碳纤维原丝纺丝、预氧化与碳化工序，面向高分子材料专业。', clusters: ['carbon_materials'], type: 'internship', direction: 'offer', city: 'taiyuan', org: '太原示例碳纤维有限公司' },
  { key: 'carbon-graphene', title: '石墨烯导热膜中试基地共建', description: '共建石墨烯导热膜中试基地，推动实验室成果工程化。', clusters: ['carbon_materials'], type: 'joint_lab', direction: 'need', city: 'taiyuan', org: '中国科学院山西煤炭化学研究所', orgKind: 'undergrad' },
  { key: 'carbon-coke', title: '针状焦生产工艺优化技术需求', description: '针状焦热膨胀系数偏高，寻求煤基材料领域专家合作。', clusters: ['carbon_materials'], type: 'tech_transfer', direction: 'need', city: 'lvliang', org: '吕梁示例煤化工有限公司' },
  { key: 'carbon-ac', title: '煤基活性炭教师企业实践', description: '接收化工类教师参与煤基活性炭生产工艺实践。', clusters: ['carbon_materials'], type: 'teacher_practice', direction: 'offer', city: 'datong', org: '大同示例活性炭有限公司' },
  { key: 'carbon-college', title: '碳基材料现代产业学院', description: '共建碳基新材料现代产业学院，培养材料工程技术人才。', clusters: ['carbon_materials'], type: 'industry_college', direction: 'offer', city: 'changzhi', org: '长治示例碳材料有限公司' },
  // 特种金属材料
  { key: 'metal-mg', title: '镁合金压铸工艺专利许可', description: '高强镁合金压铸工艺专利，适用于汽车轻量化零部件，可许可。', clusters: ['special_metals'], type: 'tech_transfer', direction: 'offer', city: 'yuncheng', org: '运城示例镁业有限公司' },
  { key: 'metal-al', title: '铝合金型材挤压岗位实习', description: '参与铝合金型材挤压、时效与表面处理，面向材料成型专业。', clusters: ['special_metals'], type: 'internship', direction: 'offer', city: 'yuncheng', org: '运城示例铝业有限公司' },
  { key: 'metal-ss', title: '不锈钢冷轧工艺教师实践', description: '接收教师参与不锈钢冷轧与退火酸洗工艺实践。', clusters: ['special_metals'], type: 'teacher_practice', direction: 'offer', city: 'taiyuan', org: '太原示例不锈钢有限公司' },
  { key: 'metal-ndfeb', title: '钕铁硼永磁材料联合研发', description: '共建钕铁硼永磁材料实验室，降低重稀土用量。', clusters: ['special_metals'], type: 'joint_lab', direction: 'need', city: 'taiyuan', org: '太原科技大学', orgKind: 'undergrad' },
  { key: 'metal-cast', title: '铸造工艺数字化改造技术需求', description: '铸造车间需要砂型铸造数字化仿真与工艺优化支持。', clusters: ['special_metals'], type: 'tech_transfer', direction: 'need', city: 'xinzhou', org: '忻州示例铸造有限公司' },
  // 生物基新材料
  { key: 'bio-pla', title: '聚乳酸可降解材料中试合作', description: '聚乳酸聚合与改性中试线，寻求高校合作开发可降解材料。', clusters: ['biobased_materials'], type: 'joint_lab', direction: 'need', city: 'taiyuan', org: '山西示例生物材料有限公司' },
  { key: 'bio-nylon', title: '生物基尼龙发酵工艺实习', description: '参与生物基尼龙单体发酵与提取工序，面向生物技术专业。', clusters: ['biobased_materials'], type: 'internship', direction: 'offer', city: 'taiyuan', org: '山西示例合成生物有限公司' },
  { key: 'bio-synth', title: '合成生物菌种改造技术许可', description: '高产菌株构建技术，可许可用于生物制造。', clusters: ['biobased_materials'], type: 'tech_transfer', direction: 'offer', city: 'taiyuan', org: '山西大学', orgKind: 'undergrad' },
  { key: 'bio-college', title: '生物制造产业学院共建', description: '共建生物制造产业学院，开设发酵技术专业方向。', clusters: ['biobased_materials'], type: 'industry_college', direction: 'need', city: 'jinzhong', org: '山西职业技术学院', orgKind: 'vocational_higher' },
  // 先进轨道交通装备
  { key: 'rail-bogie', title: '转向架焊接岗位顶岗实习', description: '参与动车组转向架构架焊接与探伤，面向焊接技术专业。', clusters: ['rail_transit'], type: 'internship', direction: 'offer', city: 'taiyuan', org: '太原示例轨道装备有限公司' },
  { key: 'rail-axle', title: '高铁车轴疲劳检测技术攻关', description: '车轴轮对疲劳裂纹在线检测精度不足，寻求合作。', clusters: ['rail_transit'], type: 'tech_transfer', direction: 'need', city: 'taiyuan', org: '太原示例车轴有限公司' },
  { key: 'rail-loco', title: '机车车辆检修教师实践岗位', description: '接收铁道车辆专业教师参与机车车辆检修实践。', clusters: ['rail_transit'], type: 'teacher_practice', direction: 'offer', city: 'datong', org: '大同示例机车有限公司' },
  { key: 'rail-college', title: '城轨运营产业学院', description: '共建城市轨道交通运营管理产业学院，订单培养城轨站务人员。', clusters: ['rail_transit'], type: 'industry_college', direction: 'need', city: 'taiyuan', org: '山西铁道职业技术学院', orgKind: 'vocational_higher' },
  // 智能网联新能源汽车
  { key: 'nev-battery', title: '动力电池包装配与检测实习', description: '参与动力电池包模组装配、气密检测与下线测试，面向新能源汽车技术专业。', clusters: ['nev'], type: 'internship', direction: 'offer', city: 'jinzhong', org: '晋中示例新能源汽车有限公司' },
  { key: 'nev-methanol', title: '甲醇汽车发动机标定技术需求', description: '甲醇汽车冷启动排放标定需要高校发动机实验室支持。', clusters: ['nev'], type: 'tech_transfer', direction: 'need', city: 'jinzhong', org: '晋中示例甲醇汽车有限公司' },
  { key: 'nev-h2', title: '氢燃料电池电堆联合实验室', description: '共建氢燃料电池电堆测试实验室，研究膜电极耐久性。', clusters: ['nev'], type: 'joint_lab', direction: 'offer', city: 'changzhi', org: '长治示例氢能科技有限公司' },
  { key: 'nev-v2x', title: '车联网测试工程师教师实践', description: '接收汽车电子专业教师参与车联网 V2X 测试实践。', clusters: ['nev'], type: 'teacher_practice', direction: 'offer', city: 'taiyuan', org: '太原示例智能网联有限公司' },
  { key: 'nev-college', title: '新能源汽车产业学院', description: '共建新能源汽车产业学院，开设新能源汽车检测与维修技术专业。', clusters: ['nev'], type: 'industry_college', direction: 'need', city: 'yuncheng', org: '运城职业技术大学', orgKind: 'vocational_higher' },
  // 通用航空
  { key: 'ga-uav', title: '无人机装调检修工实习', description: '参与工业级无人机装配、调试与飞行测试，面向无人机应用技术专业。', clusters: ['general_aviation'], type: 'internship', direction: 'offer', city: 'taiyuan', org: '太原示例无人机有限公司' },
  { key: 'ga-mro', title: '航空维修培训基地共建', description: '共建通用航空器维修培训基地，开展航空维修人员培训。', clusters: ['general_aviation'], type: 'industry_college', direction: 'offer', city: 'datong', org: '大同示例通航有限公司' },
  { key: 'ga-low', title: '低空经济飞行服务技术需求', description: '低空飞行服务站需要空域管理与飞行计划系统开发支持。', clusters: ['general_aviation'], type: 'tech_transfer', direction: 'need', city: 'changzhi', org: '长治示例通用航空有限公司' },
  { key: 'ga-teacher', title: '飞行培训教师企业实践', description: '接收航空类教师参与飞行培训与机场运营实践。', clusters: ['general_aviation'], type: 'teacher_practice', direction: 'need', city: 'taiyuan', org: '山西示例航空职业学院', orgKind: 'vocational_higher' },
  // 现代生物医药和大健康
  { key: 'med-tcm', title: '中药饮片炮制岗位实习', description: '参与中药饮片炮制、质量检验与仓储管理，面向中药学专业。', clusters: ['biomedicine_health'], type: 'internship', direction: 'offer', city: 'yuncheng', org: '运城示例中药有限公司' },
  { key: 'med-api', title: '原料药合成工艺绿色化技术攻关', description: '原料药合成步骤多、收率低，寻求绿色合成工艺合作。', clusters: ['biomedicine_health'], type: 'tech_transfer', direction: 'need', city: 'taiyuan', org: '太原示例制药有限公司' },
  { key: 'med-device', title: '医疗器械注册检验教师实践', description: '接收医疗器械专业教师参与产品注册检验实践。', clusters: ['biomedicine_health'], type: 'teacher_practice', direction: 'offer', city: 'taiyuan', org: '太原示例医疗器械有限公司' },
  { key: 'med-care', title: '康养服务产业学院', description: '共建康养服务产业学院，开设智慧健康养老服务与管理专业。', clusters: ['biomedicine_health'], type: 'industry_college', direction: 'need', city: 'jinzhong', org: '山西中医药大学', orgKind: 'undergrad' },
  // 节能环保
  { key: 'eco-gangue', title: '煤矸石综合利用技术需求', description: '煤矸石堆存量大，寻求煤矸石制备建材与固废利用技术。', clusters: ['energy_saving'], type: 'tech_transfer', direction: 'need', city: 'shuozhou', org: '朔州示例固废利用有限公司' },
  { key: 'eco-heat', title: '余热回收系统运维实习', description: '参与钢铁企业余热回收发电系统巡检与运维，面向能源动力专业。', clusters: ['energy_saving'], type: 'internship', direction: 'offer', city: 'linfen', org: '临汾示例节能科技有限公司' },
  { key: 'eco-water', title: '工业污水处理教师企业实践', description: '接收环境工程专业教师参与工业污水处理工艺实践。', clusters: ['energy_saving'], type: 'teacher_practice', direction: 'offer', city: 'linfen', org: '临汾示例环保有限公司' },
  { key: 'eco-carbon', title: '碳中和与碳排放核算联合实验室', description: '共建碳中和研究实验室，开展企业碳排放核算与减排路径研究。', clusters: ['energy_saving'], type: 'joint_lab', direction: 'need', city: 'taiyuan', org: '山西财经大学', orgKind: 'undergrad' },
]
