/**
 * The uncached fast path: with the history cache off, `series` and `bars` read only their range (window reads,
 * one statement for every instrument of the request); every answer must equal, to the last digit, the answer of
 * a server that slices the cached whole history. Random ranges (a seeded PRNG, so a failure is reproducible):
 * ranges starting before the data (KRE starts in 2006), ending after it, open at either end, holding no trading
 * day, pages of the bars connection; the analytics (SMA, EMA, RSI, MACD, Bollinger, ROC, ATR, performance with
 * its drawdown) with random periods alongside, since they share the request.
 */
import { formatISODate, isoToEpochDay } from "@cyclelens/core";
import { testBackends } from "@cyclelens/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { type RunningServer, startServer } from "../src/server.js";
import { startTestServer, type TestServer } from "./helpers.js";

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIELDS = ["OPEN", "HIGH", "LOW", "CLOSE", "ADJ_CLOSE", "VOLUME"];

describe.each(testBackends())("fast path on %s", (backend) => {
  let cached: TestServer;
  let uncached: RunningServer;

  beforeAll(async () => {
    cached = await startTestServer(backend);
    uncached = await startServer({
      db: cached.db,
      config: loadConfig({
        PORT: "0",
        LOG_LEVEL: "silent",
        NODE_ENV: "development",
        CYCLELENS_CACHE_ENTRIES: "0",
        // the fast path itself: no response cache in front of it (its key would add the dataset version's read)
        CYCLELENS_RESPONSE_CACHE: "off",
      }),
    });
  }, 180_000);
  afterAll(async () => {
    await uncached?.close(1000);
    await cached?.close();
  });

  async function post(url: string, query: string): Promise<{ data?: unknown; errors?: unknown[] }> {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify({ query }),
    });
    return (await res.json()) as never;
  }

  function randomRange(random: () => number): string {
    // 1998 (before every instrument) to 2027 (after the data), spans from one day to 12 years
    const from = isoToEpochDay("1998-01-01") + Math.floor(random() * 30 * 365);
    const to = from + Math.floor(random() ** 2 * 12 * 365);
    const shape = random();
    if (shape < 0.1) return "{}";
    if (shape < 0.2) return `{ from: "${formatISODate(from)}" }`;
    if (shape < 0.3) return `{ to: "${formatISODate(to)}" }`;
    if (shape < 0.35) {
      // a Saturday and the Sunday after it: no trading day inside
      const saturday = from + ((2 - (from % 7) + 7) % 7);
      return `{ from: "${formatISODate(saturday)}", to: "${formatISODate(saturday + 1)}" }`;
    }
    return `{ from: "${formatISODate(from)}", to: "${formatISODate(to)}" }`;
  }

  it("gives the same answers with window reads as with the cached whole history", async () => {
    const random = prng(2026);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    for (let round = 0; round < 24; round++) {
      const symbol = pick(["IWM", "KRE", "SPY", "^RUT", "QQQ"]);
      const fields: string[] = [];
      // odd rounds: only the fields that read windows; even rounds: with analytics reading whole histories
      for (let f = 0; f < (round % 2 ? 2 : 4); f++) {
        const range = randomRange(random);
        const period = 1 + Math.floor(random() ** 2 * 300);
        switch (f) {
          case 0:
            fields.push(`s${f}: series(field: ${pick(FIELDS)}, range: ${range}) { date value }`);
            break;
          case 1: {
            const page = random() < 0.5 ? `first: ${1 + Math.floor(random() * 400)}` : "";
            fields.push(
              `b${f}: bars(range: ${range} ${page}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { date open high low close adjClose volume } } }`,
            );
            break;
          }
          case 2:
            fields.push(
              `sma: sma(period: ${period}, range: ${range}) { date value } ema: ema(period: ${period}, range: ${range}) { value }`,
              `rsi: rsi(period: ${1 + (period % 50)}, range: ${range}) { value } roc: roc(period: ${period}, range: ${range}) { value }`,
              `macd: macd(range: ${range}) { histogram } bb: bollinger(period: ${1 + (period % 100)}, range: ${range}) { middle upper lower } atr: atr(range: ${range}) { value }`,
            );
            break;
          default:
            fields.push(
              `performance(range: ${range}) { startDate endDate totalReturn cagr volatility sharpe maxDrawdown { depth peakDate troughDate recoveryDate } }`,
            );
        }
      }
      // a second page after the first one's end cursor, asked of both servers
      const query = `{ instrument(symbol: "${symbol}") { ${fields.join("\n")} } }`;
      const [a, b] = await Promise.all([post(cached.url, query), post(uncached.url, query)]);
      expect(b, query).toEqual(a);
      expect(Array.isArray((a.data as { instrument: { s0: unknown } }).instrument.s0), query).toBe(true);
      const bars = (a.data as { instrument: Record<string, { pageInfo?: { endCursor: string | null } }> })
        ?.instrument?.b1;
      const cursor = bars?.pageInfo?.endCursor;
      if (cursor) {
        const next = query.replace(
          /bars\(range: ([^)]*?)( first: \d+)? \)/,
          `bars(range: $1 first: 50, after: "${cursor}")`,
        );
        const [c, d] = await Promise.all([post(cached.url, next), post(uncached.url, next)]);
        expect(d, next).toEqual(c);
      }
    }
  }, 240_000);

  it("answers series with the stored rows of the range, read in one statement for any number of instruments", async () => {
    const range = { from: "2021-11-20", to: "2026-11-20" };
    const symbols = ["IWM", "SPY", "KRE"];
    const query = (list: string[]) =>
      `{ ${list.map((s, i) => `i${i}: instrument(symbol: "${s}") { series(range: { from: "${range.from}", to: "${range.to}" }) { date value } }`).join(" ")} }`;
    const counted = async (list: string[]) => {
      let statements = 0;
      const off = cached.db.onQuery(() => {
        statements++;
      });
      try {
        const body = await post(uncached.url, query(list));
        expect(body.errors).toBeUndefined();
        return {
          statements,
          data: body.data as Record<string, { series: { date: string; value: number }[] }>,
        };
      } finally {
        off();
      }
    };
    const one = await counted(symbols.slice(0, 1));
    const three = await counted(symbols);
    expect(three.statements).toBe(one.statements);
    // the instrument list, then ONE window read of the bars
    expect(one.statements).toBe(2);
    const instruments = await cached.db.instruments.bySymbols(symbols);
    const whole = await cached.db.bars.forInstruments(instruments.map((i) => i.id));
    symbols.forEach((symbol, k) => {
      const bars = whole.get(instruments.find((i) => i.symbol === symbol)!.id)!;
      const expected: { date: string; value: number }[] = [];
      bars.dates.forEach((d, i) => {
        const date = formatISODate(d);
        if (date >= range.from && date <= range.to) expected.push({ date, value: bars.adjClose[i]! });
      });
      expect(three.data[`i${k}`]!.series).toEqual(expected);
    });
  });
});
