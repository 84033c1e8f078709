/**
 * Rate cycles: the policy rate as a step line with its easing and tightening cycles shaded, and the event study
 * of base minus benchmark N months after each cycle of one direction began.
 */
import type { SeriesMarker, Time } from "lightweight-charts";
import { useMemo } from "preact/hooks";
import { Chart, type ChartPoint, type SeriesSpec } from "../../components/Chart";
import {
  alpha,
  Controls,
  colors,
  ErrorBox,
  Field,
  Loading,
  Metric,
  Metrics,
  Note,
  SymbolSelect,
  ViewHeader,
} from "../../components/View";
import {
  type CycleDirection,
  RateCyclesViewDocument,
  type RateCyclesViewQuery,
  SeriesCodesDocument,
} from "../../gql/graphql";
import { bp, num, percent, percentValue, points } from "../../lib/format";
import { rateFromMoves } from "../../lib/rate-line";
import { navigate, onLinkClick, useSearchParams } from "../../lib/router";
import { wilsonInterval } from "../../lib/stats";
import { useQuery } from "../../lib/use-query";

export const RATE_CYCLES_DEFAULTS = {
  base: "IWM",
  benchmark: "SPY",
  direction: "EASING",
  horizons: "3,6,12",
  series: "POLICY_RATE",
  since: "",
  minMoveBp: "20",
  maxPauseDays: "400",
};

export default function RateCyclesView() {
  const params = useSearchParams(RATE_CYCLES_DEFAULTS);
  const series = params.series.trim().toUpperCase() || "POLICY_RATE";
  const variables = {
    base: params.base,
    benchmark: params.benchmark,
    direction: (params.direction === "TIGHTENING" ? "TIGHTENING" : "EASING") as CycleDirection,
    horizons: params.horizons
      .split(/[ ,]+/)
      .filter(Boolean)
      .map((h) => Number(h)),
    series,
    storedSeries: series !== "POLICY_RATE",
    since: params.since || null,
    minMoveBp: Number(params.minMoveBp),
    maxPauseDays: Number(params.maxPauseDays),
  };
  const state = useQuery(RateCyclesViewDocument, variables);
  const data = state.data;
  const submit = (form: FormData) =>
    navigate("/rate-cycles", {
      base: String(form.get("base")),
      benchmark: String(form.get("benchmark")),
      direction: String(form.get("direction")),
      horizons: String(form.get("horizons")),
      series: String(form.get("series")),
      since: String(form.get("since")),
      minMoveBp: String(form.get("minMoveBp")),
      maxPauseDays: String(form.get("maxPauseDays")),
    });
  return (
    <section class="view" data-view="rate-cycles" data-state={state.status}>
      <ViewHeader
        title="Rate cycles"
        question={`How did ${params.base} do against ${params.benchmark} after each Fed ${variables.direction.toLowerCase()} cycle began?`}
        label={data?.dataset.label}
        query={RateCyclesViewDocument.toString()}
        variables={variables}
        enums={["CycleDirection"]}
      />
      <Controls onSubmit={submit}>
        <Field label="Base">
          <SymbolSelect name="base" value={params.base} instruments={data?.instruments} />
        </Field>
        <Field label="Benchmark">
          <SymbolSelect name="benchmark" value={params.benchmark} instruments={data?.instruments} />
        </Field>
        <Field label="Cycles">
          <select name="direction" key={variables.direction}>
            <option value="EASING" selected={variables.direction === "EASING"}>
              easing (cuts)
            </option>
            <option value="TIGHTENING" selected={variables.direction === "TIGHTENING"}>
              tightening (hikes)
            </option>
          </select>
        </Field>
        <Field label="Horizons (months)">
          <input name="horizons" value={params.horizons} key={params.horizons} inputMode="numeric" size={8} />
        </Field>
        <Field label="Rate series">
          <input name="series" value={series} key={series} list="rate-series" size={12} />
          <datalist id="rate-series">
            <option value="POLICY_RATE" />
            {data?.economicSeriesList.map((s) => (
              <option key={s.code} value={s.code}>
                {s.title}
              </option>
            ))}
          </datalist>
        </Field>
        <Field label="Cycles since">
          <input type="date" name="since" value={params.since} key={params.since} />
        </Field>
        <Field label="Min move (bp)">
          <input
            type="number"
            name="minMoveBp"
            min={1}
            max={500}
            value={params.minMoveBp}
            key={params.minMoveBp}
          />
        </Field>
        <Field label="Max pause (days)">
          <input
            type="number"
            name="maxPauseDays"
            min={1}
            max={3650}
            value={params.maxPauseDays}
            key={params.maxPauseDays}
          />
        </Field>
      </Controls>
      {state.status === "loading" ? <Loading /> : null}
      {state.status === "error" ? (
        <ErrorBox error={state.error}>
          {state.error.errors.some((e) => e.extensions?.kind === "economic series") ? (
            <OtherSeries params={params} />
          ) : null}
        </ErrorBox>
      ) : null}
      {data ? <RateCyclesResult data={data} series={series} /> : null}
    </section>
  );
}

