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
