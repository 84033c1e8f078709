/**
 * The web app's performance budget, measured (not asserted: see README "Performance budget"):
 *
 * 1. JS (and CSS) shipped for the first view, gzipped and brotli: every script and stylesheet the browser fetches
 *    to draw /compare, sized from the build's pre-compressed files.
 * 2. Time to the first chart on the demo data in headless Chromium: from navigation start to the first frame
 *    after the relative-strength chart got its data, cold (HTTP cache disabled) and warm.
 * 3. Frame time while panning a 6,000-point series: the RS line of IWM/SPY from 2003 (≈6,000 trading days),
 *    dragged across the chart with the mouse; requestAnimationFrame intervals recorded in the page.
 *
 *   pnpm --filter @cyclelens/web bench            (needs the build: pnpm --filter @cyclelens/web build)
 *   pnpm --filter @cyclelens/web bench --runs=20
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { CHROMIUM_PATH, chromiumAvailable, launchBrowser, startWebServer, WEB_DIST } from "../test/harness";

const runs = Number(process.argv.find((a) => a.startsWith("--runs="))?.slice(7) ?? 10);

function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
}
const ms = (v: number) => `${v.toFixed(1)} ms`;
const kb = (v: number) => `${(v / 1024).toFixed(1)} KB`;

if (!chromiumAvailable()) {
  console.log(`web bench skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
  process.exit(0);
}
const server = await startWebServer();
const browser = await launchBrowser({ width: 1280, height: 900 });
try {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);

  // 1. what the first view fetches
  const fetched: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.origin === server.origin && /\.(js|css)$/.test(url.pathname)) fetched.push(url.pathname);
  });
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await page.goto(`${server.origin}/compare`);
  await page.waitForFunction(() => (window.cyclelensCharts?.size ?? 0) > 0);
  let raw = 0;
  let gz = 0;
  let br = 0;
  let jsGz = 0;
  const rows: string[] = [];
  for (const file of [...new Set(fetched)]) {
    const onDisk = path.join(WEB_DIST, file);
    const size = statSync(onDisk).size;
    const g = existsSync(`${onDisk}.gz`) ? statSync(`${onDisk}.gz`).size : size;
    const b = existsSync(`${onDisk}.br`) ? statSync(`${onDisk}.br`).size : size;
    raw += size;
    gz += g;
    br += b;
    if (file.endsWith(".js")) jsGz += g;
    rows.push(
      `   ${file.padEnd(40)} ${kb(size).padStart(9)} ${kb(g).padStart(9)} gz ${kb(b).padStart(9)} br`,
    );
  }
  console.log(`\n1. first view (/compare): ${fetched.length} files`);
  console.log(rows.join("\n"));
  console.log(`   JS gzipped ${kb(jsGz)}; JS+CSS ${kb(raw)} raw, ${kb(gz)} gzip, ${kb(br)} brotli`);

  // 2. time to the first chart
  const firstChart = async () => {
    await page.goto(`${server.origin}/compare`);
    // a string: tsx would wrap named inner functions in a helper the page does not have
    return page.evaluate<number>(`new Promise((resolve) => {
      const check = () => {
        if ((window.cyclelensCharts?.size ?? 0) > 0) requestAnimationFrame(() => resolve(performance.now()));
        else requestAnimationFrame(check);
      };
      check();
    })`);
  };
  const cold: number[] = [];
  for (let i = 0; i < runs; i++) cold.push(await firstChart());
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: false });
  await firstChart();
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) warm.push(await firstChart());
  console.log(`\n2. time to first chart (navigation start → first frame with the chart), ${runs} runs each`);
  console.log(`   cold cache: median ${ms(quantile(cold, 0.5))}, p90 ${ms(quantile(cold, 0.9))}`);
  console.log(`   warm cache: median ${ms(quantile(warm, 0.5))}, p90 ${ms(quantile(warm, 0.9))}`);

  // 3. panning a 6,000-point series
  await page.goto(`${server.origin}/compare?base=IWM&benchmark=SPY&from=2003-01-01`);
  await page.waitForFunction(() => (window.cyclelensCharts?.size ?? 0) > 0);
  const points = await page.getAttribute("[data-chart=relative-strength]", "data-points");
  const box = await page.locator("[data-chart=relative-strength] .chart-canvas").boundingBox();
  if (!box) throw new Error("no chart");
  const frames: number[] = [];
  for (let r = 0; r < 3; r++) {
    await page.evaluate(`(() => {
      window.__frames = [];
      window.__stop = false;
      let last = performance.now();
      const tick = (t) => {
        window.__frames.push(t - last);
        last = t;
        if (!window.__stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.8, y);
    await page.mouse.down();
    for (let i = 0; i < 120; i++) await page.mouse.move(box.x + box.width * (0.8 - (0.6 * i) / 120), y);
    for (let i = 0; i < 120; i++) await page.mouse.move(box.x + box.width * (0.2 + (0.6 * i) / 120), y);
    await page.mouse.up();
    const f = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __stop: boolean };
      w.__stop = true;
      return w.__frames.slice(1);
    });
    frames.push(...f);
  }
  const lines = (await page.getAttribute("[data-chart=relative-strength]", "data-series-count")) ?? "?";
  console.log(
    `\n3. panning the RS chart (${points} points in ${lines} series; ~${Number(points) / 2} per series)`,
  );
  console.log(
    `   ${frames.length} frames: median ${ms(quantile(frames, 0.5))}, p95 ${ms(quantile(frames, 0.95))}, max ${ms(Math.max(...frames))}; ${
      frames.filter((f) => f > 50).length
    } frames over 50 ms`,
  );
} finally {
  await browser.close();
  await server.close();
}
