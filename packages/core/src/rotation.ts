/**
 * **Rotation signal**: a transparent composite score in [−100, 100] answering "are conditions in
 * place for small caps to lead large caps?" (+100: everything points to small-cap leadership,
 * −100: to large-cap leadership). It is a documented rule, not a fitted model: every component is
 * reported with its raw value, its normalised value in [−1, 1], its weight and its contribution.
 *
 * ## Components (default weights in brackets; clamp(x) = min(1, max(−1, x)))
 * With R = small / large (the ratio line, `relativeStrength`, valid values on or before `asOf`):
 * 1. `relativeTrend` [0.20] — raw = R_now / mean(last `movingAverageDays` R) − 1 (default 200
 *    observations); normalised = clamp(raw / 0.10): a ratio 10 % above its moving average is +1.
 * 2. `relativeMomentum` [0.20] — raw = mean of the 3-, 6- and 12-month changes of R
 *    (R_now / R on or before `addMonths(date, −k)` − 1, dated at the last ratio date); normalised =
 *    clamp(raw / 0.10). Needs 12 months of ratio history.
 * 3. `valuation` [0.20] — raw = percentile (0–100) of the small-minus-large valuation gap in its
 *    own history (`valuationGap(...).current.gap.percentile`); normalised = 1 − raw / 50: small
 *    caps at their cheapest relative to history (0) → +1, median (50) → 0, dearest (100) → −1.
 * 4. `rateCycle` [0.25] — from `detectRateCycles`, using only moves confirmed on or before `asOf` (`confirmedOn`, no look-ahead). The
 *    cycle of the last move is **active** when that move is at most `cycleActiveDays` (default 400)
 *    before `asOf`. raw = days since the active cycle's first move (NaN when none is active).
 *    Mapping: easing ≤ 365 days old → +1 (early easing), ≤ 730 → +0.5, older → +0.25;
 *    tightening ≤ 365 days old → −1, older → −0.5; no active cycle → 0 (neutral, still available).
 * 5. `positioning` [0.15] — raw = percentile (0–100) of small-cap positioning vs its history
 *    (`positioningVsAverage(...).current.percentile`); contrarian: normalised = 1 − raw / 50
 *    (under-owned → +1, crowded → −1).
 *
 * ## Score, missing inputs, label
 * score = 100 · Σ wᵢ·nᵢ / Σ wᵢ over the **available** components. A component whose input is
 * missing (not passed, NaN, or not enough history) is reported with `available: false`, a reason,
 * and contributes nothing; the remaining weights are renormalised to sum to 1 (`effectiveWeight`),
 * so `Σ contribution = score` and the score stays in [−100, 100]. With no available component the
 * score is NaN and the label `"insufficient data"`.
 * Labels: score ≥ 50 "strong small-cap leadership", ≥ 15 "small-cap leaning", > −15 "neutral",
 * > −50 "large-cap leaning", otherwise "strong large-cap leadership".
 */
import type { RateCycle } from "./cycles.js";
import { addMonths, formatISODate } from "./dates.js";
import { assertPositiveInteger, InvalidArgumentError } from "./errors.js";
import { relativeStrength } from "./relative.js";
import { indexOnOrBefore, type Series } from "./series.js";

/** Names of the rotation components, in output order. */
export type RotationComponentName =
  | "relativeTrend"
  | "relativeMomentum"
  | "valuation"
  | "rateCycle"
  | "positioning";

/** Label of a rotation score. */
export type RotationLabel =
  | "strong small-cap leadership"
  | "small-cap leaning"
  | "neutral"
  | "large-cap leaning"
  | "strong large-cap leadership"
  | "insufficient data";

/** Default component weights (sum 1). */
export const DEFAULT_ROTATION_WEIGHTS: Readonly<Record<RotationComponentName, number>> = Object.freeze({
  relativeTrend: 0.2,
  relativeMomentum: 0.2,
  valuation: 0.2,
  rateCycle: 0.25,
  positioning: 0.15,
});

