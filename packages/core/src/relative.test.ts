import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "./errors.js";
import {
  alpha,
  beta,
  correlation,
  downCapture,
  informationRatio,
  relativeStrength,
  returnGap,
  rollingBeta,
  rollingCorrelation,
  rSquared,
  trackingError,
  upCapture,
} from "./relative.js";
import { seriesFromArrays } from "./series.js";

const f = (xs: number[]) => Float64Array.from(xs);
// Realistic returns: basis-point granularity (avoids subnormal doubles such as 1e-300).
const ret = fc.integer({ min: -1000, max: 1000 }).map((x) => x / 1e4);
const rets = fc.array(ret, { minLength: 3, maxLength: 200 });

describe("ratio line and return gap", () => {
  it("relativeStrength joins on dates and rebases", () => {
    const iwm = seriesFromArrays([1, 2, 3, 4], [200, 210, 220, NaN]);
    const spy = seriesFromArrays([0, 1, 2, 3, 4], [1, 400, 400, 440, 450]);
    const rs = relativeStrength(iwm, spy);
    expect([...rs.dates]).toEqual([1, 2, 3, 4]);
    expect([...rs.values.subarray(0, 3)]).toEqual([0.5, 0.525, 0.5]);
    expect(rs.values[3]).toBeNaN();
    const rb = relativeStrength(
      seriesFromArrays([1, 2, 3], [NaN, 210, 220]),
      seriesFromArrays([1, 2, 3], [400, 400, 440]),
      { rebase: true },
    );
    expect(rb.values[0]).toBeNaN();
    expect(rb.values[1]).toBe(1);
    expect(rb.values[2]).toBeCloseTo(0.5 / 0.525, 15);
    expect(relativeStrength(seriesFromArrays([], []), spy, { rebase: true }).values.length).toBe(0);
  });
  it("returnGap uses the day-0 convention on both", () => {
    const iwm = seriesFromArrays([1, 2], [200, 220]);
    const spy = seriesFromArrays([1, 2], [400, 420]);
    expect(returnGap(iwm, spy, 1, 2)).toBeCloseTo(0.05, 15);
    expect(returnGap(iwm, spy, 1, 5)).toBeCloseTo(0.05, 15);
    expect(returnGap(iwm, spy, 0, 2)).toBeNaN();
  });
});

