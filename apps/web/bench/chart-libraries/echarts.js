import { LineChart } from "echarts/charts";
import { DataZoomComponent, GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([LineChart, GridComponent, TooltipComponent, DataZoomComponent, CanvasRenderer]);
export function render(el, data) {
  el.style.width = "1200px";
  el.style.height = "400px";
  const c = echarts.init(el, null, { renderer: "canvas" });
  c.setOption({
    animation: false,
    xAxis: { type: "category", data: data.map((d) => d.date) },
    yAxis: { type: "value", scale: true },
    dataZoom: [{ type: "inside" }],
    tooltip: { trigger: "axis" },
    series: [{ type: "line", data: data.map((d) => d.value), showSymbol: false, sampling: "lttb" }],
  });
  const n = data.length;
  return {
    pan(from, to) {
      c.dispatchAction({ type: "dataZoom", start: (from / n) * 100, end: (to / n) * 100 });
    },
  };
}
