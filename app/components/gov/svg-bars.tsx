/** A static bar chart in SVG for print, with the values it draws in its title for screen readers. */
export function SvgBars({ labels, values, label }: { labels: string[]; values: number[]; label: string }) {
  const max = Math.max(1, ...values)
  const w = 600
  const h = 140
  const bar = w / values.length
  return (
    <svg viewBox={`0 0 ${w} ${h + 18}`} className="w-full" role="img" aria-label={label}>
      <title>{labels.map((l, i) => `${l}: ${values[i]}`).join('; ')}</title>
      {values.map((v, i) => (
        <rect key={labels[i]} x={i * bar + 1} y={h - (v / max) * h} width={bar - 2} height={(v / max) * h} fill="#b91c1c" />
      ))}
      {labels.map((l, i) =>
        i % 6 === 0 ? (
          <text key={l} x={i * bar} y={h + 14} fontSize={10} fill="#334155">
            {l}
          </text>
        ) : null,
      )}
    </svg>
  )
}