describe("beta, correlation, alpha", () => {
  it("hand cases", () => {
    expect(beta([0.02, -0.04, 0.06], [0.01, -0.02, 0.03])).toBeCloseTo(2, 14);
    expect(rSquared([0.02, -0.04, 0.06], [0.01, -0.02, 0.03])).toBeCloseTo(1, 14);
    // x = [1,2,3], y = [2,4,7]: cov = 2.5, var x = 1, var y = 6.333…
    expect(correlation([1, 2, 3], [2, 4, 7])).toBeCloseTo(2.5 / Math.sqrt(19 / 3), 14);
    expect(beta([1, NaN, 3, 5], [1, 2, 3, NaN])).toBeCloseTo(1, 14);
    expect(alpha([0.021, -0.039, 0.061], [0.01, -0.02, 0.03], { periodsPerYear: 252 })).toBeCloseTo(
      0.252,
      12,
    );
    // With a risk-free rate: r = rf + 2 (b − rf) + 0.001  →  alpha = 0.001 × 12 exactly.
    const per = 1.06 ** (1 / 12) - 1;
    const b = [0.01, -0.02, 0.03, 0.005];
    const r = b.map((x) => per + 2 * (x - per) + 0.001);
    expect(alpha(r, b, { riskFree: 0.06, periodsPerYear: 12 })).toBeCloseTo(0.012, 12);
    const rfs = seriesFromArrays([0], [0.06]);
    const rS = seriesFromArrays([1, 2, 3, 4], r);
    const bS = seriesFromArrays([1, 2, 3, 4], b);
    expect(alpha(rS, bS, { riskFree: rfs, periodsPerYear: 12 })).toBeCloseTo(0.012, 12);
  });
  it("undefined cases are NaN and lengths are checked", () => {
    expect(beta([0.01, 0.02], [0.01, 0.01])).toBeNaN();
    expect(beta([], [])).toBeNaN();
    expect(beta([0.01], [0.02])).toBeNaN();
    expect(correlation([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(rSquared([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(alpha([0.01, 0.02], [0.01, 0.01])).toBeNaN();
    expect(() => beta([1, 2], [1])).toThrow(InvalidArgumentError);
    expect(() => correlation([1, 2], [1])).toThrow(InvalidArgumentError);
  });
  it("beta of a series against itself is 1; correlation in [−1, 1] (property)", () => {
    fc.assert(
      fc.property(rets, (r) => {
        const b = beta(r, r);
        if (Number.isNaN(b)) return; // constant input
        expect(b).toBeCloseTo(1, 12);
        expect(correlation(r, r)).toBeCloseTo(1, 12);
        const neg = r.map((x) => -x);
        expect(beta(neg, r)).toBeCloseTo(-1, 12);
        expect(
          Math.abs(
            correlation(
              r,
              r.map((x, i) => x * i),
            ) || 0,
          ),
        ).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe("capture, tracking error, information ratio", () => {
  it("hand cases", () => {
    const r = [0.02, -0.01, 0.04];
    const b = [0.01, -0.02, 0.02];
    expect(upCapture(r, b)).toBeCloseTo((Math.sqrt(1.02 * 1.04) - 1) / (Math.sqrt(1.01 * 1.02) - 1), 12);
    expect(downCapture(r, b)).toBeCloseTo(0.5, 12);
    expect(upCapture(r, [-0.01, -0.01, 0])).toBeNaN();
    expect(downCapture(r, [0.01, 0.01, 0])).toBeNaN();
    expect(upCapture(b, b)).toBeCloseTo(1, 14);
    const te = Math.sqrt(((0.01 - 0.01 / 3) ** 2 + 2 * (0.01 / 3) ** 2) / 2);
    expect(trackingError([0.02, 0.0, 0.01], [0.01, 0.0, 0.01], 1)).toBeCloseTo(te, 14);
    expect(trackingError([0.02, 0.0, 0.01], [0.01, 0.0, 0.01])).toBeCloseTo(te * Math.sqrt(252), 12);
    expect(informationRatio([0.02, 0.0, 0.01], [0.01, 0.0, 0.01], 1)).toBeCloseTo(0.01 / 3 / te, 12);
    expect(informationRatio(b, b)).toBeNaN();
    expect(
      informationRatio(
        b.map((x) => x + 0.001),
        b,
      ),
    ).toBeNaN(); // constant active return
    expect(trackingError([], [])).toBeNaN();
    expect(() => trackingError([1], [1], -1)).toThrow(InvalidArgumentError);
  });
});

describe("rolling beta / correlation", () => {
  it("hand cases", () => {
    const rb = rollingBeta(f([0.02, -0.04, 0.06, 0.01]), f([0.01, -0.02, 0.03, 0.01]), 3);
    expect(rb[0]).toBeNaN();
    expect(rb[1]).toBeNaN();
    expect(rb[2]).toBeCloseTo(2, 12);
    expect(rb[3]).toBeCloseTo(beta([-0.04, 0.06, 0.01], [-0.02, 0.03, 0.01]), 12);
    const rc = rollingCorrelation(f([1, 2, 3, 2]), f([2, 4, 6, 8]), 3);
    expect(rc[2]).toBeCloseTo(1, 12);
    expect(rc[3]).toBeCloseTo(0, 12);
  });
  it("edge cases: empty, window longer than the series, NaN gaps, bad window", () => {
    expect(rollingBeta(f([]), f([]), 3).length).toBe(0);
    expect([...rollingBeta(f([1, 2]), f([1, 3]), 5)].every(Number.isNaN)).toBe(true);
    const x = f([1, 2, NaN, 4, 5, 7]);
    const y = f([2, 3, 5, 3, 1, 2]);
    const rc = rollingCorrelation(x, y, 2);
    expect(rc[1]).toBeCloseTo(1, 12);
    expect(rc[2]).toBeNaN();
    expect(rc[3]).toBeNaN();
    expect(rc[4]).toBeCloseTo(-1, 12);
    expect(() => rollingBeta(f([1]), f([1]), 1)).toThrow(InvalidArgumentError);
    expect(() => rollingBeta(f([1]), f([1]), 2.5)).toThrow(InvalidArgumentError);
    expect(() => rollingBeta(f([1]), f([1, 2]), 2)).toThrow(InvalidArgumentError);
  });
  it("matches the full-window statistics at every point, with NaN gaps (property)", () => {
    const withNaN = fc.array(
      fc.oneof({ weight: 9, arbitrary: ret }, { weight: 1, arbitrary: fc.constant(Number.NaN) }),
      { minLength: 2, maxLength: 120 },
    );
    fc.assert(
      fc.property(withNaN, withNaN, fc.integer({ min: 2, max: 20 }), (xa, xb, w) => {
        const n = Math.min(xa.length, xb.length);
        const a = f(xa.slice(0, n));
        const b = f(xb.slice(0, n));
        const rb = rollingBeta(a, b, w);
        const rc = rollingCorrelation(a, b, w);
        for (let i = 0; i < n; i++) {
          const wa = a.subarray(Math.max(0, i - w + 1), i + 1);
          const wb = b.subarray(Math.max(0, i - w + 1), i + 1);
          const full = i >= w - 1 && [...wa, ...wb].every((v) => !Number.isNaN(v));
          if (!full) {
            expect(rb[i]).toBeNaN();
            continue;
          }
          const eb = beta(wa, wb);
          const ec = correlation(wa, wb);
          if (Number.isNaN(eb) || Math.abs(eb) > 1e6) continue; // near-constant window: ill-conditioned
          expect(rb[i]).toBeCloseTo(eb, 6);
          if (!Number.isNaN(ec)) expect(rc[i]).toBeCloseTo(ec, 6);
        }
      }),
    );
  });
});
