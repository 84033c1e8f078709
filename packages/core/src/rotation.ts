/**
 * **Rotation signal**: a transparent composite score in [−100, 100] answering "are conditions in
 * place for small caps to lead large caps?" (+100: everything points to small-cap leadership,
 * −100: to large-cap leadership). It is a documented rule, not a fitted model: every component is
 * reported with its raw value, its normalised value in [−1, 1], its weight, its contribution and its
 * status (`available`, `no-data`, `stale`, `insufficient-history`).
 *
 * ## Components (default weights in brackets; clamp(x) = min(1, max(−1, x)))
 * Free data first (prices, the FOMC record, FRED), then the two inputs without a free source.
 * With R = small / large (the ratio line on common dates, valid values on or before `asOf`):
 * 1. `relativeTrend` [0.15] — raw = R_now / mean(last `movingAverageDays` R) − 1 (default 200
 *    observations); normalised = clamp(raw / 0.10): a ratio 10 % above its moving average is +1.
 * 2. `relativeMomentum` [0.15] — raw = mean of the 3-, 6- and 12-month changes of R
 *    (R_now / R on or before `addMonths(date, −k)` − 1, dated at the last ratio date); normalised =
 *    clamp(raw / 0.10). Needs 12 months of ratio history.
 * 3. `rateCycle` [0.15] — from `detectRateCycles`, using only moves confirmed on or before `asOf`
 *    (`confirmedOn`, no look-ahead). The cycle of the last move is **active** when that move is at most
 *    `cycleActiveDays` (default 400) before `asOf`. raw = days since the active cycle's first move (NaN when
 *    none is active). Mapping: easing ≤ 365 days old → +1 (early easing), ≤ 730 → +0.5, older → +0.25;
 *    tightening ≤ 365 days old → −1, older → −0.5; no active cycle → 0 (neutral, still available).
 *    Stale when `rateDataEnd` is given and more than `rateStaleDays` (default 62) before `asOf`.
 * 4. `yieldCurve` [0.15] — s = the curve spread on or before `asOf` (percentage points, e.g. DGS10 − DGS2),
 *    c = its change over 6 months; raw = s; normalised = ½·clamp(s / 1.5) + ½·clamp(c / 0.75): a steep
 *    (≥ 1.5 pp) and steepening (≥ +75 bp in 6 months) curve is +1, an inverted and flattening one −1.
 *    Needs 6 months of spread history; stale when the last spread is more than `dailyStaleDays` (14) old.
 * 5. `labour` [0.10] — s = the Sahm-rule indicator as known on `asOf` (pass it dated on the day each value
 *    was known, see `knownOnSeries`), d = s − the value known 3 months earlier; raw = s. Mapping: s ≥ 0.5 and
 *    d > 0 (recession signal, unemployment still rising) → −1; s ≥ 0.5 and d ≤ 0 (past the surge: the
 *    early-cycle phase after 1991, 2002, 2009 and 2020) → +0.5; 0.3 ≤ s < 0.5 and d > 0 (warning) → −0.5;
 *    otherwise 0 (calm). Stale when the last value is more than `monthlyStaleDays` (62) old.
 * 6. `breadth` [0.05] — equal weight against cap weight (e.g. RSP/SPY): raw = ratio / its
 *    `movingAverageDays` average − 1; normalised = clamp(raw / 0.05). A broadening market favours small caps.
 * 7. `cyclicals` [0.05] — cyclicals against defensives (e.g. XLY/XLP), same formula: risk appetite.
 * 8. `valuation` [0.12] — raw = percentile (0–100) of the small-minus-large valuation gap in its
 *    own history; normalised = 1 − raw / 50: small caps at their cheapest relative to history (0) → +1,
 *    median (50) → 0, dearest (100) → −1. One number (`valuationPercentile`) or, over time, a series of
 *    percentiles each ranked against the history up to its date (`valuationPercentiles`; stale after
 *    `monthlyStaleDays`).
 * 9. `positioning` [0.08] — raw = percentile (0–100) of small-cap positioning vs its history; contrarian:
 *    normalised = 1 − raw / 50 (under-owned → +1, crowded → −1). Same two forms.
 *
 * ## Why these weights
 * - Trend and momentum (0.30 together) measure leadership itself, daily, without revisions or publication
 *   lags; split in two so that neither a trend whipsaw nor a momentum lag decides alone.
 * - Rate cycle (0.15): small companies rely more on bank and floating-rate debt, so easing lowers their
 *   costs sooner; kept at 0.15 because easing starts alone have not reliably led to small-cap leadership
 *   (the README's real-data event study: mean 12-month excess ≈ 0 over four cycles).
 * - Yield curve (0.15): the best free recession signal (every US recession since the 1970s followed an
 *   inversion); a steep, steepening curve is the early-cycle setting in which small caps have led.
 * - Labour (0.10): the Sahm rule dates a recession's onset reliably but a few months late, monthly and
 *   revised; it says more about the phase than about leadership, hence less weight.
 * - Breadth and cyclicals (0.05 each): confirmations from market internals, correlated with the price
 *   components, so kept small to avoid counting the same evidence twice.
 * - Valuation (0.12) and positioning (0.08): slow, mean-reverting over years, and without a free source; they
 *   add the contrarian side when present but cannot be the backbone of a signal that must work on free data.
 *
 * ## Score, missing inputs, sufficiency, label
 * score = 100 · Σ wᵢ·nᵢ / Σ wᵢ over the **available** components. A component whose input is missing,
 * stale or too short is reported with its status and a detail, and contributes nothing; the remaining
 * weights are renormalised to sum to 1 (`effectiveWeight`), so `Σ contribution = score` and the score stays
 * in [−100, 100]. `availableWeight` = Σ nominal weights of the available components; the signal is
 * **sufficient** when it is at least `minimumWeight` (default 0.5: half of the evidence; the free price and
 * macro components make 0.80). With no available component the score is NaN and the label
 * `"insufficient data"`. Labels: score ≥ 50 "strong small-cap leadership", ≥ 15 "small-cap leaning",
 * > −15 "neutral", > −50 "large-cap leaning", otherwise "strong large-cap leadership".
 *
 * ## Over time
 * {@link prepareRotationSignal} does the O(n) work once (ratio lines, prefix sums) and evaluates any date in
 * O(log n + moves), so {@link rotationSignalHistory} computes the signal on every month end of 25 years in
 * one pass; each evaluation uses only data dated on or before its date (see the components' rules).
 */
