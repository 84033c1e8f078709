/**
 * Indicator benchmark: @cyclelens/core vs technicalindicators, trading-signals, @ixjb94/indicators and
 * @debut/indicators vs a bare loop, in batch (whole series) and streaming (one update per value) form.
 *
 * Run: pnpm --filter @cyclelens/core bench   (node --expose-gc --import tsx bench/indicators.bench.ts)
 * Env: BENCH_CLOCK=cpu (time runs by the process's CPU time instead of wall time; see `now`),
 * BENCH_N (points, default 1,000,000), BENCH_LIB_N (points given to technicalindicators,
 * default 100,000 — its generator-based batch APIs take seconds on 1M points; its times are scaled
 * linearly to BENCH_N and marked as such), BENCH_ROUNDS (default 5) and BENCH_RUNS (timed runs per
 * round, default 9). trading-signals runs on the full BENCH_N points: scaled 100,000-point runs
 * misstate it (barely warmed up they are slower per point than 1M runs; fully optimised, some
 * indicators run ~6× faster per point than on 1M).
 *
 * Data: a deterministic pseudo-random walk (LCG) in one Float64Array, plus high/low for ATR. The
 * libraries take plain `number[]` (converted once, outside the timings).
 *
 * Method (built for a noisy shared machine): every computation of ours gets warm-up runs first,
 * then BENCH_ROUNDS rounds; each round times every computation BENCH_RUNS times, so a burst of load from
 * another process spreads over all rows instead of hitting one. No GC is forced before a timed run
 * (BENCH_GC=each restores that): measured 2026-11-28, a forced full GC before each run slows the first
 * pass of a hot per-value loop after it 2–5× (SmaStream.update 5.9 → 11.3 ns, 7.3 → 34.8 ns with a million
 * live objects on the heap), which inflated the streaming rows, and so the trading-signals and
 * @debut/indicators batch rows built from them, for every library alike; garbage from allocating runs is
 * collected as the program goes, as in an application.
 * We report the median and the minimum of all timed runs. Two modes for our indicators:
 * - "fresh": the default call, allocating its output array(s) (what most callers do);
 * - "reused": the same call writing into caller-provided buffers (`{ out }` options).
 * The goal baseline, "bare loop", is one pass summing the input Float64Array (reads 8 MB, writes
 * nothing). A second, clearly separate reference, "bare copy loop", reads the input and writes one
 * preallocated output array — the memory traffic of the cheapest possible single-output indicator.
 * Ratios (speed-ups vs the libraries, ours / bare loop): median / median and min / min.
 * "Floor" rows allocate k fresh output arrays and write each once: what any fresh k-output kernel pays
 * before computing anything (page faults of new memory), the reference for the multi-output goals.
 * @ixjb94/indicators runs its synchronous batch API (IndicatorsSync, number[] in, number[] out);
 * @debut/indicators is streaming-only, so its batch is a loop of nextValue (like trading-signals' add).
 * Streaming table: our streaming forms (`update`) against trading-signals' `add` and @debut's
 * `nextValue`, all fed the same 1,000,000 values one by one, interleaved round by round (BENCH_STREAM_ROUNDS,
 * default 7); reported per update.
 */
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import * as debut from "@debut/indicators";
import { IndicatorsSync } from "@ixjb94/indicators";
import * as ti from "technicalindicators";
import * as ts from "trading-signals";
import {
  AtrStream,
  atr,
  BollingerStream,
  bollingerBands,
  EmaStream,
  ema,
  MacdStream,
  macd,
  maxDrawdown,
  RocStream,
  RsiStream,
  rsi,
  SmaStream,
  sma,
  WmaStream,
} from "../src/index.js";

const N = Number(process.env.BENCH_N ?? 1_000_000);
const LIB_N = Math.min(N, Number(process.env.BENCH_LIB_N ?? 100_000));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const WARMUP = 10;
const STREAM_ROUNDS = Number(process.env.BENCH_STREAM_ROUNDS ?? 7);
const gc = (globalThis as { gc?: () => void }).gc;
const GC_EACH = process.env.BENCH_GC === "each";
if (GC_EACH && !gc) console.warn("warning: BENCH_GC=each needs --expose-gc (pnpm bench passes it)");
const collect = GC_EACH && gc ? gc : () => {};

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
const fullClose = Array.from(close);
const fullCandles = fullClose.map((c, i) => ({ high: high[i]!, low: low[i]!, close: c }));

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
interface Stat {
  median: number;
  min: number;
}
const stat = (xs: number[]): Stat => ({ median: median(xs), min: Math.min(...xs) });