/** After an unknown rate series: the stored ones, each a link to the same view on it. */
function OtherSeries({ params }: { params: typeof RATE_CYCLES_DEFAULTS }) {
  const state = useQuery(SeriesCodesDocument, {});
  if (state.status !== "done") return null;
  const list = state.data.economicSeriesList;
  if (list.length === 0)
    return (
      <p>
        No economic series is stored: import one, e.g. <code>pnpm ingest --csv FEDFUNDS.csv</code>.
      </p>
    );
  return (
    <div>
      <p>Detect the cycles on a stored series instead:</p>
      <ul class="series-choices">
        {list.map((s) => {
          const search = new URLSearchParams({ ...params, series: s.code });
          for (const [k, v] of [...search]) if (!v) search.delete(k);
          return (
            <li key={s.code}>
              <a class="chip" href={`/rate-cycles?${search}`} onClick={onLinkClick}>
                {s.code}
              </a>{" "}
              {s.title}, {s.firstDate ?? "?"} … {s.lastDate ?? "?"}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function RateCyclesResult({ data, series: code }: { data: RateCyclesViewQuery; series: string }) {
  const study = data.rateCycleStudy;
  const cycles = data.rateCycles;
  const lastDate = study.base.lastDate ?? cycles.at(-1)?.end ?? "";
  const rateChart = useMemo<SeriesSpec[]>(() => {
    const line: ChartPoint[] = data.economicSeries
      ? data.economicSeries.observations.map((p) => ({ time: p.date, value: p.value ?? null }))
      : rateFromMoves(cycles, lastDate);
    const band: ChartPoint[] = line.map((p) => {
      const cycle = cycles.find(
        (c) => c.start <= p.time && (p.time <= c.end || (c.ongoing && p.time >= c.start)),
      );
      if (!cycle) return { time: p.time, value: null };
      return {
        time: p.time,
        value: 1,
        color: alpha(cycle.direction === "EASING" ? colors.easing : colors.tightening, 0.16),
      };
    });
    const markers: SeriesMarker<Time>[] = cycles
      .filter((c) => line.some((p) => p.time >= c.start))
      .map((c) => ({
        time: line.find((p) => p.time >= c.start)?.time ?? c.start,
        position: c.direction === "EASING" ? "aboveBar" : "belowBar",
        shape: c.direction === "EASING" ? "arrowDown" : "arrowUp",
        color: c.direction === "EASING" ? colors.easing : colors.tightening,
        text: bp(c.totalChangeBp),
      }));
    return [
      {
        name: "cycles",
        kind: "band",
        color: colors.neutral,
        data: band,
        format: () => "",
        hideInLegend: true,
      },
      {
        name: data.economicSeries
          ? `${data.economicSeries.code} (${data.economicSeries.unit})`
          : "Policy rate (%)",
        kind: "step",
        color: colors.base,
        data: line,
        format: (v) => percentValue(v),
        markers,
      },
    ];
  }, [data, cycles, lastDate]);

  const horizonChart = useMemo<SeriesSpec[]>(
    () =>
      study.horizons.map((h, pane) => {
        const mean = h.excess.mean;
        return {
          name: `${h.months} m excess`,
          kind: "histogram",
          color: colors.neutral,
          pane,
          data: h.rows.map((r) => ({
            time: r.cycle.start,
            value: r.excessReturn == null ? null : r.excessReturn * 100,
            color: !r.complete
              ? alpha(colors.neutral, 0.45)
              : (r.excessReturn ?? 0) >= 0
                ? colors.up
                : colors.down,
          })),
          format: (v: number) => `${v >= 0 ? "+" : "−"}${Math.abs(v).toFixed(1)} pp`,
          markers: h.rows
            .filter((r) => !r.complete)
            .map((r) => ({
              time: r.cycle.start,
              position: "aboveBar" as const,
              shape: "circle" as const,
              color: colors.neutral,
              text: "incomplete",
            })),
          priceLines:
            mean == null ? [] : [{ price: mean * 100, title: `${h.months}m mean`, color: colors.average }],
        };
      }),
    [study],
  );

  const direction = study.direction.toLowerCase();
  const rows = study.horizons.flatMap((h) => h.rows.map((r) => ({ h, r })));
  const studied = cycles.filter((c) => c.direction === study.direction);
  return (
    <>
      <Chart
        id="policy-rate"
        title={`${code === "POLICY_RATE" ? "Policy rate" : code} with easing (green) and tightening (red) cycles`}
        description={`${cycles.length} cycles detected on ${code}; easing cycles shaded green, tightening red, each start marked with its total change in basis points.`}
        series={rateChart}
        height={300}
        csv={{
          filename: `cyclelens-rate-cycles-${code}`,
          header: [
            "direction",
            "start",
            "end",
            "ongoing",
            "rate_before_pct",
            "rate_after_pct",
            "total_change_bp",
          ],
          rows: cycles.map((c) => [
            c.direction,
            c.start,
            c.end,
            c.ongoing,
            c.rateBefore,
            c.rateAfter,
            c.totalChangeBp,
          ]),
        }}
      >
        {code === "POLICY_RATE" ? (
          <Note>
            POLICY_RATE is the Fed's target (DFEDTAR) until 2008-12-15, then the upper bound of its range
            (DFEDTARU); the line is that rate as the cycle detector saw it, drawn from the{" "}
            {cycles.flatMap((c) => c.moves).length} detected moves.
          </Note>
        ) : null}
      </Chart>
      <h2>
        {study.base.symbol} − {study.benchmark.symbol} after each {direction} cycle began
      </h2>
      <Metrics>
        <Metric
          id="cycles"
          label={`${study.direction === "EASING" ? "Easing" : "Tightening"} cycles studied`}
          value={String(study.horizons[0]?.rows.length ?? 0)}
          hint={`detected on ${code}; ${cycles.length} cycles of both directions`}
        />
        {study.horizons.map((h) => {
          const hits = h.excess.hitRate == null ? null : Math.round(h.excess.hitRate * h.excess.count);
          const ci = hits == null ? null : wilsonInterval(hits, h.excess.count);
          return (
            <Metric
              key={h.months}
              id={`mean-${h.months}`}
              label={`${h.months} months: mean excess`}
              value={points(h.excess.mean)}
              tone={h.excess.mean}
              hint={`hit rate ${percent(h.excess.hitRate, 0).replace("+", "")} (${hits ?? 0} of ${h.excess.count}${
                ci ? `, 95 % interval ${Math.round(ci.low * 100)}–${Math.round(ci.high * 100)} %` : ""
              }); t = ${num(h.excess.tStat)}; ${h.incomplete} incomplete`}
            />
          );
        })}
      </Metrics>
      {studied.length === 0 ? (
        <div class="status empty" data-testid="no-data">
          No {direction} cycle was detected on {code}.
        </div>
      ) : (
        <Chart
          id="event-study"
          title={`${study.base.symbol} − ${study.benchmark.symbol} return after each ${direction} cycle start, by horizon`}
          description="One bar per cycle and horizon, in percentage points; grey bars are incomplete (the horizon runs past the data) and are left out of the mean."
          series={horizonChart}
          height={Math.max(260, 190 * study.horizons.length)}
          csv={{
            filename: `cyclelens-event-study-${study.base.symbol}-${study.benchmark.symbol}-${study.direction}`,
            header: [
              "horizon_months",
              "cycle_start",
              "complete",
              "incomplete_reason",
              "entry_date",
              "exit_date",
              "base_return",
              "benchmark_return",
              "excess_return",
            ],
            rows: rows.map(({ h, r }) => [
              h.months,
              r.cycle.start,
              r.complete,
              r.incompleteReason,
              r.entryDate,
              r.exitDate,
              r.baseReturn,
              r.benchmarkReturn,
              r.excessReturn,
            ]),
          }}
        />
      )}
      <div class="table-wrap">
        <table data-testid="event-table">
          <caption>
            Per cycle: excess return of {study.base.symbol} over {study.benchmark.symbol} (percentage points)
          </caption>
          <thead>
            <tr>
              <th scope="col">Cycle start</th>
              <th scope="col">Change</th>
              {study.horizons.map((h) => (
                <th scope="col" key={h.months}>
                  {h.months} m
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(study.horizons[0]?.rows ?? []).map((r, i) => (
              <tr key={r.cycle.start}>
                <th scope="row">
                  {r.cycle.start}
                  {r.cycle.ongoing ? " (ongoing)" : ""}
                </th>
                <td>{bp(r.cycle.totalChangeBp)}</td>
                {study.horizons.map((h) => {
                  const row = h.rows[i];
                  return (
                    <td
                      key={h.months}
                      class={row?.complete ? "" : "incomplete"}
                      title={row?.incompleteReason ?? ""}
                    >
                      {row?.complete
                        ? points(row.excessReturn)
                        : `incomplete (${row?.incompleteReason ?? "?"})`}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Mean (complete)</th>
              <td />
              {study.horizons.map((h) => (
                <td key={h.months}>
                  {points(h.excess.mean)} <small>n = {h.excess.count}</small>
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      <Note>
        Day 0 of each cycle is the last close on or before its first move; the horizon ends N calendar months
        later (clamped to the month end). Incomplete events, whose horizon runs past the data, are shown but
        left out of the mean, hit rate and t-statistic. The hit rate's 95 % interval is Wilson's score
        interval: with few cycles it is wide, and so is the uncertainty of any conclusion drawn from them.
      </Note>
    </>
  );
}
