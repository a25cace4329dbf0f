import { useRouteLoaderData } from '@remix-run/react'
import { cityByCode, clusterByCode, cooperationTypeByCode, orgKindByCode, regionByCode } from '../../../db/reference'

// One line per area catalogue.
import * as domainCatalogue from './domain'
import * as errorsCatalogue from './errors'
import * as formsCatalogue from './forms'
import * as accountsCatalogue from './accounts'
import * as pagesCatalogue from './pages'
import * as mailCatalogue from './mail'
import * as publishingCatalogue from './publishing'
import * as searchQualityCatalogue from './search-quality'
import * as matchesCatalogue from './matches'
import * as matchingCatalogue from './matching'
import * as securityCatalogue from './security'
import * as visitorsCatalogue from './visitors'
import * as inputCatalogue from './input'
import * as importerCatalogue from './importer'

const CATALOGUES = [
  domainCatalogue,
  errorsCatalogue,
  formsCatalogue,
  accountsCatalogue,
  pagesCatalogue,
  mailCatalogue,
  publishingCatalogue,
  searchQualityCatalogue,
  matchesCatalogue,
  matchingCatalogue,
  securityCatalogue,
  visitorsCatalogue,
  inputCatalogue,
  importerCatalogue,
] as const satisfies readonly {
  zh: Record<string, string>
  en: Record<string, string>
}[]
/**
 * Catalogues of areas rendered only for signed-in officials: typed here, merged on the server by
 * ./server-catalogues.server.ts, reaching the browser through the root loader's messages, so the
 * home page's JavaScript does not carry them.
 */
type ServerCatalogues = typeof import('./gov')
type CatalogueKeys = UnionToIntersection<(typeof CATALOGUES)[number]['zh'] | ServerCatalogues['zh']>
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : Record<never, string>

export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'zh-CN'

