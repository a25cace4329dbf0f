import { describe, expect, inject, it } from 'vitest'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../db/seed'
import { VIEWPORTS, screenshot, useBrowser } from './browser'

const baseUrl = inject('baseUrl')
const browserOf = useBrowser()

async function signIn(email: string, viewport: { width: number; height: number }) {
  const page = await browserOf().newPage({ viewport })
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel('邮箱').fill(email)
  await page.getByLabel('密码').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
  return page
}

describe('an enterprise manages what it publishes', () => {
  for (const [name, viewport] of [
    ['phone', VIEWPORTS.phone],
    ['desktop', VIEWPORTS.desktop],
  ] as const)
    it(`dashboard on ${name}: quota by year, status chips that filter, paging`, async () => {
      const page = await signIn(DEMO_ACCOUNTS.enterprise, viewport)
      await page.goto(`${baseUrl}/dashboard`)
      await page.getByText('年产教融合指标').first().waitFor()
      await screenshot(page, `dashboard-manage-${name}`)
      await page.getByRole('link', { name: /下一年/ }).click()
      await page.waitForURL(/year=\d{4}/)
      await page
        .getByRole('link', { name: /已暂停/ })
        .first()
        .click()
      await page.waitForURL(/status=paused/)
      const statuses = await page.locator(name === 'phone' ? 'ul.sm\\:hidden li' : 'table tbody tr').allTextContents()
      expect(statuses.every((s) => s.includes('已暂停'))).toBe(true)
      await screenshot(page, `dashboard-paused-${name}`)
      await page.close()
    })
})

describe('the platform admin reviews organisations', () => {
  it('queue with filters and registration division', async () => {
    for (const [name, viewport] of [
      ['phone', VIEWPORTS.phone],
      ['desktop', VIEWPORTS.desktop],
    ] as const) {
      const page = await signIn(DEMO_ACCOUNTS.platformAdmin, viewport)
      await page.goto(`${baseUrl}/admin/verification`)
      await page
        .getByRole('link', { name: /待处理/ })
        .first()
        .waitFor()
      await screenshot(page, `admin-queue-${name}`)
      await page.goto(`${baseUrl}/admin/audit`)
      await screenshot(page, `admin-audit-${name}`)
      await page.close()
    }
  })
})

const figure = async (page: import('playwright-core').Page, name: string) =>
  Number((await page.locator(`[data-stat="${name}"]`).innerText()).replace(/[^\d]/g, ''))

describe('an enterprise sees who looked at its listings', () => {
  // Headless Chromium names itself HeadlessChrome, which is not counted: this visitor is an ordinary browser.
  const PERSON = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36'

  it('a visitor’s view reaches the owner’s listing page and dashboard; the visitor sees no counts', async () => {
    const owner = await signIn(DEMO_ACCOUNTS.enterprise, VIEWPORTS.desktop)
    await owner.goto(`${baseUrl}/dashboard?status=published`)
    const href = await owner.locator('table tbody tr a[href^="/listings/"]').first().getAttribute('href')
    await owner.goto(`${baseUrl}${href}`)
    const before = await figure(owner, 'viewsTotal')

    const visitor = await browserOf().newPage({ viewport: VIEWPORTS.phone, userAgent: PERSON })
    await visitor.goto(`${baseUrl}${href}`)
    await visitor.getByRole('heading', { level: 1 }).waitFor()
    expect(await visitor.locator('[data-listing-stats]').count()).toBe(0)
    await visitor.close()

    // Each server process adds its counts every 10 seconds.
    await expect
      .poll(
        async () => {
          await owner.reload()
          return figure(owner, 'viewsTotal')
        },
        { timeout: 30_000, interval: 2_000 },
      )
      .toBe(before + 1)
    expect(await figure(owner, 'views30')).toBeGreaterThanOrEqual(1)
    await screenshot(owner, 'listing-views-owner-desktop')
    await owner.setViewportSize(VIEWPORTS.phone)
    await screenshot(owner, 'listing-views-owner-phone')

    await owner.setViewportSize(VIEWPORTS.desktop)
    await owner.goto(`${baseUrl}/dashboard?sort=views`)
    await owner.locator('th', { hasText: '浏览' }).waitFor()
    await screenshot(owner, 'dashboard-views-desktop')
    await owner.setViewportSize(VIEWPORTS.phone)
    await screenshot(owner, 'dashboard-views-phone')
    await owner.close()
  })
})
