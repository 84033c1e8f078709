/**
 * The rotation signal: a documented composite score in [−100, 100] of relative momentum, the valuation
 * gap's percentile, the rate-cycle phase and positioning, with every component shown (raw value,
 * normalised value, weight, contribution). The rule lives in @cyclelens/core's `rotationSignal`.
 */
import {
  formatISODate,
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
import { stalenessOf } from "./policy-rate.js";
import { POSITIONING_HINT, positioningOf } from "./positioning.js";
import { cycleOptions, cyclesOf, DEFAULT_POLICY_SERIES } from "./rate-cycles.js";
import { gapOf, missingValuations, VALUATION_HINT } from "./valuation.js";

const finite = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null);

const ComponentStatusEnum = builder.enumType("RotationComponentStatus", {
  description: "Whether a component counts in the score, and if not why.",
  values: {
    AVAILABLE: { value: "available", description: "Computed and counted." },
    NO_DATA: {
      value: "no-data",
      description: "Its input is not stored (valuation and positioning have no free source); not counted.",
    },
    STALE: {
      value: "stale",
      description:
        "Its input ends well before the prices' as-of date (rate series: 14 days daily, 62 days monthly/step; valuations and positioning: 62 days); not counted.",
    },
    INSUFFICIENT_HISTORY: {
      value: "insufficient-history",
      description:
        "Not enough price history at the as-of date (e.g. fewer than 200 common closes); not counted.",
    },
  } as const,
});

type ComponentShape = RotationComponent & { withheld?: Withheld };

const ComponentRef = builder.objectRef<ComponentShape>("RotationComponent").implement({
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
    detail: t.string({
      description: "What was computed, or why the component is unavailable.",
      resolve: (c) => c.withheld?.reason ?? c.detail,
    }),
    status: t.field({
      type: ComponentStatusEnum,
      description: "Counted, or why not.",
      resolve: (c) => c.withheld?.status ?? (c.available ? "available" : "insufficient-history"),
    }),
    reason: t.string({
      nullable: true,
      description: "Why it is not counted, and how to fix it; null when counted.",
      resolve: (c) => (c.available ? null : (c.withheld?.reason ?? c.detail)),
    }),
  }),
});

interface SignalShape {
  small: Instrument;
  large: Instrument;
  signal: RotationSignal;
  withheld: Partial<Record<RotationComponent["name"], Withheld>>;
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
      resolve: (s) => s.signal.components.map((c) => ({ ...c, withheld: s.withheld[c.name] })),
    }),
  }),
});

/** Why a component is in or out of the score. */
type ComponentStatus = "available" | "no-data" | "stale" | "insufficient-history";

/** The API's verdict on an input it withheld from the score (no data, or stale against the prices). */
interface Withheld {
  status: Exclude<ComponentStatus, "available" | "insufficient-history">;
  reason: string;
}

/** Days after which monthly inputs (valuations, positioning) are stale against the prices' as-of date. */
const MONTHLY_STALE_DAYS = 62;

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
      const options = cycleOptions({ series: args.rateSeries });
      const segment = args.positioningSegment ?? "small_cap";
      const [smallPrices, largePrices, missingPE, { rate, cycles }, positioning] = await Promise.all([
        pricesOf(ctx, small),
        pricesOf(ctx, large),
        missingValuations(ctx, [small, large]),
        cyclesOf(ctx, options, "rateSeries"),
        positioningOf(ctx, segment, null, "positioningSegment").catch((error: unknown) => {
          // no positioning stored at all is a missing input; an unknown segment (a typo) stays an error
          if (error instanceof GraphQLError && error.extensions.code === "DATA_UNAVAILABLE") return null;
          throw error;
        }),
      ]);
      const lastClose = Math.min(
        smallPrices.dates[smallPrices.dates.length - 1] ?? Number.NaN,
        largePrices.dates[largePrices.dates.length - 1] ?? Number.NaN,
      );
      const asOf = args.asOf ?? undefined;
      const at = asOf ?? lastClose;
      const withheld: SignalShape["withheld"] = {};

      // Valuation: both multiples stored, and not stale at the as-of date.
      let valuationPercentile: number | undefined;
      if (missingPE.length > 0) {
        withheld.valuation = {
          status: "no-data",
          reason: `no forward P/E stored for ${missingPE.map((i) => i.symbol).join(" and ")}: ${VALUATION_HINT}`,
        };
      } else {
        const gap = await gapOf(ctx, small, large);
        const g = Number.isNaN(at) ? -1 : indexOnOrBefore(gap.dates, at);
        const lastGap = g >= 0 ? gap.dates[g]! : Number.NaN;
        if (g >= 0 && at - lastGap > MONTHLY_STALE_DAYS) {
          withheld.valuation = {
            status: "stale",
            reason: `the latest valuation gap is of ${formatISODate(lastGap)}, ${at - lastGap} days before ${formatISODate(at)}; import newer snapshots`,
          };
        } else if (g >= 0) {
          // as of a past date, the percentile ranks only the history up to it
          valuationPercentile = historyPosition(gap.gap.subarray(0, g + 1)).percentile;
        }
      }

      // Rate-cycle phase: the rate series must reach the prices.
      const rateAt = { ...rate, reference: Number.isNaN(at) ? null : at };
      const staleRate = stalenessOf(rateAt);
      if (staleRate.stale) withheld.rateCycle = { status: "stale", reason: staleRate.reason! };

      // Positioning: stored, and not stale at the as-of date.
      let positioningPercentile: number | undefined;
      if (!positioning) {
        withheld.positioning = {
          status: "no-data",
          reason: `no positioning stored for ${segment}: ${POSITIONING_HINT}`,
        };
      } else {
        const p = Number.isNaN(at) ? -1 : indexOnOrBefore(positioning.p.dates, at);
        const last = p >= 0 ? positioning.p.dates[p]! : Number.NaN;
        if (p >= 0 && at - last > MONTHLY_STALE_DAYS) {
          withheld.positioning = {
            status: "stale",
            reason: `the latest ${segment} positioning is of ${formatISODate(last)}, ${at - last} days before ${formatISODate(at)}; import newer observations`,
          };
        } else if (p >= 0) positioningPercentile = positioning.p.percentile[p];
      }

      const signal = userInput(() =>
        rotationSignal({
          small: smallPrices,
          large: largePrices,
          valuationPercentile,
          rateCycles: staleRate.stale ? undefined : cycles,
          positioningPercentile,
          asOf,
        }),
      );
      return { small, large, signal, withheld };
    },
  }),
}));
