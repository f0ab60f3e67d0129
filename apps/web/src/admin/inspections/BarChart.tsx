import { BarChart as Bars } from 'echarts/charts'
import { GridComponent, TitleComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'

echarts.use([Bars, GridComponent, TitleComponent, TooltipComponent, CanvasRenderer])

/**
 * A bar chart on ECharts' tree-shaken core (only bars, grid, title, tooltip). Used instead of
 * echarts-for-react, whose 3.0.6 build imports `tslib` without declaring it.
 */
export function BarChart({ title, labels, values, color, horizontal = false, height = 280 }: { title: string; labels: string[]; values: number[]; color: string; horizontal?: boolean; height?: number }) {
  const el = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!el.current) return
    const chart = echarts.init(el.current)
    const category = { type: 'category' as const, data: labels, ...(horizontal ? { inverse: true } : {}) }
    const value = { type: 'value' as const }
    chart.setOption({
      title: { text: title, textStyle: { fontSize: 14 } },
      tooltip: {},
      grid: horizontal ? { left: 150, right: 16 } : { left: 40, right: 16 },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: [{ type: 'bar', data: values, itemStyle: { color } }],
    })
    const resize = () => chart.resize()
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      chart.dispose()
    }
  }, [title, labels, values, color, horizontal])
  return <div ref={el} style={{ height, width: '100%' }} />
}
