/** Valuation and positioning: the valuation gap and fund positioning, each against its own history. */
import { useMemo } from "preact/hooks";
import { Chart, type SeriesSpec } from "../../components/Chart";
import {
  Controls,
  colors,
  Field,
  Metric,
  Metrics,
  Note,
  QueryStatus,
  SymbolField,
  ViewHeader,
} from "../../components/View";
import {
  type ValuationMetric,
  ValuationViewDocument,
  type ValuationViewQuery,
  type ValuationViewQueryVariables,
} from "../../gql/graphql";
import type { ApiError, GraphQLErrorBody } from "../../lib/api";
import { multiple, num, percent, percentile } from "../../lib/format";
import { useSearchParams } from "../../lib/router";
import { useQuery } from "../../lib/use-query";

export const VALUATION_DEFAULTS = {
  base: "IWM",
  benchmark: "SPY",
  metric: "FORWARD_PE",
  segment: "small_cap",
};

const METRICS: Record<ValuationMetric, string> = {
  FORWARD_PE: "forward P/E",
  TRAILING_PE: "trailing P/E",
  PRICE_TO_BOOK: "price/book",
  DIVIDEND_YIELD: "dividend yield",
};
const SEGMENTS = ["small_cap", "large_cap", "regional_banks", "tech", "broad"];

/**
 * Missing data the view explains in place of its field: valuationGap's or positioning's DATA_UNAVAILABLE (nothing
 * stored: no free source), or an unknown positioning segment. Anything else (an unknown symbol) is an error.
 */
function isMissingData(e: GraphQLErrorBody): boolean {
  const field = e.path?.[0];
  const code = e.extensions?.code;
  return (
    (field === "valuationGap" && code === "DATA_UNAVAILABLE") ||
    (field === "positioning" &&
      (code === "DATA_UNAVAILABLE" || (code === "NOT_FOUND" && e.extensions?.kind === "positioning segment")))
  );
}

/** The API's message of the missing data behind a null field, if that is why it is null. */
function missingFor(error: ApiError | undefined, field: string): string | undefined {
  return error?.errors.find((e) => e.path?.[0] === field && isMissingData(e))?.message;
}

