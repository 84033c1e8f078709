/**
 * The web app in real Chromium (Debian's package, driven by playwright-core) against the API on a fresh SQLite
 * database with the demo dataset. For each view: what is drawn (the charts and their series, the canvas not
 * blank), the headline numbers equal to what the API answers to the same question, and the URL-state round
 * trip; an API error shown as such; the query button's operation; 390 px and dark theme. Screenshots of every
 * view go to docs/ (shown in the README).
 *
 * Without Chromium the suite is skipped with a message, except when CI=true: then it fails.
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bp, multiple, num, percent, points } from "../src/lib/format";
import { CHROMIUM_PATH, chromiumAvailable, launchBrowser, startWebServer, type WebServer } from "./harness";

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "docs");
const required = process.env.CI === "true";
const available = chromiumAvailable();
if (!available && required)
  throw new Error(
    `CI=true requires the browser tests, but Chromium is missing at ${CHROMIUM_PATH}: apt-get install -y chromium (.ci/run does), or set CHROMIUM_PATH`,
  );
if (!available)
  console.warn(
    `\n*** web browser tests SKIPPED: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium; CI=true makes this a failure) ***\n`,
  );

type Browser = Awaited<ReturnType<typeof launchBrowser>>;

/** Opens a view and waits until its request has answered (drawn or failed). */
async function openView(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector("section.view[data-state=done], section.view[data-state=error]", {
    timeout: 30_000,
  });
}

