// Numerical robustness of every rolling kernel (issue 8.5): each one against an exact per-window
// recomputation (rational arithmetic on BigInts: every double is an exact binary fraction) on
// adversarial series — a fall of five orders of magnitude (smooth and in one step), a large offset
// (1e9 + small noise), a constant stretch after a volatile one, and 10^7 points.
import { describe, expect, it } from "vitest";
import { positioningVsAverage } from "../positioning.js";
import { rollingBeta, rollingCorrelation } from "../relative.js";
import { rollingRateSensitivity } from "../sensitivity.js";
import { bollingerBands } from "./bollinger.js";
import {
  rollingMax,
  rollingMean,
  rollingMin,
  rollingPercentileRank,
  rollingStd,
  rollingZScore,
} from "./rolling.js";
import { sma } from "./sma.js";
import { wma } from "./wma.js";

const TOL = 1e-9;

// ---- exact arithmetic -------------------------------------------------------------------------

/** Fixed point with 2^-SCALE resolution: exact for every double ≥ 2^-(SCALE-53) in magnitude. */
const SCALE = 160n;
const view = new DataView(new ArrayBuffer(8));
function big(x: number): bigint {
  if (x === 0) return 0n;
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const exp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (exp !== 0) mant |= 1n << 52n;
  const e = BigInt((exp === 0 ? 1 : exp) - 1075) + SCALE; // x = mant · 2^(exp − 1075)
  if (e < 0n) throw new Error(`value ${x} too small for the exact reference`);
  const v = mant << e;
  return x < 0 ? -v : v;
}
/** num / den (BigInts) as the nearest double (to ~1 ulp). */
function ratio(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const neg = num < 0n !== den < 0n;
  let a = num < 0n ? -num : num;
  const b = den < 0n ? -den : den;
  // scale so the quotient has ~70 significant bits
  const shift = 70 - (a.toString(2).length - b.toString(2).length);
  if (shift > 0) a <<= BigInt(shift);
  const q = shift >= 0 ? a / b : a / (b << BigInt(-shift));
  const r = Number(q) * 2 ** -shift;
  return neg ? -r : r;
}
const ONE = 1n << SCALE;

interface Exact {
  mean: number;
  /** population variance, sample variance */
  varPop: number;
  varSample: number;
  /** (x_last − mean) / sample sd */
  z: number;
  /** (x_last − mean) / population sd */
  devOverSdPop: number;
}
function exactWindow(xs: Float64Array, end: number, w: number): Exact {
  let s = 0n;
  let q = 0n;
  for (let j = end - w + 1; j <= end; j++) {
    const b = big(xs[j]!);
    s += b;
    q += b * b;
  }
  const W = BigInt(w);
  const m2w = W * q - s * s; // w · Σ(x − mean)², scale 2^(2·SCALE)
  const dev = W * big(xs[end]!) - s; // w · (x − mean), scale 2^SCALE
  const varPop = ratio(m2w, W * W * ONE * ONE);
  const varSample = w > 1 ? ratio(m2w, W * BigInt(w - 1) * ONE * ONE) : Number.NaN;
  return {
    mean: ratio(s, W * ONE),
    varPop,
    varSample,
    z: ratio(dev, W * ONE) / Math.sqrt(varSample),
    devOverSdPop: ratio(dev, W * ONE) / Math.sqrt(varPop),
  };
}
function exactComoments(xs: Float64Array, ys: Float64Array, end: number, w: number) {
  let sx = 0n;
  let sy = 0n;
  let sxx = 0n;
  let syy = 0n;
  let sxy = 0n;
  for (let j = end - w + 1; j <= end; j++) {
    const a = big(xs[j]!);
    const b = big(ys[j]!);
    sx += a;
    sy += b;
    sxx += a * a;
    syy += b * b;
    sxy += a * b;
  }
  const W = BigInt(w);
  const cxx = W * sxx - sx * sx;
  const cyy = W * syy - sy * sy;
  const cxy = W * sxy - sx * sy;
  return {
    beta: cyy === 0n ? Number.NaN : ratio(cxy, cyy),
    corr: cxx === 0n || cyy === 0n ? Number.NaN : ratio(cxy, cxx) / Math.sqrt(ratio(cyy, cxx)),
  };
}
function exactWma(xs: Float64Array, end: number, p: number): number {
  let s = 0n;
  for (let k = 0; k < p; k++) s += BigInt(p - k) * big(xs[end - k]!);
  return ratio(s * 2n, BigInt(p * (p + 1)) * ONE);
}

