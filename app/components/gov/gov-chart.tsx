import { useNavigate } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'

export type ChartSpec =
  | { kind: 'line'; categories: string[]; series: { name: string; values: number[] }[] }
  | { kind: 'bar'; categories: string[]; series: { name: string; values: number[] }[] }
  | { kind: 'tiles'; tiles: { code: string; name: string; col: number; row: number; value: number | null; href: string | null }[] }

/**
 * ECharts on top of a chart's server-rendered table: loaded with a dynamic import, so only pages that
 * show a chart fetch it (the home page's JavaScript does not grow). Without JavaScript the table stays.
 */
export function GovChart({ spec, label, height = 280 }: { spec: ChartSpec; label: string; height?: number }) {
  const ref = useRef<HTMLDivElement>(null)
  const [ready, setReady] = useState(false)
  const navigate = useNavigate()
  useEffect(() => {
    let disposed = false
    let chart: { dispose(): void; resize(): void } | null = null
    const onResize = () => chart?.resize()
    void import('./echarts-setup').then(({ renderChart }) => {
      if (disposed || !ref.current) return
      chart = renderChart(ref.current, spec, (href) => navigate(href))
      setReady(true)
      window.addEventListener('resize', onResize)
    })
    return () => {
      disposed = true
      window.removeEventListener('resize', onResize)
      chart?.dispose()
    }
  }, [spec, navigate])
  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      data-chart={ready ? 'ready' : 'pending'}
      style={{ height }}
      className="w-full print:hidden"
    />
  )
}