const coreZh = {
  'app.name': '晋产教',
  'app.brand': '晋产教',
  'app.tagline': '山西产教融合信息服务平台',
  'app.oneLiner': '企业与院校在这里发布实习岗位、教师实践、联合实验室、产业学院和技术转移需求，找到合作伙伴，政府看到产教融合的真实进展。',
  'nav.label': '主导航',
  'nav.search': '找合作',
  'nav.orgs': '找机构',
  'nav.signIn': '登录',
  'nav.register': '机构注册',
  'nav.account': '我的账号',
  'nav.dashboard': '机构工作台',
  'nav.admin': '平台管理',
  'nav.signOut': '退出',
  'nav.skip': '跳到正文',
  'lang.switch': 'English',
  'search.placeholder': '搜索岗位、技术、机构，如“煤机”“信创”“碳化硅”',
  'search.placeholderShort': '搜索岗位、技术、机构',
  'search.label': '搜索关键词',
  'search.button': '搜索',
  'search.title': '找合作',
  'search.titleWithQuery': '“{q}”的搜索结果',
  'search.results': '共 {total} 条结果',
  'search.filters': '筛选',
  'search.apply': '应用筛选',
  'search.clearAll': '清除全部筛选',
  'search.activeFilters': '已选筛选条件',
  'search.removeFilter': '去掉筛选：{label}',
  'search.updating': '正在更新…',
  'search.sort': '排序',
  'search.sort.relevance': '最相关',
  'search.sort.newest': '最新发布',
  'search.sort.closing': '即将截止',
  'search.sort.capacity': '名额最多',
  'search.facet.clusters': '产业集群',
  'search.facet.type': '合作类型',
  'search.facet.city': '城市',
  'search.facet.region': '区域',
  'search.verifiedOnly': '只看已认证机构',
  'search.when': '时间',
  'search.from': '从',
  'search.to': '到',
  'search.phase': '状态',
  'search.phase.any': '不限',
  'search.phase.ongoing': '进行中',
  'search.phase.upcoming': '尚未开始',
  'search.facet.organisationKind': '机构类型',
  'search.facet.direction': '需求 / 供给',
  'search.facet.count': '{n}',
  'search.noResults': '没有找到符合条件的需求或供给',
  'search.noResultsHint': '试试减少筛选条件，或从下面的产业集群开始浏览。',
  'search.broader': '去掉“{label}”筛选再搜',
  'search.withoutFilters': '不加筛选，只搜“{q}”',
  'search.everything': '查看全部',
  'search.pageEmpty': '这一页没有结果',
  'search.firstPage': '回到第 1 页',
  'search.browseClusters': '按产业集群浏览',
  'search.unavailable': '搜索服务暂时不可用，请稍后再试',
  'search.fallback': '搜索引擎暂时不可用，以下结果来自数据库，排序可能不够精确。',
  'search.tabs': '搜索范围',
  'search.tab.listings': '需求与供给',
  'search.tab.orgs': '机构',
  'direction.need': '需求',
  'direction.offer': '供给',
  'listing.capacity': '数量',
  'listing.window': '时间',
  'listing.city': '城市',
  'listing.clusters': '产业集群',
  'listing.type': '合作类型',
  'listing.direction': '需求 / 供给',
  'listing.publisher': '发布机构',
  'listing.details': '具体要求',
  'listing.description': '详细说明',
  'listing.reference': '内部编号',
  'listing.publishedAt': '发布日期',
  'listing.updatedAt': '最近更新',
  'listing.contact': '联系方式',
  'listing.contactName': '联系人',
  'listing.contactPhone': '电话',
  'listing.contactEmail': '邮箱',
  'listing.contactHint': '登录后可查看联系人并发起合作。',
  'listing.viewOrganisation': '查看机构主页',
  'listing.edit': '编辑',
  'listing.manage': '管理',
  'listing.duplicate': '复制为新草稿',
  'listing.history': '修改记录（{n}）',
  'listing.action.publish': '发布',
  'listing.action.pause': '暂停',
  'listing.action.resume': '恢复发布',
  'listing.action.close': '关闭',
  'listing.action.reopen': '重新开放',
  'listing.attachments': '附件',
  'listing.attachment.choose': '选择附件',
  'listing.attachment.upload': '上传附件',
  'listing.attachment.remove': '删除',
  'listing.attachment.hint': 'PDF、JPG 或 PNG，每个不超过 10 MB，最多 5 个。',
  'listing.notFound': '需求或供给不存在',
  'listing.status.draft': '草稿',
  'listing.status.published': '已发布',
  'listing.status.paused': '已暂停',
  'listing.status.closed': '已关闭',
  'listing.status.expired': '已过期',
  'detail.majors': '专业',
  'detail.headcount': '人数',
  'detail.period': '实习时段',
  'detail.location': '实习地点',
  'detail.dailyHours': '每日工时',
  'detail.stipendYuanPerMonth': '月补贴',
  'detail.accommodation': '提供住宿',
  'detail.orderClass': '订单班',
  'detail.apprenticeship': '现代学徒制',
  'detail.practicalHoursShare': '实践课时占比',
  'detail.field': '专业方向',
  'detail.posts': '岗位数',
  'detail.durationDays': '实践天数',
  'detail.schedule': '时间安排',
  'detail.tasks': '实践内容',
  'detail.countsForDualQualified': '可计入双师型认定',
  'detail.researchDirection': '研究方向',
  'detail.investmentEnterpriseWan': '企业投入',
  'detail.investmentCollegeWan': '院校投入',
  'detail.equipment': '设备与场地',
  'detail.durationYears': '合作年限',
  'detail.expectedOutputs': '预期成果',
  'detail.plannedEnrolmentPerYear': '年招生规模',
  'detail.coBuiltResources': '共建资源',
  'detail.governance': '治理方式',
  'detail.kind': '类别',
  'detail.kind.problem': '技术难题',
  'detail.kind.result': '可转化成果',
  'detail.budgetWan': '预算',
  'detail.deadline': '期限',
  'detail.requiredCapability': '能力要求',
  'detail.patentNumbers': '专利号',
  'detail.trl': '技术成熟度 (TRL)',
  'detail.mode': '转化方式',
  'detail.priceMinWan': '最低价格',
  'detail.priceMaxWan': '最高价格',
  'unit.yuan': '{n} 元',
  'unit.wan': '{n} 万元',
  'unit.hours': '{n} 小时',
  'unit.years': '{n} 年',
  'unit.percent': '{n}%',
  'org.verified': '已认证',
  'org.unverified': '未认证',
  'org.pending': '审核中',
  'org.rejected': '认证未通过',
  'org.listings': '发布的需求与供给',
  'org.listingsShown': '显示最新 {shown} 条，共 {total} 条',
  'org.noListings': '暂无公开发布的需求或供给',
  'org.record': '合作记录',
  'org.recordHint': '该机构作为发起方或合作方参与的合作，按阶段统计。',
  'org.recordTotal': '合计 {n} 项',
  'org.about': '机构简介',
  'org.facts': '基本情况',
  'org.kind': '机构类型',
  'org.city': '所在城市',
  'org.website': '网站',
  'org.notFound': '机构不存在',
  'org.staff': '在职员工',
  'org.technicalPosts': '技术岗位',
  'org.students': '在校生',
  'org.majors': '专业',
  'org.address': '地址',
  'org.region': '所属区域',
  'org.clusters': '所属产业集群',
  'home.searchTitle': '找实习岗位、教师实践、联合实验室、产业学院和技术成果',
  'home.clusters': '14 个战略性新兴产业集群',
  'home.clustersHint': '按集群查看正在发布的需求与供给',
  'home.types': '五类合作',
  'home.latest': '最新发布',
  'home.noListings': '暂时还没有发布的需求或供给。',
  'home.listingsCount': '{count} 条',
  'home.viewAll': '查看全部',
  'stage.contact': '初步接洽',
  'stage.negotiation': '洽谈中',
  'stage.signed': '已签约',
  'stage.in_progress': '执行中',
  'stage.completed': '已完成',
  'stage.terminated': '已终止',
  'pagination.label': '分页',
  'pagination.prev': '上一页',
  'pagination.next': '下一页',
  'pagination.page': '第 {page} / {total} 页',
  'pagination.goto': '第 {page} 页',
  'error.notFound': '页面不存在',
  'error.notFoundHint': '您访问的内容不存在，或您没有权限查看。',
  'error.forbidden': '无权访问',
  'error.forbiddenHint': '您没有权限查看或修改这项内容。',
  'error.badRequest': '请求有误',
  'error.badRequestHint': '提交的内容无法处理，请返回上一页检查后再试。',
  'error.generic': '出错了',
  'error.genericHint': '服务器暂时无法完成请求，请稍后再试。',
  'error.home': '返回首页',
  'error.search': '去搜索',
  'footer.demo': '演示数据：院校为山西真实院校（联系人与数据为虚构），名称含“示例”的企业均为虚构。',
  'footer.policy': '依据《山西省促进产教融合实施方案》（晋政办发〔2018〕38号）第（二十五）条建设。',
  'common.days': '{n} 天',
  'common.people': '{n} 人',
  'common.yes': '是',
  'common.no': '否',
  'common.system': '系统',
  'common.listSeparator': '、',
  'common.colon': '：',
}