describe.skipIf(!available)("the web app in Chromium", () => {
  let server: WebServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const elsewhere: string[] = [];
  /** The app's GraphQL requests: method, URL and body. */
  const operations: { method: string; url: string; body: string | null }[] = [];

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.on("request", (r) => {
      // the app's own requests (not GraphiQL's: the query button opens it at /graphql?query=… on purpose)
      if (
        new URL(r.url()).pathname === "/graphql" &&
        r.resourceType() === "fetch" &&
        new URL(r.frame().url()).pathname !== "/graphql"
      )
        operations.push({ method: r.method(), url: r.url(), body: r.postData() });
      if (!r.url().startsWith(server.origin) && !r.url().startsWith("blob:") && !r.url().startsWith("data:"))
        elsewhere.push(r.url());
    });
    mkdirSync(DOCS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = (pathAndQuery: string) => openView(page, `${server.origin}${pathAndQuery}`);

  async function api<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const body = await server.gql<T>(query, variables);
    expect(body.errors).toBeUndefined();
    return body.data as T;
  }

  const metric = (id: string) => page.locator(`[data-metric="${id}"]`).textContent();

  /** Each chart: its series count and points as drawn, and the share of its canvas that is not background. */
  async function charts() {
    return page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("[data-chart]")].map((el) => {
        const id = el.dataset.chart ?? "";
        const live = window.cyclelensCharts?.get(id);
        const canvas = live ? live.takeScreenshot() : el.querySelector("canvas");
        let inked = 0;
        if (canvas && canvas.width > 0) {
          const g = canvas.getContext("2d");
          const pixels = g?.getImageData(0, 0, canvas.width, canvas.height).data;
          if (pixels) {
            const [r0, g0, b0] = [pixels[0], pixels[1], pixels[2]];
            let n = 0;
            for (let i = 0; i < pixels.length; i += 4)
              if (pixels[i] !== r0 || pixels[i + 1] !== g0 || pixels[i + 2] !== b0) n++;
            inked = n / (pixels.length / 4);
          }
        }
        return {
          id,
          series: Number(el.dataset.seriesCount),
          names: (el.dataset.series ?? "").split("|"),
          points: Number(el.dataset.points),
          inked,
        };
      }),
    );
  }

  async function shoot(name: string): Promise<void> {
    await page.waitForTimeout(300); // let the charts paint their last frame
    await page.screenshot({ path: path.join(DOCS, `${name}.png`), fullPage: true });
  }

  it("small vs large: return gap, both returns, beta, correlation, RS line and its average as the API says", async () => {
    await open("/compare?base=IWM&benchmark=SPY&from=2021-01-01");
    const { compare: c } = await api<{
      compare: {
        returnGap: number;
        baseReturn: number;
        benchmarkReturn: number;
        beta: number;
        correlation: number;
        relativeStrength: unknown[];
        relativeStrengthAverage: unknown[];
        crossovers: unknown[];
        leadership: { lastCrossover: { date: string } | null };
      };
    }>(`{ compare(base: "IWM", benchmark: "SPY", range: { from: "2021-01-01" }) {
      returnGap baseReturn benchmarkReturn beta correlation relativeStrength { date } relativeStrengthAverage { date }
      crossovers { date } leadership { lastCrossover { date } } } }`);
    expect(await metric("returnGap")).toBe(points(c.returnGap));
    expect(await metric("baseReturn")).toBe(percent(c.baseReturn));
    expect(await metric("benchmarkReturn")).toBe(percent(c.benchmarkReturn));
    expect(await metric("beta")).toBe(`${num(c.beta)}x`);
    expect(await metric("correlation")).toBe(num(c.correlation));
    expect(await metric("lastCrossover")).toContain(c.leadership.lastCrossover?.date ?? "none");
    await expect(page.getByTestId("demo-badge").textContent()).resolves.toBe("DEMO");
    const [rs] = await charts();
    expect(rs).toMatchObject({ id: "relative-strength", series: 2 });
    expect(rs?.points).toBe(c.relativeStrength.length + c.relativeStrengthAverage.length);
    expect(rs?.inked).toBeGreaterThan(0.01);
    await shoot("compare");

    // downloads: the chart as PNG, its data as CSV
    const [png] = await Promise.all([
      page.waitForEvent("download"),
      page.click("[data-chart=relative-strength] button:text-is('PNG')"),
    ]);
    expect(png.suggestedFilename()).toBe("cyclelens-rs-IWM-SPY-2020-12-31.png");
    const image = readFileSync(await png.path());
    expect(image.subarray(1, 4).toString()).toBe("PNG");
    expect(image.length).toBeGreaterThan(10_000);
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.click("[data-chart=relative-strength] button:text-is('CSV')"),
    ]);
    const lines = readFileSync(await csv.path(), "utf8")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("date,relative_strength,average_50d,crossover");
    expect(lines).toHaveLength(c.relativeStrength.length + 1);

    // URL state: the form writes the URL, and the URL alone restores the view
    await page.selectOption("select[name=base]", "QQQ");
    await page.fill("input[name=from]", "2022-03-01");
    await page.click("button[type=submit]");
    await page.waitForURL(/base=QQQ/);
    expect(new URL(page.url()).search).toBe("?base=QQQ&benchmark=SPY&from=2022-03-01&average=50");
    await page.reload();
    await page.waitForSelector("section.view[data-state=done]");
    expect(await page.inputValue("select[name=base]")).toBe("QQQ");
    expect(await page.inputValue("input[name=from]")).toBe("2022-03-01");
    const qqq = await api<{ compare: { returnGap: number } }>(
      `{ compare(base: "QQQ", benchmark: "SPY", range: { from: "2022-03-01" }) { returnGap } }`,
    );
    expect(await metric("returnGap")).toBe(points(qqq.compare.returnGap));
    // and back
    await page.goBack();
    await page.waitForURL((url) => url.search.includes("base=IWM"));
    await page.waitForSelector("section.view[data-state=done]");
    expect(await metric("returnGap")).toBe(points(c.returnGap));
  });

  it("says when the data cover less than the window asked for", async () => {
    await open("/compare?base=KRE&benchmark=SPY&from=2001-01-01");
    const { compare } = await api<{ compare: { coverage: { status: string; reason: string } } }>(
      `{ compare(base: "KRE", benchmark: "SPY", range: { from: "2001-01-01" }) { coverage { status reason } } }`,
    );
    expect(compare.coverage.status).toBe("STARTS_LATE");
    expect(await page.getByTestId("coverage").textContent()).toContain(compare.coverage.reason);
    expect(await page.getByTestId("price-note").count()).toBe(0);
  });

  it("an unknown symbol shows the API's NOT_FOUND message", async () => {
    await open("/compare?base=NOPE&benchmark=SPY");
    const body = await server.gql(`{ compare(base: "NOPE", benchmark: "SPY") { returnGap } }`);
    expect(body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const shown = await page.getByTestId("error").textContent();
    expect(shown).toContain("NOT_FOUND");
    expect(shown).toContain(body.errors?.[0]?.message ?? "?");
    expect(await page.locator("[data-chart]").count()).toBe(0);
    await shoot("error-not-found");
  });

  it("drawdowns: KRE against its 2022 peak, max drawdown and recovery marked", async () => {
    await open("/drawdowns?symbol=KRE&peakFrom=2022-01-01&peakTo=2022-12-31");
    const { instrument: i } = await api<{
      instrument: {
        drawdown: { peakDate: string; drawdown: number; series: { date: string; value: number }[] };
      };
    }>(`{ instrument(symbol: "KRE") { drawdown(peakWithin: { from: "2022-01-01", to: "2022-12-31" }) {
      peakDate drawdown series { date value } } } }`);
    expect(await metric("drawdown")).toBe(percent(i.drawdown.drawdown));
    expect(await metric("peakDate")).toBe(i.drawdown.peakDate);
    const deepest = Math.min(...i.drawdown.series.map((p) => p.value));
    expect(await metric("maxDrawdown")).toBe(percent(deepest));
    const [chart] = await charts();
    expect(chart).toMatchObject({
      id: "drawdown",
      series: 2,
      names: ["KRE adjusted close", "Drawdown from the peak"],
    });
    expect(chart?.inked).toBeGreaterThan(0.01);
    await expect(page.getByTestId("demo-badge").isVisible()).resolves.toBe(true);
    await shoot("drawdowns");

    // a peak window before the data: the API's DATA_UNAVAILABLE, and a link to the window the data cover
    await open("/drawdowns?symbol=KRE&peakFrom=2001-01-01&peakTo=2001-12-31");
    expect(await page.getByTestId("error").textContent()).toContain("DATA_UNAVAILABLE");
    await page.click("[data-testid=error] a");
    await page.waitForSelector("section.view[data-state=done]");
    expect((await charts()).map((c) => c.id)).toEqual(["drawdown"]);

    await open("/drawdowns?symbol=IWM&peakFrom=2020-01-01&peakTo=2020-03-31&asOf=2021-06-30");
    expect(await page.inputValue("select[name=symbol]")).toBe("IWM");
    expect(await page.inputValue("input[name=asOf]")).toBe("2021-06-30");
    const iwm = await api<{ instrument: { drawdown: { drawdown: number; asOfDate: string } } }>(
      `{ instrument(symbol: "IWM") { drawdown(peakWithin: { from: "2020-01-01", to: "2020-03-31" }, asOf: "2021-06-30") { drawdown asOfDate } } }`,
    );
    expect(await metric("drawdown")).toBe(percent(iwm.instrument.drawdown.drawdown));
  });

  it("rate cycles: the policy rate with its cycles, and the event study's bars per horizon", async () => {
    await open("/rate-cycles");
    const { rateCycleStudy: s, rateCycles } = await api<{
      rateCycles: unknown[];
      rateCycleStudy: {
        conventions: { dayZero: string };
        horizons: {
          months: number;
          excess: {
            mean: number;
            meanInterval: { low: number; high: number };
            hitRateInterval: { low: number };
          };
        }[];
      };
    }>(`{ rateCycles { start } rateCycleStudy { conventions { dayZero }
      horizons { months excess { mean meanInterval { low high } hitRateInterval { low } } } } }`);
    for (const h of s.horizons) expect(await metric(`mean-${h.months}`)).toBe(points(h.excess.mean));
    const summary = (await page.getByTestId("summary-table").textContent()) ?? "";
    for (const h of s.horizons) {
      expect(summary).toContain(
        `${points(h.excess.meanInterval.low)} … ${points(h.excess.meanInterval.high)}`,
      );
      expect(summary).toContain(percent(h.excess.hitRateInterval.low, 0).replace("+", ""));
    }
    expect(await page.getByTestId("conventions").textContent()).toContain(s.conventions.dayZero);
    const drawn = await charts();
    expect(drawn.map((c) => [c.id, c.series])).toEqual([
      ["policy-rate", 3],
      ["event-study", 3],
    ]);
    for (const c of drawn) expect(c.inked).toBeGreaterThan(0.01);
    const rows = await page.locator("[data-testid=event-table] tbody tr").count();
    expect(rows).toBeGreaterThan(0);
    expect(rateCycles.length).toBeGreaterThan(rows);
    await shoot("rate-cycles");

    await open("/rate-cycles?direction=TIGHTENING&horizons=6,12");
    expect(await page.inputValue("select[name=direction]")).toBe("TIGHTENING");
    const drawn2 = await charts();
    expect(drawn2.find((c) => c.id === "event-study")?.series).toBe(2);
    const t = await api<{ rateCycleStudy: { horizons: { excess: { mean: number } }[] } }>(
      `{ rateCycleStudy(direction: TIGHTENING, horizons: [6, 12]) { horizons { excess { mean } } } }`,
    );
    expect(await metric("mean-12")).toBe(points(t.rateCycleStudy.horizons[1]?.excess.mean));
    // the 2022 hiking cycle of the demo data, in basis points
    expect(await page.locator("[data-testid=event-table]").textContent()).toContain(bp(525));

    // an unknown rate series: the API's message, and the stored series to choose from
    await open("/rate-cycles?series=NOPE");
    expect(await page.getByTestId("error").textContent()).toContain('Unknown economic series "NOPE"');
    await page.click(".series-choices a:text-is('DFEDTARU')");
    await page.waitForURL(/series=DFEDTARU/);
    await page.waitForSelector("section.view[data-state=done]");
    expect((await charts()).map((c) => [c.id, c.series])).toEqual([
      ["policy-rate", 3],
      ["event-study", 3],
    ]);
  });

  it("valuation and positioning against their history; a segment without data says how to import it", async () => {
    await open("/valuation");
    const { valuationGap: v, positioning: p } = await api<{
      valuationGap: { gap: { value: number; zScore: number }; history: unknown[] };
      positioning: { history: unknown[] };
    }>(`{ valuationGap { gap { value zScore } history { date } } positioning { history { date } } }`);
    expect(await metric("gap")).toBe(multiple(v.gap.value, 2, true));
    expect(await metric("zScore")).toBe(num(v.gap.zScore));
    const drawn = await charts();
    expect(drawn.map((c) => [c.id, c.series, c.points])).toEqual([
      ["valuation-gap", 1, v.history.length],
      ["positioning", 3, 3 * p.history.length],
    ]);
    await shoot("valuation");

    await open("/valuation?segment=tech");
    expect(await page.inputValue("select[name=segment]")).toBe("tech");
    const missing = await page.getByTestId("no-positioning").textContent();
    expect(missing).toContain("pnpm ingest --csv positioning.csv --kind positioning");
    expect((await charts()).map((c) => c.id)).toEqual(["valuation-gap"]);

    // the demo has valuations for IWM and SPY only
    await open("/valuation?base=QQQ");
    expect(await page.getByTestId("no-valuation").textContent()).toContain(
      "pnpm ingest --csv valuations.csv --kind valuation",
    );
    expect((await charts()).map((c) => c.id)).toEqual(["positioning"]);
  });

  it("rotation signal: the score and every component", async () => {
    await open("/rotation");
    const { rotationSignal: r } = await api<{
      rotationSignal: {
        score: number;
        label: string;
        sufficient: boolean;
        components: { name: string; contribution: number }[];
      };
    }>(`{ rotationSignal { score label sufficient components { name contribution } } }`);
    expect(await metric("score")).toBe(`${num(r.score, 1)} / 100`);
    expect(await metric("label")).toBe(r.label);
    expect(await page.getByTestId("insufficient").count()).toBe(r.sufficient ? 0 : 1);
    // every component has a readable name (no raw identifiers such as yieldCurve)
    for (const name of await page.locator("[data-component]").allTextContents())
      expect(name).not.toMatch(/^(yieldCurve|labour|breadth|cyclicals)\b/);
    expect(await page.locator("[data-component]").count()).toBe(r.components.length);
    const [bars] = await charts();
    expect(bars).toMatchObject({ id: "rotation", series: 1, points: r.components.length + 1 });
    expect(bars?.inked).toBeGreaterThan(0.01);
    await shoot("rotation");

    await open("/rotation?small=^RUT&large=^GSPC&asOf=2024-06-28");
    expect(await page.inputValue("input[name=asOf]")).toBe("2024-06-28");
    const old = await api<{ rotationSignal: { score: number } }>(
      `{ rotationSignal(small: "^RUT", large: "^GSPC", asOf: "2024-06-28") { score } }`,
    );
    expect(await metric("score")).toBe(`${num(old.rotationSignal.score, 1)} / 100`);
  });

  it("data: the demo label, and coverage and provenance per instrument and series", async () => {
    await open("/data");
    const { dataset: d } = await api<{
      dataset: { label: string; instruments: unknown[]; series: unknown[] };
    }>("{ dataset { label instruments { name } series { name } } }");
    expect(await page.getByTestId("dataset-label").textContent()).toContain(d.label);
    expect(await page.locator("[data-testid=coverage-instrument] tbody tr").count()).toBe(
      d.instruments.length,
    );
    expect(await page.locator("[data-testid=coverage-series] tbody tr").count()).toBe(d.series.length);
    await shoot("data");
  });

  it("the query button opens the view's one operation with its current inputs", async () => {
    await open("/compare?base=KRE&benchmark=IWM&from=2023-01-02");
    const href = await page.locator("a.query-button").getAttribute("href");
    const query = new URL(href ?? "", server.origin).searchParams.get("query") ?? "";
    expect(query).toContain('$base: String! = "KRE"');
    // the operation runs as is (its variables default to the view's inputs) and answers what the view shows
    const body = await server.gql<{ compare: { returnGap: number } }>(query);
    expect(body.errors).toBeUndefined();
    expect(await metric("returnGap")).toBe(points(body.data?.compare.returnGap));
    // GraphiQL opens on it
    await page.goto(new URL(href ?? "", server.origin).toString());
    await page.waitForSelector(".graphiql-container", { timeout: 30_000 });
    await expect(page.locator(".graphiql-container").first().textContent()).resolves.toContain("CompareView");
  });

  it("works at 390 px in the dark theme, keyboard first", async () => {
    const phone = await launchBrowser({ width: 390, height: 844, dark: true });
    try {
      const p = await phone.context.newPage();
      p.on("pageerror", (e) => pageErrors.push(e.message));
      await p.goto(`${server.origin}/compare`);
      await p.waitForSelector("section.view[data-state=done]");
      expect(await p.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // keyboard: the skip link first, then the navigation
      await p.keyboard.press("Tab");
      expect(await p.evaluate(() => document.activeElement?.textContent)).toContain("Skip");
      await p.keyboard.press("Tab");
      await p.keyboard.press("Tab");
      expect(await p.evaluate(() => document.activeElement?.getAttribute("href"))).toBe("/compare");
      // the chart takes the focus and zooms (+ / −) and pans (arrows) with the keyboard
      const before = await p.evaluate(() =>
        window.cyclelensCharts?.get("relative-strength")?.timeScale().getVisibleLogicalRange(),
      );
      await p.focus("[data-chart=relative-strength] .chart-canvas");
      await p.keyboard.press("+");
      await p.waitForTimeout(200); // the chart applies a new range on its next frame
      const zoomed = await p.evaluate(() =>
        window.cyclelensCharts?.get("relative-strength")?.timeScale().getVisibleLogicalRange(),
      );
      expect((zoomed?.to ?? 0) - (zoomed?.from ?? 0)).toBeLessThan((before?.to ?? 0) - (before?.from ?? 0));
      await p.keyboard.press("ArrowLeft");
      await p.waitForTimeout(200);
      const panned = await p.evaluate(() =>
        window.cyclelensCharts?.get("relative-strength")?.timeScale().getVisibleLogicalRange(),
      );
      expect(panned?.from).toBeLessThan(zoomed?.from ?? 0);
      await p.waitForTimeout(300);
      await p.screenshot({ path: path.join(DOCS, "compare-390-dark.png"), fullPage: true });
      // and the theme switch
      await p.click("button.theme-toggle");
      expect(await p.evaluate(() => document.documentElement.dataset.theme)).toBe("light");
      // no view is wider than the phone (wide tables scroll inside their own box)
      for (const view of ["/drawdowns", "/rate-cycles", "/valuation", "/rotation", "/data"]) {
        await openView(p, `${server.origin}${view}`);
        expect(await p.evaluate(() => document.documentElement.scrollWidth), view).toBeLessThanOrEqual(390);
      }
    } finally {
      await phone.close();
    }
  });

  it("works under a strict Content-Security-Policy (same origin, no inline script or style)", async () => {
    const csp =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
    const strict = await browser.context.newPage();
    try {
      await strict.route(`${server.origin}/**`, async (route) => {
        // the live-update stream never ends, so route.fetch() could not return it: pass it through (a stream
        // carries no policy; the page's policy governs it)
        if (route.request().headers().accept?.includes("text/event-stream")) return route.continue();
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": csp } });
      });
      await strict.addInitScript(() => {
        const w = window as unknown as { violations: string[] };
        w.violations = [];
        document.addEventListener("securitypolicyviolation", (e) =>
          w.violations.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      for (const view of ["/compare", "/rate-cycles", "/rotation"]) {
        await strict.goto(`${server.origin}${view}`);
        await strict.waitForSelector("section.view[data-state=done]");
        expect(await strict.locator("[data-chart]").count()).toBeGreaterThan(0);
      }
      expect(await strict.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual(
        [],
      );
    } finally {
      await strict.close();
    }
  });

  it("shows the DEMO badge on every view while the demo dataset answers", async () => {
    for (const view of ["/compare", "/drawdowns", "/rate-cycles", "/valuation", "/rotation", "/data"]) {
      await open(view);
      expect(await page.getByTestId("demo-badge").first().isVisible(), view).toBe(true);
    }
  });

  // last: it adds an instrument the other views and screenshots must not show
  it("says when a return rests on closes without an adjusted close", async () => {
    // an instrument stored with closes only (as a file without an adjusted-close column)
    const zz = await server.db.upsertInstrument({
      symbol: "ZZCLOSE",
      name: "Closes only",
      kind: "ETF",
      segment: "small_cap",
      provenance: "demo",
    });
    const rows: { date: string; close: number }[] = [];
    for (let t = Date.parse("2024-01-02"), k = 0; t <= Date.parse("2026-11-20"); t += 86_400_000, k++) {
      const day = new Date(t).getUTCDay();
      if (day !== 0 && day !== 6)
        rows.push({ date: new Date(t).toISOString().slice(0, 10), close: 50 + (k % 30) / 10 });
    }
    await server.db.upsertBars(zz.id, rows, { source: "demo" });
    await open("/compare?base=ZZCLOSE&benchmark=SPY&from=2025-01-01");
    const { compare } = await api<{
      compare: { coverage: { adjustedThroughout: boolean; priceNotes: string[] } };
    }>(
      `{ compare(base: "ZZCLOSE", benchmark: "SPY", range: { from: "2025-01-01" }) { coverage { adjustedThroughout priceNotes } } }`,
    );
    expect(compare.coverage.adjustedThroughout).toBe(false);
    expect(await page.getByTestId("price-note").allTextContents()).toEqual(
      compare.coverage.priceNotes.map((n) => `not adjusted ${n}`),
    );
  });

  it("a write to the dataset makes the open view re-run its request and says the data updated", async () => {
    await open("/data");
    // the view's operation goes by its persisted hash (GET while the URL is short, else POST): find its hash
    const manifest = JSON.parse(
      readFileSync(new URL("../src/gql/persisted-documents.json", import.meta.url), "utf8"),
    ) as Record<string, string>;
    const dataView = Object.entries(manifest).find(([, text]) => /\bquery DataView\b/.test(text))![0];
    const posts: string[] = [];
    const onRequest = (r: { method(): string; url(): string; postData(): string | null }) => {
      if (r.url().startsWith(`${server.origin}/graphql`)) posts.push(`${r.url()} ${r.postData() ?? ""}`);
    };
    page.on("request", onRequest);
    try {
      // the app's one live stream is open: wait until the indicator says so
      await page.waitForSelector("[data-testid=live-status].live-live", { timeout: 10_000 });
      const [iwm] = await server.db.instruments.bySymbols(["IWM"]);
      await server.db.upsertBars(iwm!.id, [{ date: "2031-06-30", close: 321 }], { source: "demo" });
      const version = await server.db.dataVersion();
      await page.waitForSelector(`[data-testid=live-status][data-version="${version}"]`, { timeout: 5000 });
      expect(await page.getByTestId("live-status").textContent()).toMatch(/^data updated /);
      // the view re-ran its one operation and draws the new answer
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll("[data-testid=coverage-instrument] tbody tr")].some(
            (tr) => tr.textContent?.includes("IWM") && tr.textContent.includes("2031-06-30"),
          ),
        undefined,
        { timeout: 5000 },
      );
      expect(posts.filter((p) => p.includes(dataView))).toHaveLength(1);
    } finally {
      page.off("request", onRequest);
    }
  });

  it("raised no error in the page and asked nothing of any other host", () => {
    expect(pageErrors).toEqual([]);
    expect(elsewhere).toEqual([]);
  });

  it("the app sends persisted document hashes only, never a document's text (GET while the URL is short)", () => {
    expect(operations.length).toBeGreaterThan(5);
    for (const op of operations) {
      const url = new URL(op.url);
      const body = op.body ? JSON.parse(op.body) : {};
      const extensions = JSON.parse(url.searchParams.get("extensions") ?? "null") ?? body.extensions;
      expect(extensions?.persistedQuery?.sha256Hash, `${op.method} ${op.url} ${op.body}`).toMatch(
        /^[0-9a-f]{64}$/,
      );
      expect(url.searchParams.get("query")).toBeNull();
      expect(body.query).toBeUndefined();
    }
    expect(operations.some((op) => op.method === "GET")).toBe(true);
  });
});

describe.skipIf(!available)("the web app on a database without data", () => {
  let server: WebServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startWebServer({ seed: false });
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = (pathAndQuery: string) => openView(page, `${server.origin}${pathAndQuery}`);

  it("says what is missing instead of drawing empty axes", async () => {
    await open("/valuation");
    expect(await page.getByTestId("error").textContent()).toContain('Unknown instrument "IWM"');
    expect(await page.locator("[data-chart]").count()).toBe(0);

    await open("/rate-cycles");
    expect(await page.getByTestId("error").textContent()).toContain("NOT_FOUND");
    expect(await page.locator("[data-chart]").count()).toBe(0);

    await open("/data");
    expect(await page.getByTestId("dataset-label").textContent()).toContain("EMPTY");
    expect(await page.getByTestId("demo-badge").count()).toBe(0);
  });
});
