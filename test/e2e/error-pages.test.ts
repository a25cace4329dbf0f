import { describe, expect, inject, it } from 'vitest'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../db/seed'
import { VIEWPORTS, screenshot, signInAs, useBrowser } from './browser'

const baseUrl = inject('baseUrl')
const browserOf = useBrowser()

const SERVER_ERROR_TEXT = '服务器暂时无法完成请求'

describe('a refusal reads as a refusal', () => {
  it('a member opening another organisation’s members page sees 无权访问 inside the site, with a way out', async () => {
    const page = await signInAs(browserOf(), baseUrl, DEMO_ACCOUNTS.enterprise, DEMO_PASSWORD, VIEWPORTS.desktop)
    await page.goto(`${baseUrl}/orgs?q=${encodeURIComponent('山西职业技术学院')}`)
    const href = await page.locator('a[href^="/orgs/"]', { hasText: '山西职业技术学院' }).first().getAttribute('href')
    expect(href).toMatch(/^\/orgs\/\d+$/)

    const response = await page.goto(`${baseUrl}${href}/members`)
    expect(response?.status()).toBe(403)
    expect(await page.locator('h1').textContent()).toBe('无权访问')
    await page.getByText('您不是该机构的成员').waitFor()
    expect(await page.getByRole('link', { name: '切换机构' }).getAttribute('href')).toBe('/account')
    expect(await page.getByRole('link', { name: '登录', exact: true }).first().getAttribute('href')).toMatch(/^\/login\?redirectTo=/)
    // The site header (navigation, the signed-in user) is still there.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '机构工作台' }).waitFor()
    expect(await page.locator('main').textContent()).not.toContain(SERVER_ERROR_TEXT)
    await page.setViewportSize({ width: 1366, height: 900 })
    await screenshot(page, 'forbidden-desktop')

    await page.setViewportSize(VIEWPORTS.phone)
    await screenshot(page, 'forbidden-phone')
  })

  it('a page that does not exist reads 页面不存在 with the header and a way to search', async () => {
    const page = await browserOf().newPage({ viewport: VIEWPORTS.phone })
    const response = await page.goto(`${baseUrl}/listings/987654321`)
    expect(response?.status()).toBe(404)
    expect(await page.locator('h1').textContent()).toBe('页面不存在')
    await page.getByRole('navigation', { name: '主导航' }).waitFor()
    await page.getByRole('link', { name: '去搜索' }).waitFor()
    expect(await page.locator('main').textContent()).not.toContain(SERVER_ERROR_TEXT)
    await screenshot(page, 'not-found-phone')
  })

  it('in English the refusal is English', async () => {
    const page = await signInAs(browserOf(), baseUrl, DEMO_ACCOUNTS.college, DEMO_PASSWORD, VIEWPORTS.desktop)
    await page.context().addCookies([{ name: 'lang', value: 'en', url: baseUrl }])
    const response = await page.goto(`${baseUrl}/admin/verification`)
    expect(response?.status()).toBe(403)
    expect(await page.locator('h1').textContent()).toBe('No access')
    await page.getByRole('link', { name: 'Switch organisation' }).waitFor()
  })
})
