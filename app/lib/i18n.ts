import { useRouteLoaderData } from '@remix-run/react'
import { cityByCode, clusterByCode, cooperationTypeByCode, orgKindByCode, regionByCode } from '../../db/taxonomy'

export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

const zh = {
  'app.name': '晋产教',
  'app.tagline': '山西产教融合信息服务平台',
  'app.oneLiner': '企业与院校在这里发布实习岗位、教师实践、联合实验室、产业学院和技术转移需求，找到合作伙伴，政府看到产教融合的真实进展。',
  'nav.search': '找合作',
  'nav.signIn': '登录',
  'nav.register': '机构注册',
  'nav.account': '我的账号',
  'nav.dashboard': '机构工作台',
  'nav.admin': '平台管理',
  'nav.signOut': '退出',
  'nav.skip': '跳到正文',
  'lang.switch': 'English',
  'search.placeholder': '搜索岗位、技术、机构，如“煤机”“信创”“碳化硅”',
  'search.button': '搜索',
  'search.title': '找合作',
  'search.results': '共 {total} 条结果',
  'search.filters': '筛选',
  'search.apply': '应用筛选',
  'search.clearAll': '清除全部筛选',
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
  'search.noResults': '没有找到符合条件的需求或供给',
  'search.noResultsHint': '试试减少筛选条件，或从下面的产业集群开始浏览。',
  'search.broader': '去掉“{label}”筛选再搜',
  'search.everything': '查看全部',
  'search.unavailable': '搜索服务暂时不可用，请稍后再试。',
  'search.fallback': '搜索引擎暂时不可用，以下结果来自数据库，排序可能不够精确。',
  'direction.need': '需求',
  'direction.offer': '供给',
  'listing.capacity': '数量',
  'listing.window': '时间',
  'listing.city': '城市',
  'listing.clusters': '产业集群',
  'listing.type': '合作类型',
  'listing.publisher': '发布机构',
  'listing.details': '具体要求',
  'listing.description': '详细说明',
  'listing.reference': '内部编号',
  'listing.contact': '联系方式',
  'listing.contactHint': '登录后可查看联系人并发起合作。',
  'listing.edit': '编辑',
  'listing.status.draft': '草稿',
  'listing.status.published': '已发布',
  'listing.status.paused': '已暂停',
  'listing.status.closed': '已关闭',
  'listing.status.expired': '已过期',
  'org.verified': '已认证',
  'org.unverified': '未认证',
  'org.pending': '审核中',
  'org.rejected': '认证未通过',
  'org.listings': '发布的需求与供给',
  'org.record': '合作记录',
  'org.staff': '在职员工',
  'org.technicalPosts': '技术岗位',
  'org.students': '在校生',
  'org.majors': '专业',
  'org.address': '地址',
  'org.region': '所属区域',
  'home.searchTitle': '找实习岗位、教师实践、联合实验室、产业学院和技术成果',
  'home.clusters': '14 个战略性新兴产业集群',
  'home.types': '五类合作',
  'home.latest': '最新发布',
  'home.listingsCount': '{count} 条',
  'home.viewAll': '查看全部',
  'stage.contact': '初步接洽',
  'stage.negotiation': '洽谈中',
  'stage.signed': '已签约',
  'stage.in_progress': '执行中',
  'stage.completed': '已完成',
  'stage.terminated': '已终止',
  'pagination.prev': '上一页',
  'pagination.next': '下一页',
  'pagination.page': '第 {page} / {total} 页',
  'error.notFound': '页面不存在',
  'error.notFoundHint': '您访问的内容不存在，或您没有权限查看。',
  'error.generic': '出错了',
  'error.genericHint': '服务器暂时无法完成请求，请稍后再试。',
  'error.home': '返回首页',
  'footer.demo': '演示数据：院校为山西真实院校（联系人与数据为虚构），名称含“示例”的企业均为虚构。',
  'footer.policy': '依据《山西省促进产教融合实施方案》（晋政办发〔2018〕38号）第（二十五）条建设。',
  'common.days': '{n} 天',
  'common.people': '{n} 人',
  'common.yes': '是',
  'common.no': '否',
}

export type MessageKey = keyof typeof zh

