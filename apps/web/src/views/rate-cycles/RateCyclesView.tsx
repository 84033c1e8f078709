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
  DateField,
  Field,
  Metric,
  Metrics,
  Note,
  NumberField,
  QueryStatus,
  SymbolField,
  ViewHeader,
} from "../../components/View";
import {
  type CycleDirection,
  RateCyclesViewDocument,
  type RateCyclesViewQuery,
  type RateFrequency,
  SeriesCodesDocument,
} from "../../gql/graphql";
import { bp, num, percent, percentValue, points } from "../../lib/format";
import { rateFromMoves } from "../../lib/rate-line";
import { onLinkClick, useSearchParams } from "../../lib/router";
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
  frequency: "AUTO",
};

const FREQUENCIES: Record<RateFrequency, string> = {
  AUTO: "auto",
  STEP: "step (target series)",
  DAILY: "daily (effective rate)",
  MONTHLY: "monthly",
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
    frequency: (params.frequency in FREQUENCIES ? params.frequency : "AUTO") as RateFrequency,
  };
  const state = useQuery(RateCyclesViewDocument, variables);
  const data = state.data;
  return (
    <section class="view" data-view="rate-cycles" data-state={state.status}>
      <ViewHeader
        title="Rate cycles"
        question={`How did ${params.base} do against ${params.benchmark} after each Fed ${variables.direction.toLowerCase()} cycle began?`}
        label={data?.dataset.label}
        query={RateCyclesViewDocument.toString()}
        variables={variables}
        enums={["CycleDirection", "RateFrequency"]}
      />
      <Controls path="/rate-cycles" names={Object.keys(RATE_CYCLES_DEFAULTS)}>
        <SymbolField label="Base" name="base" value={params.base} instruments={data?.instruments} />
        <SymbolField
          label="Benchmark"
          name="benchmark"
          value={params.benchmark}
          instruments={data?.instruments}
        />
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
        <Field label="Move rule">
          <select name="frequency" key={variables.frequency}>
            {Object.entries(FREQUENCIES).map(([value, label]) => (
              <option key={value} value={value} selected={value === variables.frequency}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <DateField label="Cycles since" name="since" value={params.since} />
        <NumberField label="Min move (bp)" name="minMoveBp" min={1} max={500} value={params.minMoveBp} />
        <NumberField
          label="Max pause (days)"
          name="maxPauseDays"
          min={1}
          max={3650}
          value={params.maxPauseDays}
        />
      </Controls>
      <QueryStatus state={state}>
        {state.error?.errors.some((e) => e.extensions?.kind === "economic series") ? (
          <OtherSeries params={params} />
        ) : null}
      </QueryStatus>
      {data && answered(data) ? <RateCyclesResult data={data} series={series} /> : null}
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

/** "[low, high]" of an interval, or "undefined" with too few events. */
function interval(i: { low?: number | null; high?: number | null }, fmt: (v: number) => string): string {
  return i.low == null || i.high == null ? "undefined" : `${fmt(i.low)} … ${fmt(i.high)}`;
}

/** The response with both fields answered (each is null when it failed; QueryStatus shows why). */
type Answered = RateCyclesViewQuery & {
  rateCycleStudy: NonNullable<RateCyclesViewQuery["rateCycleStudy"]>;
  rateCycles: NonNullable<RateCyclesViewQuery["rateCycles"]>;
};

function answered(data: RateCyclesViewQuery): data is Answered {
  return data.rateCycleStudy != null && data.rateCycles != null;
}

function RateCyclesResult({ data, series: code }: { data: Answered; series: string }) {
  const study = data.rateCycleStudy;
  const rs = study.rateSeries;
  const cycles = data.rateCycles;
  const lastDate = study.base.lastDate ?? cycles.at(-1)?.end ?? "";
  const rateChart = useMemo<SeriesSpec[]>(() => {
    const line: ChartPoint[] = data.economicSeries
      ? data.economicSeries.observations.map((p) => ({ time: p.date, value: p.value ?? null }))
      : rateFromMoves(cycles, lastDate);
    const band = (direction: string): ChartPoint[] =>
      line.map((p) => {
        const inside = cycles.some(
          (c) => c.direction === direction && c.start <= p.time && (p.time <= c.end || c.ongoing),
        );
        return { time: p.time, value: inside ? 1 : 0 };
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
        name: "easing cycles",
        kind: "band",
        color: alpha(colors.easing, 0.14),
        data: band("EASING"),
        format: () => "",
        hideInLegend: true,
      },
      {
        name: "tightening cycles",
        kind: "band",
        color: alpha(colors.tightening, 0.14),
        data: band("TIGHTENING"),
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

  // cycles before the instruments' data have no bar at any horizon: the chart leaves them out, the table lists them
  const beforeData = useMemo(
    () =>
      new Set(
        (study.horizons[0]?.rows ?? [])
          .filter((_, i) => study.horizons.every((h) => h.rows[i]?.incompleteReason === "STARTS_BEFORE_DATA"))
          .map((r) => r.cycle.start),
      ),
    [study],
  );
  const horizonChart = useMemo<SeriesSpec[]>(
    () =>
      study.horizons.map((h, pane) => {
        const mean = h.excess.mean;
        return {
          name: `${h.months} m excess`,
          kind: "histogram",
          color: colors.neutral,
          pane,
          data: h.rows
            .filter((r) => !beforeData.has(r.cycle.start))
            .map((r) => ({
              time: r.cycle.start,
              value: r.excessReturn == null ? 0 : r.excessReturn * 100,
              color: !r.complete
                ? alpha(colors.neutral, 0.45)
                : (r.excessReturn ?? 0) >= 0
                  ? colors.up
                  : colors.down,
            })),
          format: (v: number) => `${v >= 0 ? "+" : "−"}${Math.abs(v).toFixed(1)} pp`,
          markers: h.rows
            .filter((r) => !r.complete && !beforeData.has(r.cycle.start))
            .map((r) => ({
              time: r.cycle.start,
              position: "aboveBar" as const,
              shape: "circle" as const,
              color: colors.neutral,
              text: r.incompleteReason === "STARTS_BEFORE_DATA" ? "no data" : "incomplete",
            })),
          priceLines:
            mean == null ? [] : [{ price: mean * 100, title: `${h.months}m mean`, color: colors.average }],
        };
      }),
    [study, beforeData],
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
        <Note>
          {rs.code}: {rs.title} ({rs.provenance}), {rs.firstDate} … {rs.lastDate}
          {rs.completeThrough ? `, complete through ${rs.completeThrough}` : ""}; moves read with the{" "}
          {study.rule.frequency} rule (min move {study.rule.minMoveBp} bp, max pause {study.rule.maxPauseDays}{" "}
          days
          {study.rule.persistDays ? `, persisting ${study.rule.persistDays} business days` : ""}).
          {code === "POLICY_RATE"
            ? ` The line is the target (the range's upper bound since 2008-12-16) drawn from the ${
                cycles.flatMap((c) => c.moves).length
              } detected moves.`
            : ""}
        </Note>
      </Chart>
      <h2>
        {study.base.symbol} − {study.benchmark.symbol} after each {direction} cycle began
      </h2>
      {rs.stale ? (
        <div class="status warn" role="status" data-testid="stale">
          <strong>stale rate series</strong> {rs.staleReason}
        </div>
      ) : null}
      <Metrics>
        <Metric
          id="cycles"
          label={`${study.direction === "EASING" ? "Easing" : "Tightening"} cycles studied`}
          value={String(study.selection.studied)}
          hint={`of ${study.selection.matching} detected on ${code}${
            study.selection.since ? ` since ${study.selection.since}` : ""
          }; ${cycles.length} cycles of both directions`}
        />
        {study.horizons.map((h) => {
          const e = h.excess;
          const hits = e.hitRate == null ? null : Math.round(e.hitRate * e.count);
          return (
            <Metric
              key={h.months}
              id={`mean-${h.months}`}
              label={`${h.months} months: mean excess`}
              value={points(e.mean)}
              tone={e.mean}
              hint={`95 %: ${interval(e.meanInterval, points)}; hit rate ${hits ?? 0} of ${e.count}; ${h.leftOut.length} left out`}
            />
          );
        })}
      </Metrics>
      <div class="table-wrap">
        <table data-testid="summary-table">
          <caption>
            Summary per horizon over the complete cycles (base − benchmark, percentage points; 95 % intervals)
          </caption>
          <thead>
            <tr>
              <th scope="col">Horizon</th>
              <th scope="col">n</th>
              <th scope="col">Mean</th>
              <th scope="col">Mean, t interval</th>
              <th scope="col">Mean, bootstrap</th>
              <th scope="col">Median</th>
              <th scope="col">Hit rate</th>
              <th scope="col">Hit rate, exact interval</th>
              <th scope="col">t</th>
              <th scope="col">Left out</th>
            </tr>
          </thead>
          <tbody>
            {study.horizons.map((h) => {
              const e = h.excess;
              const pct = (v: number) => percent(v, 0).replace("+", "");
              return (
                <tr key={h.months}>
                  <th scope="row">{h.months} months</th>
                  <td>{e.count}</td>
                  <td>{points(e.mean)}</td>
                  <td>{interval(e.meanInterval, points)}</td>
                  <td>{interval(e.bootstrapInterval, points)}</td>
                  <td>{points(e.median)}</td>
                  <td>
                    {pct(e.hitRate ?? Number.NaN)}{" "}
                    <small>
                      {e.hitRate == null ? "" : Math.round(e.hitRate * e.count)} of {e.count}
                    </small>
                  </td>
                  <td>{interval(e.hitRateInterval, pct)}</td>
                  <td>{num(e.tStat)}</td>
                  <td>
                    {h.leftOut.length}
                    {h.leftOut.length ? (
                      <small>
                        {[...new Set(h.leftOut.map((l) => l.reason.replace(/_/g, " ").toLowerCase()))].join(
                          ", ",
                        )}
                      </small>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
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
          note={
            beforeData.size
              ? `${beforeData.size} cycle${beforeData.size > 1 ? "s" : ""} before the instruments' data (${[...beforeData][0]}${beforeData.size > 1 ? ` … ${[...beforeData].at(-1)}` : ""}) not drawn; the table lists them.`
              : undefined
          }
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
              <th scope="col">Day 0 (rule)</th>
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
                <td>
                  {r.eventDate}
                  <small>
                    {r.dayZeroRule === "ANNOUNCEMENT" ? "announcement" : "first day at new level"}
                  </small>
                </td>
                <td>{bp(r.cycle.totalChangeBp)}</td>
                {study.horizons.map((h) => {
                  const row = h.rows[i];
                  return (
                    <td key={h.months} class={row?.complete ? "" : "incomplete"}>
                      {row?.complete ? (
                        points(row.excessReturn)
                      ) : (
                        <>
                          {row?.excessReturn == null ? "no result" : `${points(row.excessReturn)} so far`}
                          <small>{row?.incompleteDetail ?? row?.incompleteReason}</small>
                        </>
                      )}
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
      <dl class="conventions" data-testid="conventions">
        <dt>Day 0</dt>
        <dd>{study.conventions.dayZero}</dd>
        <dt>Horizon</dt>
        <dd>{study.conventions.horizon}</dd>
        <dt>Prices</dt>
        <dd>{study.conventions.prices}</dd>
        <dt>Excess</dt>
        <dd>{study.conventions.excess}</dd>
        <dt>Summaries</dt>
        <dd>{study.conventions.summary}</dd>
      </dl>
      <Note>
        With a handful of cycles read the intervals, not the mean alone: the mean's 95 % intervals (Student's
        t, and the bootstrap beside it) and the hit rate's exact (Clopper–Pearson) interval are the API's.
      </Note>
    </>
  );
}
