/**
 * Accurate sliding-window sums: the numerics shared by every rolling kernel of `@cyclelens/core`
 * (SMA, WMA, Bollinger, rolling mean/std/z-score, rolling beta/correlation, rolling rate
 * sensitivity, positioning windows) and by their streaming forms. Internal: not exported from the
 * package entry.
 *
 * The problem. A plain running sum (`s += x; s -= old`) or a sliding Welford update keeps, in
 * absolute terms, the rounding error of every value it ever held. When a series falls from 135 to
 * 3e-5 (the benchmark's own random walk), or sits at 1e9 with noise of 1, or turns constant after a
 * volatile stretch, that old error is far larger than the current window's mean or spread: bands
 * of zero width, z-scores off by percents.
 *
 * The technique (chosen by measurement, see the core README):
 * 1. **A shifted origin.** Moments are running sums of d = x − k, d² (and dx·dy for pairs) around a
 *    shift k close to the window mean, so Σd² − (Σd)²/n loses no digits to a large offset (1e9 +
 *    noise), and d is computed identically when a value enters and when it leaves.
 * 2. **A running error bound.** Each update adds the magnitude of what it rounded to a bound B
 *    (in units of ε; a standard a-priori bound for recursive summation, Higham, *Accuracy and
 *    Stability of Numerical Algorithms*, 2nd ed., §4.2). When ε·B exceeds {@link ERROR_BUDGET}·ε =
 *    1e-11 of the current result (the mean, or the window's Σ(x − mean)²), the sums are no longer
 *    trusted.
 * 3. **Exact re-centring.** Then — which includes a window turned constant, where the bound exceeds
 *    a zero spread — the sums are recomputed from the window's own values (TwoSum-compensated, Knuth
 *    *TAOCP* vol. 2 §4.2.2) around a new shift: the window mean, or the common value of a constant
 *    window, whose sums are then exactly 0 (σ = 0 exactly, and it stays exact while the window stays
 *    constant). That costs O(window) and happens every few hundred points on a random walk. When only
 *    the mean drifts more than {@link RECENTRE_SD} standard deviations from k, the shift moves to the
 *    mean in O(1) (the sums are shifted algebraically, their rounding added to the bounds). So the
 *    kernels stay O(1) amortised per point.
 *
 * TwoSum compensation on every update was tried first: as accurate, but no faster in the Bollinger
 * loop (9–11 ms vs 8–9 ms on 1,000,000 points into reused buffers) and it still needs the shift for a
 * large offset. Re-centring exactly on every drift instead of moving the shift in O(1) re-read the
 * window every ~140 points of a random walk (4 ms of the 9). The SMA alone keeps a TwoSum-compensated
 * sum: it needs no shift, and the extra operations hide in the latency of the sum.
 *
 * Result: every rolling kernel stays within ~1e-12 relative of an exact per-window recomputation on
 * the adversarial series of `window-sums.test.ts` (a fall of five orders of magnitude, 1e9 + small
 * noise, a constant stretch after a volatile one, 10^7 points).
 */

/**
 * Re-centre when |mean − k| > RECENTRE_SD · σ (population), i.e. (Σd)² > RECENTRE_SD² · n · M2.
 * With k that close, Σd² − (Σd)²/n cancels at most a factor 1 + RECENTRE_SD² = 65 (under two of
 * the ~16 decimal digits); 8 measured fastest (4 re-centres far more often, 32 lets the error bound
 * grow faster, since Σd² is then larger than M2).
 */
export const RECENTRE_SD = 8;
const RECENTRE_SQ = RECENTRE_SD * RECENTRE_SD;

/**
 * The error budget, in units of ε: re-centre when the bound B on the rounding error of a sum
 * exceeds ERROR_BUDGET × the quantity it feeds (1e-11 relative).
 */
export const ERROR_BUDGET = 1e-11 / Number.EPSILON;

/** `values[(start + j) % wrap]`: batch kernels pass `wrap = values.length`, streaming forms their ring length. */
function at(values: Float64Array, start: number, j: number, wrap: number): number {
  const i = start + j;
  return values[i < wrap ? i : i - wrap]!;
}

/**
 * The shift for re-centring: the first valid value when every valid value equals it, otherwise
 * the mean of the valid values (accumulated around the first one). 0 for an empty window.
 */
export function windowShift(values: Float64Array, start: number, length: number, wrap: number): number {
  return pairShift(values, values, start, length, wrap);
}

/** {@link windowShift} of `a` over the entries where neither `a` nor `b` is NaN. */
function pairShift(a: Float64Array, b: Float64Array, start: number, length: number, wrap: number): number {
  let first = Number.NaN;
  let sum = 0;
  let n = 0;
  let same = true;
  for (let j = 0; j < length; j++) {
    const x = at(a, start, j, wrap);
    const y = at(b, start, j, wrap);
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    if (n === 0) first = x;
    else if (x !== first) same = false;
    sum += x - first;
    n++;
  }
  if (n === 0) return 0;
  return same ? first : first + sum / n;
}

