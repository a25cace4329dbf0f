import { Link, useLocation } from '@remix-run/react'
import { useEffect, useMemo, useState } from 'react'
import { formatCount } from '~/lib/format'
import { cityLabel, cityShortLabel } from '~/lib/gov-labels'
import { cityTiles } from '~/lib/gov-map'
import { govHref, type GovParams } from '~/lib/gov-params'
import { useT } from '~/lib/i18n'
import { GovChart, type ChartSpec } from './gov-chart'

const TILE = 58

/**
 * The 11 cities as tiles placed by their seats' coordinates: an SVG of links on the server (works without
 * JavaScript and prints), redrawn by ECharts once loaded. Cities outside the official's area are grey.
 */
export function CityMap({
  values,
  params,
  selected,
  path,
  interactive = true,
}: {
  values: Record<string, number>
  params: GovParams
  selected: string | null
  path?: string
  interactive?: boolean
}) {
  const t = useT()
  const here = useLocation().pathname
  const target = path ?? (here.startsWith('/gov/records') ? '/gov' : here)
  const [hydrated, setHydrated] = useState(false)
  // The map becomes interactive only after hydration; the server render is the plain SVG.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setHydrated(true), [])
  const tiles = cityTiles()
  const cols = Math.max(...tiles.map((x) => x.col)) + 1
  const rows = Math.max(...tiles.map((x) => x.row)) + 1
  const max = Math.max(1, ...Object.values(values))
  const href = (code: string) => (code in values ? govHref(target, params, { city: code, region: null }) : null)
  const spec = useMemo<ChartSpec>(
    () => ({
      kind: 'tiles',
      tiles: tiles.map((x) => ({
        ...x,
        name: cityLabel(x.code, t.lang),
        value: x.code in values ? values[x.code]! : null,
        href: href(x.code),
      })),
    }),
    // Keyed by content: a re-render with equal figures keeps the chart.
    // eslint-disable-next-line react-hooks/exhaustive-deps, react-hooks/use-memo
    [JSON.stringify(values), JSON.stringify(params), t.lang],
  )
  return (
    <figure>
      {interactive && hydrated ? (
        <div className="mx-auto max-w-xs" data-map="echarts">
          <GovChart spec={spec} label={t('gov.map.title')} height={rows * TILE * 0.75} />
        </div>
      ) : null}
      <svg
        viewBox={`0 0 ${cols * TILE} ${rows * TILE}`}
        className={`mx-auto w-full max-w-xs ${interactive && hydrated ? 'hidden print:block' : ''}`}
        role="group"
        aria-label={t('gov.map.title')}
      >
        {tiles.map((tile) => {
          const value = values[tile.code]
          const inScope = value !== undefined
          const shade = inScope ? 0.15 + 0.85 * (value / max) : 0
          const link = href(tile.code)
          const body = (
            <g>
              <rect
                x={tile.col * TILE + 2}
                y={tile.row * TILE + 2}
                width={TILE - 4}
                height={TILE - 4}
                rx={6}
                fill={inScope ? `rgba(185, 28, 28, ${shade})` : '#e2e8f0'}
                stroke={selected === tile.code ? '#0f172a' : 'none'}
                strokeWidth={3}
              />
              <text
                x={tile.col * TILE + TILE / 2}
                y={tile.row * TILE + 24}
                textAnchor="middle"
                fontSize={11}
                fill={shade > 0.5 ? '#fff' : '#0f172a'}
              >
                {cityShortLabel(tile.code, t.lang)}
              </text>
              <text
                x={tile.col * TILE + TILE / 2}
                y={tile.row * TILE + 40}
                textAnchor="middle"
                fontSize={11}
                fontWeight={600}
                fill={shade > 0.5 ? '#fff' : '#0f172a'}
              >
                {inScope ? formatCount(value, t.lang) : '—'}
              </text>
              <title>{inScope ? t('gov.map.cityValue', { city: cityLabel(tile.code, t.lang), n: value }) : t('gov.map.outOfScope')}</title>
            </g>
          )
          return link ? (
            <Link
              key={tile.code}
              to={link}
              aria-label={t('gov.map.cityValue', { city: cityLabel(tile.code, t.lang), n: value ?? 0 })}
              data-city={tile.code}
            >
              {body}
            </Link>
          ) : (
            <g key={tile.code}>{body}</g>
          )
        })}
      </svg>
      <figcaption className="mt-2 text-xs text-slate-500">{t('gov.map.note')}</figcaption>
    </figure>
  )
}