const coreEn: Record<keyof typeof coreZh, string> = {
  'app.name': 'Jin Chan Jiao',
  'app.brand': '晋产教',
  'app.tagline': 'Jin Chan Jiao · Shanxi industry–education matching platform',
  'app.oneLiner':
    'Enterprises and colleges publish internships, teacher placements, joint labs, industry colleges and technology transfer here, find partners, and government sees whether cooperation is really happening.',
  'nav.label': 'Main',
  'nav.search': 'Find partners',
  'nav.orgs': 'Organisations',
  'nav.signIn': 'Sign in',
  'nav.register': 'Register',
  'nav.account': 'My account',
  'nav.dashboard': 'Dashboard',
  'nav.admin': 'Administration',
  'nav.signOut': 'Sign out',
  'nav.skip': 'Skip to content',
  'lang.switch': '中文',
  'search.placeholder': 'Search posts, technologies, organisations, e.g. 煤机, 信创, 碳化硅',
  'search.placeholderShort': 'Search posts, technologies, organisations',
  'search.label': 'Search words',
  'search.button': 'Search',
  'search.title': 'Find partners',
  'search.titleWithQuery': 'Results for “{q}”',
  'search.results': '{total} results',
  'search.filters': 'Filters',
  'search.apply': 'Apply filters',
  'search.clearAll': 'Clear all filters',
  'search.activeFilters': 'Active filters',
  'search.removeFilter': 'Remove filter: {label}',
  'search.updating': 'Updating…',
  'search.sort': 'Sort',
  'search.sort.relevance': 'Most relevant',
  'search.sort.newest': 'Newest',
  'search.sort.closing': 'Closing soon',
  'search.sort.capacity': 'Most places',
  'search.facet.clusters': 'Industry cluster',
  'search.facet.type': 'Cooperation type',
  'search.facet.city': 'City',
  'search.facet.region': 'Region',
  'search.verifiedOnly': 'Verified organisations only',
  'search.when': 'When',
  'search.from': 'From',
  'search.to': 'To',
  'search.phase': 'Status',
  'search.phase.any': 'Any',
  'search.phase.ongoing': 'Running now',
  'search.phase.upcoming': 'Not started yet',
  'search.facet.organisationKind': 'Organisation kind',
  'search.facet.direction': 'Need / offer',
  'search.facet.count': '{n}',
  'search.noResults': 'No needs or offers match',
  'search.noResultsHint': 'Try fewer filters, or start from a cluster below.',
  'search.broader': 'Search again without “{label}”',
  'search.withoutFilters': 'Search “{q}” without filters',
  'search.everything': 'See everything',
  'search.pageEmpty': 'No results on this page',
  'search.firstPage': 'Back to page 1',
  'search.browseClusters': 'Browse by industry cluster',
  'search.unavailable': 'Search is unavailable right now. Please try again shortly.',
  'search.fallback': 'The search engine is unavailable; these results come from the database and may be ranked less precisely.',
  'search.tabs': 'Search in',
  'search.tab.listings': 'Needs and offers',
  'search.tab.orgs': 'Organisations',
  'direction.need': 'Need',
  'direction.offer': 'Offer',
  'listing.capacity': 'Places',
  'listing.window': 'Period',
  'listing.city': 'City',
  'listing.clusters': 'Clusters',
  'listing.type': 'Cooperation type',
  'listing.direction': 'Need / offer',
  'listing.publisher': 'Published by',
  'listing.details': 'Specifics',
  'listing.description': 'Description',
  'listing.reference': 'Reference',
  'listing.publishedAt': 'Published',
  'listing.updatedAt': 'Last updated',
  'listing.contact': 'Contact',
  'listing.contactName': 'Contact person',
  'listing.contactPhone': 'Phone',
  'listing.contactEmail': 'Email',
  'listing.contactHint': 'Sign in to see the contact person and start a partnership.',
  'listing.viewOrganisation': 'View organisation profile',
  'listing.edit': 'Edit',
  'listing.manage': 'Manage',
  'listing.duplicate': 'Copy as a new draft',
  'listing.history': 'Change history ({n})',
  'listing.action.publish': 'Publish',
  'listing.action.pause': 'Pause',
  'listing.action.resume': 'Resume',
  'listing.action.close': 'Close',
  'listing.action.reopen': 'Reopen',
  'listing.attachments': 'Attachments',
  'listing.attachment.choose': 'Choose an attachment',
  'listing.attachment.upload': 'Upload attachment',
  'listing.attachment.remove': 'Remove',
  'listing.attachment.hint': 'PDF, JPG or PNG, up to 10 MB each, at most 5.',
  'listing.notFound': 'This need or offer does not exist',
  'listing.status.draft': 'Draft',
  'listing.status.published': 'Published',
  'listing.status.paused': 'Paused',
  'listing.status.closed': 'Closed',
  'listing.status.expired': 'Expired',
  'detail.majors': 'Majors',
  'detail.headcount': 'Headcount',
  'detail.period': 'Period',
  'detail.location': 'Location',
  'detail.dailyHours': 'Daily hours',
  'detail.stipendYuanPerMonth': 'Monthly stipend',
  'detail.accommodation': 'Accommodation',
  'detail.orderClass': 'Order class',
  'detail.apprenticeship': 'Modern apprenticeship',
  'detail.practicalHoursShare': 'Practical hours share',
  'detail.field': 'Field',
  'detail.posts': 'Posts',
  'detail.durationDays': 'Duration',
  'detail.schedule': 'Schedule',
  'detail.tasks': 'Tasks',
  'detail.countsForDualQualified': 'Counts toward dual-qualified status',
  'detail.researchDirection': 'Research direction',
  'detail.investmentEnterpriseWan': 'Enterprise investment',
  'detail.investmentCollegeWan': 'College investment',
  'detail.equipment': 'Equipment and space',
  'detail.durationYears': 'Duration',
  'detail.expectedOutputs': 'Expected outputs',
  'detail.plannedEnrolmentPerYear': 'Planned enrolment per year',
  'detail.coBuiltResources': 'Co-built resources',
  'detail.governance': 'Governance',
  'detail.kind': 'Kind',
  'detail.kind.problem': 'Technical problem',
  'detail.kind.result': 'Result to license',
  'detail.budgetWan': 'Budget',
  'detail.deadline': 'Deadline',
  'detail.requiredCapability': 'Required capability',
  'detail.patentNumbers': 'Patent numbers',
  'detail.trl': 'Technology readiness level (TRL)',
  'detail.mode': 'Mode',
  'detail.priceMinWan': 'Price from',
  'detail.priceMaxWan': 'Price up to',
  'unit.yuan': 'CNY {n}',
  'unit.wan': 'CNY {n}',
  'unit.hours': '{n} h',
  'unit.years': '{n} years',
  'unit.percent': '{n}%',
  'org.verified': 'Verified',
  'org.unverified': 'Unverified',
  'org.pending': 'Under review',
  'org.rejected': 'Verification rejected',
  'org.listings': 'Needs and offers',
  'org.listingsShown': 'Showing the latest {shown} of {total}',
  'org.noListings': 'Nothing published yet',
  'org.record': 'Cooperation record',
  'org.recordHint': 'Partnerships this organisation started or joined, by stage.',
  'org.recordTotal': '{n} in total',
  'org.about': 'About',
  'org.facts': 'Key facts',
  'org.kind': 'Kind',
  'org.city': 'City',
  'org.website': 'Website',
  'org.notFound': 'This organisation does not exist',
  'org.staff': 'Staff',
  'org.technicalPosts': 'Technical posts',
  'org.students': 'Students',
  'org.majors': 'Majors',
  'org.address': 'Address',
  'org.region': 'Region',
  'org.clusters': 'Industry clusters',
  'home.searchTitle': 'Find internships, teacher placements, joint labs, industry colleges and technologies',
  'home.clusters': 'The 14 strategic emerging industry clusters',
  'home.clustersHint': 'What is published now, cluster by cluster',
  'home.types': 'Five kinds of cooperation',
  'home.latest': 'Latest',
  'home.noListings': 'Nothing has been published yet.',
  'home.listingsCount': '{count}',
  'home.viewAll': 'See all',
  'stage.contact': 'First contact',
  'stage.negotiation': 'Negotiating',
  'stage.signed': 'Signed',
  'stage.in_progress': 'In progress',
  'stage.completed': 'Completed',
  'stage.terminated': 'Terminated',
  'pagination.label': 'Pagination',
  'pagination.prev': 'Previous',
  'pagination.next': 'Next',
  'pagination.page': 'Page {page} of {total}',
  'pagination.goto': 'Page {page}',
  'error.notFound': 'Page not found',
  'error.notFoundHint': 'This does not exist, or you may not see it.',
  'error.forbidden': 'No access',
  'error.forbiddenHint': 'You may not see or change this.',
  'error.badRequest': 'Bad request',
  'error.badRequestHint': 'What was sent could not be processed. Go back, check it and try again.',
  'error.generic': 'Something went wrong',
  'error.genericHint': 'The server could not finish the request. Please try again shortly.',
  'error.home': 'Back to the home page',
  'error.search': 'Search',
  'footer.demo':
    'Demo data: colleges are real Shanxi institutions (contacts and figures are fictional); enterprises marked 示例 are fictional.',
  'footer.policy': 'Built under article 25 of Shanxi’s industry–education integration plan (晋政办发〔2018〕38号).',
  'common.days': '{n} days',
  'common.people': '{n} people',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.system': 'System',
  'common.listSeparator': ', ',
  'common.colon': ': ',
}

