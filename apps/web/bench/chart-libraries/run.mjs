/**
 * How the web app's chart library was chosen: lightweight-charts, uPlot and ECharts (line chart, tree-shaken),
 * each bundled minified by esbuild and measured in the same headless Chromium as the app's tests:
 *   - bundle size, minified and gzip -9;
 *   - first render of N points (create, set the data, two frames);
 *   - panning a 2,000-point window across the series, one step per frame (requestAnimationFrame intervals).
 *
 * The libraries are not dependencies of the app; install them anywhere and pass that folder:
 *   npm install --prefix /tmp/charts lightweight-charts@5.2.1 uplot@1.6.32 echarts@6.1.0 esbuild
 *   node apps/web/bench/chart-libraries/run.mjs /tmp/charts [points=10000]
 */
import { createServer } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const here = path.dirname(fileURLToPath(import.meta.url));
const [deps, pointsArg] = process.argv.slice(2);
if (!deps) {
  console.error(
    "usage: node run.mjs <folder with lightweight-charts, uplot, echarts and esbuild installed> [points]",
  );
  process.exit(2);
}
const N = Number(pointsArg ?? 10000);
const esbuild = createRequire(path.join(path.resolve(deps), "package.json"))("esbuild");
const { chromium } = createRequire(import.meta.url)("playwright-core");
const libs = ["lightweight-charts", "uplot", "echarts"];
const bundles = {};
for (const lib of libs) {
  const out = esbuild.buildSync({
    entryPoints: [path.join(here, `${lib}.js`)],
    bundle: true,
    minify: true,
    format: "esm",
    write: false,
    nodePaths: [path.join(path.resolve(deps), "node_modules")],
  });
  bundles[lib] = out.outputFiles[0].contents;
}

const server = createServer((req, res) => {
  const lib = req.url?.slice(1).replace(/\.js$/, "");
  if (lib && bundles[lib]) {
    res.setHeader("content-type", "text/javascript");
    res.end(bundles[lib]);
    return;
  }
  res.setHeader("content-type", "text/html");
  res.end("<!doctype html><body style='margin:0'><div id=c></div></body>");
}).listen(0, "127.0.0.1");
await new Promise((resolve) => server.once("listening", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const quantile = (values, q) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const results = {};
for (let round = 0; round < 3; round++)
  for (const lib of libs) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 600 } });
    await page.goto(`${origin}/`);
    // a string: the page runs it as is
    const r = await page.evaluate(`(async () => {
      const m = await import("/${lib}.js");
      const data = [];
      let v = 100;
      const d = new Date(Date.UTC(1980, 0, 1));
      for (let i = 0; i < ${N}; i++) {
        while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
        v *= 1 + Math.sin(i * 12.9898) * 0.01;
        data.push({ date: d.toISOString().slice(0, 10), value: v });
        d.setUTCDate(d.getUTCDate() + 1);
      }
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      const t0 = performance.now();
      const chart = m.render(document.getElementById("c"), data);
      await frame();
      await frame();
      const first = performance.now() - t0;
      const frames = [];
      let last = performance.now();
      for (let i = 0; i < 240; i++) {
        const from = (i * (${N} - 2000)) / 240;
        chart.pan(from, from + 2000);
        await frame();
        const now = performance.now();
        frames.push(now - last);
        last = now;
      }
      return { first, frames };
    })()`);
    await page.close();
    results[lib] ??= { first: [], frames: [] };
    results[lib].first.push(r.first);
    results[lib].frames.push(...r.frames);
  }
console.log(
  `| library | min KB | gzip KB | first render of ${N} points, median ms | pan frame p50 / p95 / max ms |`,
);
console.log("| --- | --- | --- | --- | --- |");
for (const lib of libs) {
  const { first, frames } = results[lib];
  const min = bundles[lib].length / 1024;
  const gz = gzipSync(bundles[lib], { level: 9 }).length / 1024;
  console.log(
    `| ${lib} | ${min.toFixed(1)} | ${gz.toFixed(1)} | ${quantile(first, 0.5).toFixed(0)} | ${quantile(frames, 0.5).toFixed(1)} / ${quantile(frames, 0.95).toFixed(1)} / ${Math.max(...frames).toFixed(1)} |`,
  );
}
await browser.close();
server.close();
