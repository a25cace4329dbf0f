import { describe, expect, inject, it } from 'vitest'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../db/seed'
import { VIEWPORTS, screenshot, useBrowser } from './browser'

const baseUrl = inject('baseUrl')
const browserOf = useBrowser()
const WIDE = { width: 1366, height: 900 }

const inViewport = async (page: import('playwright-core').Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect()
    return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0
  })

describe('a visitor on a phone', () => {
  it('is offered a filter for a cooperation-type word and, after ticking a filter, sees the results', async () => {
    const page = await browserOf().newPage({ viewport: VIEWPORTS.phone })
    await page.goto(`${baseUrl}/search?q=${encodeURIComponent('实习')}`)
    const intent = page.getByTestId('query-intents').getByRole('link', { name: /只看 实习实训/ })
    await intent.waitFor()
    await page.screenshot({ path: 'test-results/e2e/visitors-search-intent-phone.png' })
    await intent.click()
    await page.waitForURL(/type=internship/)

    await page.locator('summary', { hasText: '筛选' }).click()
    await page
      .locator('aside')
      .getByLabel(/^晋中市/)
      .check()
    await page.waitForURL(/city=jinzhong/)
    // The apply button with the live count stays in view at the bottom of the open panel.
    const apply = page.getByTestId('apply-filters')
    await expect.poll(() => apply.textContent()).toMatch(/查看 [\d,]+ 条结果/)
    expect(await inViewport(page, '[data-testid="apply-filters"]')).toBe(true)
    await page.screenshot({ path: 'test-results/e2e/visitors-filters-open-phone.png' })
    await apply.click()
    await expect.poll(() => page.locator('details.filters-panel').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false)
    await expect.poll(() => inViewport(page, '#result-count')).toBe(true)
    await page.screenshot({ path: 'test-results/e2e/visitors-filters-applied-phone.png' })
    await page.close()
  })
})

describe('sharing a listing and an organisation', () => {
  it('shows a share block with a QR code, share-card tags and tap-to-call contacts', async () => {
    const context = await browserOf().newContext({ viewport: VIEWPORTS.phone })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/login`)
    await page.getByLabel('邮箱').fill(DEMO_ACCOUNTS.college)
    await page.getByLabel('密码').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: '登录', exact: true }).click()
    await page.waitForURL((url) => !url.pathname.startsWith('/login'))

    await page.goto(`${baseUrl}/search?type=internship`)
    // A demo organisation's listing: those have contact details (an organisation registered by another test may not).
    await page.locator('article', { hasText: '示例' }).first().locator('h3 a').click()
    await page.waitForURL(/\/listings\/\d+$/)
    const listingUrl = page.url()
    expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toBe(`${baseUrl}/share-card.png`)
    expect(await page.locator('meta[name="description"]').count()).toBe(1)
    expect(await page.locator('#share-link').inputValue()).toBe(listingUrl)
    await page.getByTestId('share-qr').locator('svg').waitFor()
    expect(await page.locator('a[href^="tel:"]').count()).toBeGreaterThan(0)
    expect((await page.request.get(`${baseUrl}/share-card.png`)).headers()['content-type']).toBe('image/png')
    await screenshot(page, 'visitors-listing-phone')
    await page.getByTestId('share-qr').scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/e2e/visitors-listing-share-phone.png' })
    await page.setViewportSize(WIDE)
    await screenshot(page, 'visitors-listing-desktop')

    const listingTitle = (await page.locator('h1').textContent()) ?? ''
    await page.locator('article header a[href^="/orgs/"]').first().click()
    await page.waitForURL(/\/orgs\/\d+$/)
    // A client-side navigation changes the URL first and renders the page (and its head) when the loaders answer.
    await expect.poll(async () => (await page.locator('h1').textContent()) ?? '', { timeout: 10_000 }).not.toBe(listingTitle)
    const orgName = (await page.locator('h1').textContent()) ?? ''
    await expect.poll(() => page.locator('meta[property="og:title"]').getAttribute('content'), { timeout: 10_000 }).toContain(orgName)
    await page.getByTestId('share-qr').locator('svg').waitFor()
    expect(await page.locator('a[href^="mailto:"], a[href^="tel:"]').count()).toBeGreaterThan(0)
    await screenshot(page, 'visitors-org-desktop')
    await page.setViewportSize(VIEWPORTS.phone)
    await page.getByTestId('share-qr').scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/e2e/visitors-org-share-phone.png' })
    await context.close()
  })
})

describe('similar listings', () => {
  it('shows listings of the same kind under a listing, each linking to its page, on a phone and a desktop', async () => {
    const page = await browserOf().newPage({ viewport: VIEWPORTS.phone })
    await page.goto(`${baseUrl}/search?type=internship&dir=offer`)
    await page.locator('article', { hasText: '示例' }).first().locator('h3 a').click()
    await page.waitForURL(/\/listings\/\d+$/)
    const own = page.url()
    const section = page.locator('section[aria-labelledby="similar-listings"]')
    await section.waitFor()
    expect(await section.locator('h2').textContent()).toBe('相似信息')
    const cards = section.locator('article')
    expect(await cards.count()).toBeGreaterThan(0)
    expect(await cards.count()).toBeLessThanOrEqual(6)
    const links = await section.locator('h3 a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))
    expect(links.every((href) => /\/listings\/\d+$/.test(href) && href !== own)).toBe(true)
    // The heading at the top of the screen, the first cards under it.
    const toHeading = () => section.locator('h2').evaluate((h) => h.scrollIntoView({ block: 'start' }))
    await toHeading()
    await page.screenshot({ path: 'test-results/e2e/similar-listings-phone.png' })
    await page.setViewportSize(WIDE)
    await toHeading()
    await page.screenshot({ path: 'test-results/e2e/similar-listings-desktop.png' })
    const title = await cards.first().locator('h3').textContent()
    await cards.first().locator('h3 a').click()
    await expect.poll(async () => page.locator('h1').textContent(), { timeout: 10_000 }).toBe(title)
    await page.close()
  })
})
