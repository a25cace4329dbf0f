import type { ClusterContent } from './cluster-content'
import type { Random } from './random'

/** Believable titles, descriptions and type-specific details, combined from cluster fragments. */
export type ListingDraft = {
  title: string
  description: string
  capacity: number
  details: Record<string, unknown>
}

type Context = { rand: Random; content: ClusterContent; clusterName: string; keyword: string; orgName: string; cityName: string; year: number }

const SEASONS = ['春季学期', '暑期', '秋季学期', '寒假', '全年滚动']
const PERIODS = (year: number) => [`${year} 年春季学期`, `${year} 年暑期`, `${year} 年秋季学期`, `${year}—${year + 1} 学年`]

const internship = {
  offer({ rand, content, keyword, orgName, cityName, year }: Context): ListingDraft {
    const role = rand.pick(content.roles)
    const majors = rand.sample(content.majors, rand.int(1, 3))
    const headcount = rand.pick([5, 8, 10, 12, 15, 20, 24, 30, 40, 50, 60])
    const season = rand.pick(SEASONS)
    const stipend = rand.pick([1800, 2000, 2200, 2400, 2600, 3000, 3500])
    const accommodation = rand.chance(0.7)
    const orderClass = rand.chance(0.2)
    const apprenticeship = !orderClass && rand.chance(0.2)
    const title = rand.pick([
      `${role}岗位${season}顶岗实习（${majors[0]} ${headcount} 人）`,
      `${year} 年${cityName.replace(/市$/, '')}${role}实习生招募`,
      `${keyword}方向${role}实训岗位（${headcount} 人）`,
      `${role}${orderClass ? '订单班' : apprenticeship ? '现代学徒制' : ''}实习岗位`,
    ])
    return {
      title,
      capacity: headcount,
      description: `${orgName}面向${majors.join('、')}等专业学生提供${role}实习岗位 ${headcount} 个，地点在${cityName}。实习期间配备带教师傅，月补贴 ${stipend} 元${accommodation ? '，提供住宿' : ''}，购买实习责任保险。${orderClass ? '表现优秀者可进入订单班，毕业后直接录用。' : ''}${apprenticeship ? '按现代学徒制培养，实践课时不少于 50%。' : ''}`,
      details: {
        majors,
        headcount,
        period: rand.pick(PERIODS(year)),
        location: cityName,
        dailyHours: rand.pick([6, 7, 8]),
        stipendYuanPerMonth: stipend,
        accommodation,
        orderClass,
        apprenticeship,
        practicalHoursShare: apprenticeship ? rand.pick([50, 55, 60]) : undefined,
      },
    }
  },
  need({ rand, content, keyword, orgName, cityName, year }: Context): ListingDraft {
    const majors = rand.sample(content.majors, rand.int(1, 2))
    const headcount = rand.pick([10, 20, 30, 40, 60, 80, 100, 120])
    const period = rand.pick(PERIODS(year))
    return {
      title: rand.pick([
        `${majors[0]}专业 ${headcount} 名学生 ${period}顶岗实习需求`,
        `寻求${keyword}企业接收${majors[0]}专业实习生`,
        `${year} 届${majors.join('、')}专业实习基地需求`,
      ]),
      capacity: headcount,
      description: `${orgName}${majors.join('、')}专业共有 ${headcount} 名学生需要在${period}进行顶岗实习，希望对接${keyword}相关企业，优先${cityName}及周边。学校派驻指导教师，可共同制订实习计划。`,
      details: { majors, headcount, period, location: `${cityName}及周边`, dailyHours: 8, stipendYuanPerMonth: 0, accommodation: rand.chance(0.5), orderClass: false, apprenticeship: rand.chance(0.15) },
    }
  },
}

const teacherPractice = {
  offer({ rand, content, orgName, year }: Context): ListingDraft {
    const task = rand.pick(content.teacherTasks)
    const posts = rand.int(1, 8)
    const days = rand.pick([30, 45, 60, 90])
    return {
      title: rand.pick([`${task}教师企业实践岗位（${days} 天）`, `职业院校教师${task}实践（${posts} 个岗位）`, `${year} 年暑期${task}教师实践`]),
      capacity: posts,
      description: `${orgName}接收职业院校专业教师 ${posts} 名，开展为期 ${days} 天的${task}实践，由企业工程师指导，实践结束出具证明，可计入“双师型”教师认定。`,
      details: { field: task, posts, durationDays: days, schedule: rand.pick(['暑期集中', '寒假集中', '每周两天', '学期内分段']), tasks: `参与${task}，完成实践报告并开发教学案例`, countsForDualQualified: rand.chance(0.8) },
    }
  },
  need({ rand, content, orgName }: Context): ListingDraft {
    const task = rand.pick(content.teacherTasks)
    const posts = rand.int(2, 10)
    return {
      title: rand.pick([`${posts} 名专业教师赴企业${task}实践需求`, `寻求${task}教师实践基地`]),
      capacity: posts,
      description: `${orgName}有 ${posts} 名专业教师需要到企业开展${task}实践，提升双师素质，希望企业提供真实项目和工程师指导。`,
      details: { field: task, posts, durationDays: rand.pick([30, 60]), schedule: '暑期集中', tasks: `${task}实践与教学资源开发`, countsForDualQualified: true },
    }
  },
}

