import { BarChart, LineChart, ScatterChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import type { ChartSpec } from './gov-chart'

echarts.use([LineChart, BarChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

const PALETTE = [
  '#b91c1c',
  '#1d4ed8',
  '#047857',
  '#b45309',
  '#6d28d9',
  '#0f766e',
  '#be185d',
  '#4d7c0f',
  '#1e40af',
  '#9a3412',
  '#334155',
  '#a16207',
  '#15803d',
  '#7e22ce',
]

/** Draws a chart spec; clicking a map tile follows its link. */
export function renderChart(el: HTMLElement, spec: ChartSpec, go: (href: string) => void) {
  const chart = echarts.init(el, undefined, { renderer: 'svg' })
  if (spec.kind === 'tiles') {
    const max = Math.max(1, ...spec.tiles.map((t) => t.value ?? 0))
    const rows = Math.max(...spec.tiles.map((t) => t.row)) + 1
    chart.setOption({
      animation: false,
      grid: { left: 4, right: 4, top: 4, bottom: 4 },
      xAxis: { type: 'value', show: false, min: -0.6, max: Math.max(...spec.tiles.map((t) => t.col)) + 0.6 },
      yAxis: { type: 'value', show: false, inverse: true, min: -0.6, max: rows - 0.4 },
      tooltip: {
        formatter: (p: { data: { name: string; value: [number, number, number | null] } }) => `${p.data.name}: ${p.data.value[2] ?? '—'}`,
      },
      series: [
        {
          type: 'scatter',
          symbol: 'roundRect',
          symbolSize: Math.min(64, (el.clientHeight - 16) / rows),
          data: spec.tiles.map((t) => ({
            name: t.name,
            value: [t.col, t.row, t.value],
            href: t.href,
            itemStyle: { color: t.value === null ? '#e2e8f0' : `rgba(185, 28, 28, ${0.15 + 0.85 * ((t.value ?? 0) / max)})` },
            label: {
              show: true,
              formatter: `${t.name}\n${t.value ?? ''}`,
              color: (t.value ?? 0) / max > 0.5 ? '#fff' : '#0f172a',
              fontSize: 11,
            },
          })),
        },
      ],
    })
    chart.on('click', (params) => {
      const href = (params.data as { href?: string | null } | undefined)?.href
      if (href) go(href)
    })
    return chart
  }
  chart.setOption({
    animation: false,
    color: PALETTE,
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: spec.categories },
    yAxis: { type: 'value' },
    series: spec.series.map((s) => ({ name: s.name, type: spec.kind, data: s.values, showSymbol: false })),
  })
  return chart
}