import { lastConfirmedMove, type RateCycle } from "./cycles.js";
import { addMonths, formatISODate } from "./dates.js";
import { assertPositiveInteger, InvalidArgumentError } from "./errors.js";
import { type RatioTrend, ratioTrend } from "./ratio-trend.js";
import { relativeStrength } from "./relative.js";
import { assertSeries, indexOnOrBefore, type Series } from "./series.js";

/** Names of the rotation components, in output order. */
export type RotationComponentName =
  | "relativeTrend"
  | "relativeMomentum"
  | "rateCycle"
  | "yieldCurve"
  | "labour"
  | "breadth"
  | "cyclicals"
  | "valuation"
  | "positioning";

/** Label of a rotation score. */
export type RotationLabel =
  | "strong small-cap leadership"
  | "small-cap leaning"
  | "neutral"
  | "large-cap leaning"
  | "strong large-cap leadership"
  | "insufficient data";

/** Whether a component counts, and if not why. */
export type RotationComponentStatus = "available" | "no-data" | "stale" | "insufficient-history";

/** Default component weights (sum 1), see the module documentation for the reasons. */
export const DEFAULT_ROTATION_WEIGHTS: Readonly<Record<RotationComponentName, number>> = Object.freeze({
  relativeTrend: 0.15,
  relativeMomentum: 0.15,
  rateCycle: 0.15,
  yieldCurve: 0.15,
  labour: 0.1,
  breadth: 0.05,
  cyclicals: 0.05,
  valuation: 0.12,
  positioning: 0.08,
});

