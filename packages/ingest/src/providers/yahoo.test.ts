import { describe, expect, it } from "vitest";
import { fixture, quiet, scriptedFetch } from "../../test/helpers.js";
import { exchangeDate, YahooProvider } from "./yahoo.js";

const json = (name: string, status = 200) => ({ body: fixture(name), type: "application/json", status });

describe("exchangeDate", () => {
  it("uses the exchange's time zone, not the machine's", () => {
    // 2024-01-14 23:00 UTC = 2024-01-15 10:00 in Sydney
    expect(exchangeDate(Date.UTC(2024, 0, 14, 23) / 1000, "Australia/Sydney", 39600)).toBe("2024-01-15");
    // 2024-09-16 13:30 UTC = 09:30 in New York
    expect(exchangeDate(Date.UTC(2024, 8, 16, 13, 30) / 1000, "America/New_York", -14400)).toBe("2024-09-16");
    // falls back to the fixed offset for an unknown zone name
    expect(exchangeDate(Date.UTC(2024, 0, 14, 23) / 1000, "Mars/Olympus", 39600)).toBe("2024-01-15");
    expect(exchangeDate(Date.UTC(2024, 0, 14, 23) / 1000, undefined, 39600)).toBe("2024-01-15");
  });
});

describe("YahooProvider", () => {
  it("reads OHLCV, adjclose and events; skips null placeholders", async () => {
    const f = scriptedFetch(json("yahoo-iwm.json"));
    const res = await new YahooProvider(quiet(f)).fetchBars("IWM", { from: "2024-09-16", to: "2024-09-20" });
    expect(f.calls[0]).toBe(
      "https://query1.finance.yahoo.com/v8/finance/chart/IWM?period1=1726358400&period2=1726963200&interval=1d&events=div%2Csplit&includeAdjustedClose=true",
    );
    expect(res.rows.map((r) => r.row.date)).toEqual(["2024-09-16", "2024-09-17", "2024-09-18", "2024-09-20"]);
    expect(res.rows[0]!.row).toEqual({
      date: "2024-09-16",
      open: 218.12,
      high: 220.5,
      low: 217.8,
      close: 220.1,
      adjClose: 219.02,
      volume: 28410300,
    });
    expect(res.skipped).toBe(1);
    expect(res.meta).toEqual({ name: "iShares Russell 2000 ETF", kind: "ETF", inceptionDate: "2000-05-23" });
    expect(res.dividends).toEqual([{ date: "2024-09-25", amount: 0.48 }]);
  });

  it("dates an Australian listing in Sydney time, whatever TZ the machine has", async () => {
    const before = process.env.TZ;
    process.env.TZ = "America/Los_Angeles";
    try {
      const res = await new YahooProvider(quiet(scriptedFetch(json("yahoo-asx.json")))).fetchBars("STW.AX", {
        from: "2024-01-01",
        to: "2024-01-31",
      });
      expect(res.rows.map((r) => r.row.date)).toEqual(["2024-01-15", "2024-01-16"]);
      expect(res.splits).toEqual([{ date: "2024-01-16", numerator: 2, denominator: 1 }]);
    } finally {
      process.env.TZ = before;
    }
  });

  it("keeps only the asked range", async () => {
    const res = await new YahooProvider(quiet(scriptedFetch(json("yahoo-iwm.json")))).fetchBars("IWM", {
      from: "2024-09-17",
      to: "2024-09-18",
    });
    expect(res.rows.map((r) => r.row.date)).toEqual(["2024-09-17", "2024-09-18"]);
  });

  it("reports chart.error (HTTP 404) as an unknown symbol without retrying", async () => {
    const f = scriptedFetch(json("yahoo-unknown.json", 404));
    const err = await new YahooProvider(quiet(f)).fetchBars("NOPE", {}).catch((e) => e);
    expect(err.kind).toBe("unknown-symbol");
    expect(err.message).toMatch(/unknown symbol "NOPE" \(Not Found: No data found/);
    expect(f.calls).toHaveLength(1);
  });

  it("rejects HTML, empty bodies and answers without a result", async () => {
    for (const [body, kind] of [
      [fixture("html-page.html"), "format"],
      ["", "empty"],
      ['{"chart":{"result":[],"error":null}}', "format"],
    ] as const) {
      const err = await new YahooProvider(quiet(scriptedFetch({ body })))
        .fetchBars("IWM", { from: "2024-09-16", to: "2024-09-20" })
        .catch((e) => e);
      expect(err.kind).toBe(kind);
    }
  });

  it("retries 429/5xx then succeeds; times out after the retries", async () => {
    const f = scriptedFetch(
      { status: 429, body: "Too Many Requests" },
      { status: 502, body: "" },
      json("yahoo-gspc.json"),
    );
    const res = await new YahooProvider(quiet(f)).fetchBars("^GSPC", {
      from: "2024-09-16",
      to: "2024-09-17",
    });
    expect(res.rows).toHaveLength(2);
    expect(f.calls).toHaveLength(3);
    expect(f.calls[2]).toContain("/chart/%5EGSPC?");
    const g = scriptedFetch("hang");
    const err = await new YahooProvider(quiet(g, { retries: 1, timeoutMs: 10 }))
      .fetchBars("IWM", {})
      .catch((e) => e);
    expect(err.kind).toBe("timeout");
  });

  it("rejects a point with some prices missing, naming it", async () => {
    const body = JSON.parse(fixture("yahoo-gspc.json"));
    body.chart.result[0].indicators.quote[0].high[1] = null;
    const res = await new YahooProvider(quiet(scriptedFetch({ body: JSON.stringify(body) }))).fetchBars(
      "^GSPC",
      {
        from: "2024-09-16",
        to: "2024-09-17",
      },
    );
    expect(res.rows).toHaveLength(1);
    expect(res.rejects).toEqual([{ file: "yahoo:^GSPC", line: 2, reason: "2024-09-17: missing high" }]);
  });
});
