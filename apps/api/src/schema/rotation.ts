/**
 * The rotation signal: a documented composite score in [−100, 100] of relative momentum, the valuation
 * gap's percentile, the rate-cycle phase and positioning, with every component shown (raw value,
 * normalised value, weight, contribution). The rule lives in @cyclelens/core's `rotationSignal`.
 */
import {
  historyPosition,
  indexOnOrBefore,
  type RotationComponent,
  type RotationSignal,
  rotationSignal,
} from "@cyclelens/core";
import type { Instrument } from "@cyclelens/db";
import { GraphQLError } from "graphql";
import { userInput } from "../errors.js";
import { builder } from "./builder.js";
import { InstrumentRef, pricesOf, requireInstrument } from "./instrument.js";
import { positioningOf } from "./positioning.js";
import { cyclesOf, DEFAULT_POLICY_SERIES } from "./rate-cycles.js";
import { gapOf } from "./valuation.js";

const finite = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null);

const ComponentRef = builder.objectRef<RotationComponent>("RotationComponent").implement({
  description: "One input of the rotation signal.",
  fields: (t) => ({
    name: t.string({
      description: "relativeTrend, relativeMomentum, valuation, rateCycle or positioning.",
      resolve: (c) => c.name,
    }),
    available: t.exposeBoolean("available", {
      description:
        "False when its input is missing; it then contributes nothing and the other weights are rescaled.",
    }),
    raw: t.float({
      nullable: true,
      description: "Raw value in the component's own unit (see `detail`).",
      resolve: (c) => finite(c.raw),
    }),
    normalized: t.float({
      nullable: true,
      description: "Normalised value in [−1, 1]; positive favours small caps.",
      resolve: (c) => finite(c.normalized),
    }),
    weight: t.exposeFloat("weight", { description: "Nominal weight." }),
    effectiveWeight: t.exposeFloat("effectiveWeight", {
      description: "Weight after rescaling over the available components.",
    }),
    contribution: t.float({
      description: "100 × effectiveWeight × normalized; the contributions sum to the score.",
      resolve: (c) => (Number.isFinite(c.contribution) ? c.contribution : 0),
    }),
    detail: t.exposeString("detail", {
      description: "What was computed, or why the component is unavailable.",
    }),
  }),
});

interface SignalShape {
  small: Instrument;
  large: Instrument;
  signal: RotationSignal;
}

const RotationSignalRef = builder.objectRef<SignalShape>("RotationSignal").implement({
  description:
    "Are conditions in place for small caps to lead large caps? +100: every component points to small-cap leadership; −100: to large-cap leadership. Components: ratio vs its 200-day average (20 %), 3/6/12-month ratio momentum (20 %), valuation-gap percentile (20 %), rate-cycle phase (25 %), positioning percentile, contrarian (15 %).",
  fields: (t) => ({
    small: t.field({ type: InstrumentRef, description: "The small-cap side.", resolve: (s) => s.small }),
    large: t.field({ type: InstrumentRef, description: "The large-cap side.", resolve: (s) => s.large }),
    asOf: t.field({
      type: "Date",
      nullable: true,
      description: "Evaluation date.",
      resolve: (s) => finite(s.signal.asOf),
    }),
    score: t.float({
      nullable: true,
      description: "Composite score in [−100, 100]; null with no available component.",
      resolve: (s) => finite(s.signal.score),
    }),
    label: t.string({
      description:
        "strong small-cap leadership (≥ 50), small-cap leaning (≥ 15), neutral, large-cap leaning (≤ −15), strong large-cap leadership (≤ −50), or insufficient data.",
      resolve: (s) => s.signal.label,
    }),
    availableWeight: t.float({
      description: "Sum of the nominal weights of the available components.",
      resolve: (s) => s.signal.availableWeight,
    }),
    components: t.field({
      type: [ComponentRef],
      description: "Every component, available or not.",
      resolve: (s) => [...s.signal.components],
    }),
  }),
});

/** Runs `fn`; a NOT_FOUND for optional data (no valuation, no positioning) becomes `undefined`. */
async function optional<T>(fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === "NOT_FOUND") return undefined;
    throw error;
  }
}

builder.queryFields((t) => ({
  rotationSignal: t.field({
    type: RotationSignalRef,
    description: "The composite small- vs large-cap rotation signal, with each component shown.",
    args: {
      small: t.arg.string({
        required: false,
        defaultValue: "IWM",
        description: "Small-cap instrument (default IWM).",
      }),
      large: t.arg.string({
        required: false,
        defaultValue: "SPY",
        description: "Large-cap instrument (default SPY).",
      }),
      asOf: t.arg({
        type: "Date",
        required: false,
        description: "Evaluate as of this date (default: latest common close).",
      }),
      rateSeries: t.arg.string({
        required: false,
        defaultValue: DEFAULT_POLICY_SERIES,
        description: "Rate series for the cycle phase (default POLICY_RATE, as in `rateCycles`).",
      }),
      positioningSegment: t.arg.string({
        required: false,
        defaultValue: "small_cap",
        description: "Positioning segment.",
      }),
    },
    resolve: async (_r, args, ctx) => {
      const [small, large] = await Promise.all([
        requireInstrument(ctx, args.small ?? "IWM", "small"),
        requireInstrument(ctx, args.large ?? "SPY", "large"),
      ]);
      const [smallPrices, largePrices, gap, cycles, positioning] = await Promise.all([
        pricesOf(ctx, small),
        pricesOf(ctx, large),
        gapOf(ctx, small, large),
        optional(() =>
          cyclesOf(ctx, { code: args.rateSeries ?? DEFAULT_POLICY_SERIES, minMoveBp: 20, maxPauseDays: 400 }),
        ),
        optional(() => positioningOf(ctx, args.positioningSegment ?? "small_cap")),
      ]);
      // As of a past date, the valuation and positioning percentiles use only the history up to it.
      const asOf = args.asOf ?? undefined;
      let valuationPercentile = gap.current?.gap.percentile;
      let positioningPercentile = positioning?.p.current?.percentile;
      if (asOf !== undefined) {
        const g = indexOnOrBefore(gap.dates, asOf);
        valuationPercentile = g >= 0 ? historyPosition(gap.gap.subarray(0, g + 1)).percentile : undefined;
        const p = positioning ? indexOnOrBefore(positioning.p.dates, asOf) : -1;
        positioningPercentile = p >= 0 ? positioning!.p.percentile[p] : undefined;
      }
      const signal = userInput(() =>
        rotationSignal({
          small: smallPrices,
          large: largePrices,
          valuationPercentile,
          rateCycles: cycles,
          positioningPercentile,
          asOf,
        }),
      );
      return { small, large, signal };
    },
  }),
}));
