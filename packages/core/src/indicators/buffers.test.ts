// Tests for caller-provided output buffers (`out` options), `percentB: false` and non-Float64Array
// inputs of sma, ema, emaWithAlpha, rsi, atr, macd and bollingerBands.
import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../errors.js";
import { atr } from "./atr.js";
import { bollingerBands } from "./bollinger.js";
import { ema, emaWithAlpha } from "./ema.js";
import { macd } from "./macd.js";
import { rsi } from "./rsi.js";
import { sma } from "./sma.js";

/** Pseudo-random walk with a few NaNs. */
function walk(n: number, seed = 7): Float64Array {
  let s = seed >>> 0;
  const r = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const out = new Float64Array(n);
  let p = 100;
  for (let i = 0; i < n; i++) {
    p *= 1 + (r() - 0.5) * 0.04;
    out[i] = r() < 0.03 ? Number.NaN : p;
  }
  return out;
}
const px = walk(500);
const hi = px.map((v) => v * 1.01);
const lo = px.map((v) => v * 0.99);
/** Bit-for-bit equality (NaN equals NaN). */
const same = (a: Float64Array, b: Float64Array) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Object.is(a[i], b[i])).toBe(true);
};
/** A dirty buffer: every element must be overwritten. */
const dirty = (n = px.length) => new Float64Array(n).fill(12345);

describe("out buffers", () => {
  it("single-output indicators write into `out`, return it, and match the allocating call", () => {
    const cases: [(o?: { out?: Float64Array }) => Float64Array][] = [
      [(o) => sma(px, 20, o)],
      [(o) => ema(px, 20, o)],
      [(o) => emaWithAlpha(px, 14, 1 / 14, o)],
      [(o) => rsi(px, 14, o)],
      [(o) => atr(hi, lo, px, 14, o)],
    ];
    for (const [fn] of cases) {
      const buf = dirty();
      const r = fn({ out: buf });
      expect(r).toBe(buf);
      same(r, fn());
    }
  });
  it("macd and bollingerBands write into the given arrays (any subset)", () => {
    const m = macd(px, 12, 26, 9);
    const line = dirty();
    const hist = dirty();
    const mo = macd(px, 12, 26, 9, { out: { macd: line, histogram: hist } });
    expect(mo.macd).toBe(line);
    expect(mo.histogram).toBe(hist);
    same(mo.macd, m.macd);
    same(mo.signal, m.signal);
    same(mo.histogram, m.histogram);

    const b = bollingerBands(px, 20, 2);
    const bufs = { middle: dirty(), upper: dirty(), lower: dirty(), percentB: dirty() };
    const bo = bollingerBands(px, 20, 2, { out: bufs });
    expect(bo.middle).toBe(bufs.middle);
    expect(bo.percentB).toBe(bufs.percentB);
    for (const key of ["middle", "upper", "lower", "percentB"] as const) same(bo[key], b[key]);
  });
  it("bollingerBands { percentB: false } gives the same bands and no %B", () => {
    const b = bollingerBands(px, 20, 2);
    const bands = bollingerBands(px, 20, 2, { percentB: false });
    expect("percentB" in bands).toBe(false);
    same(bands.middle, b.middle);
    same(bands.upper, b.upper);
    same(bands.lower, b.lower);
  });
  it("rejects a wrong length, a non-Float64Array and memory shared with inputs or outputs", () => {
    const expectArg = (fn: () => unknown, argument: string) => {
      try {
        fn();
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidArgumentError);
        expect((e as InvalidArgumentError).argument).toBe(argument);
      }
    };
    expectArg(() => sma(px, 5, { out: new Float64Array(3) }), "out");
    expectArg(() => ema(px, 5, { out: new Array(px.length).fill(0) as unknown as Float64Array }), "out");
    expectArg(() => rsi(px, 5, { out: px }), "out");
    const big = new Float64Array(px.length + 10);
    big.set(px);
    const view = big.subarray(0, px.length);
    expectArg(() => sma(view, 5, { out: big.subarray(5, 5 + px.length) }), "out");
    expectArg(() => atr(hi, lo, px, 5, { out: hi }), "out");
    const shared = dirty();
    expectArg(() => macd(px, 12, 26, 9, { out: { macd: shared, signal: shared } }), "out.signal");
    expectArg(() => bollingerBands(px, 20, 2, { out: { middle: shared, percentB: shared } }), "out.percentB");
    expectArg(() => bollingerBands(px, 20, 2, { out: { upper: new Float64Array(1) } }), "out.upper");
    // Disjoint views of one buffer are fine.
    const two = new Float64Array(2 * px.length);
    const mo = macd(px, 12, 26, 9, {
      out: { macd: two.subarray(0, px.length), signal: two.subarray(px.length) },
    });
    same(mo.signal, macd(px, 12, 26, 9).signal);
    // Empty input, empty buffers.
    expect(sma(new Float64Array(0), 3, { out: new Float64Array(0) }).length).toBe(0);
  });
  it("number[] input gives the same result as Float64Array input", () => {
    const arr = Array.from(px);
    same(sma(arr, 20), sma(px, 20));
    same(rsi(arr, 14), rsi(px, 14));
    same(atr(Array.from(hi), Array.from(lo), arr, 14), atr(hi, lo, px, 14));
    same(macd(arr).histogram, macd(px).histogram);
    same(bollingerBands(arr).percentB, bollingerBands(px).percentB);
  });
});
