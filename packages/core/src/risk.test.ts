import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "./errors.js";
import {
  annualizedVolatility,
  calmarRatio,
  downsideDeviation,
  drawdownFromPeak,
  drawdownSeries,
  excessReturns,
  historicalCVaR,
  historicalVaR,
  maxDrawdown,
  sharpeRatio,
  sortinoRatio,
  ulcerIndex,
} from "./risk.js";
import { seriesFromArrays } from "./series.js";

const f = (xs: number[]) => Float64Array.from(xs);

describe("volatility and ratios", () => {
  it("hand cases", () => {
    const r = [0.01, -0.01, 0.01, -0.01];
    const sd = Math.sqrt((4 * 0.0001) / 3);
    expect(annualizedVolatility(r)).toBeCloseTo(sd * Math.sqrt(252), 14);
    expect(annualizedVolatility(r, 12)).toBeCloseTo(sd * Math.sqrt(12), 14);
    expect(downsideDeviation([0.02, -0.01, 0.03, -0.03], 0, 1)).toBeCloseTo(Math.sqrt(0.001 / 4), 14);
    expect(downsideDeviation([0.02, -0.01], 0.01, 1)).toBeCloseTo(Math.sqrt(0.0004 / 2), 14);
    const x = [0.01, -0.005, 0.007, 0.002];
    const m = 0.0035;
    const s = Math.sqrt(x.reduce((a, v) => a + (v - m) ** 2, 0) / 3);
    expect(sharpeRatio(x)).toBeCloseTo((m / s) * Math.sqrt(252), 10);
    expect(sortinoRatio([0.02, -0.01, 0.03, -0.03], { periodsPerYear: 1 })).toBeCloseTo(
      0.0025 / Math.sqrt(0.00025),
      12,
    );
  });
  it("risk-free as an annual number", () => {
    const ex = excessReturns([0.01, 0.02], { riskFree: 0.0252, periodsPerYear: 252 });
    const per = 1.0252 ** (1 / 252) - 1;
    expect(ex[0]).toBeCloseTo(0.01 - per, 15);
    const x = [0.01, -0.005, 0.007, 0.002];
    const exx = Array.from(excessReturns(x, { riskFree: 0.03 }));
    expect(sharpeRatio(x, { riskFree: 0.03 })).toBeCloseTo(sharpeRatio(exx), 12);
    expect(() => excessReturns(x, { riskFree: Number.NaN })).toThrow(InvalidArgumentError);
    expect(() => sharpeRatio(x, { periodsPerYear: 0 })).toThrow(InvalidArgumentError);
  });
  it("risk-free as a Series forward-filled by date", () => {
    const rets = seriesFromArrays([10, 11, 12, 13], [0.01, 0.02, NaN, 0.03]);
    const rf = seriesFromArrays([11, 13], [0.12, 0.24]);
    const ex = excessReturns(rets, { riskFree: rf, periodsPerYear: 12 });
    expect(ex[0]).toBeNaN(); // no rate published yet
    expect(ex[1]).toBeCloseTo(0.02 - (1.12 ** (1 / 12) - 1), 15);
    expect(ex[2]).toBeNaN();
    expect(ex[3]).toBeCloseTo(0.03 - (1.24 ** (1 / 12) - 1), 15);
    expect(() => excessReturns([0.01], { riskFree: rf })).toThrow(InvalidArgumentError);
    const sr = sharpeRatio(rets, { riskFree: rf, periodsPerYear: 12 });
    const valid = [ex[1]!, ex[3]!];
    const mm = (valid[0]! + valid[1]!) / 2;
    const ss = Math.abs(valid[0]! - valid[1]!) / Math.SQRT2;
    expect(sr).toBeCloseTo((mm / ss) * Math.sqrt(12), 10);
  });
  it("undefined cases are NaN, never Infinity", () => {
    expect(sharpeRatio([0.001, 0.001, 0.001])).toBeNaN();
    expect(sharpeRatio([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1])).toBeNaN();
    expect(sharpeRatio([])).toBeNaN();
    expect(sharpeRatio([0.01])).toBeNaN();
    expect(sortinoRatio([0.01, 0.02])).toBeNaN(); // no downside
    expect(sortinoRatio([])).toBeNaN();
    expect(annualizedVolatility([])).toBeNaN();
    expect(annualizedVolatility([0.01])).toBeNaN();
    expect(annualizedVolatility([0.01, 0.01])).toBe(0);
    expect(downsideDeviation([])).toBeNaN();
    expect(downsideDeviation([NaN, 0.01])).toBe(0);
  });
  it("constant price series: zero volatility, NaN Sharpe (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        fc.integer({ min: 2, max: 300 }),
        (r, n) => {
          const s = sharpeRatio(new Array(n).fill(r));
          expect(Number.isFinite(s) ? s : Number.NaN).toBeNaN();
        },
      ),
    );
  });
  it("calmar", () => {
    const s = seriesFromArrays([0, 365, 731], [100, 80, 121]);
    expect(calmarRatio(s)).toBeCloseTo((1.21 ** (365.25 / 731) - 1) / 0.2, 12);
    expect(calmarRatio(seriesFromArrays([0, 1], [1, 2]))).toBeNaN();
    expect(calmarRatio(seriesFromArrays([], []))).toBeNaN();
  });
});

