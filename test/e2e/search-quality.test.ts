import { describe, expect, inject, it } from 'vitest'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { ARTIFACTS, VIEWPORTS, screenshot, useBrowser } from './browser'

const baseUrl = inject('baseUrl')
const browserOf = useBrowser()
const WIDE = { width: 1366, height: 900 }

/** The whole page, and what fits on the first screen (to look at without scrolling). */
async function shots(page: Page, name: string) {
  await screenshot(page, name)
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-first-screen.png`) })
}

/** What search quality means to someone at the keyboard: a typo, pinyin, a major, English. */
describe('search that finds what people mean', () => {
  it('corrects a homophone typo typed with pinyin input and says so', async () => {
    const page = await browserOf().newPage({ viewport: VIEWPORTS.phone })
    await page.goto(`${baseUrl}/search?q=${encodeURIComponent('碳化归')}`)
    await expect.poll(() => page.getByTestId('corrected-query').textContent()).toContain('碳化硅')
    expect(await page.locator('article h3').first().textContent()).toContain('碳化硅')
    expect(await page.locator('article mark').first().textContent()).toContain('碳化硅')
    await shots(page, 'search-typo-corrected-phone')
    await page.close()
  })

  it('finds Chinese titles from full pinyin and from initials', async () => {
    const page = await browserOf().newPage({ viewport: WIDE })
    for (const q of ['tanhuagui', 'thg']) {
      await page.goto(`${baseUrl}/search?q=${q}`)
      const titles = await page.locator('article h3').allTextContents()
      expect(titles.length, q).toBeGreaterThan(0)
      expect(
        titles.slice(0, 3).every((t) => t.includes('碳化硅')),
        `${q}: ${titles.slice(0, 3).join(' | ')}`,
      ).toBe(true)
    }
    await shots(page, 'search-pinyin-desktop')
    await page.close()
  })

  it('narrows to a major with the majors filter, counts included', async () => {
    const page = await browserOf().newPage({ viewport: WIDE })
    await page.goto(`${baseUrl}/search?q=${encodeURIComponent('实习')}`)
    const option = page
      .locator('aside fieldset')
      .filter({ has: page.locator('legend', { hasText: /^专业$/ }) })
      .locator('label')
      .first()
    const label = (await option.textContent())!.trim()
    const major = label.replace(/\s*[\d,]+$/, '').trim()
    const expected = Number(label.match(/([\d,]+)$/)![1]!.replace(/,/g, ''))
    await option.locator('input').check()
    await page.waitForURL(/major=/)
    await expect.poll(() => page.getByTestId('result-count').textContent()).toContain(expected.toLocaleString('en-US'))
    const cards = page.locator('article')
    expect(await cards.count()).toBeGreaterThan(0)
    for (const text of await cards.allTextContents()) expect(text).toContain(major)
    await shots(page, 'search-major-filter-desktop')
    await page.close()
  })

  it('answers English queries in English mode with the English names of clusters and types', async () => {
    const context = await browserOf().newContext({ viewport: VIEWPORTS.phone })
    await context.addCookies([{ name: 'lang', value: 'en', url: baseUrl }])
    const page = await context.newPage()
    for (const q of ['internship', 'coal']) {
      await page.goto(`${baseUrl}/search?q=${q}`)
      expect(await page.locator('html').getAttribute('lang')).toBe('en')
      expect(await page.locator('article').count(), q).toBeGreaterThan(0)
    }
    await shots(page, 'search-english-query-phone')
    await context.close()
  })
})