/**
 * TwoSum-compensated Σ(x − k) and Σ(x − k)² of the window's valid values (`values[(start + j) %
 * wrap]`, j < length) around k = {@link windowShift}: writes [k, count, Σd, Σd²] into `state`.
 * Used by fused kernels that keep their sums on locals.
 */
export function recentreInto(
  values: Float64Array,
  start: number,
  length: number,
  wrap: number,
  state: Float64Array,
): void {
  const k = windowShift(values, start, length, wrap);
  let n = 0;
  let s1 = 0;
  let e1 = 0;
  let s2 = 0;
  let e2 = 0;
  for (let j = 0; j < length; j++) {
    const x = at(values, start, j, wrap);
    if (Number.isNaN(x)) continue;
    const d = x - k;
    let t = s1 + d;
    let z = t - s1;
    e1 += s1 - (t - z) + (d - z);
    s1 = t;
    const q = d * d;
    t = s2 + q;
    z = t - s2;
    e2 += s2 - (t - z) + (q - z);
    s2 = t;
    n++;
  }
  state[0] = k;
  state[1] = n;
  state[2] = s1 + e1;
  state[3] = s2 + e2;
}

/**
 * True when sums Σd = s1 and Σd² = s2 of `n` values around `shift`, with error bounds b1 and b2
 * (units of ε), need {@link rebase}: a bound passed ERROR_BUDGET × the mean or M2 = s2 − s1²/n
 * (which includes a window turned constant), or the mean drifted more than RECENTRE_SD σ from the
 * shift. Kernels inline this test.
 */
export function mustRebase(
  n: number,
  shift: number,
  s1: number,
  s2: number,
  b1: number,
  b2: number,
): boolean {
  const m2 = s2 - (s1 * s1) / n;
  return (
    b2 + (2 * Math.abs(s1) * b1) / n > ERROR_BUDGET * m2 ||
    b1 > ERROR_BUDGET * Math.abs(s1 + n * shift) ||
    s1 * s1 > RECENTRE_SQ * n * m2
  );
}

/**
 * Restores the sums of a window that {@link mustRebase} flagged, writing [shift, s1, s2, b1, b2]
 * into `state`: when an error bound passed the budget, an exact recomputation from the window's
 * valid values (`values[(start + j) % wrap]`, j < length) via {@link recentreInto}; when only the
 * mean drifted, an O(1) move of the shift to the mean (s1 → ≈ 0, s2 → ≈ M2, bounds carried over).
 * Kept out of the kernels on purpose: code that a kernel's first calls never ran (no type
 * feedback) deoptimises it when first taken, measured 2–3× slower afterwards.
 */
export function rebase(
  values: Float64Array,
  start: number,
  length: number,
  wrap: number,
  n: number,
  shift: number,
  s1: number,
  s2: number,
  b1: number,
  b2: number,
  state: Float64Array,
): void {
  const m2 = s2 - (s1 * s1) / n;
  const a1 = Math.abs(s1);
  if (b2 + (2 * a1 * b1) / n > ERROR_BUDGET * m2 || b1 > ERROR_BUDGET * Math.abs(s1 + n * shift)) {
    recentreInto(values, start, length, wrap, scratch);
    state[0] = scratch[0]!;
    state[1] = scratch[2]!;
    state[2] = scratch[3]!;
    state[3] = Math.abs(scratch[2]!);
    state[4] = scratch[3]!;
  } else {
    // New shift k' = k + δ, δ = k' − k as represented (k' is rounded): Σ(x − k') = s1 − nδ and
    // Σ(x − k')² = s2 − δ(2·s1 − nδ), each with its rounding added to the bounds.
    const next = shift + s1 / n;
    const delta = next - shift;
    const t1 = s1 - n * delta;
    const t2 = s2 - delta * (2 * s1 - n * delta);
    state[0] = next;
    state[1] = t1;
    state[2] = t2;
    state[3] = b1 + a1 + Math.abs(t1);
    state[4] = b2 + Math.abs(s2) + Math.abs(t2) + 2 * Math.abs(delta * s1) + (2 * a1 * b1) / n;
  }
}

const scratch = new Float64Array(4);

/**
 * Running sums of the shifted values of a window (univariate), with their error bounds. The
 * window's values are owned by the caller (an input array or a ring buffer); `NaN`s are never
 * added. Call {@link refresh} before reading {@link mean} or {@link m2}.
 */