/** The components fed by free public data (prices, the FOMC record, FRED). */
export const FREE_ROTATION_COMPONENTS: readonly RotationComponentName[] = Object.freeze([
  "relativeTrend",
  "relativeMomentum",
  "rateCycle",
  "yieldCurve",
  "labour",
  "breadth",
  "cyclicals",
]);

/** Default share of the nominal weight a signal needs to be sufficient. */
export const DEFAULT_ROTATION_MINIMUM_WEIGHT = 0.5;

/** Inputs of {@link rotationSignal}; every field is optional (missing → component `no-data`). */
export interface RotationInputs {
  /** Small-cap prices, adjusted close (e.g. IWM). */
  readonly small?: Series;
  /** Large-cap prices, adjusted close (e.g. SPY). */
  readonly large?: Series;
  /** Percentile (0–100) of the small − large valuation gap in its history; low = small caps cheap. */
  readonly valuationPercentile?: number;
  /** Rate cycles from `detectRateCycles`. */
  readonly rateCycles?: readonly RateCycle[];
  /** Last observation of the rate series the cycles come from (for staleness); unchecked when absent. */
  readonly rateDataEnd?: number;
  /** Percentile (0–100) of small-cap positioning in its history; low = under-owned. */
  readonly positioningPercentile?: number;
  /**
   * Over time instead of one number: the valuation-gap percentile of each date, each ranked only against the
   * history up to that date, dated when known (used when `valuationPercentile` is absent).
   */
  readonly valuationPercentiles?: Series;
  /** The same for positioning (used when `positioningPercentile` is absent). */
  readonly positioningPercentiles?: Series;
  /** Curve spread in percentage points (e.g. `curveSpread(dgs10, dgs2)`), dated when known. */
  readonly curveSpread?: Series;
  /** Sahm-rule indicator (percentage points) dated on the day each value was known (`knownOnSeries`). */
  readonly sahm?: Series;
  /** Equal-weight and cap-weight prices (e.g. RSP and SPY). */
  readonly breadth?: { readonly equal: Series; readonly cap: Series };
  /** Cyclical and defensive prices (e.g. XLY and XLP). */
  readonly cyclicals?: { readonly cyclical: Series; readonly defensive: Series };
  /** Evaluation date (epoch day). Default: the last date of the small/large ratio. */
  readonly asOf?: number;
}

/** Options of {@link rotationSignal}. */
export interface RotationOptions {
  /** Ratio moving-average length in observations (integer ≥ 2). Default 200. */
  readonly movingAverageDays?: number;
  /** A rate cycle is active when its last move is at most this many days before asOf. Default 400. */
  readonly cycleActiveDays?: number;
  /** Weights (finite, ≥ 0) overriding {@link DEFAULT_ROTATION_WEIGHTS}. */
  readonly weights?: Partial<Record<RotationComponentName, number>>;
  /** Share of the total nominal weight needed for a sufficient signal, in [0, 1]. Default 0.5. */
  readonly minimumWeight?: number;
  /** Days after which a daily input (prices, spread) is stale against asOf. Default 14. */
  readonly dailyStaleDays?: number;
  /** Days after which a monthly input (the Sahm indicator) is stale against asOf. Default 62. */
  readonly monthlyStaleDays?: number;
  /** Days after which the rate series is stale (when `rateDataEnd` is given). Default 62. */
  readonly rateStaleDays?: number;
}

/** One component of the rotation signal. */
export interface RotationComponent {
  readonly name: RotationComponentName;
  readonly available: boolean;
  /** Counted, or why not. */
  readonly status: RotationComponentStatus;
  /** Raw value in the component's own units (see the module documentation); NaN when unavailable. */
  readonly raw: number;
  /** Normalised value in [−1, 1]; NaN when unavailable. */
  readonly normalized: number;
  /** Nominal weight. */
  readonly weight: number;
  /** Weight after renormalising over the available components (0 when unavailable). */
  readonly effectiveWeight: number;
  /** 100 · effectiveWeight · normalized; the contributions sum to the score. */
  readonly contribution: number;
  /** What was computed, or why the component is unavailable. */
  readonly detail: string;
}

