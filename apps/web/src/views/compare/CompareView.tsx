/** Small vs large: the base against a benchmark since a date — return gap, RS line and its average, crossovers. */
import type { SeriesMarker, Time } from "lightweight-charts";
import { useMemo } from "preact/hooks";
import { Chart, type SeriesSpec } from "../../components/Chart";
import {
  Controls,
  CoverageWarning,
  colors,
  DateField,
  Metric,
  Metrics,
  Note,
  NumberField,
  QueryStatus,
  SymbolField,
  ViewHeader,
} from "../../components/View";
import { CompareViewDocument, type CompareViewQuery } from "../../gql/graphql";
import { num, percent, points } from "../../lib/format";
import { useSearchParams } from "../../lib/router";
import { useQuery } from "../../lib/use-query";

export const COMPARE_DEFAULTS = { base: "IWM", benchmark: "SPY", from: "2021-01-01", average: "50" };

export default function CompareView() {
  const params = useSearchParams(COMPARE_DEFAULTS);
  const variables = {
    base: params.base,
    benchmark: params.benchmark,
    from: params.from || null,
    averagePeriod: Number(params.average) || 50,
  };
  const state = useQuery(CompareViewDocument, variables);
  const data = state.data;
  return (
    <section class="view" data-view="compare" data-state={state.status}>
      <ViewHeader
        title="Small vs large"
        question={`Is ${params.base} leading ${params.benchmark}, and is that turning?`}
        label={data?.dataset.label}
        query={CompareViewDocument.toString()}
        variables={variables}
      />
      <Controls path="/compare" names={Object.keys(COMPARE_DEFAULTS)}>
        <SymbolField label="Base" name="base" value={params.base} instruments={data?.instruments} />
        <SymbolField
          label="Benchmark"
          name="benchmark"
          value={params.benchmark}
          instruments={data?.instruments}
        />
        <DateField label="Since" name="from" value={params.from} />
        <NumberField label="Average (days)" name="average" min={2} max={1000} value={params.average} />
      </Controls>
      <QueryStatus state={state} />
      {data?.compare ? <CompareResult compare={data.compare} /> : null}
    </section>
  );
}

function CompareResult({ compare: c }: { compare: NonNullable<CompareViewQuery["compare"]> }) {
  const base = c.base.symbol;
  const benchmark = c.benchmark.symbol;
  const series = useMemo<SeriesSpec[]>(() => {
    const markers: SeriesMarker<Time>[] = c.crossovers.map((x) => ({
      time: x.date,
      position: x.direction === "up" ? "belowBar" : "aboveBar",
      shape: x.direction === "up" ? "arrowUp" : "arrowDown",
      color: x.direction === "up" ? colors.up : colors.down,
    }));
    const ratio = (v: number) => v.toFixed(3);
    return [
      {
        name: `${base} / ${benchmark} (rebased, 1 = day 0)`,
        kind: "line",
        color: colors.base,
        data: c.relativeStrength.map((p) => ({ time: p.date, value: p.value ?? null })),
        format: ratio,
        markers,
        priceLines: [{ price: 1, title: "day 0", dashed: true }],
      },
      {
        name: `${c.averagePeriod}-day average`,
        kind: "line",
        color: colors.average,
        data: c.relativeStrengthAverage.map((p) => ({ time: p.date, value: p.value ?? null })),
        format: ratio,
      },
    ];
  }, [c, base, benchmark]);
  const average = new Map(c.relativeStrengthAverage.map((p) => [p.date, p.value]));
  const crossings = new Map(c.crossovers.map((x) => [x.date, x.direction]));
  const l = c.leadership;
  return (
    <>
      <CoverageWarning coverage={c.coverage} />
      <Metrics>
        <Metric
          id="returnGap"
          label="Return gap"
          value={points(c.returnGap)}
          tone={c.returnGap}
          hint={`${base} return − ${benchmark} return, percentage points`}
        />
        <Metric
          id="baseReturn"
          label={`${base} total return`}
          value={percent(c.baseReturn)}
          tone={c.baseReturn}
        />
        <Metric
          id="benchmarkReturn"
          label={`${benchmark} total return`}
          value={percent(c.benchmarkReturn)}
          tone={c.benchmarkReturn}
        />
        <Metric
          id="beta"
          label="Beta"
          value={`${num(c.beta)}x`}
          hint={`of daily returns to ${benchmark}'s`}
        />
        <Metric
          id="correlation"
          label="Correlation"
          value={num(c.correlation)}
          hint="of daily returns, −1…1"
        />
        <Metric
          id="ratioVsAverage"
          label="RS vs its average"
          value={percent(l.ratioVsAverage, 2)}
          tone={l.ratioVsAverage}
          hint={
            l.aboveAverage == null
              ? ""
              : l.aboveAverage
                ? `${base} above trend (leading)`
                : `${base} below trend`
          }
        />
        <Metric
          id="lastCrossover"
          label="Last crossover"
          value={
            l.lastCrossover
              ? `${l.lastCrossover.direction === "up" ? "▲" : "▼"} ${l.lastCrossover.date}`
              : "none"
          }
          hint={`${c.crossovers.length} in the range`}
        />
      </Metrics>
      <Chart
        id="relative-strength"
        title={`Relative strength ${base} / ${benchmark} and its ${c.averagePeriod}-day average`}
        description={`The ratio of ${base} to ${benchmark} adjusted closes, rebased to 1 on ${c.startDate}; arrows mark crossings of its average.`}
        series={series}
        csv={{
          filename: `cyclelens-rs-${base}-${benchmark}-${c.startDate}`,
          header: ["date", "relative_strength", `average_${c.averagePeriod}d`, "crossover"],
          rows: c.relativeStrength.map((p) => [p.date, p.value, average.get(p.date), crossings.get(p.date)]),
        }}
      />
      <Note>
        Day 0 is {c.startDate ?? "–"}, the last common close on or before the start; {c.observations} common
        trading days to {c.endDate ?? "–"}. Returns use adjusted closes; beta and correlation are of daily
        simple returns. Above 1 the base has done better since day 0; ▲ the ratio crossed above its average
        (the base starting to lead), ▼ below it.
      </Note>
    </>
  );
}
