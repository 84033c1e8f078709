import { describe, expect, it } from "vitest";
import { fixture, quiet, scriptedFetch } from "../../test/helpers.js";
import { StooqProvider, stooqSymbol } from "./stooq.js";

const range = { from: "2024-09-01", to: "2024-09-30" };

describe("stooqSymbol", () => {
  it("maps tickers and indexes to Stooq's names", () => {
    expect(stooqSymbol("IWM")).toBe("iwm.us");
    expect(stooqSymbol("^GSPC")).toBe("^spx");
    expect(stooqSymbol("^RUT")).toBe("^rut");
    expect(stooqSymbol("^NDX")).toBe("^ndx");
    expect(stooqSymbol("spy.us")).toBe("spy.us");
  });
});

describe("StooqProvider", () => {
  it("reads the daily CSV; adjClose = close", async () => {
    const f = scriptedFetch({ body: fixture("stooq-iwm.us.csv"), type: "text/csv" });
    const res = await new StooqProvider(quiet(f)).fetchBars("IWM", range);
    expect(f.calls[0]).toBe("https://stooq.com/q/d/l/?s=iwm.us&i=d&d1=20240901&d2=20240930");
    expect(res.rows).toHaveLength(5);
    expect(res.rows[0]).toEqual({
      line: 2,
      row: {
        date: "2024-09-16",
        open: 218.12,
        high: 220.5,
        low: 217.8,
        close: 220.1,
        adjClose: 220.1,
        volume: 28410300,
      },
    });
  });

  it("reads an index without a Volume column", async () => {
    const f = scriptedFetch({ body: fixture("stooq-spx.csv") });
    const res = await new StooqProvider(quiet(f)).fetchBars("^GSPC", range);
    expect(f.calls[0]).toContain("s=%5Espx");
    expect(res.rows.map((r) => r.row.volume)).toEqual([null, null]);
  });

  it("reports 'No data' as an unknown symbol", async () => {
    const f = scriptedFetch({ body: fixture("stooq-no-data.txt") });
    const err = await new StooqProvider(quiet(f)).fetchBars("ZZZZ", range).catch((e) => e);
    expect(err.kind).toBe("unknown-symbol");
    expect(err.message).toMatch(/no data for "zzzz.us"/);
  });

  it("treats 'No data' for a few days as no rows (weekend)", async () => {
    const f = scriptedFetch({ body: "No data" });
    const res = await new StooqProvider(quiet(f)).fetchBars("IWM", { from: "2024-09-21", to: "2024-09-22" });
    expect(res.rows).toEqual([]);
  });

  it("rejects HTML, empty bodies and unexpected text", async () => {
    for (const [body, kind] of [
      [fixture("html-page.html"), "format"],
      ["", "empty"],
      ["Exceeded the daily hits limit", "format"],
    ] as const) {
      const err = await new StooqProvider(quiet(scriptedFetch({ body })))
        .fetchBars("IWM", range)
        .catch((e) => e);
      expect(err.kind).toBe(kind);
    }
  });

  it("retries 500s and fails after the retries", async () => {
    const f = scriptedFetch({ status: 500, body: "error" });
    const err = await new StooqProvider(quiet(f, { retries: 2 })).fetchBars("IWM", range).catch((e) => e);
    expect(err.kind).toBe("http");
    expect(f.calls).toHaveLength(3);
  });

  it("times out", async () => {
    const f = scriptedFetch("hang");
    const err = await new StooqProvider(quiet(f, { retries: 0, timeoutMs: 10 }))
      .fetchBars("IWM", range)
      .catch((e) => e);
    expect(err.kind).toBe("timeout");
  });

  it("returns invalid rows as rejections with their line", async () => {
    const body =
      "Date,Open,High,Low,Close,Volume\n2024-09-16,218.12,220.5,217.8,220.1,100\n2024-09-17,x,1,1,1,1\n";
    const res = await new StooqProvider(quiet(scriptedFetch({ body }))).fetchBars("IWM", range);
    expect(res.rejects).toEqual([{ file: "stooq:iwm.us", line: 3, reason: 'Open is not a number: "x"' }]);
  });
});