/** Inputs of {@link rotationSignal}; every field is optional (missing → component unavailable). */
export interface RotationInputs {
  /** Small-cap prices, adjusted close (e.g. IWM). */
  readonly small?: Series;
  /** Large-cap prices, adjusted close (e.g. SPY). */
  readonly large?: Series;
  /** Percentile (0–100) of the small − large valuation gap in its history; low = small caps cheap. */
  readonly valuationPercentile?: number;
  /** Rate cycles from `detectRateCycles`. */
  readonly rateCycles?: readonly RateCycle[];
  /** Percentile (0–100) of small-cap positioning in its history; low = under-owned. */
  readonly positioningPercentile?: number;
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
}

/** One component of the rotation signal. */
export interface RotationComponent {
  readonly name: RotationComponentName;
  readonly available: boolean;
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

interface Partial_ {
  raw: number;
  normalized: number;
  detail: string;
}

const unavailable = (detail: string): Partial_ => ({ raw: Number.NaN, normalized: Number.NaN, detail });

function percentileComponent(argument: string, p: number | undefined, what: string): Partial_ {
  if (p === undefined || Number.isNaN(p)) return unavailable(`no ${what} percentile`);
  if (typeof p !== "number" || !(p >= 0 && p <= 100)) {
    throw new InvalidArgumentError(
      argument,
      p,
      "must be a percentile in [0, 100] (or NaN/undefined if unknown)",
    );
  }
  return { raw: p, normalized: 1 - p / 50, detail: `${what} percentile ${p.toFixed(1)}` };
}

/**
 * Composite small-vs-large-cap rotation score with its components (see the module documentation
 * for the components, normalisations, default weights, renormalisation and labels).
 *
 * @example
 * import { rotationSignal } from "@cyclelens/core";
 * const r = rotationSignal({ valuationPercentile: 10, positioningPercentile: 30 });
 * r.score; // 100 · (0.2·0.8 + 0.15·0.4) / 0.35 ≈ 62.86
 * r.label; // "strong small-cap leadership"
 * r.components.find((c) => c.name === "rateCycle")?.available; // false
 */
export function rotationSignal(inputs: RotationInputs, options: RotationOptions = {}): RotationSignal {
  if (inputs == null || typeof inputs !== "object") {
    throw new InvalidArgumentError("inputs", inputs, "must be an object of rotation inputs");
  }
  const maDays = options.movingAverageDays ?? 200;
  assertPositiveInteger("movingAverageDays", maDays, 2);
  const activeDays = options.cycleActiveDays ?? 400;
  if (!(activeDays >= 0) || !Number.isFinite(activeDays)) {
    throw new InvalidArgumentError("cycleActiveDays", activeDays, "must be a finite number ≥ 0");
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
  if (inputs.asOf !== undefined && !Number.isInteger(inputs.asOf)) {
    throw new InvalidArgumentError("asOf", inputs.asOf, "must be an integer epoch day");
  }

  // Ratio line, valid values on or before asOf.
  let rd = new Int32Array(0);
  let rv = new Float64Array(0);
  if (inputs.small !== undefined && inputs.large !== undefined) {
    const ratio = relativeStrength(inputs.small, inputs.large);
    const end =
      inputs.asOf === undefined ? ratio.dates.length : indexOnOrBefore(ratio.dates, inputs.asOf) + 1;
    const d: number[] = [];
    const v: number[] = [];
    for (let i = 0; i < end; i++) {
      const x = ratio.values[i]!;
      if (Number.isFinite(x) && x > 0) {
        d.push(ratio.dates[i]!);
        v.push(x);
      }
    }
    rd = Int32Array.from(d);
    rv = Float64Array.from(v);
  }
  const n = rv.length;
  const asOf = inputs.asOf ?? (n > 0 ? rd[n - 1]! : Number.NaN);
  const noRatio =
    inputs.small === undefined || inputs.large === undefined
      ? "no small/large prices"
      : "no ratio data on or before asOf";

  // 1. trend vs moving average
  let trend: Partial_;
  if (n === 0) trend = unavailable(noRatio);
  else if (n < maDays) trend = unavailable(`needs ${maDays} ratio observations, has ${n}`);
  else {
    let sum = 0;
    for (let i = n - maDays; i < n; i++) sum += rv[i]!;
    const raw = rv[n - 1]! / (sum / maDays) - 1;
    trend = {
      raw,
      normalized: clamp(raw / 0.1),
      detail: `ratio ${(raw * 100).toFixed(2)} % vs its ${maDays}-observation average`,
    };
  }

  // 2. 3/6/12-month change
  let momentum: Partial_;
  if (n === 0) momentum = unavailable(noRatio);
  else {
    const last = rd[n - 1]!;
    const changes = [3, 6, 12].map((k) => {
      const j = indexOnOrBefore(rd, addMonths(last, -k));
      return j < 0 ? Number.NaN : rv[n - 1]! / rv[j]! - 1;
    });
    if (changes.some(Number.isNaN)) momentum = unavailable("needs 12 months of ratio history");
    else {
      const raw = (changes[0]! + changes[1]! + changes[2]!) / 3;
      const pct = changes.map((c) => `${(c * 100).toFixed(2)} %`);
      momentum = {
        raw,
        normalized: clamp(raw / 0.1),
        detail: `ratio change 3m ${pct[0]}, 6m ${pct[1]}, 12m ${pct[2]}`,
      };
    }
  }

  // 4. rate-cycle phase
  let cycle: Partial_;
  if (inputs.rateCycles === undefined) cycle = unavailable("no rate cycles");
  else if (!Array.isArray(inputs.rateCycles)) {
    throw new InvalidArgumentError("rateCycles", inputs.rateCycles, "must be an array from detectRateCycles");
  } else if (Number.isNaN(asOf)) cycle = unavailable("asOf unknown (pass asOf or prices)");
  else {
    let active: RateCycle | undefined;
    let lastMove = Number.NEGATIVE_INFINITY;
    for (const c of inputs.rateCycles) {
      for (const m of c.moves) {
        if (m.confirmedOn <= asOf && m.date >= lastMove) {
          lastMove = m.date;
          active = c;
        }
      }
    }
    if (active === undefined || asOf - lastMove > activeDays) {
      cycle = { raw: Number.NaN, normalized: 0, detail: "no active rate cycle" };
    } else {
      const days = asOf - active.start;
      const easing = active.direction === "easing";
      const normalized = easing ? (days <= 365 ? 1 : days <= 730 ? 0.5 : 0.25) : days <= 365 ? -1 : -0.5;
      cycle = {
        raw: days,
        normalized,
        detail: `${active.direction} since ${formatISODate(active.start)} (${days} days)`,
      };
    }
  }

  const parts: [RotationComponentName, Partial_][] = [
    ["relativeTrend", trend],
    ["relativeMomentum", momentum],
    ["valuation", percentileComponent("valuationPercentile", inputs.valuationPercentile, "valuation-gap")],
    ["rateCycle", cycle],
    [
      "positioning",
      percentileComponent("positioningPercentile", inputs.positioningPercentile, "positioning"),
    ],
  ];
  let availableWeight = 0;
  for (const [name, p] of parts) if (!Number.isNaN(p.normalized)) availableWeight += weights[name];
  let score = availableWeight > 0 ? 0 : Number.NaN;
  const components = parts.map(([name, p]): RotationComponent => {
    const available = !Number.isNaN(p.normalized);
    const effectiveWeight = available && availableWeight > 0 ? weights[name] / availableWeight : 0;
    const contribution = available ? 100 * effectiveWeight * p.normalized : 0;
    if (available && availableWeight > 0) score += contribution;
    return {
      name,
      available,
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
  return { asOf, score, label: rotationLabel(score), components, availableWeight };
}
