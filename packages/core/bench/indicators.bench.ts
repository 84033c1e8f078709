/**
 * Indicator benchmark: @cyclelens/core vs technicalindicators vs trading-signals vs a bare loop.
 *
 * Run: pnpm --filter @cyclelens/core bench   (node --expose-gc --import tsx bench/indicators.bench.ts)
 * Env: BENCH_N (points, default 1,000,000), BENCH_LIB_N (points given to the libraries, default
 * 100,000; their times are scaled linearly to BENCH_N and marked as such).
 *
 * Data: a deterministic pseudo-random walk (LCG) in one Float64Array, plus high/low for ATR. The
 * libraries take plain `number[]` (converted once, outside the timings). Each measurement: warm-up
 * runs, then the median of several timed runs, with a GC before each run.
 */
import { performance } from "node:perf_hooks";
import * as ti from "technicalindicators";
import * as ts from "trading-signals";
import { atr, bollingerBands, ema, macd, maxDrawdown, rsi, sma } from "../src/index.js";

const N = Number(process.env.BENCH_N ?? 1_000_000);
const LIB_N = Math.min(N, Number(process.env.BENCH_LIB_N ?? 100_000));
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const rand = lcg(20240918);
const close = new Float64Array(N);
const high = new Float64Array(N);
const low = new Float64Array(N);
let p = 100;
for (let i = 0; i < N; i++) {
  const open = p;
  p *= 1 + (rand() - 0.5) * 0.02;
  close[i] = p;
  high[i] = Math.max(open, p) * (1 + rand() * 0.005);
  low[i] = Math.min(open, p) * (1 - rand() * 0.005);
}
const libClose = Array.from(close.subarray(0, LIB_N));
const libHigh = Array.from(high.subarray(0, LIB_N));
const libLow = Array.from(low.subarray(0, LIB_N));
const libCandles = libClose.map((c, i) => ({ high: libHigh[i]!, low: libLow[i]!, close: c }));

let sink = 0; // keeps results alive so the work is not optimised away
function consume(x: unknown) {
  if (x instanceof Float64Array) sink += x[x.length - 1]! || 0;
  else if (Array.isArray(x)) sink += x.length;
  else if (typeof x === "number") sink += x;
  else if (x && typeof x === "object") sink += Object.keys(x).length;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
function time(fn: () => unknown, warmup: number, runs: number): number {
  for (let i = 0; i < warmup; i++) consume(fn());
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const t0 = performance.now();
    const r = fn();
    t.push(performance.now() - t0);
    consume(r);
  }
  return median(t);
}
const ours = (fn: () => unknown) => time(fn, 5, 11);
/** Library time for LIB_N points, scaled to N. */
const lib = (fn: () => unknown) => (time(fn, 1, 5) * N) / LIB_N;

function bareLoop(): number {
  let s = 0;
  for (let i = 0; i < close.length; i++) s += close[i]!;
  return s;
}
function tsBatch<T>(ind: { add(x: T): unknown }, xs: T[]) {
  let last: unknown;
  for (const x of xs) last = ind.add(x);
  return last;
}

const bare = ours(bareLoop);
type Row = { name: string; ours: number; ti?: number; ts?: number };
const rows: Row[] = [
  {
    name: "SMA(20)",
    ours: ours(() => sma(close, 20)),
    ti: lib(() => ti.SMA.calculate({ period: 20, values: libClose })),
    ts: lib(() => tsBatch(new ts.SMA(20), libClose)),
  },
  {
    name: "EMA(20)",
    ours: ours(() => ema(close, 20)),
    ti: lib(() => ti.EMA.calculate({ period: 20, values: libClose })),
    ts: lib(() => tsBatch(new ts.EMA(20), libClose)),
  },
  {
    name: "RSI(14)",
    ours: ours(() => rsi(close, 14)),
    ti: lib(() => ti.RSI.calculate({ period: 14, values: libClose })),
    ts: lib(() => tsBatch(new ts.RSI(14), libClose)),
  },
  {
    name: "Bollinger(20, 2)",
    ours: ours(() => bollingerBands(close, 20, 2)),
    ti: lib(() => ti.BollingerBands.calculate({ period: 20, stdDev: 2, values: libClose })),
    ts: lib(() => tsBatch(new ts.BollingerBands(20, 2), libClose)),
  },
  {
    name: "MACD(12, 26, 9)",
    ours: ours(() => macd(close, 12, 26, 9)),
    ti: lib(() =>
      ti.MACD.calculate({
        values: libClose,
        fastPeriod: 12,
        slowPeriod: 26,
        signalPeriod: 9,
        SimpleMAOscillator: false,
        SimpleMASignal: false,
      }),
    ),
    ts: lib(() => tsBatch(new ts.MACD(new ts.EMA(12), new ts.EMA(26), new ts.EMA(9)), libClose)),
  },
  {
    name: "ATR(14)",
    ours: ours(() => atr(high, low, close, 14)),
    ti: lib(() => ti.ATR.calculate({ high: libHigh, low: libLow, close: libClose, period: 14 })),
    ts: lib(() => tsBatch(new ts.ATR(14), libCandles)),
  },
  { name: "Max drawdown", ours: ours(() => maxDrawdown(close)) },
];

const fmt = (ms: number | undefined) =>
  ms === undefined ? "n/a" : ms >= 100 ? ms.toFixed(0) : ms.toFixed(2);
const ratio = (x: number | undefined, y: number) => (x === undefined ? "n/a" : `${(x / y).toFixed(1)}×`);
const scaled = LIB_N < N ? ` (measured on ${LIB_N.toLocaleString("en-US")} points, ×${N / LIB_N})` : "";
const lines = [
  `Node ${process.version}, ${N.toLocaleString("en-US")} points, median of timed runs; times in ms.`,
  `Library times${scaled || " measured on the full series"}.`,
  "",
  "| Computation | @cyclelens/core | technicalindicators | trading-signals | speed-up vs technicalindicators | speed-up vs trading-signals | ours / bare loop |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  `| Bare loop (sum) | ${fmt(bare)} | | | | | 1.0× |`,
  ...rows.map(
    (r) =>
      `| ${r.name} | ${fmt(r.ours)} | ${fmt(r.ti)} | ${fmt(r.ts)} | ${ratio(r.ti, r.ours)} | ${ratio(r.ts, r.ours)} | ${(r.ours / bare).toFixed(1)}× |`,
  ),
];
console.log(lines.join("\n"));
if (sink === 42) console.log("");
