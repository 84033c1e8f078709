import { describe, expect, it } from "vitest";
import { fixture, quiet, routedFetch, scriptedFetch } from "../../test/helpers.js";
import { FredProvider } from "./fred.js";

const range = { from: "2024-09-16", to: "2024-10-31" };

describe("FredProvider without a key (fredgraph.csv)", () => {
  it("reads the CSV download, skipping '.'/empty values", async () => {
    const f = scriptedFetch({ body: fixture("fred-DGS10.csv"), type: "text/csv" });
    const fred = new FredProvider(quiet(f));
    const res = await fred.fetchSeries("DGS10", range);
    expect(f.calls[0]).toBe(
      "https://fred.stlouisfed.org/graph/fredgraph.csv?id=DGS10&cosd=2024-09-16&coed=2024-10-31",
    );
    expect(res.rows.map((r) => r.row)).toEqual([
      { date: "2024-09-16", value: 3.63 },
      { date: "2024-09-17", value: 3.65 },
      { date: "2024-09-18", value: 3.7 },
      { date: "2024-09-19", value: 3.73 },
      { date: "2024-09-20", value: 3.73 },
      { date: "2024-09-23", value: 3.75 },
      { date: "2024-10-15", value: 4.03 },
    ]);
    expect(res.skipped).toBe(1);
    expect(res.rejects).toEqual([]);
    expect(res.rows[6]!.line).toBe(9);
  });

  it("accepts the older DATE header", async () => {
    const f = scriptedFetch({ body: fixture("fred-DFF-old-header.csv") });
    const res = await new FredProvider(quiet(f)).fetchSeries("DFF", range);
    expect(res.rows).toHaveLength(5);
  });

  it("retries a 500 and then succeeds", async () => {
    const f = scriptedFetch(
      { status: 500, body: "Internal Server Error" },
      { body: fixture("fred-DGS10.csv") },
    );
    const res = await new FredProvider(quiet(f)).fetchSeries("DGS10", range);
    expect(res.rows).toHaveLength(7);
    expect(f.calls).toHaveLength(2);
  });

  it("reports a 404 as an unknown series, without retrying", async () => {
    const f = scriptedFetch({ status: 404, body: "Not Found" });
    const err = await new FredProvider(quiet(f)).fetchSeries("NOPE", range).catch((e) => e);
    expect(err.kind).toBe("unknown-symbol");
    expect(err.message).toMatch(/unknown series "NOPE"/);
    expect(f.calls).toHaveLength(1);
  });

  it("rejects an HTML page instead of CSV", async () => {
    const f = scriptedFetch({ body: fixture("html-page.html"), type: "text/html" });
    const err = await new FredProvider(quiet(f)).fetchSeries("DGS10", range).catch((e) => e);
    expect(err.kind).toBe("format");
    expect(err.message).toMatch(/expected CSV for DGS10, got an HTML page/);
  });

  it("rejects an empty body", async () => {
    const f = scriptedFetch({ body: "" });
    const err = await new FredProvider(quiet(f)).fetchSeries("DGS10", range).catch((e) => e);
    expect(err.kind).toBe("empty");
  });

  it("rejects a CSV for another series", async () => {
    const f = scriptedFetch({ body: fixture("fred-DGS10.csv") });
    const err = await new FredProvider(quiet(f)).fetchSeries("DGS2", range).catch((e) => e);
    expect(err.kind).toBe("format");
    expect(err.message).toMatch(/unexpected CSV header/);
  });

  it("times out after the retries", async () => {
    const f = scriptedFetch("hang");
    const err = await new FredProvider(quiet(f, { retries: 1, timeoutMs: 10 }))
      .fetchSeries("DGS10", range)
      .catch((e) => e);
    expect(err.kind).toBe("timeout");
    expect(f.calls).toHaveLength(2);
  });
});

describe("FredProvider with FRED_API_KEY (JSON API)", () => {
  it("reads observations and metadata", async () => {
    const f = routedFetch({
      "/series/observations?": { body: fixture("fred-api-observations.json"), type: "application/json" },
      "/series?": { body: fixture("fred-api-series.json"), type: "application/json" },
    });
    const fred = new FredProvider({ ...quiet(f), apiKey: "k3y" });
    expect(fred.mode).toBe("api");
    const res = await fred.fetchSeries("DFEDTARU", { from: "2024-09-16", to: "2024-09-20" });
    expect(f.calls[0]).toContain(
      "series_id=DFEDTARU&api_key=k3y&file_type=json&observation_start=2024-09-16",
    );
    expect(res.rows.map((r) => r.row.value)).toEqual([5.5, 5.5, 5, 5]);
    expect(res.skipped).toBe(1);
    expect(await fred.fetchMeta("DFEDTARU")).toEqual({
      code: "DFEDTARU",
      title: "Federal Funds Target Range - Upper Limit",
      unit: "Percent",
      frequency: "Daily, 7-Day",
    });
  });

  it("turns FRED's 400 'series does not exist' into an unknown series", async () => {
    const f = scriptedFetch({ status: 400, body: fixture("fred-api-error.json"), type: "application/json" });
    const err = await new FredProvider({ ...quiet(f), apiKey: "k3y" })
      .fetchSeries("NOPE", range)
      .catch((e) => e);
    expect(err.kind).toBe("unknown-symbol");
    expect(err.message).toContain("The series does not exist");
    expect(err.message).not.toContain("k3y");
  });

  it("rejects HTML instead of JSON", async () => {
    const f = scriptedFetch({ body: fixture("html-page.html"), type: "text/html" });
    const err = await new FredProvider({ ...quiet(f), apiKey: "k" })
      .fetchSeries("DFF", range)
      .catch((e) => e);
    expect(err.kind).toBe("format");
    expect(err.message).toMatch(/expected JSON for DFF, got an HTML\/XML page/);
  });
});