/**
 * Each area keeps its strings in its own catalogue (`./<area>.ts` exporting `zh` and an `en` typed
 * by it, so a missing English string fails the type check); they are merged here.
 */
const zh = { ...coreZh, ...CATALOGUES.reduce((all, c) => Object.assign(all, c.zh), {}) } as typeof coreZh & CatalogueKeys
const en = { ...coreEn, ...CATALOGUES.reduce((all, c) => Object.assign(all, c.en), {}) } as Record<keyof typeof zh, string>

export type MessageKey = keyof typeof zh
export type Messages = Record<MessageKey, string>
export const MESSAGES: Record<Language, Messages> = { 'zh-CN': zh, en }

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/** The `lang` cookie, else Chinese: the platform is Chinese first. */
export function getLanguage(request: Request): Language {
  const match = /(?:^|;\s*)lang=([^;]*)/.exec(request.headers.get('Cookie') ?? '')
  let value: string | undefined
  try {
    value = match ? decodeURIComponent(match[1]!) : undefined
  } catch {
    value = undefined
  }
  return isLanguage(value) ? value : DEFAULT_LANGUAGE
}

export type MessageVars = Record<string, string | number>

function fill(template: string, vars?: MessageVars) {
  return vars ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? '')) : template
}

export function translate(lang: Language, key: MessageKey, vars?: MessageVars) {
  return fill(MESSAGES[lang]?.[key] ?? zh[key] ?? key, vars)
}

