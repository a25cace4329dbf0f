import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../db/seed'
import { VIEWPORTS, screenshot, useBrowser } from './browser'

const baseUrl = inject('baseUrl')
const browserOf = useBrowser()
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

/** Each party in its own browser context: its own cookies, as two people on two computers. */
async function signIn(email: string, viewport = VIEWPORTS.desktop) {
  const context = await browserOf().newContext({ viewport })
  const page = await context.newPage()
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel('邮箱').fill(email)
  await page.getByLabel('密码').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
  return page
}

const step = (page: Page, action: string) => page.locator(`form[data-action="${action}"] button[type="submit"]`).click()
const bellCount = async (page: Page) =>
  Number(
    (await page
      .locator('[data-testid="bell-count"]')
      .textContent({ timeout: 2000 })
      .catch(() => '0')) ?? '0',
  )

describe('an enterprise and a college track a cooperation from interest to confirmed outcome', () => {
  it('interest → negotiation → signing with one dispute → outcomes → completion, with messages, bell and mail', async () => {
    const enterprise = await signIn(DEMO_ACCOUNTS.enterprise)
    const college = await signIn(DEMO_ACCOUNTS.college)

    // The college finds one of the enterprise's listings it has not contacted yet.
    await enterprise.goto(`${baseUrl}/dashboard`)
    const orgPath = (await enterprise.locator('a[href^="/orgs/"]').first().getAttribute('href'))!.match(/^\/orgs\/\d+/)![0]
    await college.goto(baseUrl + orgPath)
    const listingHrefs = [
      ...new Set(await college.locator('main a[href^="/listings/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))),
    ]
    let started = false
    for (const href of listingHrefs) {
      await college.goto(baseUrl + href)
      const button = college.locator('[data-testid="match-start"]:visible')
      if (await button.count()) {
        expect(['申请岗位', '发起合作', '我能解决']).toContain((await button.textContent())!.trim())
        await button.click()
        started = true
        break
      }
    }
    expect(started).toBe(true)
    await college.waitForURL(/\/matches\/new\?listing=\d+/)
    const listingPath = `/listings/${new URL(college.url()).searchParams.get('listing')}`
    // Only spaces pass the browser's own check; the server says what is missing, beside the field.
    await college.getByLabel('第一条留言').fill('   ')
    await college.getByRole('button', { name: '发送合作意向' }).click()
    await college.getByText('请填写留言').waitFor()
    await college.getByLabel('第一条留言').fill('您好，我院机电一体化技术专业有 20 名学生希望到贵公司实习，想约时间面谈。')
    await college.getByRole('button', { name: '发送合作意向' }).click()
    await college.waitForURL(/\/matches\/\d+$/)
    const matchPath = new URL(college.url()).pathname
    await college.getByText('山西职业技术学院 发起了合作意向').waitFor()

    // A second start opens the same match; the listing now says they are already talking.
    await college.goto(baseUrl + listingPath)
    await college.locator('[data-testid="match-existing"]:visible').getByText('你已与对方在洽谈中').waitFor()

    // The enterprise is told: bell, notification list, then the match.
    await enterprise.goto(`${baseUrl}/`)
    expect(await bellCount(enterprise)).toBeGreaterThan(0)
    await enterprise.goto(`${baseUrl}/notifications`)
    await enterprise.locator('[data-testid="notifications"] a', { hasText: '山西职业技术学院' }).first().click()
    await enterprise.waitForURL((url) => url.pathname === matchPath)
    await enterprise.getByLabel('留言', { exact: true }).fill('欢迎！下周二上午请来公司面谈，我们安排实训车间参观。')
    await enterprise.getByRole('button', { name: '发送' }).click()
    await enterprise.locator('li[data-kind="message"]', { hasText: '下周二上午请来公司面谈' }).waitFor()
    await step(enterprise, 'negotiate')
    await enterprise.getByText('将阶段由“初步接洽”改为“洽谈中”').waitFor()

    // The college uploads the agreement and proposes signing; a stale page is refused.
    await college.goto(baseUrl + matchPath)
    await college.locator('li[data-kind="message"]', { hasText: '下周二上午请来公司面谈' }).waitFor()
    await college.setInputFiles('#match-file', { name: '三方实习协议.pdf', mimeType: 'application/pdf', buffer: PDF })
    await college.getByRole('button', { name: '上传' }).click()
    await college.getByRole('link', { name: '三方实习协议.pdf' }).first().waitFor()
    const stale = await college.context().newPage()
    await stale.goto(baseUrl + matchPath)
    await step(college, 'propose_sign')
    await college.getByText('等待对方确认').waitFor()
    await stale.locator('summary', { hasText: '终止合作' }).click()
    await stale.locator('#terminate-reason').selectOption('plans_changed')
    await stale.locator('#terminate-note').fill('计划调整')
    await step(stale, 'terminate')
    await stale.getByText('对方刚刚更新了此合作，请刷新后重试').waitFor()
    await stale.close()

    // The enterprise disputes once; the proposal goes back to the college.
    await enterprise.reload()
    await enterprise.getByTestId('open-proposal').getByText('山西职业技术学院 提议签约').waitFor()
    await enterprise.locator('summary', { hasText: '有异议，退回' }).click()
    await enterprise.getByLabel('异议理由').fill('协议第五条实习补贴应为每月 3000 元，请修改后重新提交。')
    await step(enterprise, 'dispute')
    await enterprise.getByText('对签约提出异议').waitFor()

    await college.reload()
    await college.getByText('实习补贴应为每月 3000 元').waitFor()
    await college.getByLabel('留言', { exact: true }).fill('已按每月 3000 元修改第五条，重新提交。')
    await college.getByRole('button', { name: '发送' }).click()
    await college.locator('li[data-kind="message"]', { hasText: '已按每月 3000 元修改' }).waitFor()
    await step(college, 'propose_sign')
    await college.getByText('等待对方确认').waitFor()

    await enterprise.reload()
    await step(enterprise, 'confirm')
    await enterprise.getByText('将阶段由“洽谈中”改为“已签约”').waitFor()
    await step(enterprise, 'start')
    await enterprise.getByText('将阶段由“已签约”改为“执行中”').waitFor()

    // The college reports outcomes: a negative number is refused beside its field, input kept.
    await college.reload()
    const outcomeForm = college.locator('form[data-action="propose_complete"]')
    const numbers = outcomeForm.locator('input[inputmode="decimal"]')
    const n = await numbers.count()
    for (let i = 0; i < n; i++) await numbers.nth(i).fill(i === 0 ? '-3' : '2')
    const kind = outcomeForm.locator('select[name="contractKind"]')
    if (await kind.count()) await kind.selectOption({ index: 1 })
    for (const box of await outcomeForm.locator('input[type="checkbox"]').all()) await box.check()
    await step(college, 'propose_complete')
    await college.getByText('不能为负数').waitFor()
    expect(await numbers.nth(0).getAttribute('aria-invalid')).toBe('true')
    expect(await numbers.nth(1).inputValue()).toBe('2')
    await numbers.nth(0).fill('2')
    await step(college, 'propose_complete')
    await college.getByText('山西职业技术学院 提议完成').first().waitFor()

    await enterprise.reload()
    await enterprise.getByTestId('open-proposal').getByText('山西职业技术学院 提议完成').waitFor()
    await step(enterprise, 'confirm')
    await enterprise.getByText('将阶段由“执行中”改为“已完成”').waitFor()
    await enterprise.getByText('双方确认的成效').waitFor()

    await college.goto(`${baseUrl}/`)
    expect(await bellCount(college)).toBeGreaterThan(0)
    await college.goto(baseUrl + matchPath)
    await college.getByText('双方确认的成效').waitFor()

    // Screenshots for people to look at: the match page and the list, phone and desktop.
    await screenshot(enterprise, 'match-page-desktop')
    await enterprise.setViewportSize(VIEWPORTS.phone)
    await enterprise.reload()
    await screenshot(enterprise, 'match-page-phone')
    await enterprise.goto(`${baseUrl}/matches`)
    await enterprise.locator('[data-testid="match-cards"]').waitFor()
    await screenshot(enterprise, 'match-list-phone')
    await enterprise.setViewportSize({ width: 1366, height: 900 })
    await enterprise.goto(`${baseUrl}/matches?tab=all`)
    await enterprise.locator('table').getByText('山西职业技术学院').first().waitFor()
    await screenshot(enterprise, 'match-list-desktop')

    // The mailbox has what the two parties were sent.
    const admin = await signIn(DEMO_ACCOUNTS.platformAdmin)
    await admin.goto(`${baseUrl}/admin/mailbox`)
    const toEnterprise = admin.locator('li', { hasText: DEMO_ACCOUNTS.enterprise })
    await toEnterprise.filter({ hasText: '发起了合作意向' }).first().waitFor()
    await toEnterprise.filter({ hasText: '提议签约，等待您确认' }).first().waitFor()
    await admin.locator('li', { hasText: DEMO_ACCOUNTS.college }).filter({ hasText: '确认了完成' }).first().waitFor()
    // Platform admins may read the match, never act in it.
    await admin.goto(baseUrl + matchPath)
    await admin.getByText('你正以平台管理员身份查看，只读。').waitFor()
    expect(await admin.locator('form[data-action]').count()).toBe(0)
    await admin.context().close()
    await enterprise.context().close()
    await college.context().close()
  })
})
