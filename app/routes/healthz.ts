import { checkHealth } from '~/domain/health.server'

export async function loader() {
  const report = await checkHealth()
  return Response.json(report, {
    status: report.status === 'down' ? 503 : 200,
    headers: { 'Cache-Control': 'no-store' },
  })
}