const jointLab = {
  any({ rand, content, clusterName, orgName, cityName }: Context, direction: 'need' | 'offer'): ListingDraft {
    const topic = rand.pick(content.labDirections)
    const enterprise = rand.pick([100, 200, 300, 500, 800, 1000])
    const college = rand.pick([50, 100, 150, 200])
    return {
      title: rand.pick([`${topic}联合实验室共建${direction === 'need' ? '需求' : ''}`, `${cityName.replace(/市$/, '')}${topic}研发中心`, `${topic}中试基地合作`, `${topic}校企联合实验室（${clusterName}）`]),
      capacity: 1,
      description: `${orgName}${direction === 'need' ? '寻求合作方' : '邀请院校'}共建${topic}联合实验室，企业投入约 ${enterprise} 万元，院校投入约 ${college} 万元，合作期 3 年，知识产权按约定共享，联合申报省级科技项目。`,
      details: { researchDirection: topic, investmentEnterpriseWan: enterprise, investmentCollegeWan: college, equipment: '共享中试线与检测设备', durationYears: rand.pick([3, 5]), expectedOutputs: `发明专利 ${rand.int(2, 6)} 项，行业标准或样机 1 项` },
    }
  },
}

const industryCollege = {
  any({ rand, content, clusterName, orgName, cityName }: Context, direction: 'need' | 'offer'): ListingDraft {
    const majors = rand.sample(content.majors, rand.int(1, 3))
    const enrolment = rand.pick([40, 60, 80, 100, 120, 150, 200])
    return {
      title: rand.pick([`${clusterName}产业学院共建${direction === 'need' ? '需求' : ''}`, `${majors[0]}订单班合作`, `${cityName.replace(/市$/, '')}${clusterName}现代产业学院`, `${majors[0]}现代学徒制试点`]),
      capacity: enrolment,
      description: `${orgName}拟与合作方共建${clusterName}产业学院，开设${majors.join('、')}专业方向，年招生约 ${enrolment} 人，共建课程、实训基地和双师团队，实行理事会领导下的院长负责制。`,
      details: { majors, plannedEnrolmentPerYear: enrolment, coBuiltResources: rand.sample(['课程', '实训基地', '师资', '教材', '技能鉴定站'], 3), governance: '理事会领导下的院长负责制' },
    }
  },
}

const techTransfer = {
  need({ rand, content, orgName, year }: Context): ListingDraft {
    const problem = rand.pick(content.problems)
    const budget = rand.pick([20, 30, 50, 80, 100, 200])
    return {
      title: rand.pick([`${problem}技术难题攻关`, `征集：${problem}解决方案`, `${problem}联合攻关需求`]),
      capacity: 1,
      description: `${orgName}在生产中遇到“${problem}”的问题，希望与高校或科研院所联合攻关，预算约 ${budget} 万元，要求 ${year + 1} 年底前完成中试验证。`,
      details: { kind: 'problem', budgetWan: budget, deadline: `${year + 1}-12-31`, requiredCapability: '具备相关领域研究团队和中试条件', patentNumbers: [] },
    }
  },
  offer({ rand, content, orgName }: Context): ListingDraft {
    const result = rand.pick(content.results)
    const mode = rand.pick(['转让', '许可', '作价入股'] as const)
    const min = rand.pick([10, 20, 50, 80, 100])
    const patent = `ZL20${rand.int(18, 24)}1${String(rand.int(0, 99999999)).padStart(7, '0')}.${rand.int(0, 9)}`
    return {
      title: rand.pick([`${result}专利${mode}`, `${result}成果转化`, `可${mode}：${result}`]),
      capacity: 1,
      description: `${orgName}拥有“${result}”相关发明专利，技术成熟度 ${rand.int(4, 8)} 级，已完成小试或中试验证，可${mode}，欢迎企业洽谈。`,
      details: { kind: 'result', patentNumbers: [patent], trl: rand.int(4, 8), mode, priceMinWan: min, priceMaxWan: min * rand.int(2, 4) },
    }
  },
}

export function draftListing(type: string, direction: 'need' | 'offer', context: Context): ListingDraft {
  switch (type) {
    case 'internship':
      return internship[direction](context)
    case 'teacher_practice':
      return teacherPractice[direction](context)
    case 'joint_lab':
      return jointLab.any(context, direction)
    case 'industry_college':
      return industryCollege.any(context, direction)
    default:
      return techTransfer[direction](context)
  }
}
