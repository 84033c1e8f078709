/**
 * The Subscription type: `datasetChanged`, a "the data changed, re-query" signal with what changed (see
 * live.ts for the transport, the watcher and the bounds).
 */
import type { ChangeKind, ChangeSource, DatasetChange } from "@cyclelens/db";
import { GraphQLError } from "graphql";
import { builder } from "./builder.js";

const sources: Record<Uppercase<ChangeSource>, { value: ChangeSource; description: string }> = {
  INGEST: { value: "ingest", description: "The ingest CLI (`pnpm ingest`), run by hand or by a cron job." },
  API: { value: "api", description: "A keyed mutation of an API instance." },
  MIGRATE: { value: "migrate", description: "The migrator storing the built-in FOMC record." },
  REFRESH: { value: "refresh", description: "The scheduled refresh of an API instance." },
  SEED: { value: "seed", description: "The demo dataset being seeded." },
};

const DatasetChangeSourceEnum = builder.enumType("DatasetChangeSource", {
  description: "Who wrote a change to the dataset.",
  values: sources,
});

const kinds: Record<string, { value: ChangeKind; description: string }> = {
  INSTRUMENTS: { value: "instruments", description: "Instrument metadata." },
  SERIES: { value: "series", description: "Economic series metadata." },
  BARS: { value: "bars", description: "Daily bars." },
  OBSERVATIONS: { value: "observations", description: "Economic series observations." },
  VALUATIONS: { value: "valuations", description: "Valuation snapshots." },
  CORPORATE_ACTIONS: { value: "corporateActions", description: "Dividends and splits." },
  POSITIONING: { value: "positioning", description: "Positioning observations." },
  POLICY_DECISIONS: { value: "policyDecisions", description: "The FOMC record." },
};

const DatasetChangeKindEnum = builder.enumType("DatasetChangeKind", {
  description: "A kind of stored data.",
  values: kinds,
});

const DatasetChangeRef = builder.objectRef<DatasetChange>("DatasetChange").implement({
  description:
    "One committed write to the dataset (one transaction: an ingest item, a mutation, a refresh). Re-run your query when it arrives; `version` is the dataset version the write left.",
  fields: (t) => ({
    version: t.exposeInt("version", {
      description:
        "The dataset version after the write. Versions only grow; a gap means several writes (or writes this subscriber missed while disconnected).",
    }),
    changedAt: t.string({
      description: "When the write happened, ISO 8601 timestamp (UTC, the writer's clock).",
      resolve: (c) => c.changedAt.toISOString(),
    }),
    instruments: t.exposeStringList("instruments", {
      description:
        "Symbols of the instruments whose bars, valuations, corporate actions or metadata changed, sorted.",
    }),
    series: t.exposeStringList("series", {
      description: "Codes of the economic series whose observations or metadata changed, sorted.",
    }),
    kinds: t.field({
      type: [DatasetChangeKindEnum],
      description: "The kinds of data that changed, sorted.",
      resolve: (c) => c.kinds,
    }),
    source: t.field({
      type: DatasetChangeSourceEnum,
      description: "Who wrote it.",
      resolve: (c) => c.source,
    }),
  }),
});

builder.subscriptionType({
  description:
    "Live updates over server-sent events (the graphql-sse protocol, distinct connections mode: POST or GET `/graphql` with `Accept: text/event-stream`).",
  fields: (t) => ({
    datasetChanged: t.field({
      type: DatasetChangeRef,
      description:
        "An event for every committed write to the dataset, by any writer (the ingest CLI, another API instance, a mutation, the scheduled refresh), from the moment the subscription is answered. PostgreSQL delivers it through LISTEN/NOTIFY, SQLite through a poll of the dataset version (every 250 ms by default). Fails with TOO_MANY_SUBSCRIPTIONS when the instance is full.",
      subscribe: (_root, _args, ctx) => {
        if (!ctx.live)
          throw new GraphQLError("Live updates are not enabled on this server.", {
            extensions: { code: "UNAVAILABLE" },
          });
        return ctx.live.subscribe();
      },
      resolve: (change) => change,
    }),
  }),
});
