import { mkdirSync } from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../db/seed'
import { ARTIFACTS, screenshot, useBrowser } from './browser'

const baseUrl = inject('baseUrl')
const browserOf = useBrowser()
const DESKTOP = { width: 1366, height: 900 }
const PHONE = { width: 390, height: 844 }

async function signIn(email: string, viewport = DESKTOP) {
  const page = await browserOf().newPage({ viewport, acceptDownloads: true })
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel('邮箱').fill(email)
  await page.getByLabel('密码').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.waitForURL((url) => url.pathname.startsWith('/gov'))
  // The URL changes as the client navigation starts; until the dashboard renders, the page (and its
  // language switch, whose redirectTo is the rendered location) is still the login page.
  await page.locator('[data-scope]').waitFor()
  return page
}

const listingsTotal = async (page: Page) => {
  const values = await page.locator('[data-table="listings"] [data-figure]').allInnerTexts()
  return values.reduce((s, v) => s + Number(v.replace(/[^\d]/g, '')), 0)
}

describe('the government dashboard', () => {
  // The home page ships no scripts at all (client-bundle.test.ts); a hydrated public page carries no chart
  // library and no dashboard code. The message catalogue (/i18n/…) is one cached file for every page.
  it('adds nothing to public pages: no ECharts and no dashboard code in their JavaScript', async () => {
    const page = await browserOf().newPage({ viewport: DESKTOP })
    const scripts: string[] = []
    page.on('response', (r) => {
      if (r.url().endsWith('.js')) scripts.push(r.url())
    })
    await page.goto(`${baseUrl}/search?q=${encodeURIComponent('煤机')}`, { waitUntil: 'networkidle' })
    expect(scripts.length).toBeGreaterThan(3)
    expect(scripts.filter((s) => /echarts|gov/.test(s))).toEqual([])
    const code = scripts.filter((s) => !s.includes('/i18n/'))
    for (const url of code) expect(await (await fetch(url)).text()).not.toContain('产教融合监测看板')
  })

  it('shows a city official their city only and the province official the whole province; the map narrows it', async () => {
    const city = await signIn(DEMO_ACCOUNTS.taiyuan)
    expect(new URL(city.url()).pathname).toBe('/gov')
    await expect(city.locator('[data-scope]').innerText()).resolves.toBe('太原市')
    expect(await city.locator('select[name="city"]').count()).toBe(0)
    const cityListings = await listingsTotal(city)
    expect(cityListings).toBeGreaterThan(0)
    await city.waitForSelector('[data-map="echarts"] [data-chart="ready"]')
    await screenshot(city, 'gov-taiyuan-desktop')
    const refused = await city.goto(`${baseUrl}/gov?city=datong`)
    expect(refused!.status()).toBe(403)
    await city.getByText('该范围不在您的权限之内').waitFor()
    const phone = await signIn(DEMO_ACCOUNTS.taiyuan, PHONE)
    await expect(phone.locator('[data-scope]').innerText()).resolves.toBe('太原市')
    await phone.waitForSelector('[data-map="echarts"] [data-chart="ready"]')
    await screenshot(phone, 'gov-taiyuan-phone')

    const province = await signIn(DEMO_ACCOUNTS.province)
    await expect(province.locator('[data-scope]').innerText()).resolves.toBe('山西省')
    expect(await listingsTotal(province)).toBeGreaterThan(cityListings)
    await province.waitForSelector('[data-map="echarts"] [data-chart="ready"]')
    await screenshot(province, 'gov-province-desktop')
    const tile = province.locator('[data-map="echarts"] text', { hasText: '太原市' }).first()
    await tile.click()
    await province.waitForURL(/city=taiyuan/)
    // The URL changes as the navigation starts; the narrowed page renders when its loaders answer.
    await expect.poll(() => province.locator('[data-scope]').innerText(), { timeout: 15_000 }).toBe('太原市')
    expect(await listingsTotal(province)).toBe(cityListings)
  })

  it('drills a number down to its records and downloads an XLSX whose total matches the screen', async () => {
    const page = await signIn(DEMO_ACCOUNTS.province)
    await page.goto(`${baseUrl}/gov?preset=last_12_months`)
    const contact = page.locator('[data-table="stages"] [data-figure]').first()
    const shown = Number((await contact.innerText()).replace(/[^\d]/g, ''))
    expect(shown).toBeGreaterThan(0)
    await contact.click()
    await page.waitForURL(/\/gov\/records/)
    expect(Number(await page.locator('[data-records-total]').getAttribute('data-records-total'))).toBe(shown)
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="records.xlsx"]').click()])
    mkdirSync(ARTIFACTS, { recursive: true })
    const file = path.join(ARTIFACTS, 'gov-records.xlsx')
    await download.saveAs(file)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(file)
    const sheet = workbook.worksheets[0]!
    expect(sheet.getRow(sheet.rowCount).getCell(2).value).toBe(shown)
    expect(sheet.rowCount - 2).toBe(shown)

    await page.goto(`${baseUrl}/gov/quota`)
    await page.locator('[data-quota-totals]').waitFor()
    await screenshot(page, 'gov-quota-desktop')
    await page.goto(`${baseUrl}/gov/coverage`)
    expect(await page.locator('[data-table="coverage"] [data-gap]').count()).toBeGreaterThan(0)
    await screenshot(page, 'gov-coverage-desktop')
  })

  it('reads in English too', async () => {
    const page = await signIn(DEMO_ACCOUNTS.province)
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { name: /Industry–education monitoring dashboard/ }).waitFor()
    await page.goto(`${baseUrl}/gov/targets`)
    await page.getByText('Indicators the platform data cannot measure').waitFor()
    await screenshot(page, 'gov-targets-en')
    await page.getByRole('button', { name: '中文' }).click()
    await page.getByRole('heading', { name: /产教融合监测看板/ }).waitFor()
  })

  it('opens the printable annual report on A4', async () => {
    const page = await signIn(DEMO_ACCOUNTS.province)
    await page.goto(`${baseUrl}/gov`)
    await page.getByRole('link', { name: '年度报告' }).click()
    await page.waitForURL(/\/gov\/report/)
    await page.getByRole('heading', { name: /山西省产教融合年度报告/ }).waitFor()
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('body > header').isVisible()).toBe(false)
    await screenshot(page, 'gov-report-print')
    const pdf = await page.pdf({ format: 'A4', path: path.join(ARTIFACTS, 'gov-report.pdf'), printBackground: true })
    expect(pdf.length).toBeGreaterThan(10_000)
  })
})