/** Result of {@link rotationSignal}. */
export interface RotationSignal {
  /** Evaluation date (epoch day), NaN if unknown. */
  readonly asOf: number;
  /** Composite score in [−100, 100]; NaN when no component is available. */
  readonly score: number;
  readonly label: RotationLabel;
  readonly components: readonly RotationComponent[];
  /** Sum of the nominal weights of the available components. */
  readonly availableWeight: number;
  /** Sum of all nominal weights (1 with the defaults). */
  readonly totalWeight: number;
  /** The share of the total weight needed for a sufficient signal. */
  readonly minimumWeight: number;
  /** availableWeight ≥ minimumWeight × totalWeight. */
  readonly sufficient: boolean;
}

const clamp = (x: number): number => Math.min(1, Math.max(-1, x));

/**
 * Label of a rotation score (thresholds ±15 and ±50; NaN → "insufficient data").
 *
 * @example
 * import { rotationLabel } from "@cyclelens/core";
 * rotationLabel(62); // "strong small-cap leadership"
 * rotationLabel(-20); // "large-cap leaning"
 */
export function rotationLabel(score: number): RotationLabel {
  if (Number.isNaN(score)) return "insufficient data";
  if (score >= 50) return "strong small-cap leadership";
  if (score >= 15) return "small-cap leaning";
  if (score > -15) return "neutral";
  if (score > -50) return "large-cap leaning";
  return "strong large-cap leadership";
}

interface Part {
  status: RotationComponentStatus;
  raw: number;
  normalized: number;
  detail: string;
}

const missing = (status: Exclude<RotationComponentStatus, "available">, detail: string): Part => ({
  status,
  raw: Number.NaN,
  normalized: Number.NaN,
  detail,
});
const ok = (raw: number, normalized: number, detail: string): Part => ({
  status: "available",
  raw,
  normalized,
  detail,
});
const pct = (x: number) => `${(x * 100).toFixed(2)} %`;

function percentilePart(argument: string, p: number | undefined, what: string): Part {
  if (p === undefined || Number.isNaN(p)) return missing("no-data", `no ${what} percentile`);
  if (typeof p !== "number" || !(p >= 0 && p <= 100)) {
    throw new InvalidArgumentError(
      argument,
      p,
      "must be a percentile in [0, 100] (or NaN/undefined if unknown)",
    );
  }
  return ok(p, 1 - p / 50, `${what} percentile ${p.toFixed(1)}`);
}

/** Valid values of a series (NaN dropped), compact. */
function compact(argument: string, s: Series): { dates: Int32Array; values: Float64Array } {
  assertSeries(argument, s);
  const d: number[] = [];
  const v: number[] = [];
  for (let i = 0; i < s.values.length; i++) {
    const x = s.values[i]!;
    if (Number.isNaN(x)) continue;
    if (!Number.isFinite(x))
      throw new InvalidArgumentError(`${argument}.values[${i}]`, x, "must be finite or NaN");
    d.push(s.dates[i]!);
    v.push(x);
  }
  return { dates: Int32Array.from(d), values: Float64Array.from(v) };
}

/** A rotation signal ready to evaluate on any date, see {@link prepareRotationSignal}. */
export interface PreparedRotationSignal {
  /** The signal as of `asOf` (default: the last ratio date), using only data dated on or before it. */
  at(asOf?: number): RotationSignal;
}

/**
 * Validates the inputs and options once and precomputes the ratio lines, so that the signal can be
 * evaluated on many dates cheaply (see {@link rotationSignalHistory}). `inputs.asOf` is ignored: pass the
 * date to `at`.
 *
 * @example
 * import { prepareRotationSignal } from "@cyclelens/core";
 * const p = prepareRotationSignal({ valuationPercentile: 10 });
 * p.at(19000).components.find((c) => c.name === "valuation")?.normalized; // 0.8
 */
