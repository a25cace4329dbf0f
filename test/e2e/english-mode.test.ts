import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../db/seed'
import { VIEWPORTS, screenshot, useBrowser } from './browser'

const baseUrl = inject('baseUrl')
const browserOf = useBrowser()

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/
/** Proper names and examples that stay Chinese in English: the brand, the switch back, a policy's number, search examples. */
const ALLOWED = ['晋产教', '中文', '晋政办发〔2018〕38号', '示例', '煤机', '信创', '碳化硅', '太原理工']

/**
 * What the interface itself says — headings, labels, buttons, navigation, table headers, options,
 * placeholders, hints, notices — not what users wrote (titles, names, descriptions) or the demo's
 * data, which stay in the language they were written in.
 */
async function interfaceTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const chrome =
      'label, button, th, legend, nav, option, dt, summary, [role="alert"], [role="status"], footer, h2, [data-testid="result-count"]'
    const texts = [...document.querySelectorAll<HTMLElement>(chrome)].map((e) => e.innerText)
    for (const e of document.querySelectorAll<HTMLInputElement>('[placeholder]')) texts.push(e.placeholder)
    for (const e of document.querySelectorAll<HTMLElement>('[aria-label]')) texts.push(e.getAttribute('aria-label') ?? '')
    texts.push(document.title)
    return texts
  })
}

function chineseIn(texts: string[], userContent: string[]) {
  // Proper names first, then what users wrote (only the Chinese parts of it: a bare number must not eat a date).
  // Longest first, so a short allowed word cannot cut a longer name in half.
  const strip = [...ALLOWED, ...userContent.map((u) => u.trim()).filter((u) => CJK.test(u))].sort((a, b) => b.length - a.length)
  return texts.map((text) => strip.reduce((rest, allowed) => rest.split(allowed).join(''), text)).filter((text) => CJK.test(text))
}

async function englishContext(): Promise<BrowserContext> {
  const context = await browserOf().newContext({ viewport: VIEWPORTS.desktop })
  await context.addCookies([{ name: 'lang', value: 'en', url: baseUrl }])
  return context
}

async function expectEnglish(page: Page, name: string, userContent: string[] = []) {
  await screenshot(page, `english-${name}`)
  // The signed-in user's own name in the header is theirs; text marked lang="zh-CN" is a Chinese-only name (majors).
  const own = [
    ...(await page.locator('header a[href="/account"]').allTextContents()),
    ...(await page.locator('[lang="zh-CN"]:not(html)').allTextContents()),
  ]
  expect(chineseIn(await interfaceTexts(page), [...userContent, ...own]), name).toEqual([])
}

describe('English mode', () => {
  it('shows no Chinese outside user content and proper names on the public pages', async () => {
    const page = await (await englishContext()).newPage()
    await page.goto(baseUrl)
    await expectEnglish(page, 'home')

    await page.goto(`${baseUrl}/search?q=${encodeURIComponent('机电')}`)
    await page.locator('article').first().waitFor()
    expect(await page.getByTestId('result-count').textContent()).toMatch(/\d+ results/)
    await expectEnglish(page, 'search', ['机电'])

    await page.goto(`${baseUrl}/orgs`)
    await page.locator('li a[href^="/orgs/"]').first().waitFor()
    expect(await page.locator('select[name="kind"] option').first().textContent()).toBe('All kinds')
    expect((await page.locator('select[name="city"] option').allTextContents()).some((o) => o.startsWith('Taiyuan'))).toBe(true)
    await expectEnglish(page, 'orgs')

    await page.goto(`${baseUrl}/search`)
    const href = await page.locator('article h3 a').first().getAttribute('href')
    await page.goto(`${baseUrl}${href}`)
    const userContent = [
      (await page.locator('h1').textContent()) ?? '',
      ...(await page.locator('a[href^="/orgs/"]').allTextContents()),
      ...(await page.locator('dd').allTextContents()),
    ]
    await expectEnglish(page, 'listing', userContent)

    await page.goto(`${baseUrl}/login`)
    await expectEnglish(page, 'login')
    await page.goto(`${baseUrl}/register`)
    await expectEnglish(page, 'register')
    // A refused registration answers in English beside the fields.
    await page.getByRole('button', { name: 'Register' }).click()
    await page.locator('[role="alert"]').first().waitFor()
    await expectEnglish(page, 'register-errors')

    await page.setViewportSize(VIEWPORTS.phone)
    await page.goto(`${baseUrl}/orgs`)
    await expectEnglish(page, 'orgs-phone')
    await page.goto(`${baseUrl}/register`)
    await page.getByRole('button', { name: 'Register' }).click()
    await page.locator('[role="alert"]').first().waitFor()
    await expectEnglish(page, 'register-errors-phone')
  })

  it('shows an English dashboard to a signed-in enterprise', async () => {
    const page = await (await englishContext()).newPage()
    await page.goto(`${baseUrl}/login`)
    await page.getByLabel('Email').fill(DEMO_ACCOUNTS.enterprise)
    await page.getByLabel('Password').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.waitForURL((url) => !url.pathname.startsWith('/login'))
    await page.goto(`${baseUrl}/dashboard`)
    const userContent = [(await page.locator('h1').textContent()) ?? '', ...(await page.locator('td a').allTextContents())]
    await expectEnglish(page, 'dashboard', userContent)

    // The listing form, with its type-specific fields built from the import columns.
    await page.goto(`${baseUrl}/listings/new?type=internship`)
    await page.getByRole('button', { name: 'Save draft' }).waitFor()
    await expectEnglish(page, 'listing-form', [(await page.locator('h1 span').textContent()) ?? ''])
  })

  it('shows the government pages in English: indicators, sources, formulas, tables and the annual report', async () => {
    const page = await (await englishContext()).newPage()
    await page.goto(`${baseUrl}/login`)
    await page.getByLabel('Email').fill(DEMO_ACCOUNTS.province)
    await page.getByLabel('Password').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.waitForURL((url) => url.pathname.startsWith('/gov'))
    const year = new Date().getFullYear()
    for (const [name, url] of [
      ['overview', '/gov'],
      ['funnel', '/gov/funnel'],
      ['coverage', '/gov/coverage'],
      ['targets', '/gov/targets'],
      ['trends', '/gov/trends'],
      ['quota', '/gov/quota'],
      ['report', `/gov/report?year=${year}`],
    ] as const) {
      await page.goto(`${baseUrl}${url}`)
      // Everything on these pages is the interface's own text except organisation and platform names, which link to records or orgs.
      const names = await page.locator('main td a, main td [data-name], main li a').allTextContents()
      const text = await page.locator('main').innerText()
      expect(chineseIn(text.split('\n'), names), `gov ${name}`).toEqual([])
      await expectEnglish(page, `gov-${name}`, names)
    }
    await page.goto(`${baseUrl}/gov/targets`)
    await page.getByText('Internship posts for vocational students').first().waitFor()
  })
})
