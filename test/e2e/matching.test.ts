import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../db/seed'
import { VIEWPORTS, screenshot, signInAs, useBrowser } from './browser'

const baseUrl = inject('baseUrl')
const browserOf = useBrowser()
const WIDTHS = { phone: VIEWPORTS.phone, desktop: { width: 1366, height: 900 } } as const

async function signIn(email: string, viewport: { width: number; height: number }, lang?: 'en') {
  const page = await signInAs(browserOf(), baseUrl, email, DEMO_PASSWORD, viewport)
  if (lang) await page.context().addCookies([{ name: 'lang', value: lang, url: baseUrl }])
  return page
}

/** Nothing wider than the screen: a phone user never scrolls sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }))
  expect(scroll).toBeLessThanOrEqual(width)
}

const panel = (page: Page) => page.locator('#recommendations')
const items = (page: Page) => panel(page).locator('[data-recommendation]')
const keysOf = (page: Page) => items(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-recommendation')!))

/** The college's own published listings, as its dashboard lists them (not the recommended ones). */
async function ownListingPaths(page: Page) {
  const hrefs = await page
    .locator('main a[href^="/listings/"]')
    .evaluateAll((as) => as.filter((a) => !a.closest('#recommendations')).map((a) => a.getAttribute('href')!))
  return [...new Set(hrefs.filter((h) => /^\/listings\/\d+$/.test(h)))]
}

describe('recommendations and allocation, as a college sees them', () => {
  it('为你推荐 on the dashboard and a listing page: ranked counterparts with weighted reasons; 不合适 takes one out of the list', async () => {
    for (const [name, viewport] of Object.entries(WIDTHS)) {
      const page = await signIn(DEMO_ACCOUNTS.college, viewport)
      await page.goto(`${baseUrl}/dashboard`)
      await panel(page).getByText('为你推荐').waitFor()
      expect(await items(page).count()).toBeGreaterThan(2)
      // Each recommendation says why, with a weight, and how the other side sees it.
      const first = items(page).first()
      expect(await first.locator('ul li').count()).toBeGreaterThan(0)
      await first
        .getByText(/权重 \d+%/)
        .first()
        .waitFor()
      await first.getByText(/双方互评/).waitFor()
      await expectNoSidewaysScroll(page)
      await screenshot(page, `matching-dashboard-${name}`)

      let listingPath: string | null = null
      for (const path of await ownListingPaths(page)) {
        await page.goto(baseUrl + path)
        if ((await items(page).count()) > 2) {
          listingPath = path
          break
        }
      }
      expect(listingPath).not.toBeNull()
      await panel(page)
        .getByText(/与这条(需求|供给)相配的合作方/)
        .waitFor()
      await items(page)
        .first()
        .getByText(/权重 \d+%/)
        .first()
        .waitFor()
      await expectNoSidewaysScroll(page)
      await screenshot(page, `matching-listing-${name}`)

      if (name === 'desktop') {
        const before = await keysOf(page)
        const target = items(page).first()
        await target.locator('summary', { hasText: '不合适' }).click()
        await target.locator('select[name="reason"]').selectOption('too_far')
        await target.getByRole('button', { name: '确定' }).click()
        await page.waitForURL((url) => url.searchParams.get('dismissed') === '1')
        await panel(page).getByText('已标记为不合适').waitFor()
        const after = await keysOf(page)
        expect(after).not.toContain(before[0])
        expect(after.length).toBeGreaterThan(0)
        await screenshot(page, `matching-listing-dismissed-${name}`)
      }
      await page.context().close()
    }
  })

  it('reads the same panel in English: reasons and actions translated', async () => {
    const page = await signIn(DEMO_ACCOUNTS.college, WIDTHS.desktop, 'en')
    await page.goto(`${baseUrl}/dashboard`)
    await panel(page).getByText('Recommended for you').waitFor()
    const cjk = /[\u4e00-\u9fff]/
    const chrome = await panel(page).locator('h2, h3, summary, label, button, option').allInnerTexts()
    expect(chrome.filter((text) => cjk.test(text))).toEqual([])
    // A reason's words are English; what it names may stay Chinese (a major has no English name in the catalogues).
    const reasons = await panel(page).locator('[data-recommendation] ul li').allInnerTexts()
    expect(reasons.length).toBeGreaterThan(0)
    expect(reasons.filter((text) => cjk.test(text.split(':')[0]!) || !/weight \d+%/.test(text))).toEqual([])
    await panel(page)
      .getByText(/Both sides: they fit you/)
      .first()
      .waitFor()
    await screenshot(page, 'matching-dashboard-en-desktop')
    await page.context().close()
  })

  it('allocation: a run shows each assignment with its explanation and each unassigned request with its reason; a saved draft shows the same', async () => {
    for (const [name, viewport] of Object.entries(WIDTHS)) {
      const page = await signIn(DEMO_ACCOUNTS.college, viewport)
      await page.goto(`${baseUrl}/allocations`)
      const requests = page.locator('textarea[name="requests"]')
      const prefilled = await requests.inputValue()
      expect(prefilled.trim().split('\n').length).toBeGreaterThan(0)
      // A request no post in reach takes: it must come back unassigned, with the reason.
      await requests.fill(`${prefilled.trim()}\n考古学, 3, 太原`)
      await page.getByRole('button', { name: '运行分配' }).click()
      await page.getByRole('heading', { name: '分配结果' }).waitFor()
      const assignments = page.locator('table').first().locator('tbody tr')
      expect(await assignments.count()).toBeGreaterThan(0)
      // Its explanation is shown once at either width: its own column on a desktop, under the post on a phone.
      await assignments
        .first()
        .getByText(/第 \d+ 志愿（共 \d+ 个）/)
        .filter({ visible: true })
        .waitFor()
      await page.getByText('未分配', { exact: true }).waitFor()
      await page.locator('table', { hasText: '考古学' }).getByText('范围内没有接收该专业的岗位').waitFor()
      await page.getByText(/稳定性检查：0 个阻塞对/).waitFor()

      await page.getByRole('button', { name: '保存为草稿' }).click()
      await page.waitForURL(/\/allocations\/\d+$/)
      await page.getByRole('heading', { name: '分配结果' }).waitFor()
      await page.getByText('范围内没有接收该专业的岗位').first().waitFor()
      await expectNoSidewaysScroll(page)
      await screenshot(page, `matching-allocation-${name}`)
      await page.context().close()
    }
  })
})
