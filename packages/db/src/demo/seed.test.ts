import { parseISODate, sahmIndicator } from "@cyclelens/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { epochDayToISO } from "../dates.js";
import { createTestDatabase, type TestDatabase, testBackends } from "../testing.js";
import { DEMO_END, generateDemoData } from "./generate.js";
import { seedDemo } from "./seed.js";

describe("demo generator", () => {
  const data = generateDemoData();

  it("is deterministic", () => {
    const again = generateDemoData();
    expect(again.instruments[3]!.bars.slice(-5)).toEqual(data.instruments[3]!.bars.slice(-5));
    expect(again.series[4]!.rows.slice(100, 105)).toEqual(data.series[4]!.rows.slice(100, 105));
  });

  it("has consistent OHLC, adjusted close ≤ close, no volume on indexes", () => {
    for (const inst of data.instruments) {
      for (const b of inst.bars) {
        expect(b.low!).toBeLessThanOrEqual(Math.min(b.open!, b.close));
        expect(b.high!).toBeGreaterThanOrEqual(Math.max(b.open!, b.close));
        expect(b.adjClose!).toBeLessThanOrEqual(b.close);
        expect(b.close).toBeGreaterThan(0);
      }
      const isIndex = inst.input.kind === "INDEX";
      expect(inst.bars.every((b) => (b.volume == null) === isIndex)).toBe(true);
      expect(inst.bars.at(-1)!.date).toBe(DEMO_END);
    }
  });

  it("has ≥ 25 years of history and IWM more volatile than SPY", () => {
    const by = new Map(data.instruments.map((i) => [i.input.symbol, i.bars]));
    const vol = (s: string) => {
      const c = by.get(s)!.map((b) => b.close);
      const r = c.slice(1).map((v, i) => Math.log(v / c[i]!));
      return Math.sqrt(r.reduce((a, x) => a + x * x, 0) / r.length);
    };
    expect(vol("IWM")).toBeGreaterThan(vol("SPY") * 1.1);
    expect(by.get("SPY")![0]!.date < "2001-11-20").toBe(true);
    expect(by.get("IWM")![0]!.date).toBe("2000-05-26");
    expect(by.get("KRE")![0]!.date).toBe("2006-06-22");
    // KRE: a peak in early 2022, down ~50 % into 2023, partial recovery
    const kre = by.get("KRE")!;
    const max = (from: string, to: string) =>
      Math.max(...kre.filter((b) => b.date >= from && b.date <= to).map((b) => b.close));
    const min = (from: string, to: string) =>
      Math.min(...kre.filter((b) => b.date >= from && b.date <= to).map((b) => b.close));
    const peak = max("2021-10-01", "2022-03-31");
    const trough = min("2023-01-01", "2023-12-31");
    expect(trough / peak).toBeLessThan(0.6);
    expect(kre.at(-1)!.close / trough).toBeGreaterThan(1.3);
    expect(kre.at(-1)!.close).toBeLessThan(peak);
  });

  it("follows the FOMC schedule and keeps DFF inside the range", () => {
    const code = (c: string) => data.series.find((s) => s.input.code === c)!.rows;
    const upper = new Map(code("DFEDTARU").map((r) => [r.date, r.value]));
    const lower = new Map(code("DFEDTARL").map((r) => [r.date, r.value]));
    expect(upper.get("2008-12-15")).toBe(1.0);
    expect(lower.get("2008-12-16")).toBe(0);
    expect(upper.get("2023-08-01")).toBe(5.5);
    expect(upper.get("2020-03-16")).toBe(0.25);
    for (const r of code("DFF")) {
      if (r.date < "2008-12-16") continue;
      expect(r.value).toBeGreaterThanOrEqual(lower.get(r.date)!);
      expect(r.value).toBeLessThanOrEqual(upper.get(r.date)!);
    }
  });

  it("has recent forward P/E near 16x for IWM and 21x for SPY", () => {
    const last = (s: string) => data.valuations.find((v) => v.symbol === s)!.rows.at(-1)!.forwardPE!;
    expect(last("IWM")).toBeGreaterThan(14.5);
    expect(last("IWM")).toBeLessThan(17.5);
    expect(last("SPY")).toBeGreaterThan(19.5);
    expect(last("SPY")).toBeLessThan(22.5);
  });
});