export class WindowMoments {
  /** The origin k of the shifted sums. */
  shift = 0;
  count = 0;
  /** Σ(x − k). */
  s1 = 0;
  /** Σ(x − k)². */
  s2 = 0;
  /** Bounds on the rounding errors of s1 and s2, in units of ε. */
  b1 = 0;
  b2 = Number.POSITIVE_INFINITY;

  reset(): void {
    this.shift = this.count = this.s1 = this.s2 = this.b1 = 0;
    // an infinite bound: the first full window is computed exactly (as in the Bollinger kernel)
    this.b2 = Number.POSITIVE_INFINITY;
  }

  /** Adds one value (not NaN). */
  add(x: number): void {
    const d = x - this.shift;
    const s1 = this.s1 + d;
    const s2 = this.s2 + d * d;
    this.s1 = s1;
    this.s2 = s2;
    this.b1 += Math.abs(d) + Math.abs(s1);
    this.b2 += d * d + Math.abs(s2);
    this.count++;
  }

  /** Removes one value that is in the sums (not NaN). */
  remove(x: number): void {
    if (this.count === 1) {
      this.reset();
      return;
    }
    const d = x - this.shift;
    const s1 = this.s1 - d;
    const s2 = this.s2 - d * d;
    this.s1 = s1;
    this.s2 = s2;
    this.b1 += Math.abs(d) + Math.abs(s1);
    this.b2 += d * d + Math.abs(s2);
    this.count--;
  }

  /** x enters and o leaves (both valid; the count is unchanged). */
  slide(x: number, o: number): void {
    const dx = x - this.shift;
    const dox = o - this.shift;
    const qx = dx * dx;
    const qo = dox * dox;
    const s1 = this.s1 + (dx - dox);
    const s2 = this.s2 + (qx - qo);
    this.s1 = s1;
    this.s2 = s2;
    this.b1 += Math.abs(dx) + Math.abs(dox) + Math.abs(s1);
    this.b2 += qx + qo + Math.abs(s2);
  }

  /**
   * Re-centres from the window's values `values[(start + j) % wrap]`, j < length (the values in
   * the sums, NaNs skipped) when the sums can no longer give the mean and M2 to the budget.
   */
  refresh(values: Float64Array, start: number, length: number, wrap: number): void {
    const n = this.count;
    if (n === 0 || !mustRebase(n, this.shift, this.s1, this.s2, this.b1, this.b2)) return;
    const st = rebaseState;
    rebase(values, start, length, wrap, n, this.shift, this.s1, this.s2, this.b1, this.b2, st);
    this.shift = st[0]!;
    this.s1 = st[1]!;
    this.s2 = st[2]!;
    this.b1 = st[3]!;
    this.b2 = st[4]!;
  }

  /** The mean of the values in the sums. */
  mean(): number {
    return this.shift + this.s1 / this.count;
  }

  /** x − mean, from the shifted sums: (x − k) − Σ(x − k)/n keeps its digits on a large offset. */
  deviation(x: number): number {
    return x - this.shift - this.s1 / this.count;
  }

  /** Σ(x − mean)², never negative; exactly 0 for a constant window once refreshed. */
  m2(): number {
    const r = this.s2 - (this.s1 * this.s1) / this.count;
    return Math.max(r, 0);
  }
}

const rebaseState = new Float64Array(5);

/**
 * Running co-moment sums of pairs (x, y) around shifts (kx, ky), with error bounds: Σdx, Σdy,
 * Σdx², Σdy², Σdx·dy. For rolling beta, correlation and regression. Call {@link refresh} before
 * reading {@link centred}.
 */
export class WindowComoments {
  kx = 0;
  ky = 0;
  count = 0;
  sx = 0;
  sy = 0;
  sxx = 0;
  syy = 0;
  sxy = 0;
  /** Error bounds (units of ε) of sx, sy, sxx, syy, sxy. */
  bx = 0;
  by = 0;
  bxx = 0;
  byy = 0;
  bxy = 0;

  reset(): void {
    this.kx = this.ky = this.count = 0;
    this.sx = this.sy = this.sxx = this.syy = this.sxy = 0;
    this.bx = this.by = this.bxx = this.byy = this.bxy = 0;
  }

  private update(dx: number, dy: number, sign: number): void {
    const sx = this.sx + sign * dx;
    const sy = this.sy + sign * dy;
    const sxx = this.sxx + sign * dx * dx;
    const syy = this.syy + sign * dy * dy;
    const pxy = dx * dy;
    const sxy = this.sxy + sign * pxy;
    this.sx = sx;
    this.sy = sy;
    this.sxx = sxx;
    this.syy = syy;
    this.sxy = sxy;
    this.bx += Math.abs(dx) + Math.abs(sx);
    this.by += Math.abs(dy) + Math.abs(sy);
    this.bxx += dx * dx + Math.abs(sxx);
    this.byy += dy * dy + Math.abs(syy);
    this.bxy += Math.abs(pxy) + Math.abs(sxy);
  }

