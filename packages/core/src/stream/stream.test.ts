// Property tests: every streaming form gives, bar by bar, what its batch function gives on the whole
// series (to 1e-12), on random walks with NaN gaps and constant stretches, including bars that were
// replaced several times before they were final (a live bar that is still forming).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { atr } from "../indicators/atr.js";
import { bollingerBands } from "../indicators/bollinger.js";
import { ema, emaWithAlpha } from "../indicators/ema.js";
import { macd } from "../indicators/macd.js";
import { roc } from "../indicators/roc.js";
import {
  rollingMax,
  rollingMean,
  rollingMin,
  rollingPercentileRank,
  rollingStd,
  rollingZScore,
} from "../indicators/rolling.js";
import { rsi } from "../indicators/rsi.js";
import { sma } from "../indicators/sma.js";
import { wma } from "../indicators/wma.js";
import { rollingBeta, rollingCorrelation } from "../relative.js";
import { drawdownSeries, maxDrawdown } from "../risk.js";
import {
  AtrStream,
  BollingerStream,
  DrawdownStream,
  EmaStream,
  MacdStream,
  RocStream,
  RollingBetaStream,
  RollingCorrelationStream,
  RollingMaxStream,
  RollingMeanStream,
  RollingMinStream,
  RollingPercentileRankStream,
  RollingStdStream,
  RollingZScoreStream,
  RsiStream,
  SmaStream,
  WmaStream,
} from "./index.js";

const TOL = 1e-12;

/** Equal to 1e-12 of max(|want|, scale), NaN where the batch value is NaN. */
function same(got: number, want: number, scale: number, what: string): void {
  if (Number.isNaN(want)) {
    if (!Number.isNaN(got)) throw new Error(`${what}: expected NaN, got ${got}`);
    return;
  }
  if (!(Math.abs(got - want) <= TOL * Math.max(Math.abs(want), scale))) {
    throw new Error(`${what}: streaming ${got}, batch ${want}`);
  }
}

/**
 * A random series: a walk around `level` with NaN gaps and constant stretches, plus, per bar, the
 * provisional values it takes (update, then replace…) before its final value.
 */
const seriesArb = fc
  .record({
    level: fc.constantFrom(1, 100, 1e6),
    steps: fc.array(
      fc.record({
        move: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
        kind: fc.constantFrom("move", "move", "move", "move", "move", "nan", "flat"),
        drafts: fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), { maxLength: 2 }),
      }),
      { minLength: 1, maxLength: 120 },
    ),
  })
  .map(({ level, steps }) => {
    let p = level;
    const final: number[] = [];
    const drafts: number[][] = [];
    for (const s of steps) {
      if (s.kind === "move") p *= 1 + s.move;
      final.push(s.kind === "nan" ? Number.NaN : p);
      drafts.push(s.drafts.map((d) => p * (1 + d)));
    }
    return { level, values: Float64Array.from(final), drafts };
  });

/** Feeds the series bar by bar (drafts first, then the final value by replace) and collects outputs. */
function feed<T>(
  s: { values: Float64Array; drafts: number[][] },
  stream: { update(x: number): T; replace(x: number): T },
  read: (r: T) => number,
): Float64Array {
  const out = new Float64Array(s.values.length);
  s.values.forEach((v, i) => {
    const d = s.drafts[i]!;
    let r: T;
    if (d.length === 0) r = stream.update(v);
    else {
      stream.update(d[0]!);
      for (const x of d.slice(1)) stream.replace(x);
      r = stream.replace(v);
    }
    out[i] = read(r);
  });
  return out;
}

const periodArb = fc.integer({ min: 1, max: 12 });
const runs = { numRuns: 150 };

function check(name: string, batch: Float64Array, streamed: Float64Array, scale: number): void {
  for (let i = 0; i < batch.length; i++) same(streamed[i]!, batch[i]!, scale, `${name} bar ${i}`);
}