export function prepareRotationSignal(
  inputs: RotationInputs,
  options: RotationOptions = {},
): PreparedRotationSignal {
  if (inputs == null || typeof inputs !== "object") {
    throw new InvalidArgumentError("inputs", inputs, "must be an object of rotation inputs");
  }
  const maDays = options.movingAverageDays ?? 200;
  assertPositiveInteger("movingAverageDays", maDays, 2);
  const nonNegative = (name: string, value: number) => {
    if (!(value >= 0) || !Number.isFinite(value)) {
      throw new InvalidArgumentError(name, value, "must be a finite number ≥ 0");
    }
    return value;
  };
  const activeDays = nonNegative("cycleActiveDays", options.cycleActiveDays ?? 400);
  const dailyStale = nonNegative("dailyStaleDays", options.dailyStaleDays ?? 14);
  const monthlyStale = nonNegative("monthlyStaleDays", options.monthlyStaleDays ?? 62);
  const rateStale = nonNegative("rateStaleDays", options.rateStaleDays ?? 62);
  const minimumWeight = options.minimumWeight ?? DEFAULT_ROTATION_MINIMUM_WEIGHT;
  if (!(minimumWeight >= 0 && minimumWeight <= 1)) {
    throw new InvalidArgumentError("minimumWeight", minimumWeight, "must be a share in [0, 1]");
  }
  const weights: Record<RotationComponentName, number> = { ...DEFAULT_ROTATION_WEIGHTS };
  for (const [name, w] of Object.entries(options.weights ?? {})) {
    if (!(name in DEFAULT_ROTATION_WEIGHTS)) {
      throw new InvalidArgumentError(
        "weights",
        name,
        `is not a component (${Object.keys(DEFAULT_ROTATION_WEIGHTS).join(", ")})`,
      );
    }
    if (typeof w !== "number" || !(w >= 0) || !Number.isFinite(w)) {
      throw new InvalidArgumentError(`weights.${name}`, w, "must be a finite number ≥ 0");
    }
    weights[name as RotationComponentName] = w;
  }
  let totalWeight = 0;
  for (const w of Object.values(weights)) totalWeight += w;
  if (inputs.rateCycles !== undefined && !Array.isArray(inputs.rateCycles)) {
    throw new InvalidArgumentError("rateCycles", inputs.rateCycles, "must be an array from detectRateCycles");
  }
  if (inputs.rateDataEnd !== undefined && !Number.isInteger(inputs.rateDataEnd)) {
    throw new InvalidArgumentError("rateDataEnd", inputs.rateDataEnd, "must be an integer epoch day");
  }

  // Small/large ratio, valid values only, with prefix sums for the moving average.
  const havePrices = inputs.small !== undefined && inputs.large !== undefined;
  let rd = new Int32Array(0);
  let rv = new Float64Array(0);
  if (havePrices) {
    const ratio = relativeStrength(inputs.small!, inputs.large!);
    const d: number[] = [];
    const v: number[] = [];
    for (let i = 0; i < ratio.dates.length; i++) {
      const x = ratio.values[i]!;
      if (Number.isFinite(x) && x > 0) {
        d.push(ratio.dates[i]!);
        v.push(x);
      }
    }
    rd = Int32Array.from(d);
    rv = Float64Array.from(v);
  }
  const prefix = new Float64Array(rv.length + 1);
  for (let i = 0; i < rv.length; i++) prefix[i + 1] = prefix[i]! + rv[i]!;
  const spread = inputs.curveSpread === undefined ? undefined : compact("curveSpread", inputs.curveSpread);
  const sahm = inputs.sahm === undefined ? undefined : compact("sahm", inputs.sahm);
  const trendOf = (pair: { a: Series; b: Series } | undefined) =>
    pair === undefined ? undefined : ratioTrend(pair.a, pair.b, { averagePeriod: maDays });
  const breadth = trendOf(inputs.breadth && { a: inputs.breadth.equal, b: inputs.breadth.cap });
  const cyclicals = trendOf(
    inputs.cyclicals && { a: inputs.cyclicals.cyclical, b: inputs.cyclicals.defensive },
  );
  const percentiles = (
    argument: string,
    scalar: number | undefined,
    history: Series | undefined,
    what: string,
  ) => {
    if (scalar !== undefined || history === undefined) {
      const fixed = percentilePart(argument, scalar, what);
      return () => fixed;
    }
    const h = compact(argument, history);
    for (let i = 0; i < h.values.length; i++) {
      if (!(h.values[i]! >= 0 && h.values[i]! <= 100)) {
        throw new InvalidArgumentError(
          `${argument}.values[${i}]`,
          h.values[i],
          "must be a percentile in [0, 100]",
        );
      }
    }
    return (asOf: number): Part => {
      if (Number.isNaN(asOf)) return missing("no-data", "asOf unknown (pass asOf or prices)");
      const i = indexOnOrBefore(h.dates, asOf);
      if (i < 0) return missing("insufficient-history", `no ${what} percentile on or before asOf`);
      if (asOf - h.dates[i]! > monthlyStale) {
        return missing(
          "stale",
          `the last ${what} percentile is of ${formatISODate(h.dates[i]!)}, ${asOf - h.dates[i]!} days before asOf`,
        );
      }
      return percentilePart(argument, h.values[i]!, what);
    };
  };
  const valuationAt = percentiles(
    "valuationPercentiles",
    inputs.valuationPercentile,
    inputs.valuationPercentiles,
    "valuation-gap",
  );
  const positioningAt = percentiles(
    "positioningPercentiles",
    inputs.positioningPercentile,
    inputs.positioningPercentiles,
    "positioning",
  );

  const at = (asOfArg?: number): RotationSignal => {
    if (asOfArg !== undefined && !Number.isInteger(asOfArg)) {
      throw new InvalidArgumentError("asOf", asOfArg, "must be an integer epoch day");
    }
    const end = asOfArg === undefined ? rv.length : indexOnOrBefore(rd, asOfArg) + 1;
    const asOf = asOfArg ?? (end > 0 ? rd[end - 1]! : Number.NaN);
    const noRatio = havePrices ? "no ratio data on or before asOf" : "no small/large prices";
    const dated = !Number.isNaN(asOf);

    // 1. trend vs moving average
    let trend: Part;
    if (end === 0) trend = missing(havePrices ? "insufficient-history" : "no-data", noRatio);
    else if (asOf - rd[end - 1]! > dailyStale)
      trend = missing(
        "stale",
        `the last common close is ${formatISODate(rd[end - 1]!)}, ${asOf - rd[end - 1]!} days before asOf`,
      );
    else if (end < maDays)
      trend = missing("insufficient-history", `needs ${maDays} ratio observations, has ${end}`);
    else {
      const raw = rv[end - 1]! / ((prefix[end]! - prefix[end - maDays]!) / maDays) - 1;
      trend = ok(raw, clamp(raw / 0.1), `ratio ${pct(raw)} vs its ${maDays}-observation average`);
    }

    // 2. 3/6/12-month change
    let momentum: Part;
    if (end === 0) momentum = missing(havePrices ? "insufficient-history" : "no-data", noRatio);
    else if (trend.status === "stale") momentum = missing("stale", trend.detail);
    else {
      const last = rd[end - 1]!;
      const now = rv[end - 1]!;
      const changes = [3, 6, 12].map((k) => {
        const j = indexOnOrBefore(rd, addMonths(last, -k));
        return j < 0 ? Number.NaN : now / rv[j]! - 1;
      });
      if (changes.some(Number.isNaN))
        momentum = missing("insufficient-history", "needs 12 months of ratio history");
      else {
        const raw = (changes[0]! + changes[1]! + changes[2]!) / 3;
        momentum = ok(
          raw,
          clamp(raw / 0.1),
          `ratio change 3m ${pct(changes[0]!)}, 6m ${pct(changes[1]!)}, 12m ${pct(changes[2]!)}`,
        );
      }
    }

    // 3. rate-cycle phase
    let cycle: Part;
    if (inputs.rateCycles === undefined) cycle = missing("no-data", "no rate cycles");
    else if (!dated) cycle = missing("no-data", "asOf unknown (pass asOf or prices)");
    else if (inputs.rateDataEnd !== undefined && asOf - inputs.rateDataEnd > rateStale) {
      cycle = missing(
        "stale",
        `the rate series ends ${formatISODate(inputs.rateDataEnd)}, ${asOf - inputs.rateDataEnd} days before asOf`,
      );
    } else {
      const last = lastConfirmedMove(inputs.rateCycles, asOf);
      const active = last?.cycle;
      if (active === undefined || asOf - last!.date > activeDays) {
        cycle = ok(Number.NaN, 0, "no active rate cycle");
      } else {
        const days = asOf - active.start;
        const easing = active.direction === "easing";
        const normalized = easing ? (days <= 365 ? 1 : days <= 730 ? 0.5 : 0.25) : days <= 365 ? -1 : -0.5;
        cycle = ok(
          days,
          normalized,
          `${active.direction} since ${formatISODate(active.start)} (${days} days)`,
        );
      }
    }

    // 4. yield curve
    let curve: Part;
    if (spread === undefined) curve = missing("no-data", "no curve spread");
    else if (!dated) curve = missing("no-data", "asOf unknown (pass asOf or prices)");
    else {
      const i = indexOnOrBefore(spread.dates, asOf);
      if (i < 0) curve = missing("insufficient-history", "no spread on or before asOf");
      else if (asOf - spread.dates[i]! > dailyStale)
        curve = missing(
          "stale",
          `the last spread is of ${formatISODate(spread.dates[i]!)}, ${asOf - spread.dates[i]!} days before asOf`,
        );
      else {
        const j = indexOnOrBefore(spread.dates, addMonths(spread.dates[i]!, -6));
        if (j < 0) curve = missing("insufficient-history", "needs 6 months of spread history");
        else {
          const s = spread.values[i]!;
          const c = s - spread.values[j]!;
          curve = ok(
            s,
            0.5 * clamp(s / 1.5) + 0.5 * clamp(c / 0.75),
            `spread ${s.toFixed(2)} pp, ${c >= 0 ? "+" : ""}${Math.round(c * 100)} bp in 6 months`,
          );
        }
      }
    }

    // 5. labour market (Sahm rule, as known)
    let labour: Part;
    if (sahm === undefined) labour = missing("no-data", "no Sahm-rule indicator");
    else if (!dated) labour = missing("no-data", "asOf unknown (pass asOf or prices)");
    else {
      const i = indexOnOrBefore(sahm.dates, asOf);
      const j = indexOnOrBefore(sahm.dates, addMonths(asOf, -3));
      if (i < 0 || j < 0)
        labour = missing("insufficient-history", "needs the indicator known 3 months before asOf");
      else if (asOf - sahm.dates[i]! > monthlyStale)
        labour = missing(
          "stale",
          `the last indicator was known ${formatISODate(sahm.dates[i]!)}, ${asOf - sahm.dates[i]!} days before asOf`,
        );
      else {
        const s = sahm.values[i]!;
        const d = s - sahm.values[j]!;
        const rising = d > 1e-9;
        const normalized = s >= 0.5 - 1e-9 ? (rising ? -1 : 0.5) : s >= 0.3 - 1e-9 && rising ? -0.5 : 0;
        const phase =
          normalized === -1
            ? "triggered and rising"
            : normalized === 0.5
              ? "triggered, past its rise"
              : normalized === -0.5
                ? "warning and rising"
                : "calm";
        labour = ok(
          s,
          normalized,
          `Sahm indicator ${s.toFixed(2)} pp (${d >= 0 ? "+" : ""}${d.toFixed(2)} in 3 months): ${phase}`,
        );
      }
    }

    // 6-7. market internals
    const internal = (trend: RatioTrend | undefined, what: string): Part => {
      if (trend === undefined) return missing("no-data", `no ${what} prices`);
      if (!dated) return missing("no-data", "asOf unknown (pass asOf or prices)");
      const i = indexOnOrBefore(trend.dates, asOf);
      if (i < 0) return missing("insufficient-history", `no ${what} ratio on or before asOf`);
      if (asOf - trend.dates[i]! > dailyStale)
        return missing(
          "stale",
          `the last ${what} ratio is of ${formatISODate(trend.dates[i]!)}, ${asOf - trend.dates[i]!} days before asOf`,
        );
      const avg = trend.average[i]!;
      if (Number.isNaN(avg))
        return missing("insufficient-history", `needs ${maDays} ${what} ratio observations, has ${i + 1}`);
      const raw = trend.ratio[i]! / avg - 1;
      return ok(raw, clamp(raw / 0.05), `${what} ratio ${pct(raw)} vs its ${maDays}-observation average`);
    };

    const parts: [RotationComponentName, Part][] = [
      ["relativeTrend", trend],
      ["relativeMomentum", momentum],
      ["rateCycle", cycle],
      ["yieldCurve", curve],
      ["labour", labour],
      ["breadth", internal(breadth, "equal/cap-weight")],
      ["cyclicals", internal(cyclicals, "cyclical/defensive")],
      ["valuation", valuationAt(asOf)],
      ["positioning", positioningAt(asOf)],
    ];
    let availableWeight = 0;
    for (const [name, p] of parts) if (p.status === "available") availableWeight += weights[name];
    let score = availableWeight > 0 ? 0 : Number.NaN;
    const components = parts.map(([name, p]): RotationComponent => {
      const available = p.status === "available";
      const effectiveWeight = available && availableWeight > 0 ? weights[name] / availableWeight : 0;
      const contribution = available ? 100 * effectiveWeight * p.normalized : 0;
      if (available && availableWeight > 0) score += contribution;
      return {
        name,
        available,
        status: p.status,
        raw: p.raw,
        normalized: p.normalized,
        weight: weights[name],
        effectiveWeight,
        contribution,
        detail: p.detail,
      };
    });
    if (score > 100) score = 100;
    if (score < -100) score = -100;
    return {
      asOf,
      score,
      label: rotationLabel(score),
      components,
      availableWeight,
      totalWeight,
      minimumWeight,
      sufficient: availableWeight > 0 && availableWeight >= minimumWeight * totalWeight - 1e-12,
    };
  };
  return { at };
}