export default function ValuationView() {
  const params = useSearchParams(VALUATION_DEFAULTS);
  const metric = (params.metric in METRICS ? params.metric : "FORWARD_PE") as ValuationMetric;
  const variables: ValuationViewQueryVariables = {
    base: params.base,
    benchmark: params.benchmark,
    metric,
    segment: params.segment,
  };
  const state = useQuery(ValuationViewDocument, variables);
  const data = state.data;
  return (
    <section class="view" data-view="valuation" data-state={state.status}>
      <ViewHeader
        title="Valuation and positioning"
        question={`Is ${params.base} cheap against ${params.benchmark} by its own history, and who owns ${params.segment.replace("_", " ")}?`}
        label={data?.dataset.label}
        query={ValuationViewDocument.toString()}
        variables={variables}
        enums={["ValuationMetric"]}
      />
      <Controls path="/valuation" names={Object.keys(VALUATION_DEFAULTS)}>
        <SymbolField label="Base" name="base" value={params.base} instruments={data?.instruments} />
        <SymbolField
          label="Benchmark"
          name="benchmark"
          value={params.benchmark}
          instruments={data?.instruments}
        />
        <Field label="Multiple">
          <select name="metric" key={metric}>
            {Object.entries(METRICS).map(([value, label]) => (
              <option key={value} value={value} selected={value === metric}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Positioning segment">
          <select name="segment" key={params.segment}>
            {[...new Set([params.segment, ...SEGMENTS])].map((s) => (
              <option key={s} value={s} selected={s === params.segment}>
                {s}
              </option>
            ))}
          </select>
        </Field>
      </Controls>
      <QueryStatus state={state} handled={isMissingData} />
      {data && (data.valuationGap || missingFor(state.error, "valuationGap")) ? (
        <ValuationResult
          data={data}
          missing={missingFor(state.error, "valuationGap")}
          base={params.base}
          benchmark={params.benchmark}
          metric={metric}
        />
      ) : null}
      {data && (data.positioning || missingFor(state.error, "positioning")) ? (
        <PositioningResult
          data={data}
          missing={missingFor(state.error, "positioning")}
          segment={params.segment}
        />
      ) : null}
    </section>
  );
}

function ValuationResult(props: {
  data: ValuationViewQuery;
  missing: string | undefined;
  base: string;
  benchmark: string;
  metric: ValuationMetric;
}) {
  const v = props.data.valuationGap;
  const isYield = props.metric === "DIVIDEND_YIELD";
  const unit = isYield ? " pp" : "x";
  const fmt = (value: number) =>
    isYield ? `${value >= 0 ? "+" : "−"}${Math.abs(value).toFixed(2)} pp` : multiple(value, 2, true);
  const series = useMemo<SeriesSpec[]>(() => {
    if (!v) return [];
    const g = v.gap;
    const lines =
      g?.mean == null
        ? []
        : [
            { price: g.mean, title: "long-run average", color: colors.average, dashed: false },
            ...(g.stdDev == null
              ? []
              : [
                  { price: g.mean + g.stdDev, title: "+1 sd", color: colors.neutral },
                  { price: g.mean - g.stdDev, title: "−1 sd", color: colors.neutral },
                ]),
          ];
    return [
      {
        name: `${props.base} − ${props.benchmark} ${METRICS[props.metric]} (${unit.trim()})`,
        kind: "line",
        color: colors.base,
        data: v.history.map((p) => ({ time: p.date, value: p.value ?? null })),
        format: fmt,
        priceLines: lines,
      },
    ];
  }, [v, props.base, props.benchmark, props.metric]);
  const coverage = props.data.dataset.valuations;
  if (!v || v.observations === 0)
    return (
      <div class="status empty" data-testid="no-valuation">
        <h2>Valuation gap: no data</h2>
        <p>
          {props.missing ??
            `No date has a ${METRICS[props.metric]} for both ${props.base} and ${props.benchmark}.`}{" "}
          {coverage.length
            ? `Valuation snapshots are stored for ${coverage.map((c) => `${c.name} (${c.rows} rows)`).join(", ")}.`
            : "No valuation snapshot is stored."}{" "}
          A file in this format imports them:
        </p>
        <pre>
          {`date,symbol,forward_pe,trailing_pe,price_to_book,dividend_yield,source
2024-09-30,${props.base},16.2,,2.1,1.2,ftse-russell
2024-09-30,${props.benchmark},21.0,,4.6,1.3,sp-global

pnpm ingest --csv valuations.csv --kind valuation`}
        </pre>
      </div>
    );
  const g = v.gap;
  return (
    <>
      <h2>Valuation gap</h2>
      <Metrics>
        <Metric
          id="gap"
          label={`Gap (${v.date})`}
          value={g?.value == null ? "–" : fmt(g.value)}
          hint={`${props.base} ${isYield ? `${num(v.baseValue)} %` : multiple(v.baseValue, 1)} vs ${props.benchmark} ${isYield ? `${num(v.benchmarkValue)} %` : multiple(v.benchmarkValue, 1)}`}
        />
        <Metric
          id="relative"
          label="Relative gap"
          value={percent(v.relative?.value)}
          hint={`${props.base} / ${props.benchmark} − 1`}
        />
        <Metric
          id="percentile"
          label="Percentile in history"
          value={percentile(g?.percentile)}
          hint="0: narrowest gap, 100: widest"
        />
        <Metric
          id="mean"
          label="Long-run average"
          value={g?.mean == null ? "–" : fmt(g.mean)}
          hint={`${v.observations} dates`}
        />
        <Metric
          id="zScore"
          label="z-score"
          value={num(g?.zScore)}
          hint="standard deviations from the average"
        />
      </Metrics>
      <Chart
        id="valuation-gap"
        title={`${props.base} − ${props.benchmark} ${METRICS[props.metric]}, with its long-run average ± 1 sd`}
        description={`The gap of the two ${METRICS[props.metric]} multiples on every date both are known (the sparser one carried forward).`}
        series={series}
        height={300}
        csv={{
          filename: `cyclelens-valuation-gap-${props.base}-${props.benchmark}-${props.metric}`,
          header: ["date", `gap_${isYield ? "pp" : "x"}`],
          rows: v.history.map((p) => [p.date, p.value]),
        }}
      />
    </>
  );
}

function unitLabel(unit: string): string {
  return unit === "net_pct_overweight" ? "% net overweight" : unit.replace(/_/g, " ");
}

function PositioningResult({
  data,
  missing,
  segment,
}: {
  data: ValuationViewQuery;
  missing: string | undefined;
  segment: string;
}) {
  const p = data.positioning;
  const series = useMemo<SeriesSpec[]>(() => {
    if (!p) return [];
    const unit = unitLabel(p.unit);
    const short = p.unit === "net_pct_overweight" ? "%" : unit;
    const fmt = (v: number) => `${v.toFixed(1)} ${short}`;
    return [
      {
        name: `${p.segment} (${unit})`,
        kind: "line",
        color: colors.base,
        pane: 0,
        data: p.history.map((h) => ({ time: h.date, value: h.value })),
        format: fmt,
      },
      {
        name: "long-run average to date",
        kind: "line",
        color: colors.average,
        pane: 0,
        data: p.history.map((h) => ({ time: h.date, value: h.average ?? null })),
        format: fmt,
      },
      {
        name: "percentile in its history (0–100)",
        kind: "line",
        color: colors.benchmark,
        pane: 1,
        data: p.history.map((h) => ({ time: h.date, value: h.percentile ?? null })),
        format: (v) => `${v.toFixed(0)} pctl`,
        priceLines: [
          { price: 80, title: "80th", color: colors.neutral },
          { price: 20, title: "20th", color: colors.neutral },
        ],
      },
    ];
  }, [p]);
  if (!p)
    return (
      <div class="status empty" data-testid="no-positioning">
        <h2>Positioning: no data</h2>
        <p>
          {missing ?? `No positioning observation is stored for ${segment}.`}{" "}
          {data.dataset.positioning.length
            ? `Stored segments: ${data.dataset.positioning.map((c) => c.name).join(", ")}.`
            : "No positioning is stored."}{" "}
          A file in this format imports it:
        </p>
        <pre>
          {`date,segment,value,unit,source
2024-09-30,${segment},-12,net_pct_overweight,bofa-fms

pnpm ingest --csv positioning.csv --kind positioning`}
        </pre>
      </div>
    );
  const c = p.current;
  const unit = unitLabel(p.unit);
  return (
    <>
      <h2>Positioning: {p.segment}</h2>
      <Metrics>
        <Metric
          id="positioning"
          label={`Latest (${c?.date ?? "–"})`}
          value={c ? `${num(c.value, 1)} ${unit}` : "–"}
        />
        <Metric
          id="positioningAverage"
          label="Long-run average"
          value={c?.average == null ? "–" : `${num(c.average, 1)} ${unit}`}
        />
        <Metric
          id="positioningPercentile"
          label="Percentile in history"
          value={percentile(c?.percentile)}
          hint="low = under-owned (a contrarian positive)"
        />
        <Metric id="positioningZ" label="z-score" value={num(c?.zScore)} />
      </Metrics>
      <Chart
        id="positioning"
        title={`${p.segment} positioning against its long-run average, and its percentile`}
        description={`Fund-manager positioning (${unit}) from ${p.source}; the average and percentile of each date use the history up to that date.`}
        series={series}
        height={420}
        paneHeights={[250, 130]}
        csv={{
          filename: `cyclelens-positioning-${p.segment}`,
          header: ["date", `value_${p.unit}`, "average", "percentile"],
          rows: p.history.map((h) => [h.date, h.value, h.average, h.percentile]),
        }}
      />
      <Note>
        Source: {p.source}. Average and percentile on each date use only the history up to that date.
      </Note>
    </>
  );
}
