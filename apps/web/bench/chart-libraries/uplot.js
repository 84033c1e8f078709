import uPlot from "uplot";

export function render(el, data) {
  const xs = data.map((d) => Date.parse(d.date) / 1000);
  const ys = data.map((d) => d.value);
  const u = new uPlot({ width: 1200, height: 400, series: [{}, { stroke: "blue", width: 2 }] }, [xs, ys], el);
  return {
    pan(from, to) {
      u.setScale("x", {
        min: xs[Math.max(0, Math.floor(from))],
        max: xs[Math.min(xs.length - 1, Math.floor(to))],
      });
    },
  };
}
