// A uPlot line chart that fills its container's width and follows the light/dark colour scheme.
import 'uplot/dist/uPlot.min.css'
import { useEffect, useRef } from 'preact/hooks'
import uPlot from 'uplot'

export interface ChartSeries {
  label: string
  values: (number | null)[]
  color: string
}

interface Props {
  /** Accessible name; the chart is also summarised in text next to it. */
  label: string
  /** Unix seconds, ascending. */
  x: number[]
  series: ChartSeries[]
  yMax?: number
  height?: number
  /** Seconds between periods (a day or a week): the x axis is padded by one on each side. */
  step?: number
  testId?: string
}

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim()
  return v || fallback
}

export function Chart({ label, x, series, yMax = 100, height = 240, step = 86_400, testId }: Props) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = box.current
    if (!el) return
    const fg = cssVar('--muted', '#666')
    const grid = cssVar('--line', '#ddd')
    const axis = { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } }
    const plot = new uPlot(
      {
        width: Math.max(280, el.clientWidth),
        height,
        // From the data, padded by one period: uPlot's own range for a single point spans years of empty axis.
        scales: {
          x: {
            time: true,
            range: (_u, min, max) => (x.length ? [x[0]! - step, x[x.length - 1]! + step] : [min, max]),
          },
          y: { range: [0, yMax] },
        },
        axes: [axis, { ...axis, size: 40 }],
        cursor: { drag: { x: false, y: false } },
        legend: { live: false },
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: 2,
            spanGaps: true,
            points: { show: true, size: 6, fill: s.color },
          })),
        ],
      },
      [x, ...series.map((s) => s.values)] as uPlot.AlignedData,
      el,
    )
    const ro = new ResizeObserver(() => plot.setSize({ width: Math.max(280, el.clientWidth), height }))
    ro.observe(el)
    return () => {
      ro.disconnect()
      plot.destroy()
    }
  }, [x, series, yMax, height, step])
  return <div class="chart" ref={box} role="img" aria-label={label} data-testid={testId} />
}