/** `t(lang, key, vars)` for code outside React (loaders, meta). */
export const t = translate

/** Names of taxonomy items in the reader's language: the taxonomy's Chinese `name`, or its `en`. */
export const taxonomyLabel = {
  cluster: (code: string, lang: Language) => {
    const c = clusterByCode.get(code)
    return c ? (lang === 'en' ? c.en : c.name) : code
  },
  clusterShort: (code: string, lang: Language) => {
    const c = clusterByCode.get(code)
    return c ? (lang === 'en' ? c.en : c.short) : code
  },
  type: (code: string, lang: Language) => {
    const type = cooperationTypeByCode.get(code)
    return type ? (lang === 'en' ? type.en : type.name) : code
  },
  city: (code: string, lang: Language) => {
    const city = cityByCode.get(code)
    return city ? (lang === 'en' ? city.en : city.name) : code
  },
  region: (code: string, lang: Language) => {
    const region = regionByCode.get(code)
    return region ? (lang === 'en' ? region.en : region.name) : code
  },
  orgKind: (code: string, lang: Language) => {
    const kind = orgKindByCode.get(code)
    return kind ? (lang === 'en' ? kind.en : kind.name) : code
  },
}

/** The reader's language inside a route's `meta`, from the root loader's data. */
export function langFromMatches(matches: readonly { id: string; data?: unknown }[]): Language {
  const lang = (matches.find((m) => m.id === 'root')?.data as { lang?: unknown } | undefined)?.lang
  return isLanguage(lang) ? lang : DEFAULT_LANGUAGE
}

type RootData = { lang: Language; messages?: Messages }

/** The translator for the current page, from the root loader's language and strings. */
export function useT() {
  const data = useRouteLoaderData('root') as RootData | undefined
  const lang = data?.lang ?? DEFAULT_LANGUAGE
  const messages = data?.messages
  const translator = (key: MessageKey, vars?: MessageVars) =>
    messages?.[key] !== undefined ? fill(messages[key], vars) : translate(lang, key, vars)
  return Object.assign(translator, { lang })
}