/**
 * |got − want| ≤ TOL·scale (scale = |want| unless given), and exactly 0 where the exact value is 0.
 * %B = ½ + (x − mean)/(2kσ) near 0 or 1 is a difference of O(1) terms: its scale is ½ + |(x − mean)/(2kσ)|.
 */
function close(got: number, want: number, what: string, scale = Math.abs(want)): void {
  if (want === 0 && scale === 0) {
    if (got !== 0) throw new Error(`${what}: expected exactly 0, got ${got}`);
    return;
  }
  if (!(Math.abs(got - want) <= TOL * scale)) {
    throw new Error(
      `${what}: got ${got}, exact ${want}, relative error ${Math.abs(got - want) / Math.abs(want)}`,
    );
  }
}

// ---- adversarial series -----------------------------------------------------------------------

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
/** A random walk drifting down five orders of magnitude (≈ 135 → 1e-3), like the benchmark's. */
function smoothFall(n: number, seed = 7, noise = 0.02): Float64Array {
  const r = lcg(seed);
  const out = new Float64Array(n);
  let p = 135;
  const drift = Math.log(1e-5) / n;
  for (let i = 0; i < n; i++) {
    p *= Math.exp(drift) * (1 + (r() - 0.5) * noise);
    out[i] = p;
  }
  return out;
}
/** A volatile stretch near 1e4, then a one-step fall of five orders of magnitude to ≈ 0.1. */
function crash(n: number, seed = 11): Float64Array {
  const r = lcg(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (i < n / 2 ? 1e4 : 0.1) * (1 + (r() - 0.5) * 0.02);
  return out;
}
/** 1e9 plus noise of ±1. */
function offset(n: number, seed = 13): Float64Array {
  const r = lcg(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = 1e9 + (r() - 0.5) * 2;
  return out;
}
/** A volatile walk, then a constant stretch (42.37) of 300 points, then volatile again. */
function constantAfterVolatile(n: number, seed = 17): Float64Array {
  const r = lcg(seed);
  const out = new Float64Array(n);
  let p = 1000;
  for (let i = 0; i < n; i++) {
    if (i >= 400 && i < 700) out[i] = 42.37;
    else {
      p *= 1 + (r() - 0.5) * 0.2;
      out[i] = p;
    }
  }
  return out;
}
/** A near-constant stretch: 100 + noise of 1e-9 after a volatile stretch (σ collapses 9 orders). */
function calmAfterVolatile(n: number, seed = 19): Float64Array {
  const r = lcg(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = i < n / 2 ? 100 * (1 + (r() - 0.5)) : 100 + (r() - 0.5) * 1e-9;
  return out;
}

const N = 3000;
const series: Record<string, Float64Array> = {
  "fall of five orders (walk)": smoothFall(N),
  "fall of five orders (one step)": crash(N),
  "1e9 + noise": offset(N),
  "constant after volatile": constantAfterVolatile(N),
  "σ collapsing nine orders": calmAfterVolatile(N),
};
const windows = [2, 20, 63];

// ---- univariate kernels -----------------------------------------------------------------------

describe("rolling kernels against an exact per-window recomputation", () => {
  for (const [name, xs] of Object.entries(series)) {
    it(`SMA, rolling mean, Bollinger, rolling std and z-score, WMA: ${name}`, () => {
      for (const w of windows) {
        const s = sma(xs, w);
        const rm = rollingMean(xs, w);
        const bb = bollingerBands(xs, w, 2);
        const bbNoPb = bollingerBands(xs, w, 2, { percentB: false });
        const sdS = rollingStd(xs, w);
        const sdP = rollingStd(xs, w, { population: true });
        const z = w >= 2 ? rollingZScore(xs, w) : null;
        const wm = wma(xs, w);
        for (let i = w - 1; i < xs.length; i++) {
          const e = exactWindow(xs, i, w);
          const at = `${name}, window ${w}, index ${i}`;
          close(s[i]!, e.mean, `sma ${at}`);
          close(rm[i]!, e.mean, `rollingMean ${at}`);
          close(bb.middle[i]!, e.mean, `bollinger middle ${at}`);
          const sd = Math.sqrt(e.varPop);
          close(bb.upper[i]!, e.mean + 2 * sd, `bollinger upper ${at}`);
          close(bb.lower[i]!, e.mean - 2 * sd, `bollinger lower ${at}`);
          close(bbNoPb.upper[i]!, bb.upper[i]!, `bollinger bands only ${at}`);
          const q = e.devOverSdPop / 4;
          if (sd > 0) close(bb.percentB[i]!, 0.5 + q, `bollinger %B ${at}`, 0.5 + Math.abs(q));
          else expect(bb.percentB[i]).toBeNaN();
          close(sdP[i]!, sd, `rollingStd population ${at}`);
          if (w > 1) close(sdS[i]!, Math.sqrt(e.varSample), `rollingStd ${at}`);
          if (z) {
            if (e.varSample > 0) close(z[i]!, e.z, `rollingZScore ${at}`);
            else expect(z[i]).toBeNaN();
          }
          close(wm[i]!, exactWma(xs, i, w), `wma ${at}`);
        }
      }
    });
  }

  it("a constant window gives exactly zero width, and its z-score and %B are undefined", () => {
    const xs = series["constant after volatile"]!;
    const bb = bollingerBands(xs, 20);
    const z = rollingZScore(xs, 20);
    for (let i = 419; i < 700; i++) {
      expect(bb.upper[i]).toBe(42.37);
      expect(bb.lower[i]).toBe(42.37);
      expect(bb.percentB[i]).toBeNaN();
      expect(z[i]).toBeNaN();
    }
    expect(bb.upper[418]).toBeGreaterThan(bb.lower[418]!);
    expect(bb.upper[700]).toBeGreaterThan(bb.lower[700]!);
  });

  it("order-statistic kernels (min, max, percentile rank) are exact on the same series", () => {
    for (const xs of Object.values(series)) {
      const w = 20;
      const lo = rollingMin(xs, w);
      const hi = rollingMax(xs, w);
      const pr = rollingPercentileRank(xs, w);
      for (let i = w - 1; i < xs.length; i += 7) {
        const win = Array.from(xs.subarray(i - w + 1, i + 1));
        expect(lo[i]).toBe(Math.min(...win));
        expect(hi[i]).toBe(Math.max(...win));
        expect(pr[i]).toBe((100 / w) * win.filter((v) => v <= xs[i]!).length);
      }
    }
  });
});

// ---- bivariate kernels ------------------------------------------------------------------------

describe("rolling beta, correlation and rate sensitivity against an exact recomputation", () => {
  for (const [name, xs] of Object.entries(series)) {
    it(`rollingBeta and rollingCorrelation: ${name}`, () => {
      // y = 0.5·x + noise on the scale of x's own spread (so beta and correlation are well defined)
      const r = lcg(3);
      const ys = new Float64Array(xs.length);
      for (let i = 0; i < xs.length; i++) {
        const prev = xs[Math.max(0, i - 1)]!;
        ys[i] = 0.5 * xs[i]! + (r() - 0.5) * 0.01 * Math.abs(xs[i]! - prev + 1e-300);
      }
      for (const w of [20, 63]) {
        const beta = rollingBeta(ys, xs, w);
        const corr = rollingCorrelation(xs, ys, w);
        for (let i = w - 1; i < xs.length; i++) {
          const e = exactComoments(ys, xs, i, w);
          const at = `${name}, window ${w}, index ${i}`;
          if (Number.isFinite(e.beta)) close(beta[i]!, e.beta, `rollingBeta ${at}`);
          else expect(beta[i]).toBeNaN();
          if (Number.isFinite(e.corr))
            close(corr[i]!, Math.max(-1, Math.min(1, e.corr)), `rollingCorrelation ${at}`);
          else expect(corr[i]).toBeNaN();
        }
      }
    });
  }

  it("rollingRateSensitivity: yields falling five orders of magnitude", () => {
    const yields = smoothFall(800, 5);
    const r = lcg(9);
    const prices = new Float64Array(800);
    prices[0] = 100;
    for (let i = 1; i < 800; i++) {
      const dy = (yields[i]! - yields[i - 1]!) * 100;
      prices[i] = prices[i - 1]! * (1 - 0.001 * dy + (r() - 0.5) * 1e-6 * Math.abs(dy));
    }
    const dates = Int32Array.from({ length: 800 }, (_, i) => 10_000 + i);
    const rs = rollingRateSensitivity(
      { dates, values: prices },
      { dates, values: yields },
      { frequency: "daily" },
      30,
    );
    const x = new Float64Array(799);
    const y = new Float64Array(799);
    for (let i = 1; i < 800; i++) {
      x[i - 1] = (yields[i]! - yields[i - 1]!) * 100;
      y[i - 1] = prices[i]! / prices[i - 1]! - 1;
    }
    for (let i = 29; i < 799; i++) {
      close(rs.betaPer100bp[i]!, exactComoments(y, x, i, 30).beta * 100, `betaPer100bp index ${i}`);
    }
  });
});

// ---- positioning (calendar-month windows) -----------------------------------------------------

describe("positioningVsAverage windows against an exact recomputation", () => {
  it("average and z-score on 1e9 + noise and after a fall of five orders", () => {
    for (const xs of [offset(600), smoothFall(600)]) {
      const dates = Int32Array.from({ length: xs.length }, (_, i) => 10_000 + 7 * i); // weekly
      const p = positioningVsAverage({ dates, values: xs }, { window: 12 });
      for (let i = 0; i < xs.length; i++) {
        const w = p.observations[i]!; // the trailing 12 calendar months: values i − w + 1 … i
        const e = exactWindow(xs, i, w);
        close(p.average[i]!, e.mean, `positioning average ${i}`);
        if (w > 1 && e.varSample > 0) close(p.zScore[i]!, e.z, `positioning zScore ${i}`);
      }
    }
  });
});

// ---- 10^7 points --------------------------------------------------------------------------------

describe("10^7 points", () => {
  it("SMA, Bollinger and rolling std stay exact to 1e-9 over a ten-million-point fall", () => {
    const n = 10_000_000;
    const xs = smoothFall(n, 23, 0.002);
    const w = 20;
    const s = sma(xs, w);
    const bb = bollingerBands(xs, w, 2, { percentB: false });
    const sd = rollingStd(xs, w);
    const beta = rollingBeta(
      xs,
      xs.map((v, i) => (i % 2 ? v * 1.5 : v * 1.4)),
      w,
    );
    for (let i = w - 1; i < n; i += 9973) {
      const e = exactWindow(xs, i, w);
      close(s[i]!, e.mean, `sma index ${i}`);
      close(bb.middle[i]!, e.mean, `bollinger middle index ${i}`);
      close(bb.upper[i]!, e.mean + 2 * Math.sqrt(e.varPop), `bollinger upper index ${i}`);
      close(sd[i]!, Math.sqrt(e.varSample), `rollingStd index ${i}`);
      expect(Number.isFinite(beta[i]!)).toBe(true);
    }
    expect(xs[n - 1]).toBeLessThan(1e-3);
  }, 120_000);
});