/**
 * Composite small-vs-large-cap rotation score with its components (see the module documentation
 * for the components, normalisations, default weights, renormalisation and labels).
 *
 * @example
 * import { rotationSignal } from "@cyclelens/core";
 * const r = rotationSignal({ valuationPercentile: 10, positioningPercentile: 30 });
 * r.score; // 100 · (0.12·0.8 + 0.08·0.4) / 0.2 = 64
 * r.label; // "strong small-cap leadership"
 * r.sufficient; // false (0.2 of the weight, below 0.5)
 * r.components.find((c) => c.name === "rateCycle")?.status; // "no-data"
 */
export function rotationSignal(inputs: RotationInputs, options: RotationOptions = {}): RotationSignal {
  return prepareRotationSignal(inputs, options).at(inputs?.asOf);
}

/**
 * The signal on each of `dates` (epoch days, e.g. month ends), each using only data dated on or before it.
 * O(n + m log n) for n observations and m dates.
 *
 * @example
 * import { rotationSignalHistory } from "@cyclelens/core";
 * rotationSignalHistory({ valuationPercentile: 50 }, [19000, 19031]).map((s) => s.score); // [0, 0]
 */
export function rotationSignalHistory(
  inputs: RotationInputs,
  dates: ArrayLike<number>,
  options: RotationOptions = {},
): RotationSignal[] {
  const p = prepareRotationSignal(inputs, options);
  const out: RotationSignal[] = [];
  for (let i = 0; i < dates.length; i++) out.push(p.at(dates[i]!));
  return out;
}
