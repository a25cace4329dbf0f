import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../db/seed'
import { VIEWPORTS, screenshot, signInAs, useBrowser } from './browser'

const baseUrl = inject('baseUrl')
const browserOf = useBrowser()

const signIn = (email: string, password = DEMO_PASSWORD, viewport: { width: number; height: number } = VIEWPORTS.desktop) =>
  signInAs(browserOf(), baseUrl, email, password, viewport)

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

describe('an enterprise joins the platform', () => {
  it('registers in Chinese, is told once what to fix, gets verified by an admin and shows the badge', async () => {
    const page = await browserOf().newPage({ viewport: VIEWPORTS.phone })
    await page.goto(`${baseUrl}/register`)
    await page.getByLabel('机构类型').selectOption('enterprise')
    await page.getByLabel('机构全称').fill('晋城示例智能矿山装备有限公司')
    await page.getByLabel('统一社会信用代码').fill('91350100M000100Y44')
    await page.getByLabel('所在城市').selectOption('jincheng')
    await page.getByLabel('详细地址').fill('晋城市泽州县金匠工业园 18 号')
    await page.getByLabel('煤机装备').check()
    await page.getByLabel('在职员工数').fill('800')
    await page.getByLabel('技术岗位数').fill('200')
    await page.getByLabel('联系人姓名').fill('郭志强')
    await page.getByLabel('联系电话').fill('13934567890')
    await page.getByLabel('邮箱（登录用）').fill('guo.zhiqiang@demo.jcj.example.cn')
    await page.locator('input[name="password"]').fill('Jincheng2026mine')
    await page.getByLabel('确认密码').fill('Jincheng2026mine')
    await page.getByRole('button', { name: '提交注册' }).click()

    const error = page.getByText('统一社会信用代码校验位不正确')
    await error.waitFor()
    expect(await page.getByLabel('机构全称').inputValue()).toBe('晋城示例智能矿山装备有限公司')
    expect(await page.getByLabel('统一社会信用代码').getAttribute('aria-invalid')).toBe('true')
    await screenshot(page, 'register-error-phone')

    await page.getByLabel('统一社会信用代码').fill('91350100M000100Y43')
    // A Fujian code for a Jincheng enterprise: a warning to check, not a refusal.
    await page.getByText('不在山西省').waitFor()
    await page.locator('input[name="password"]').fill('Jincheng2026mine')
    await page.getByLabel('确认密码').fill('Jincheng2026mine')
    await page.getByRole('button', { name: '提交注册' }).click()
    await page.getByText('我们已向 guo.zhiqiang@demo.jcj.example.cn 发送确认邮件').waitFor()
    await screenshot(page, 'register-sent-phone')

    // Not before the mailbox is confirmed: the right password is told so and offered a new link.
    await page.goto(`${baseUrl}/login`)
    await page.getByLabel('邮箱').fill('guo.zhiqiang@demo.jcj.example.cn')
    await page.getByLabel('密码').fill('Jincheng2026mine')
    await page.getByRole('button', { name: '登录', exact: true }).click()
    await page.getByText('此账号的邮箱尚未确认').waitFor()
    await page.getByRole('button', { name: '重新发送确认邮件' }).waitFor()
    await screenshot(page, 'login-unconfirmed-phone')

    // The link, read from the development mailbox as the platform admin sees it.
    const mailbox = await signIn(DEMO_ACCOUNTS.platformAdmin)
    await mailbox.goto(`${baseUrl}/admin/mailbox`)
    const mail = await mailbox
      .locator('li', { hasText: 'guo.zhiqiang@demo.jcj.example.cn' })
      .filter({ hasText: '确认您的邮箱' })
      .first()
      .innerText()
    await mailbox.close()
    const link = mail.match(/https?:\/\/\S+\/confirm-email\/[\w-]+/)?.[0]
    expect(link?.startsWith(`${baseUrl}/confirm-email/`)).toBe(true)
    await page.goto(link!)
    await page.getByText('确认 guo.zhiqiang@demo.jcj.example.cn 是您的邮箱').waitFor()
    await screenshot(page, 'confirm-email-phone')
    await page.getByRole('button', { name: '确认邮箱并登录' }).click()
    await page.waitForURL(/\/orgs\/\d+\/verification/)
    const orgPath = new URL(page.url()).pathname.replace('/verification', '')
    await page.setInputFiles('#evidence', { name: '营业执照.png', mimeType: 'image/png', buffer: PNG })
    await page.getByRole('button', { name: '提交审核' }).click()
    await page.getByText('材料已提交').waitFor()

    const admin = await signIn(DEMO_ACCOUNTS.platformAdmin)
    await admin.goto(`${baseUrl}/admin/verification?q=${encodeURIComponent('晋城示例智能矿山装备有限公司')}`)
    const entry = admin.locator('li', { hasText: '晋城示例智能矿山装备有限公司' }).first()
    await entry.getByText('信用代码登记地不在山西').waitFor()
    await entry.getByRole('button', { name: '通过认证' }).click()
    await admin.getByText('已处理').waitFor()
    await screenshot(admin, 'admin-verification-desktop')
    await admin.close()

    await page.goto(`${baseUrl}${orgPath}`)
    await page.locator('header').getByText('已认证').waitFor({ timeout: 10_000 })
    await screenshot(page, 'org-verified-phone')
    await page.close()
  })
})

