import { describe, expect, inject, it } from 'vitest'
import { VIEWPORTS, screenshot, useBrowser } from './browser'

const baseUrl = inject('baseUrl')
const browserOf = useBrowser()

describe('a first-time visitor', () => {
  it('searches from the home page, narrows with two facets, shares the URL and opens a listing', async () => {
    const page = await browserOf().newPage({ viewport: VIEWPORTS.desktop })
    await page.goto(baseUrl)
    expect(await page.locator('h1').textContent()).toContain('实习岗位')
    await page.getByRole('link', { name: /煤机智能制造装备/ }).waitFor({ timeout: 10_000 })
    await screenshot(page, 'home-desktop')

    await page.locator('#home-search').fill('煤机')
    await page.locator('#home-search').press('Enter')
    await page.waitForURL(/\/search\?q=/)
    const count = page.getByTestId('result-count')
    await expect.poll(() => count.textContent()).toMatch(/共 [\d,]+ 条结果/)
    await page.locator('article mark').first().waitFor()

    // Two facets, one after the other; the URL keeps the whole state.
    await page
      .locator('aside')
      .getByLabel(/实习实训/)
      .check()
    await page.waitForURL(/type=internship/)
    await page
      .locator('aside')
      .getByLabel(/^晋中市/)
      .check()
    await page.waitForURL(/city=jinzhong/)
    await expect.poll(() => page.locator('article').count()).toBeGreaterThan(0)
    const titles = await page.locator('article h3').allTextContents()
    const sharedUrl = page.url()
    await screenshot(page, 'search-two-facets-desktop')

    const other = await browserOf().newPage({ viewport: VIEWPORTS.phone })
    await other.goto(sharedUrl)
    expect(await other.locator('article h3').allTextContents()).toEqual(titles)
    await screenshot(other, 'search-shared-phone')
    await other.close()

    await page.locator('article h3 a').first().click()
    await page.waitForURL(/\/listings\/\d+/)
    await page.locator('h1', { hasText: titles[0]!.trim() }).waitFor({ timeout: 10_000 })
    await page.getByText('具体要求').waitFor({ timeout: 10_000 })
    await screenshot(page, 'listing-detail-desktop')
    await page.close()
  })

  it('types a query and sees results update without pressing search', async () => {
    const page = await browserOf().newPage({ viewport: VIEWPORTS.phone })
    await page.goto(`${baseUrl}/search`)
    await page.locator('#q').pressSequentially('碳化硅', { delay: 50 })
    await page.waitForURL(/q=%E7%A2%B3%E5%8C%96%E7%A1%85/)
    await page.locator('article mark').first().waitFor()
    expect(await page.locator('article mark').first().textContent()).toContain('碳化硅')
    await page.close()
  })

  it('works without JavaScript and in English', async () => {
    const context = await browserOf().newContext({ javaScriptEnabled: false, viewport: VIEWPORTS.phone })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/search?q=${encodeURIComponent('信创')}`)
    expect(await page.locator('article').count()).toBeGreaterThan(0)
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'English' }).click()])
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    expect(await page.getByTestId('result-count').textContent()).toContain('results')
    await screenshot(page, 'search-english-phone-nojs')
    await context.close()
  })

  it('switches to organisations and finds a university by name', async () => {
    const page = await browserOf().newPage({ viewport: VIEWPORTS.phone })
    await page.goto(`${baseUrl}/search?q=${encodeURIComponent('太原理工')}`)
    await page.getByRole('link', { name: '机构', exact: true }).click()
    await page.waitForURL(/\/orgs\?q=/)
    await page.getByRole('link', { name: '太原理工大学' }).first().waitFor({ timeout: 10_000 })
    await screenshot(page, 'org-search-phone')
    await page.close()
  })

  it('gets a Chinese 404 for unknown or malformed listing ids, never a 500', async () => {
    for (const path of ['/listings/99999999', '/listings/abc', '/orgs/-1', `/search?page=-5&q=${'"'.repeat(50)}&cluster=steel`]) {
      const res = await fetch(`${baseUrl}${path}`)
      expect([200, 404]).toContain(res.status)
    }
    const res = await fetch(`${baseUrl}/listings/abc`)
    expect(await res.text()).toContain('页面不存在')
  })
})
