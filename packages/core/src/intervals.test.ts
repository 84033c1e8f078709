import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "./errors.js";
import {
  bootstrapMeanInterval,
  logGamma,
  meanTInterval,
  proportionInterval,
  regularizedIncompleteBeta,
  studentTQuantile,
} from "./intervals.js";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe("special functions", () => {
  it("logGamma matches ln((n − 1)!) and Γ(½) = √π", () => {
    let f = 0;
    for (let n = 1; n <= 30; n++) {
      if (n > 1) f += Math.log(n - 1);
      expect(Math.abs(logGamma(n) - f)).toBeLessThan(1e-12 * Math.max(1, f));
    }
    expect(rel(logGamma(0.5), Math.log(Math.sqrt(Math.PI)))).toBeLessThan(1e-13);
  });

  it("regularizedIncompleteBeta matches closed forms", () => {
    for (const x of [0, 0.01, 0.3, 0.5, 0.77, 0.999, 1]) {
      expect(regularizedIncompleteBeta(x, 1, 1)).toBeCloseTo(x, 14); // uniform
      expect(regularizedIncompleteBeta(x, 2, 1)).toBeCloseTo(x * x, 14); // I_x(2,1) = x²
      expect(regularizedIncompleteBeta(x, 1, 3)).toBeCloseTo(1 - (1 - x) ** 3, 14);
      // I_x(½, ½) = (2/π) asin(√x)
      expect(regularizedIncompleteBeta(x, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(x)), 12);
    }
    expect(() => regularizedIncompleteBeta(1.5, 1, 1)).toThrow(InvalidArgumentError);
    expect(() => regularizedIncompleteBeta(0.5, 0, 1)).toThrow(InvalidArgumentError);
  });

  it("studentTQuantile matches closed forms (df 1, 2) and independently integrated values", () => {
    for (const p of [0.6, 0.9, 0.95, 0.975, 0.995]) {
      expect(rel(studentTQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)))).toBeLessThan(1e-12);
      expect(rel(studentTQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)))).toBeLessThan(1e-12);
      expect(studentTQuantile(1 - p, 4)).toBeCloseTo(-studentTQuantile(p, 4), 12);
    }
    // 0.975 quantiles by Simpson integration of the t density (python3, 400,000 panels) and bisection
    const reference: [number, number][] = [
      [3, 3.1824463052836602],
      [4, 2.7764451051978094],
      [5, 2.5705818356362684],
      [6, 2.446911851144944],
      [9, 2.2621571627981503],
    ];
    for (const [df, t] of reference) expect(rel(studentTQuantile(0.975, df), t)).toBeLessThan(1e-10);
    expect(studentTQuantile(0.5, 3)).toBe(0);
    expect(() => studentTQuantile(1, 3)).toThrow(InvalidArgumentError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(InvalidArgumentError);
  });
});

describe("meanTInterval", () => {
  it("is mean ± t·s/√n, by hand", () => {
    // mean 0.0225, s 0.025, n 4: half-width 3.18244630528… × 0.0125
    const ci = meanTInterval([0.02, -0.01, 0.05, 0.03]);
    expect(ci.low).toBeCloseTo(0.0225 - 0.039780578816, 12);
    expect(ci.high).toBeCloseTo(0.0225 + 0.039780578816, 12);
    expect(ci.level).toBe(0.95);
  });

  it("is undefined below two values, skips NaN and narrows with the level", () => {
    expect(Number.isNaN(meanTInterval([0.1]).low)).toBe(true);
    expect(meanTInterval([1, Number.NaN, 3])).toEqual(meanTInterval([1, 3]));
    const wide = meanTInterval([1, 2, 4, 8], 0.99);
    const narrow = meanTInterval([1, 2, 4, 8], 0.8);
    expect(wide.low).toBeLessThan(narrow.low);
    expect(wide.high).toBeGreaterThan(narrow.high);
    expect(() => meanTInterval([1, 2], 1)).toThrow(InvalidArgumentError);
  });

  it("covers the true mean of normal samples about 95 % of the time (n = 5, seeded)", () => {
    let seed = 12345;
    const uniform = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return (seed + 0.5) / 2147483648;
    };
    const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    let covered = 0;
    const trials = 4000;
    for (let t = 0; t < trials; t++) {
      const ci = meanTInterval(Array.from({ length: 5 }, () => 1 + 2 * normal()));
      if (ci.low <= 1 && 1 <= ci.high) covered++;
    }
    // binomial sd of the coverage at 0.95 over 4000 trials is 0.0034
    expect(Math.abs(covered / trials - 0.95)).toBeLessThan(0.015);
  });
});