describe("streaming == batch on random series (with NaN gaps, flat stretches and replaced bars)", () => {
  it("SMA, rolling mean, EMA (and with alpha), WMA", () => {
    fc.assert(
      fc.property(seriesArb, periodArb, (s, p) => {
        check(
          "sma",
          sma(s.values, p),
          feed(s, new SmaStream(p), (r) => r),
          s.level,
        );
        check(
          "rollingMean",
          rollingMean(s.values, p),
          feed(s, new RollingMeanStream(p), (r) => r),
          s.level,
        );
        check(
          "ema",
          ema(s.values, p),
          feed(s, new EmaStream(p), (r) => r),
          s.level,
        );
        check(
          "emaWithAlpha",
          emaWithAlpha(s.values, p, 1 / p),
          feed(s, new EmaStream(p, { alpha: 1 / p }), (r) => r),
          s.level,
        );
        check(
          "wma",
          wma(s.values, p),
          feed(s, new WmaStream(p), (r) => r),
          s.level,
        );
      }),
      runs,
    );
  });

  it("RSI, ROC, MACD", () => {
    fc.assert(
      fc.property(seriesArb, periodArb, fc.integer({ min: 1, max: 6 }), (s, p, sig) => {
        check(
          "rsi",
          rsi(s.values, p),
          feed(s, new RsiStream(p), (r) => r),
          1,
        );
        check(
          "roc",
          roc(s.values, p),
          feed(s, new RocStream(p), (r) => r),
          1,
        );
        const b = macd(s.values, p, p + 2, sig);
        const m = new MacdStream(p, p + 2, sig);
        const line = new Float64Array(s.values.length);
        const signal = new Float64Array(s.values.length);
        const hist = feed(s, m, (r) => r.histogram);
        // the same feed again for the other outputs (a fresh stream each time)
        const m2 = new MacdStream(p, p + 2, sig);
        line.set(feed(s, m2, (r) => r.macd));
        const m3 = new MacdStream(p, p + 2, sig);
        signal.set(feed(s, m3, (r) => r.signal));
        check("macd line", b.macd, line, s.level);
        check("macd signal", b.signal, signal, s.level);
        check("macd histogram", b.histogram, hist, s.level);
      }),
      runs,
    );
  });

  it("Bollinger Bands, rolling std (sample and population), rolling z-score", () => {
    fc.assert(
      fc.property(seriesArb, periodArb, (s, p) => {
        const b = bollingerBands(s.values, p, 2);
        for (const key of ["middle", "upper", "lower", "percentB"] as const) {
          const streamed = feed(s, new BollingerStream(p, 2), (r) => r[key]);
          check(`bollinger ${key}`, b[key], streamed, key === "percentB" ? 1 : s.level);
        }
        check(
          "rollingStd",
          rollingStd(s.values, p),
          feed(s, new RollingStdStream(p), (r) => r),
          s.level,
        );
        check(
          "rollingStd population",
          rollingStd(s.values, p, { population: true }),
          feed(s, new RollingStdStream(p, { population: true }), (r) => r),
          s.level,
        );
        const w = Math.max(2, p);
        check(
          "rollingZScore",
          rollingZScore(s.values, w),
          feed(s, new RollingZScoreStream(w), (r) => r),
          1,
        );
      }),
      runs,
    );
  });

  it("rolling min, max and percentile rank", () => {
    fc.assert(
      fc.property(seriesArb, periodArb, (s, p) => {
        check(
          "rollingMin",
          rollingMin(s.values, p),
          feed(s, new RollingMinStream(p), (r) => r),
          s.level,
        );
        check(
          "rollingMax",
          rollingMax(s.values, p),
          feed(s, new RollingMaxStream(p), (r) => r),
          s.level,
        );
        check(
          "rollingPercentileRank",
          rollingPercentileRank(s.values, p),
          feed(s, new RollingPercentileRankStream(p), (r) => r),
          1,
        );
      }),
      runs,
    );
  });

  it("drawdown series and maximum drawdown", () => {
    fc.assert(
      fc.property(seriesArb, (s) => {
        const d = new DrawdownStream();
        check(
          "drawdown",
          drawdownSeries(s.values),
          feed(s, d, (r) => r),
          1,
        );
        const want = maxDrawdown(s.values);
        const got = d.maxDrawdown;
        same(got.depth, want.depth, 1, "max drawdown depth");
        expect([got.peakIndex, got.troughIndex, got.recoveryIndex]).toEqual([
          want.peakIndex,
          want.troughIndex,
          want.recoveryIndex,
        ]);
      }),
      runs,
    );
  });

  it("ATR (bars of high, low, close)", () => {
    fc.assert(
      fc.property(seriesArb, periodArb, (s, p) => {
        const n = s.values.length;
        const close = s.values;
        const high = close.map((v, i) => v * (1 + 0.01 * ((i * 7) % 3)));
        const low = close.map((v, i) => v * (1 - 0.01 * ((i * 5) % 4)));
        const a = new AtrStream(p);
        const out = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          const d = s.drafts[i]!;
          if (d.length === 0) out[i] = a.update(high[i]!, low[i]!, close[i]!);
          else {
            a.update(d[0]! * 1.01, d[0]! * 0.99, d[0]!);
            for (const x of d.slice(1)) a.replace(x * 1.02, x * 0.98, x);
            out[i] = a.replace(high[i]!, low[i]!, close[i]!);
          }
        }
        check("atr", atr(high, low, close, p), out, s.level);
      }),
      runs,
    );
  });

  it("rolling beta and correlation (pairs)", () => {
    fc.assert(
      fc.property(seriesArb, fc.integer({ min: 2, max: 12 }), (s, w) => {
        const n = s.values.length;
        const b = s.values.map((v, i) => (Number.isNaN(v) ? v : v * (1 + 0.3 * Math.sin(i)) + (i % 5)));
        const beta = new RollingBetaStream(w);
        const corr = new RollingCorrelationStream(w);
        const gotBeta = new Float64Array(n);
        const gotCorr = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          const d = s.drafts[i]!;
          if (d.length > 0) {
            beta.update(d[0]!, d[0]! * 2);
            corr.update(d[0]!, d[0]! * 2);
            gotBeta[i] = beta.replace(s.values[i]!, b[i]!);
            gotCorr[i] = corr.replace(s.values[i]!, b[i]!);
          } else {
            gotBeta[i] = beta.update(s.values[i]!, b[i]!);
            gotCorr[i] = corr.update(s.values[i]!, b[i]!);
          }
        }
        check("rollingBeta", rollingBeta(s.values, b, w), gotBeta, 1);
        check("rollingCorrelation", rollingCorrelation(s.values, b, w), gotCorr, 1);
      }),
      runs,
    );
  });
});

describe("streaming forms: warm-up state and errors", () => {
  it("reports count, requiredInputs and isStable through the warm-up", () => {
    const s = new SmaStream(3);
    expect([s.count, s.requiredInputs, s.isStable]).toEqual([0, 3, false]);
    s.update(1);
    s.update(2);
    expect(s.isStable).toBe(false);
    expect(s.update(3)).toBe(2);
    expect([s.count, s.isStable, s.value]).toEqual([3, true, 2]);
    const r = new RsiStream(14);
    expect(r.requiredInputs).toBe(15);
    const m = new MacdStream();
    expect(m.requiredInputs).toBe(34);
  });

  it("replace() before any update() throws InvalidArgumentError naming replace", () => {
    expect(() => new SmaStream(3).replace(1)).toThrow(/replace/);
    expect(() => new AtrStream(3).replace(1, 1, 1)).toThrow(/replace/);
  });

  it("multi-output forms return one result object, updated in place", () => {
    const b = new BollingerStream(2, 2);
    const first = b.update(1);
    const second = b.update(3);
    expect(second).toBe(first);
    expect(second).toEqual({ middle: 2, upper: 4, lower: 0, percentB: 0.75 });
  });
});
