/**
 * Corporate actions: an instrument's dividends and splits (`Instrument.corporateActions`), as stored by the
 * importers (Yahoo's chart events) in `corporate_actions`. Read through the request's loader, so the history
 * cache serves them like bars; the range and kind are applied in memory.
 */
import { type CorporateAction, isoToEpochDay } from "@cyclelens/db";
import { builder } from "./builder.js";
import { InstrumentRef } from "./instrument.js";
import { DateRangeInput, dayRange } from "./scalars.js";

export const CorporateActionKindEnum = builder.enumType("CorporateActionKind", {
  description: "The kind of a corporate action.",
  values: {
    DIVIDEND: { value: "dividend", description: "A cash dividend: `amount` per share." },
    SPLIT: {
      value: "split",
      description: "A stock split: `numerator` shares after for `denominator` shares before.",
    },
  } as const,
});

const CorporateActionRef = builder.objectRef<CorporateAction>("CorporateAction").implement({
  description: "A dividend or a split of an instrument on its ex-date, as reported by a source.",
  fields: (t) => ({
    date: t.field({
      type: "Date",
      description: "Ex-date (exchange-local calendar date).",
      resolve: (a) => isoToEpochDay(a.date),
    }),
    kind: t.field({
      type: CorporateActionKindEnum,
      description: "Dividend or split.",
      resolve: (a) => a.kind,
    }),
    amount: t.float({
      nullable: true,
      description: "Dividend: cash amount per share, in the instrument's currency; null for a split.",
      resolve: (a) => a.amount,
    }),
    numerator: t.float({
      nullable: true,
      description:
        "Split: shares after the split for `denominator` shares before (2 in a 2-for-1); null for a dividend.",
      resolve: (a) => a.numerator,
    }),
    denominator: t.float({
      nullable: true,
      description:
        "Split: shares before the split (1 in a 2-for-1, 10 in a 1-for-10 reverse split); null for a dividend.",
      resolve: (a) => a.denominator,
    }),
    ratio: t.float({
      nullable: true,
      description:
        "Split: new shares per old share, numerator / denominator (2 for a 2-for-1, 0.1 for a 1-for-10); prices before the split divide by it. Null for a dividend.",
      resolve: (a) => (a.numerator !== null && a.denominator ? a.numerator / a.denominator : null),
    }),
    source: t.string({
      description: 'Source of this row, e.g. "yahoo" ("demo" for the demo dataset).',
      resolve: (a) => a.source,
    }),
  }),
});

builder.objectFields(InstrumentRef, (t) => ({
  corporateActions: t.field({
    type: [CorporateActionRef],
    description:
      "Dividends and splits in a range, by date (a dividend before a split on the same date); empty when none are stored. One per date and kind: a real source wins over demo data, then A→Z.",
    args: {
      range: t.arg({
        type: DateRangeInput,
        required: false,
        description: "Ex-dates to include (default: all).",
      }),
      kind: t.arg({
        type: CorporateActionKindEnum,
        required: false,
        description: "Only this kind (default: both).",
      }),
    },
    // A few rows a year: a flat estimate, not a daily series' points.
    complexity: { field: 1, multiplier: 50 },
    resolve: async (instrument, args, ctx) => {
      const range = dayRange(args.range, ctx);
      const all = await ctx.loaders.corporateActionsByInstrument.load(instrument.id);
      return all.filter((a) => {
        if (args.kind && a.kind !== args.kind) return false;
        const day = isoToEpochDay(a.date);
        return (range.from === undefined || day >= range.from) && (range.to === undefined || day <= range.to);
      });
    },
  }),
}));