for (const backend of testBackends()) {
  describe(`seedDemo (${backend})`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(backend);
    });
    afterAll(async () => t?.cleanup());

    it("fills an empty database, flagged demo", async () => {
      const r = await seedDemo(t.db, { ifEmpty: true });
      expect(r.skipped).toBe(false);
      expect(r.bars.inserted).toBeGreaterThan(35_000);
      const cov = await t.db.dataset.coverage();
      expect(cov.dataset).toBe("demo");
      expect(cov.instruments.map((i) => i.symbol)).toEqual([
        "IWM",
        "KRE",
        "QQQ",
        "RSP",
        "SPY",
        "XLP",
        "XLY",
        "^GSPC",
        "^RUT",
      ]);
      expect(cov.series.map((s) => s.code)).toEqual([
        "DFEDTARL",
        "DFEDTARU",
        "DFF",
        "DGS10",
        "DGS2",
        "SAHMREALTIME",
        "UNRATE",
        "USREC",
      ]);
      expect(cov.instruments.every((i) => i.provenance === "demo" && i.lastDate === "2026-11-20")).toBe(true);
      expect((await t.db.ingestRuns.list({ provider: "demo" }))[0]?.status).toBe("ok");
    });

    it("returns exactly the 252 trading days of 2024 for IWM", async () => {
      const [iwm] = await t.db.instruments.bySymbols(["iwm"]);
      const bars = (await t.db.bars.forInstruments([iwm!.id], { from: "2024-01-01", to: "2024-12-31" })).get(
        iwm!.id,
      )!;
      expect(bars.dates).toHaveLength(252);
      expect(epochDayToISO(bars.dates[0]!)).toBe("2024-01-02");
      expect(epochDayToISO(bars.dates[251]!)).toBe("2024-12-31");
    });

    it("is idempotent: seeding twice keeps the row counts", async () => {
      const before = await t.db.dataset.coverage();
      expect((await seedDemo(t.db, { ifEmpty: true })).skipped).toBe(true);
      const forced = await seedDemo(t.db);
      expect(forced.bars).toMatchObject({ inserted: 0, updated: 0 });
      expect(forced.observations).toMatchObject({ inserted: 0, updated: 0 });
      expect(forced.valuations.inserted + forced.positioning.inserted).toBe(0);
      const after = await t.db.dataset.coverage();
      const rows = (c: typeof before) =>
        [...c.instruments, ...c.series, ...c.valuations, ...c.positioning].map((x) => x.rows);
      expect(rows(after)).toEqual(rows(before));
    });
  });
}

describe("demo macro series and market internals", () => {
  const data = generateDemoData();
  const rows = (c: string) => data.series.find((s) => s.input.code === c)!.rows;

  it("has monthly UNRATE, its Sahm indicator and the NBER months, dated the first of the month", () => {
    const unrate = rows("UNRATE");
    expect(unrate[0]!.date).toBe("1999-01-01");
    expect(unrate.at(-1)!.date).toBe("2026-10-01");
    expect(unrate).toHaveLength(334);
    const u = unrate.map((r) => r.value);
    const sahm = sahmIndicator({
      dates: Int32Array.from(unrate, (r) => parseISODate(r.date)),
      values: Float64Array.from(u),
    });
    const demo = new Map(rows("SAHMREALTIME").map((r) => [r.date, r.value]));
    expect(demo.size).toBe(334 - 14);
    unrate.forEach((r, i) => {
      if (i >= 14) expect(demo.get(r.date)).toBeCloseTo(sahm.values[i]!, 2);
    });
    const recession = rows("USREC")
      .filter((r) => r.value === 1)
      .map((r) => r.date.slice(0, 7));
    expect(recession).toHaveLength(8 + 18 + 2);
    expect(recession[0]).toBe("2001-04");
    expect(recession.at(-1)).toBe("2020-04");
  });

  it("has XLY, XLP and RSP (RSP from 2003-05, after its launch) to the demo's end", () => {
    const by = new Map(data.instruments.map((i) => [i.input.symbol, i]));
    expect(by.get("RSP")!.bars[0]!.date).toBe("2003-05-01");
    expect(by.get("RSP")!.input.benchmarkSymbol).toBe("SPY");
    for (const s of ["XLY", "XLP", "RSP"]) expect(by.get(s)!.bars.at(-1)!.date).toBe(DEMO_END);
  });
});