  /** Copies the 13 state fields into `into` (for an undo). */
  save(into: Float64Array): void {
    into[0] = this.kx;
    into[1] = this.ky;
    into[2] = this.count;
    into[3] = this.sx;
    into[4] = this.sy;
    into[5] = this.sxx;
    into[6] = this.syy;
    into[7] = this.sxy;
    into[8] = this.bx;
    into[9] = this.by;
    into[10] = this.bxx;
    into[11] = this.byy;
    into[12] = this.bxy;
  }

  /** Restores the state saved by {@link save}. */
  load(from: Float64Array): void {
    this.kx = from[0]!;
    this.ky = from[1]!;
    this.count = from[2]!;
    this.sx = from[3]!;
    this.sy = from[4]!;
    this.sxx = from[5]!;
    this.syy = from[6]!;
    this.sxy = from[7]!;
    this.bx = from[8]!;
    this.by = from[9]!;
    this.bxx = from[10]!;
    this.byy = from[11]!;
    this.bxy = from[12]!;
  }

  /** Adds one pair (neither NaN). */
  add(x: number, y: number): void {
    this.update(x - this.kx, y - this.ky, 1);
    this.count++;
  }

  /** Removes one pair that is in the sums. */
  remove(x: number, y: number): void {
    if (this.count === 1) {
      this.reset();
      return;
    }
    this.update(x - this.kx, y - this.ky, -1);
    this.count--;
  }

  private mustRecentre(): boolean {
    const n = this.count;
    const sx = this.sx;
    const sy = this.sy;
    if (mustRebase(n, this.kx, sx, this.sxx, this.bx, this.bxx)) return true;
    if (mustRebase(n, this.ky, sy, this.syy, this.by, this.byy)) return true;
    // Σ(x − x̄)(y − ȳ) to the budget of √(Mxx·Myy) (correlation to 1e-11 absolute).
    const cxx = this.sxx - (sx * sx) / n;
    const cyy = this.syy - (sy * sy) / n;
    const bound = this.bxy + (Math.abs(sx) * this.by + Math.abs(sy) * this.bx) / n;
    return bound * bound > ERROR_BUDGET * ERROR_BUDGET * cxx * cyy;
  }

  /** Re-centres from the window's pairs (NaN pairs skipped) when the sums are out of budget. */
  refresh(xs: Float64Array, ys: Float64Array, start: number, length: number, wrap: number): void {
    if (this.count === 0 || !this.mustRecentre()) return;
    this.reset();
    this.kx = pairShift(xs, ys, start, length, wrap);
    this.ky = pairShift(ys, xs, start, length, wrap);
    // Compensated recomputation: TwoSum on each of the five sums.
    const kx = this.kx;
    const ky = this.ky;
    const s = new Float64Array(5);
    const e = new Float64Array(5);
    const d = new Float64Array(5);
    let n = 0;
    for (let j = 0; j < length; j++) {
      const x = at(xs, start, j, wrap);
      const y = at(ys, start, j, wrap);
      if (Number.isNaN(x) || Number.isNaN(y)) continue;
      const dx = x - kx;
      const dy = y - ky;
      d[0] = dx;
      d[1] = dy;
      d[2] = dx * dx;
      d[3] = dy * dy;
      d[4] = dx * dy;
      for (let c = 0; c < 5; c++) {
        const a = s[c]!;
        const b = d[c]!;
        const t = a + b;
        const z = t - a;
        e[c]! += a - (t - z) + (b - z);
        s[c] = t;
      }
      n++;
    }
    this.count = n;
    this.sx = s[0]! + e[0]!;
    this.sy = s[1]! + e[1]!;
    this.sxx = s[2]! + e[2]!;
    this.syy = s[3]! + e[3]!;
    this.sxy = s[4]! + e[4]!;
    this.bx = Math.abs(this.sx);
    this.by = Math.abs(this.sy);
    this.bxx = this.sxx;
    this.byy = this.syy;
    this.bxy = Math.abs(this.sxy);
  }

  /** Σ(x − x̄)², Σ(y − ȳ)² (both ≥ 0) and Σ(x − x̄)(y − ȳ), written into `into[0..2]`. */
  centredInto(into: Float64Array): void {
    const n = this.count;
    const cxx = this.sxx - (this.sx * this.sx) / n;
    const cyy = this.syy - (this.sy * this.sy) / n;
    into[0] = Math.max(cxx, 0);
    into[1] = Math.max(cyy, 0);
    into[2] = this.sxy - (this.sx * this.sy) / n;
  }

  meanX(): number {
    return this.kx + this.sx / this.count;
  }

  meanY(): number {
    return this.ky + this.sy / this.count;
  }
}