describe("drawdowns", () => {
  it("maxDrawdown hand case with dates and recovery", () => {
    const dd = maxDrawdown(seriesFromArrays([1, 2, 3, 4, 5], [100, 120, 90, 110, 125]));
    expect(dd.depth).toBeCloseTo(-0.25, 15);
    expect([dd.peakIndex, dd.troughIndex, dd.recoveryIndex]).toEqual([1, 2, 4]);
    expect([dd.peakDate, dd.troughDate, dd.recoveryDate]).toEqual([2, 3, 5]);
  });
  it("not recovered → recovery undefined; picks the deepest episode", () => {
    const dd = maxDrawdown(f([100, 90, 100, 150, NaN, 75, 120]));
    expect(dd.depth).toBe(-0.5);
    expect([dd.peakIndex, dd.troughIndex]).toEqual([3, 5]);
    expect(dd.recoveryIndex).toBeUndefined();
    expect(dd.recoveryDate).toBeUndefined();
  });
  it("monotone, empty, length 1, all NaN", () => {
    const up = maxDrawdown(f([1, 2, 3]));
    expect(up.depth).toBe(0);
    expect([up.peakIndex, up.troughIndex, up.recoveryIndex]).toEqual([0, 0, undefined]);
    const e = maxDrawdown(f([]));
    expect(e.depth).toBeNaN();
    expect(e.peakIndex).toBe(-1);
    expect(maxDrawdown([5]).depth).toBe(0);
    expect(maxDrawdown(f([NaN, NaN])).depth).toBeNaN();
    expect(maxDrawdown(f([NaN, 5, 4])).peakIndex).toBe(1);
  });
  it("drawdownSeries", () => {
    expect([...drawdownSeries(f([100, 120, 90, 130]))]).toEqual([0, 0, -0.25, 0]);
    const g = drawdownSeries(f([NaN, 100, NaN, 50]));
    expect(g[0]).toBeNaN();
    expect(g[1]).toBe(0);
    expect(g[2]).toBeNaN();
    expect(g[3]).toBe(-0.5);
    expect(drawdownSeries([]).length).toBe(0);
  });
  it("drawdowns lie in [−1, 0] and the minimum equals maxDrawdown (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 300 }),
        (px) => {
          const dd = drawdownSeries(px);
          let min = 0;
          for (const v of dd) {
            expect(v).toBeGreaterThanOrEqual(-1);
            expect(v).toBeLessThanOrEqual(0);
            min = Math.min(min, v);
          }
          expect(maxDrawdown(px).depth).toBeCloseTo(min, 14);
          expect(ulcerIndex(px)).toBeLessThanOrEqual(-min + 1e-15);
        },
      ),
    );
  });
  it("drawdownFromPeak: KRE-style fixed peak window", () => {
    const kre = seriesFromArrays([10, 20, 30, 40, 50], [50, 70, 60, 42, NaN]);
    const r = drawdownFromPeak(kre, { from: 0, to: 30 });
    expect(r.peakValue).toBe(70);
    expect(r.peakDate).toBe(20);
    expect(r.asOfDate).toBe(40); // last valid value
    expect(r.drawdown).toBeCloseTo(-0.4, 15);
    expect(drawdownFromPeak(kre, { from: 0, to: 30 }, 35).drawdown).toBeCloseTo(60 / 70 - 1, 15);
    expect(r.drawdowns[0]).toBeCloseTo(50 / 70 - 1, 15);
    expect(r.drawdowns[4]).toBeNaN();
    const none = drawdownFromPeak(kre, { from: 100, to: 200 });
    expect(none.peakIndex).toBe(-1);
    expect(none.drawdown).toBeNaN();
    expect(drawdownFromPeak(kre, { from: 0, to: 30 }, 5).drawdown).toBeNaN();
    expect(() => drawdownFromPeak(kre, { from: 30, to: 0 })).toThrow(InvalidArgumentError);
  });
  it("ulcerIndex", () => {
    expect(ulcerIndex(f([100, 120, 90, 130]))).toBeCloseTo(0.125, 15);
    expect(ulcerIndex(f([1, 2, 3]))).toBe(0);
    expect(ulcerIndex([])).toBeNaN();
  });
});

describe("historical VaR / CVaR", () => {
  const r = [-0.05, -0.02, 0, 0.01, 0.03];
  it("type-7 quantile rule, positive losses", () => {
    expect(historicalVaR(r, 0.8)).toBeCloseTo(0.026, 15);
    expect(historicalCVaR(r, 0.8)).toBeCloseTo(0.05, 15);
    expect(historicalVaR(r, 0.5)).toBe(-0);
    expect(historicalCVaR(r, 0.5)).toBeCloseTo((0.05 + 0.02 + 0) / 3, 15);
    expect(historicalVaR([NaN, ...r], 0.8)).toBeCloseTo(0.026, 15);
  });
  it("CVaR ≥ VaR (property); undefined and invalid input", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.double({ min: 0.5, max: 0.99, noNaN: true }),
        (xs, c) => {
          expect(historicalCVaR(xs, c)).toBeGreaterThanOrEqual(historicalVaR(xs, c) - 1e-12);
        },
      ),
    );
    expect(historicalVaR([])).toBeNaN();
    expect(historicalCVaR([])).toBeNaN();
    expect(() => historicalVaR(r, 1)).toThrow(InvalidArgumentError);
    expect(() => historicalCVaR(r, 0)).toThrow(InvalidArgumentError);
  });
});