const en: Record<MessageKey, string> = {
  'app.name': 'Jin Chan Jiao',
  'app.tagline': 'Shanxi industry–education matching platform',
  'app.oneLiner': 'Enterprises and colleges publish internships, teacher placements, joint labs, industry colleges and technology transfer here, find partners, and government sees whether cooperation is really happening.',
  'nav.search': 'Find partners',
  'nav.signIn': 'Sign in',
  'nav.register': 'Register organisation',
  'nav.account': 'My account',
  'nav.dashboard': 'Dashboard',
  'nav.admin': 'Administration',
  'nav.signOut': 'Sign out',
  'nav.skip': 'Skip to content',
  'lang.switch': '中文',
  'search.placeholder': 'Search posts, technologies, organisations, e.g. 煤机, 信创, 碳化硅',
  'search.button': 'Search',
  'search.title': 'Find partners',
  'search.results': '{total} results',
  'search.filters': 'Filters',
  'search.apply': 'Apply filters',
  'search.clearAll': 'Clear all filters',
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
  'search.noResults': 'No needs or offers match',
  'search.noResultsHint': 'Try fewer filters, or start from a cluster below.',
  'search.broader': 'Search again without “{label}”',
  'search.everything': 'See everything',
  'search.unavailable': 'Search is unavailable right now. Please try again shortly.',
  'search.fallback': 'The search engine is unavailable; these results come from the database and may be ranked less precisely.',
  'direction.need': 'Need',
  'direction.offer': 'Offer',
  'listing.capacity': 'Places',
  'listing.window': 'Period',
  'listing.city': 'City',
  'listing.clusters': 'Clusters',
  'listing.type': 'Cooperation type',
  'listing.publisher': 'Published by',
  'listing.details': 'Specifics',
  'listing.description': 'Description',
  'listing.reference': 'Reference',
  'listing.contact': 'Contact',
  'listing.contactHint': 'Sign in to see the contact person and start a partnership.',
  'listing.edit': 'Edit',
  'listing.status.draft': 'Draft',
  'listing.status.published': 'Published',
  'listing.status.paused': 'Paused',
  'listing.status.closed': 'Closed',
  'listing.status.expired': 'Expired',
  'org.verified': 'Verified',
  'org.unverified': 'Unverified',
  'org.pending': 'Under review',
  'org.rejected': 'Verification rejected',
  'org.listings': 'Needs and offers',
  'org.record': 'Cooperation record',
  'org.staff': 'Staff',
  'org.technicalPosts': 'Technical posts',
  'org.students': 'Students',
  'org.majors': 'Majors',
  'org.address': 'Address',
  'org.region': 'Region',
  'home.searchTitle': 'Find internships, teacher placements, joint labs, industry colleges and technologies',
  'home.clusters': 'The 14 strategic emerging industry clusters',
  'home.types': 'Five kinds of cooperation',
  'home.latest': 'Latest',
  'home.listingsCount': '{count}',
  'home.viewAll': 'See all',
  'stage.contact': 'First contact',
  'stage.negotiation': 'Negotiating',
  'stage.signed': 'Signed',
  'stage.in_progress': 'In progress',
  'stage.completed': 'Completed',
  'stage.terminated': 'Terminated',
  'pagination.prev': 'Previous',
  'pagination.next': 'Next',
  'pagination.page': 'Page {page} of {total}',
  'error.notFound': 'Page not found',
  'error.notFoundHint': 'This does not exist, or you may not see it.',
  'error.generic': 'Something went wrong',
  'error.genericHint': 'The server could not finish the request. Please try again shortly.',
  'error.home': 'Back to the home page',
  'footer.demo': 'Demo data: colleges are real Shanxi institutions (contacts and figures are fictional); enterprises named 示例 are fictional.',
  'footer.policy': 'Built under article 25 of Shanxi’s industry–education integration plan (晋政办发〔2018〕38号).',
  'common.days': '{n} days',
  'common.people': '{n} people',
  'common.yes': 'Yes',
  'common.no': 'No',
}

export const MESSAGES: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zh, en }

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/** The `lang` cookie, else Chinese: the platform is Chinese first. */
export function getLanguage(request: Request): Language {
  const match = /(?:^|;\s*)lang=([^;]+)/.exec(request.headers.get('Cookie') ?? '')
  const value = match ? decodeURIComponent(match[1]!) : undefined
  return isLanguage(value) ? value : 'zh-CN'
}

export function translate(lang: Language, key: MessageKey, vars?: Record<string, string | number>) {
  const template = MESSAGES[lang][key] ?? MESSAGES['zh-CN'][key] ?? key
  return vars ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? '')) : template
}

/** Names of taxonomy items in the reader's language (the taxonomy has English for some). */
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
    const t = cooperationTypeByCode.get(code)
    return t ? (lang === 'en' ? t.en : t.name) : code
  },
  city: (code: string, _lang: Language) => cityByCode.get(code)?.name ?? code,
  region: (code: string, _lang: Language) => regionByCode.get(code)?.name ?? code,
  orgKind: (code: string, lang: Language) => {
    const k = orgKindByCode.get(code)
    const en: Record<string, string> = {
      enterprise: 'Enterprise',
      undergrad: 'University',
      vocational_higher: 'Higher-vocational college',
      vocational_secondary: 'Secondary vocational school',
      research_institute: 'Research institute',
      government: 'Government unit',
    }
    return lang === 'en' ? (en[code] ?? code) : (k?.name ?? code)
  },
}

type RootData = { lang: Language }

/** The translator for the current page, from the root loader's language. */
export function useT() {
  const data = useRouteLoaderData('root') as RootData | undefined
  const lang = data?.lang ?? 'zh-CN'
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars)
  return Object.assign(t, { lang })
}
