/** Writes behind a key: disabled without CYCLELENS_WRITE_KEY, refused without the right header, all-or-nothing. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCode, startTestServer, type TestServer } from "./helpers.js";

const KEY = "test-key-0123456789abcdef";
const RECORD = `mutation($rows: [ValuationSnapshotInput!]!) {
  recordValuations(symbol: "IWM", source: "analyst", snapshots: $rows) { inserted updated unchanged }
}`;

async function post(s: TestServer, query: string, variables: Record<string, unknown>, key?: string) {
  const res = await fetch(s.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { "x-cyclelens-key": key } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as {
    data?: Record<string, Record<string, unknown>> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

describe("writes", () => {
  let open: TestServer;
  let readOnly: TestServer;
  beforeAll(async () => {
    open = await startTestServer("sqlite", { CYCLELENS_WRITE_KEY: KEY });
    readOnly = await startTestServer("sqlite", {}, { seed: false });
  }, 180_000);
  afterAll(async () => {
    await open?.close();
    await readOnly?.close();
  });

  const rows = [
    { date: "2026-11-20", forwardPE: 15.9, trailingPE: 19.5 },
    { date: "2026-10-31", forwardPE: 16.2 },
  ];

  it("is disabled when no key is configured", async () => {
    const body = await post(readOnly, RECORD, { rows }, KEY);
    expect(errorCode(body as never)).toBe("FORBIDDEN");
  });

  it("refuses a missing or wrong key", async () => {
    expect(errorCode((await post(open, RECORD, { rows })) as never)).toBe("UNAUTHENTICATED");
    expect(errorCode((await post(open, RECORD, { rows }, "wrong-key-wrong-key")) as never)).toBe(
      "UNAUTHENTICATED",
    );
  });

  it("validates every row and writes nothing when one is bad", async () => {
    const bad = await post(open, RECORD, { rows: [...rows, { date: "2026-09-30", forwardPE: -3 }] }, KEY);
    expect(errorCode(bad as never)).toBe("BAD_USER_INPUT");
    expect(bad.errors![0]!.message).toContain("snapshots[0].forwardPE");
    const dup = await post(open, RECORD, { rows: [rows[0], rows[0]] }, KEY);
    expect(dup.errors![0]!.message).toContain("appears twice");
    const demo = await post(open, RECORD.replace('"analyst"', '"demo"'), { rows }, KEY);
    expect(errorCode(demo as never)).toBe("BAD_USER_INPUT");
    const check = await open.gql<{ instrument: { valuationHistory: { source: string }[] } }>(
      '{ instrument(symbol: "IWM") { valuationHistory(range: { from: "2026-09-01" }) { source } } }',
    );
    expect(check.body.data!.instrument.valuationHistory.every((v) => v.source === "demo")).toBe(true);
  });

  it("stores valuations and positioning with the right key, idempotently", async () => {
    const first = await post(open, RECORD, { rows }, KEY);
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordValuations).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    const again = await post(open, RECORD, { rows }, KEY);
    expect(again.data!.recordValuations).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
    const latest = await open.gql<{
      instrument: { valuation: { date: string; forwardPE: number; source: string } };
    }>('{ instrument(symbol: "IWM") { valuation { date forwardPE source } } }');
    expect(latest.body.data!.instrument.valuation).toEqual({
      date: "2026-11-20",
      forwardPE: 15.9,
      source: "analyst",
    });

    const pos = await post(
      open,
      `mutation { recordPositioning(segment: "mid_cap", unit: "net_pct_overweight", source: "survey", observations: [{ date: "2026-10-31", value: -4 }, { date: "2026-11-20", value: 2 }]) { inserted } }`,
      {},
      KEY,
    );
    expect(pos.data!.recordPositioning).toEqual({ inserted: 2 });
    const read = await open.gql<{
      positioning: { source: string; isDemo: boolean; current: { value: number } };
    }>('{ positioning(segment: "mid_cap") { source isDemo current { value } } }');
    expect(read.body.data!.positioning).toEqual({ source: "survey", isDemo: false, current: { value: 2 } });
  });
});