describe("bootstrapMeanInterval", () => {
  it("enumerates every distinct resample for small n (hand-checked n = 2 and n = 3)", () => {
    expect(bootstrapMeanInterval([0, 1])).toEqual({
      level: 0.95,
      low: 0,
      high: 1,
      method: "exact",
      resamples: 3,
    });
    // n = 3, values 0, 0, 3: resample means 0 (8/27), 1 (12/27), 2 (6/27), 3 (1/27); the 75th percentile is 2
    const ci = bootstrapMeanInterval([0, 0, 3], 0.5);
    expect(ci).toMatchObject({ low: 0, high: 2, method: "exact", resamples: 10 });
    expect(bootstrapMeanInterval([0, 0, 3], 0.99)).toMatchObject({ low: 0, high: 3 });
  });

  it("uses 20,000 seeded resamples above 10 values, reproducibly", () => {
    const v = Array.from({ length: 25 }, (_, i) => Math.sin(i));
    const a = bootstrapMeanInterval(v);
    expect(a.method).toBe("monte-carlo");
    expect(a.resamples).toBe(20_000);
    expect(bootstrapMeanInterval(v)).toEqual(a);
  });

  it("property: the interval contains the sample mean and lies within [min, max]", () => {
    fc.assert(
      // n ≤ 8 (at most 6,435 exact resamples) keeps it quick on a loaded machine (n ≤ 12 took 11 s under load);
      // the 8-value and Monte Carlo tests cover the rest
      fc.property(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 2, maxLength: 8 }),
        (v) => {
          const ci = bootstrapMeanInterval(v);
          const m = v.reduce((a, b) => a + b, 0) / v.length;
          expect(ci.low).toBeLessThanOrEqual(m + 1e-12);
          expect(ci.high).toBeGreaterThanOrEqual(m - 1e-12);
          expect(ci.low).toBeGreaterThanOrEqual(Math.min(...v) - 1e-12);
          expect(ci.high).toBeLessThanOrEqual(Math.max(...v) + 1e-12);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("property: the exact weights sum to one (the n = 8 interval at level → 1 spans min … max)", () => {
    const v = [3, -1, 4, 1, -5, 9, 2, 6];
    const ci = bootstrapMeanInterval(v, 1 - 1e-9);
    expect(ci.resamples).toBe(6435); // C(15, 8)
    expect(ci.low).toBe(-5);
    expect(ci.high).toBe(9);
  });
});

describe("proportionInterval", () => {
  it("matches the Clopper–Pearson closed forms", () => {
    // x = 0: upper = 1 − (α/2)^(1/n); x = n: lower = (α/2)^(1/n)
    for (const n of [1, 4, 7, 10]) {
      expect(proportionInterval(0, n).high).toBeCloseTo(1 - 0.025 ** (1 / n), 12);
      expect(proportionInterval(n, n).low).toBeCloseTo(0.025 ** (1 / n), 12);
    }
    // x = 1, n = 2: lower solves 1 − (1 − p)² = 0.025, upper solves p² = 0.975
    const ci = proportionInterval(1, 2);
    expect(ci.low).toBeCloseTo(1 - Math.sqrt(0.975), 12);
    expect(ci.high).toBeCloseTo(Math.sqrt(0.975), 12);
    expect(proportionInterval(3, 4).low).toBeCloseTo(0.1941204496832, 10);
  });

  it("rejects impossible counts and is undefined for zero trials", () => {
    expect(Number.isNaN(proportionInterval(0, 0).low)).toBe(true);
    expect(() => proportionInterval(5, 4)).toThrow(InvalidArgumentError);
    expect(() => proportionInterval(1.5, 4)).toThrow(InvalidArgumentError);
  });
});
