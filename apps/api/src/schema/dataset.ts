/**
 * Which dataset answered: demo, imported or mixed, with coverage and last update per instrument,
 * economic series, valuation and positioning series.
 */
import { isoToEpochDay } from "@cyclelens/core";
import type { DatasetCoverage, RowCoverage } from "@cyclelens/db";
import { builder } from "./builder.js";

const DatasetLabelEnum = builder.enumType("DatasetLabel", {
  description: "Which data the API holds.",
  values: {
    DEMO: {
      value: "demo",
      description: "Only the generated demo dataset: synthetic prices, not market data.",
    },
    IMPORTED: { value: "imported", description: "Only data imported from real providers or files." },
    MIXED: {
      value: "mixed",
      description: "Some instruments or series are demo data, others imported: check each item's provenance.",
    },
    EMPTY: { value: "empty", description: "No data at all." },
  } as const,
});

interface CoverageShape extends RowCoverage {
  kind: string;
  name: string;
  provenance: string;
  updatedAt: Date | null;
}

const CoverageRef = builder.objectRef<CoverageShape>("Coverage").implement({
  description: "What is stored for one instrument or series.",
  fields: (t) => ({
    kind: t.exposeString("kind", { description: "instrument, series, valuation or positioning." }),
    name: t.exposeString("name", { description: "Symbol, series code or segment." }),
    provenance: t.exposeString("provenance", { description: '"demo" or the real source.' }),
    isDemo: t.boolean({
      description: "True when any stored row is demo data.",
      resolve: (c) => c.provenance === "demo" || c.sources.includes("demo"),
    }),
    sources: t.exposeStringList("sources", { description: "Distinct sources of the stored rows." }),
    firstDate: t.field({
      type: "Date",
      nullable: true,
      description: "First date stored.",
      resolve: (c) => (c.firstDate ? isoToEpochDay(c.firstDate) : null),
    }),
    lastDate: t.field({
      type: "Date",
      nullable: true,
      description: "Last date stored.",
      resolve: (c) => (c.lastDate ? isoToEpochDay(c.lastDate) : null),
    }),
    rows: t.exposeInt("rows", { description: "Rows stored." }),
    updatedAt: t.string({
      nullable: true,
      description: "Last update of the metadata, ISO 8601 timestamp (UTC).",
      resolve: (c) => c.updatedAt?.toISOString() ?? null,
    }),
  }),
});

const DatasetRef = builder.objectRef<DatasetCoverage>("Dataset").implement({
  description: "The data behind every answer: demo or imported, and what is covered.",
  fields: (t) => ({
    label: t.field({
      type: DatasetLabelEnum,
      description: "Demo, imported, mixed or empty.",
      resolve: (d) => d.dataset,
    }),
    isDemo: t.boolean({
      description: "True when any answer may come from the generated demo dataset.",
      resolve: (d) => d.dataset === "demo" || d.dataset === "mixed",
    }),
    instruments: t.field({
      type: [CoverageRef],
      description: "Coverage of each instrument's daily bars.",
      resolve: (d) =>
        d.instruments.map((i) => ({
          ...i,
          kind: "instrument",
          name: i.symbol,
          provenance: i.provenance,
          updatedAt: i.updatedAt,
        })),
    }),
    series: t.field({
      type: [CoverageRef],
      description: "Coverage of each economic series.",
      resolve: (d) =>
        d.series.map((s) => ({
          ...s,
          kind: "series",
          name: s.code,
          provenance: s.provenance,
          updatedAt: s.updatedAt,
        })),
    }),
    valuations: t.field({
      type: [CoverageRef],
      description: "Coverage of each instrument's valuation snapshots.",
      resolve: (d) =>
        d.valuations.map((v) => ({
          ...v,
          kind: "valuation",
          name: v.symbol,
          provenance: v.sources.at(-1) ?? "",
          updatedAt: null,
        })),
    }),
    positioning: t.field({
      type: [CoverageRef],
      description: "Coverage of each positioning segment.",
      resolve: (d) =>
        d.positioning.map((p) => ({
          ...p,
          kind: "positioning",
          name: p.segment,
          provenance: p.sources.at(-1) ?? "",
          updatedAt: null,
        })),
    }),
  }),
});

builder.queryFields((t) => ({
  dataset: t.field({
    type: DatasetRef,
    description: "Which dataset answers (demo or imported) and its coverage per instrument and series.",
    resolve: (_r, _a, ctx) => ctx.loaders.coverage(),
  }),
}));
