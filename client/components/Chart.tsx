// A uPlot line chart that fills its container's width and follows the light/dark colour scheme.
import 'uplot/dist/uPlot.min.css'
import { useEffect, useRef, useState } from 'preact/hooks'
import uPlot from 'uplot'

export interface ChartSeries {
  label: string
  values: (number | null)[]
  /** A CSS custom property, such as `--chart-1`: read when drawing, so it follows the colour scheme. */
  color: string
}

/** How many series one chart draws at most: beyond eight, colours stop being told apart. */
export const MAX_SERIES = 8
export const SERIES_COLORS = Array.from({ length: MAX_SERIES }, (_, i) => `--chart-${i + 1}`)

const DAY = 86_400
const tickDate = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' })

/** Redraws when the light/dark preference changes, so the chart's colours follow the page's. */
function useColorScheme(): boolean {
  const query = typeof matchMedia === 'undefined' ? null : matchMedia('(prefers-color-scheme: dark)')
  const [dark, setDark] = useState(query?.matches ?? false)
  useEffect(() => {
    if (!query) return
    const on = () => setDark(query.matches)
    query.addEventListener('change', on)
    return () => query.removeEventListener('change', on)
  }, [])
  return dark
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

export function Chart({ label, x, series, yMax = 100, height = 240, step = DAY, testId }: Props) {
  const box = useRef<HTMLDivElement>(null)
  const dark = useColorScheme()
  useEffect(() => {
    const el = box.current
    if (!el) return
    const fg = cssVar('--muted', '#666')
    const grid = cssVar('--line', '#ddd')
    const axis = { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } }
    // Ticks fall on whole periods (days or weeks), never on hours between two daily points.
    const xAxis = {
      ...axis,
      incrs: [1, 2, 4, 8, 13, 26, 52].map((n) => n * step),
      values: (_u: uPlot, splits: number[]) => {
        // The ticks drawn, as epoch seconds, for anyone (and any test) reading the chart's markup.
        el.dataset.ticks = splits.join(',')
        return splits.map((v) => tickDate.format(new Date(v * 1000)))
      },
    }
    const colors = series.map((s) => cssVar(s.color, '#2563eb'))
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
        axes: [xAxis, { ...axis, size: 40 }],
        cursor: { drag: { x: false, y: false } },
        legend: { live: false },
        series: [
          {},
          ...series.map((s, i) => ({
            label: s.label,
            stroke: colors[i],
            width: 2,
            spanGaps: true,
            points: { show: true, size: 6, fill: colors[i] },
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
  }, [x, series, yMax, height, step, dark])
  return <div class="chart" ref={box} role="img" aria-label={label} data-testid={testId} />
}