async function fillCommon(page: Page, title: string) {
  await page.getByLabel('需求或供给').selectOption('offer')
  await page.getByLabel('标题').fill(title)
  await page.getByLabel('详细说明').fill('面向机电一体化技术专业学生，提供液压支架装配、调试岗位，配带教师傅，包住宿，购买实习责任保险。')
  await page.getByLabel('数量（名额 / 岗位 / 项）').fill('12')
  await page.getByLabel('开始日期').fill('2027-03-01')
  await page.getByLabel('结束日期').fill('2027-06-30')
}

/** Searches until a result with this exact title shows up (indexing takes a moment), or gives up. */
async function searchUntilFound(page: Page, title: string, tries = 20) {
  for (let i = 0; i < tries; i++) {
    await page.goto(`${baseUrl}/search?q=${encodeURIComponent(title)}`)
    const titles = await page.locator('article h3').allTextContents()
    if (titles.some((t) => t.trim() === title)) return true
    await page.waitForTimeout(250)
  }
  return false
}

describe('an enterprise publishes', () => {
  it('an internship offer, fixing an impossible date first, and finds it in search', async () => {
    const page = await signIn(DEMO_ACCOUNTS.enterprise)
    await page.goto(`${baseUrl}/dashboard`)
    await page.getByText('年产教融合指标').waitFor({ timeout: 10_000 })
    await screenshot(page, 'dashboard-quota-desktop')

    await page.goto(`${baseUrl}/listings/new?type=internship`)
    await fillCommon(page, '掘进机电控系统装调顶岗实习（示例端到端）')
    await page.getByLabel('结束日期').fill('2027-01-01')
    await page.getByLabel('专业').fill('机电一体化技术、电气自动化技术')
    expect(await page.getByLabel('人数').count()).toBe(0)
    await page.getByLabel('实习地点').fill('晋中市榆次区')
    await page.getByLabel('每日工时').fill('8')
    await page.getByLabel('月补贴（元）').fill('2400')
    await page.getByRole('button', { name: '发布' }).click()
    // Common and type-specific mistakes in the same round, before anything is sent.
    await page.getByText('结束日期不能早于开始日期').waitFor()
    await page.getByText('请填写实习时段').waitFor()
    expect(await page.getByLabel('标题').inputValue()).toBe('掘进机电控系统装调顶岗实习（示例端到端）')
    await page.getByLabel('结束日期').fill('2027-06-30')
    await page.getByLabel('实习时段').fill('2027 年春季学期')
    await page.getByRole('button', { name: '发布' }).click()
    await page.waitForURL(/\/listings\/\d+\?flash=published$/)
    await page.locator('h1', { hasText: '掘进机电控系统装调顶岗实习（示例端到端）' }).waitFor({ timeout: 10_000 })
    await page.getByText('已发布：现在所有人都能搜索到这条信息。').waitFor()
    expect(await searchUntilFound(page, '掘进机电控系统装调顶岗实习（示例端到端）')).toBe(true)
    await page.close()
  })

  it('a technology result to license', async () => {
    const page = await signIn(DEMO_ACCOUNTS.enterprise)
    await page.goto(`${baseUrl}/listings/new?type=tech_transfer`)
    await fillCommon(page, '液压支架立柱激光熔覆修复技术许可（示例端到端）')
    await page.getByLabel('数量（名额 / 岗位 / 项）').fill('1')
    await page.getByLabel('类别').selectOption('result')
    await page.getByLabel('专利号').fill('ZL202110123456.7')
    await page.getByLabel('技术成熟度').fill('7')
    await page.getByLabel('转化方式').selectOption('许可')
    await page.getByRole('button', { name: '发布' }).click()
    await page.waitForURL(/\/listings\/\d+\?flash=published$/)
    await page.getByText('ZL202110123456.7').waitFor({ timeout: 10_000 })
    expect(await searchUntilFound(page, '液压支架立柱激光熔覆修复技术许可（示例端到端）')).toBe(true)
    await screenshot(page, 'search-tech-transfer-desktop')
    await page.close()
  })

  it('a bulk import with a bad row is refused whole, with a downloadable error report', async () => {
    const page = await signIn(DEMO_ACCOUNTS.enterprise, DEMO_PASSWORD, VIEWPORTS.phone)
    const template = await page.request.get(`${baseUrl}/import/template/internship`)
    expect(template.headers()['content-type']).toContain('spreadsheetml')
    const headers =
      '内部编号,需求或供给,标题,详细说明,产业集群,城市,数量,开始日期,结束日期,专业,人数,实习时段,实习地点,每日工时,月补贴（元）'
    const good =
      'E2E-1,供给,综采工作面巡检实习岗位,面向煤矿智能开采技术专业学生提供综采工作面巡检岗位，配带教师傅。,煤机装备,晋中,8,2027-03-01,2027-06-30,煤矿智能开采技术,8,春季学期,晋中市,8,2000'
    const bad =
      'E2E-2,供给,采煤机维修实习岗位,面向机电一体化技术专业学生提供采煤机维修岗位，配带教师傅。,钢铁,北京,-3,2027-03-01,2027-01-01,机电一体化技术,8,春季学期,晋中市,8,2000'
    await page.goto(`${baseUrl}/import`)
    await page.getByLabel('合作类型').selectOption('internship')
    await page.setInputFiles('#import-file', {
      name: '实习岗位.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([headers, good, bad].join('\n')),
    })
    await page.getByRole('button', { name: '检查文件' }).click()
    await page.waitForURL(/\/import\/[a-f0-9]+$/)
    await page.getByText('未写入任何数据').waitFor()
    await page.getByText('未知的产业集群：钢铁').waitFor({ timeout: 10_000 })
    await page.getByText('“北京”不是山西省的地级市').waitFor({ timeout: 10_000 })
    await screenshot(page, 'import-errors-phone')
    const report = await page.request.get(`${page.url()}/report`)
    expect(report.status()).toBe(200)
    expect(report.headers()['content-type']).toContain('spreadsheetml')
    expect(await searchUntilFound(page, '综采工作面巡检实习岗位', 4)).toBe(false)
    await page.close()
  })
})

describe('protections', () => {
  it('refuses a cross-site POST and sends security headers', async () => {
    const forged = await fetch(`${baseUrl}/logout`, { method: 'POST', headers: { Origin: 'https://evil.example' } })
    expect(forged.status).toBe(403)
    const home = await fetch(baseUrl)
    expect(home.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(home.headers.get('x-frame-options')).toBe('DENY')
  })
})
