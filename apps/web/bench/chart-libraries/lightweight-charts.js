import { createChart, LineSeries } from "lightweight-charts";
export function render(el, data) {
  const chart = createChart(el, { width: 1200, height: 400 });
  const s = chart.addSeries(LineSeries, { lineWidth: 2 });
  s.setData(data.map((d) => ({ time: d.date, value: d.value })));
  chart.timeScale().fitContent();
  const ts = chart.timeScale();
  return {
    pan(from, to) {
      ts.setVisibleLogicalRange({ from, to });
    },
  };
}