/** Timed runs of `fn` (each after a GC with BENCH_GC=each). */
/**
 * The clock: wall time (default), or with BENCH_CLOCK=cpu the process's CPU time (user + system,
 * microseconds) — on a shared machine, time spent waiting for a CPU behind other processes inflates
 * short runs far more than long ones (a fixed wait per run), which distorts the ratios; CPU time leaves
 * that wait out (cache and core sharing still inflate it).
 */
const CPU_CLOCK = process.env.BENCH_CLOCK === "cpu";
function now(): number {
  if (!CPU_CLOCK) return performance.now();
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
function sample(fn: () => unknown, runs: number, into: number[]): void {
  for (let i = 0; i < runs; i++) {
    collect();
    const t0 = now();
    const r = fn();
    into.push(now() - t0);
    consume(r);
  }
}

// Reused output buffers (allocated and touched once, outside the timings).
const buf = () => new Float64Array(N).fill(0);
const b1 = buf();
const b2 = buf();
const b3 = buf();
const b4 = buf();

function bareLoop(): number {
  let s = 0;
  for (let i = 0; i < close.length; i++) s += close[i]!;
  return s;
}
function bareCopyLoop(): Float64Array {
  const out = b1;
  for (let i = 0; i < close.length; i++) out[i] = close[i]!;
  return out;
}

interface Case {
  name: string;
  fresh: () => unknown;
  reused?: () => unknown;
  ti?: () => unknown;
  ix?: () => unknown;
}
const ix = new IndicatorsSync();
const fullHigh = Array.from(high);
const fullLow = Array.from(low);
/** The fresh-output floor: allocate k output arrays of N and write each once (what any fresh k-output kernel must pay). */
function freshFloor(k: number): () => unknown {
  return () => {
    const outs: Float64Array[] = [];
    for (let j = 0; j < k; j++) {
      const o = new Float64Array(N);
      for (let i = 0; i < N; i++) o[i] = close[i]!;
      outs.push(o);
    }
    return outs[k - 1];
  };
}
const cases: Case[] = [
  { name: "Floor: 1 fresh output array, written once (reference only)", fresh: freshFloor(1) },
  { name: "Floor: 3 fresh output arrays (reference only)", fresh: freshFloor(3) },
  { name: "Floor: 4 fresh output arrays (reference only)", fresh: freshFloor(4) },
  {
    name: "SMA(20)",
    fresh: () => sma(close, 20),
    reused: () => sma(close, 20, { out: b1 }),
    ti: () => ti.SMA.calculate({ period: 20, values: libClose }),
    ix: () => ix.sma(fullClose, 20),
  },
  {
    name: "EMA(20)",
    fresh: () => ema(close, 20),
    reused: () => ema(close, 20, { out: b1 }),
    ti: () => ti.EMA.calculate({ period: 20, values: libClose }),
    ix: () => ix.ema(fullClose, 20),
  },
  {
    name: "RSI(14)",
    fresh: () => rsi(close, 14),
    reused: () => rsi(close, 14, { out: b1 }),
    ti: () => ti.RSI.calculate({ period: 14, values: libClose }),
    ix: () => ix.rsi(fullClose, 14),
  },
  {
    name: "Bollinger(20, 2)",
    fresh: () => bollingerBands(close, 20, 2),
    reused: () => bollingerBands(close, 20, 2, { out: { middle: b1, upper: b2, lower: b3, percentB: b4 } }),
    ti: () => ti.BollingerBands.calculate({ period: 20, stdDev: 2, values: libClose }),
    ix: () => ix.bbands(fullClose, 20, 2),
  },
  {
    name: "Bollinger(20, 2), bands only (`percentB: false`)",
    fresh: () => bollingerBands(close, 20, 2, { percentB: false }),
    reused: () =>
      bollingerBands(close, 20, 2, { percentB: false, out: { middle: b1, upper: b2, lower: b3 } }),
  },
  {
    name: "MACD(12, 26, 9)",
    fresh: () => macd(close, 12, 26, 9),
    reused: () => macd(close, 12, 26, 9, { out: { macd: b1, signal: b2, histogram: b3 } }),
    ti: () =>
      ti.MACD.calculate({
        values: libClose,
        fastPeriod: 12,
        slowPeriod: 26,
        signalPeriod: 9,
        SimpleMAOscillator: false,
        SimpleMASignal: false,
      }),
    ix: () => ix.macd(fullClose, 12, 26, 9),
  },
  {
    name: "ATR(14)",
    fresh: () => atr(high, low, close, 14),
    reused: () => atr(high, low, close, 14, { out: b1 }),
    ti: () => ti.ATR.calculate({ high: libHigh, low: libLow, close: libClose, period: 14 }),
    ix: () => ix.atr(fullHigh, fullLow, fullClose, 14),
  },
  { name: "Max drawdown (no output array)", fresh: () => maxDrawdown(close) },
];

/**
 * Streaming: one run feeds all N values through update() / add() / nextValue(); reported per update.
 * Each row has its own loop, so every call site sees one class (monomorphic, as in an app): a shared
 * helper would make the call megamorphic and slow every library down alike.
 */
interface StreamCase {
  name: string;
  ours: () => unknown;
  ts?: () => unknown;
  debut?: () => unknown;
}
const streams: StreamCase[] = [
  {
    name: "SMA(20)",
    ours: () => {
      const s = new SmaStream(20);
      let last = 0;
      for (let i = 0; i < N; i++) last = s.update(close[i]!);
      return last;
    },
    ts: () => {
      const s = new ts.SMA(20);
      let last: unknown;
      for (let i = 0; i < N; i++) last = s.add(fullClose[i]!);
      return last;
    },
    debut: () => {
      const s = new debut.SMA(20);
      let last: unknown;
      for (let i = 0; i < N; i++) last = s.nextValue(fullClose[i]!);
      return last;
    },
  },
  {
    name: "EMA(20)",
    ours: () => {
      const s = new EmaStream(20);
      let last = 0;
      for (let i = 0; i < N; i++) last = s.update(close[i]!);
      return last;
    },
    ts: () => {
      const s = new ts.EMA(20);
      let last: unknown;
      for (let i = 0; i < N; i++) last = s.add(fullClose[i]!);
      return last;
    },
    debut: () => {
      const s = new debut.EMA(20);
      let last: unknown;
      for (let i = 0; i < N; i++) last = s.nextValue(fullClose[i]!);
      return last;
    },
  },
  {
    name: "WMA(20)",
    ours: () => {
      const s = new WmaStream(20);
      let last = 0;
      for (let i = 0; i < N; i++) last = s.update(close[i]!);
      return last;
    },
    ts: () => {
      const s = new ts.WMA(20);
      let last: unknown;
      for (let i = 0; i < N; i++) last = s.add(fullClose[i]!);
      return last;
    },
    debut: () => {
      const s = new debut.LWMA(20);
      let last: unknown;
      for (let i = 0; i < N; i++) last = s.nextValue(fullClose[i]!);
      return last;
    },
  },
  {
    name: "RSI(14)",
    ours: () => {
      const s = new RsiStream(14);
      let last = 0;
      for (let i = 0; i < N; i++) last = s.update(close[i]!);
      return last;
    },
    ts: () => {
      const s = new ts.RSI(14);
      let last: unknown;
      for (let i = 0; i < N; i++) last = s.add(fullClose[i]!);
      return last;
    },
    debut: () => {
      const s = new debut.RSI(14);
      let last: unknown;
      for (let i = 0; i < N; i++) last = s.nextValue(fullClose[i]!);
      return last;
    },
  },
  {
    name: "MACD(12, 26, 9)",
    ours: () => {
      const s = new MacdStream(12, 26, 9);
      let last: unknown;
      for (let i = 0; i < N; i++) last = s.update(close[i]!);
      return last;
    },
    ts: () => {
      const s = new ts.MACD(new ts.EMA(12), new ts.EMA(26), new ts.EMA(9));
      let last: unknown;
      for (let i = 0; i < N; i++) last = s.add(fullClose[i]!);
      return last;
    },
    debut: () => {
      const s = new debut.MACD(12, 26, 9);
      let last: unknown;
      for (let i = 0; i < N; i++) last = s.nextValue(fullClose[i]!);
      return last;
    },
  },
  {
    name: "Bollinger(20, 2)",
    ours: () => {
      const s = new BollingerStream(20, 2);
      let last: unknown;
      for (let i = 0; i < N; i++) last = s.update(close[i]!);
      return last;
    },
    ts: () => {
      const s = new ts.BollingerBands(20, 2);
      let last: unknown;
      for (let i = 0; i < N; i++) last = s.add(fullClose[i]!);
      return last;
    },
    debut: () => {
      const s = new debut.BollingerBands(20, 2);
      let last: unknown;
      for (let i = 0; i < N; i++) last = s.nextValue(fullClose[i]!);
      return last;
    },
  },
  {
    name: "ATR(14)",
    ours: () => {
      const s = new AtrStream(14);
      let last = 0;
      for (let i = 0; i < N; i++) last = s.update(high[i]!, low[i]!, close[i]!);
      return last;
    },
    ts: () => {
      const s = new ts.ATR(14);
      let last: unknown;
      for (let i = 0; i < N; i++) last = s.add(fullCandles[i]!);
      return last;
    },
    debut: () => {
      const s = new debut.ATR(14);
      let last: unknown;
      for (let i = 0; i < N; i++) last = s.nextValue(fullHigh[i]!, fullLow[i]!, fullClose[i]!);
      return last;
    },
  },
  {
    name: "ROC(12)",
    ours: () => {
      const s = new RocStream(12);
      let last = 0;
      for (let i = 0; i < N; i++) last = s.update(close[i]!);
      return last;
    },
    ts: () => {
      const s = new ts.ROC(12);
      let last: unknown;
      for (let i = 0; i < N; i++) last = s.add(fullClose[i]!);
      return last;
    },
    debut: () => {
      const s = new debut.ROC(12);
      let last: unknown;
      for (let i = 0; i < N; i++) last = s.nextValue(fullClose[i]!);
      return last;
    },
  },
];

// trading-signals and @debut/indicators have no batch API: their batch rows are their streaming rows'
// runs (one monomorphic call per value over the same series), measured once.

const load0 = loadavg();
const started = new Date();

// Ours: warm-up, then interleaved rounds.
const bareT: number[] = [];
const copyT: number[] = [];
const freshT = cases.map(() => [] as number[]);
const reusedT = cases.map(() => [] as number[]);
const streamT = streams.map(() => [] as number[]);
for (let i = 0; i < WARMUP; i++) {
  consume(bareLoop());
  consume(bareCopyLoop());
  for (const c of cases) {
    consume(c.fresh());
    if (c.reused) consume(c.reused());
  }
}
for (let r = 0; r < ROUNDS; r++) {
  sample(bareLoop, RUNS, bareT);
  sample(bareCopyLoop, RUNS, copyT);
  cases.forEach((c, j) => {
    sample(c.fresh, RUNS, freshT[j]!);
    if (c.reused) sample(c.reused, RUNS, reusedT[j]!);
  });
}
const bare = stat(bareT);
const copy = stat(copyT);

// Libraries: slow, so fewer runs; technicalindicators on LIB_N points, scaled to N.
const LIB_WARMUP = 2;
const LIB_RUNS = 5;
function libStat(fn: (() => unknown) | undefined, size: number): Stat | undefined {
  if (!fn) return undefined;
  for (let i = 0; i < LIB_WARMUP; i++) consume(fn());
  const t: number[] = [];
  sample(fn, LIB_RUNS, t);
  const s = stat(t);
  return { median: (s.median * N) / size, min: (s.min * N) / size };
}
// Streaming: ours and the libraries interleaved round by round (every round runs each row's three
// forms once), so a burst of load from another process hits all three alike.
const streamTs = streams.map(() => [] as number[]);
const streamDebut = streams.map(() => [] as number[]);
for (const c of streams) {
  for (let i = 0; i < LIB_WARMUP; i++) {
    consume(c.ours());
    if (c.ts) consume(c.ts());
    if (c.debut) consume(c.debut());
  }
}
for (let r = 0; r < STREAM_ROUNDS; r++) {
  streams.forEach((c, j) => {
    sample(c.ours, 1, streamT[j]!);
    if (c.ts) sample(c.ts, 1, streamTs[j]!);
    if (c.debut) sample(c.debut, 1, streamDebut[j]!);
  });
}
const streamLibs = streams.map((_, j) => ({
  ts: streamTs[j]!.length ? stat(streamTs[j]!) : undefined,
  debut: streamDebut[j]!.length ? stat(streamDebut[j]!) : undefined,
}));
const libs = cases.map((c) => {
  const j = streams.findIndex((x) => x.name === c.name);
  return {
    ti: libStat(c.ti, LIB_N),
    ts: j >= 0 ? streamLibs[j]!.ts : undefined,
    ix: libStat(c.ix, N),
    debut: j >= 0 ? streamLibs[j]!.debut : undefined,
  };
});
const load1 = loadavg();

const fmt = (ms: number | undefined) =>
  ms === undefined ? "n/a" : ms >= 100 ? ms.toFixed(0) : ms.toFixed(2);
const ms2 = (s: Stat | undefined) => (s ? `${fmt(s.median)} / ${fmt(s.min)}` : "—");
const x = (v: number) => `${v.toFixed(1)}×`;
const vsBare = (s: Stat | undefined) => (s ? `${x(s.median / bare.median)} / ${x(s.min / bare.min)}` : "—");
/** Speed-up with fresh allocation: median / median, then min / min. */
const speedup = (l: Stat | undefined, ours: Stat) =>
  l ? `${x(l.median / ours.median)} / ${x(l.min / ours.min)}` : "n/a";
/** Nanoseconds per update from a run over N values. */
const ns = (s: Stat | undefined) =>
  s ? `${((s.median * 1e6) / N).toFixed(1)} / ${((s.min * 1e6) / N).toFixed(1)}` : "—";
const scaled =
  LIB_N < N
    ? `technicalindicators measured on ${LIB_N.toLocaleString("en-US")} points, ×${N / LIB_N}; the other libraries on the full series`
    : "full series";

const lines = [
  `Node ${process.version}, ${cpus()[0]?.model ?? "?"} × ${cpus().length}, ${started.toISOString().slice(0, 10)}, ` +
    `load average ${load0[0]!.toFixed(1)} → ${load1[0]!.toFixed(1)}.`,
  `${N.toLocaleString("en-US")} points; ours: ${WARMUP} warm-ups, then ${ROUNDS} interleaved rounds × ${RUNS} runs ` +
    `(${ROUNDS * RUNS} timed runs each); libraries: ${LIB_WARMUP} warm-ups, median / min of ${LIB_RUNS} runs (${scaled}). ${CPU_CLOCK ? "CPU" : "Wall"} times in ms, "median / min".`,
  "",
  "| Computation | ours, fresh outputs | ours, reused outputs | technicalindicators | trading-signals | @ixjb94/indicators | @debut/indicators | speed-up vs technicalindicators | vs trading-signals | vs @ixjb94/indicators | vs @debut/indicators | ours / bare loop, fresh | ours / bare loop, reused |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  `| Bare loop (sum of the input; the goal baseline) | ${ms2(bare)} | | | | | | | | | | 1.0× | 1.0× |`,
  `| Bare copy loop (input → one reused output; reference only) | | ${ms2(copy)} | | | | | | | | | | ${vsBare(copy)} |`,
  ...cases.map((c, j) => {
    const f = stat(freshT[j]!);
    const r = c.reused ? stat(reusedT[j]!) : undefined;
    const l = libs[j]!;
    return `| ${c.name} | ${ms2(f)} | ${ms2(r)} | ${ms2(l.ti)} | ${ms2(l.ts)} | ${ms2(l.ix)} | ${ms2(l.debut)} | ${speedup(l.ti, f)} | ${speedup(l.ts, f)} | ${speedup(l.ix, f)} | ${speedup(l.debut, f)} | ${vsBare(f)} | ${vsBare(r)} |`;
  }),
  "",
  `Streaming forms, ${N.toLocaleString("en-US")} updates per run; ${LIB_WARMUP} warm-ups each, then ${STREAM_ROUNDS} rounds in which each row runs ours, trading-signals and @debut/indicators once (interleaved). Nanoseconds per update, "median / min".`,
  "",
  "| Streaming | ours (`update`) | trading-signals (`add`) | @debut/indicators (`nextValue`) | speed-up vs trading-signals | vs @debut/indicators |",
  "| --- | ---: | ---: | ---: | ---: | ---: |",
  ...streams.map((c, j) => {
    const o = stat(streamT[j]!);
    const l = streamLibs[j]!;
    return `| ${c.name} | ${ns(o)} | ${ns(l.ts)} | ${ns(l.debut)} | ${speedup(l.ts, o)} | ${speedup(l.debut, o)} |`;
  }),
];
console.log(lines.join("\n"));
if (sink === 42) console.log("");
