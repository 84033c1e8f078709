/** Drawdowns: an instrument against the highest close inside a window, with the deepest point and recovery marked. */
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
  QueryStatus,
  SymbolField,
  ViewHeader,
} from "../../components/View";
import { DrawdownViewDocument, type DrawdownViewQuery } from "../../gql/graphql";
import type { ApiError } from "../../lib/api";
import { troughAndRecovery } from "../../lib/drawdown";
import { percent, price } from "../../lib/format";
import { onLinkClick, useSearchParams } from "../../lib/router";
import { useQuery } from "../../lib/use-query";

export const DRAWDOWN_DEFAULTS = { symbol: "KRE", peakFrom: "2022-01-01", peakTo: "2022-12-31", asOf: "" };

export default function DrawdownView() {
  const params = useSearchParams(DRAWDOWN_DEFAULTS);
  const variables = {
    symbol: params.symbol,
    peakFrom: params.peakFrom,
    peakTo: params.peakTo,
    asOf: params.asOf || null,
  };
  const state = useQuery(DrawdownViewDocument, variables);
  const data = state.data;
  return (
    <section class="view" data-view="drawdowns" data-state={state.status}>
      <ViewHeader
        title="Drawdowns"
        question={`How far is ${params.symbol} below its peak of ${params.peakFrom} … ${params.peakTo}?`}
        label={data?.dataset.label}
        query={DrawdownViewDocument.toString()}
        variables={variables}
      />
      <Controls path="/drawdowns" names={Object.keys(DRAWDOWN_DEFAULTS)}>
        <SymbolField label="Instrument" name="symbol" value={params.symbol} instruments={data?.instruments} />
        <DateField label="Peak window from" name="peakFrom" value={params.peakFrom} required />
        <DateField label="to" name="peakTo" value={params.peakTo} required />
        <DateField label="As of (empty: latest)" name="asOf" value={params.asOf} />
      </Controls>
      <QueryStatus state={state}>
        {state.error ? <AvailableWindow error={state.error} params={params} /> : null}
      </QueryStatus>
      {data?.instrument?.drawdown ? (
        <DrawdownResult
          instrument={data.instrument}
          drawdown={data.instrument.drawdown}
          peakFrom={params.peakFrom}
          peakTo={params.peakTo}
        />
      ) : null}
    </section>
  );
}

/** After DATA_UNAVAILABLE for the peak window: a link to the same view on the data the instrument has. */
function AvailableWindow({ error, params }: { error: ApiError; params: typeof DRAWDOWN_DEFAULTS }) {
  const available = error.errors[0]?.extensions?.available as { from?: string; to?: string } | undefined;
  if (error.code !== "DATA_UNAVAILABLE" || !available?.from || !available.to) return null;
  const search = new URLSearchParams({
    symbol: params.symbol,
    peakFrom: available.from,
    peakTo: available.to,
  });
  return (
    <p>
      <a href={`/drawdowns?${search}`} onClick={onLinkClick}>
        Look for the peak in {params.symbol}'s stored data, {available.from} … {available.to}
      </a>
    </p>
  );
}

function DrawdownResult(props: {
  instrument: NonNullable<DrawdownViewQuery["instrument"]>;
  drawdown: NonNullable<NonNullable<DrawdownViewQuery["instrument"]>["drawdown"]>;
  peakFrom: string;
  peakTo: string;
}) {
  const { instrument: i, drawdown: d } = props;
  const { trough, recovery } = useMemo(() => troughAndRecovery(d.series), [d.series]);
  const series = useMemo<SeriesSpec[]>(() => {
    if (!d.peakDate) return [];
    const priceMarkers: SeriesMarker<Time>[] = [
      { time: d.peakDate, position: "aboveBar", shape: "arrowDown", color: colors.neutral, text: "peak" },
    ];
    const ddMarkers: SeriesMarker<Time>[] = [];
    if (trough)
      ddMarkers.push({
        time: trough.date,
        position: "belowBar",
        shape: "arrowUp",
        color: colors.down,
        text: `max ${percent(trough.value)}`,
      });
    if (recovery)
      ddMarkers.push({
        time: recovery,
        position: "aboveBar",
        shape: "circle",
        color: colors.up,
        text: "recovered",
      });
    return [
      {
        name: `${i.symbol} adjusted close`,
        kind: "line",
        color: colors.base,
        pane: 0,
        data: i.series
          .filter((p) => p.date >= (d.peakDate ?? ""))
          .map((p) => ({ time: p.date, value: p.value ?? null })),
        format: price,
        markers: priceMarkers,
        priceLines: d.peakValue == null ? [] : [{ price: d.peakValue, title: "peak" }],
      },
      {
        name: "Drawdown from the peak",
        kind: "area",
        color: colors.down,
        pane: 1,
        data: d.series.map((p) => ({ time: p.date, value: p.value == null ? null : p.value * 100 })),
        format: (v) => `${v.toFixed(1)} %`,
        markers: ddMarkers,
        priceLines: trough ? [{ price: trough.value * 100, title: "max", color: colors.down }] : [],
      },
    ];
  }, [i, d, trough, recovery]);
  if (!d.peakDate)
    return (
      <div class="status empty" data-testid="no-data">
        <strong>No data in the peak window.</strong> {i.symbol} has no close between {props.peakFrom} and{" "}
        {props.peakTo}
        {i.firstDate
          ? ` (its stored data runs ${i.firstDate} … ${i.lastDate})`
          : " (nothing is stored for it)"}
        . Choose a window inside its history, or import more of it:{" "}
        <code>
          pnpm ingest --csv {i.symbol}.csv --symbol {i.symbol}
        </code>
        .
      </div>
    );
  const values = new Map(i.series.map((p) => [p.date, p.value]));
  return (
    <>
      <CoverageWarning coverage={d.peakWindow} />
      <Metrics>
        <Metric
          id="drawdown"
          label={`Now vs peak (${d.asOfDate})`}
          value={percent(d.drawdown)}
          tone={d.drawdown}
          hint={`${price(d.asOfValue)} against ${price(d.peakValue)}`}
        />
        <Metric
          id="peakDate"
          label="Peak"
          value={d.peakDate ?? "–"}
          hint={`adjusted close ${price(d.peakValue)}`}
        />
        <Metric
          id="maxDrawdown"
          label="Max drawdown since the peak"
          value={percent(trough?.value)}
          tone={trough?.value}
          hint={trough ? `on ${trough.date}` : ""}
        />
        <Metric
          id="recovery"
          label="Recovery"
          value={recovery ?? "not recovered"}
          hint={recovery ? "first close back at the peak" : `still ${percent(d.drawdown)} below`}
        />
      </Metrics>
      <Chart
        id="drawdown"
        title={`${i.symbol} from its peak of ${d.peakDate}`}
        description={`Adjusted close of ${i.name} and its drawdown from the highest close inside ${props.peakFrom} … ${props.peakTo}.`}
        series={series}
        height={460}
        paneHeights={[260, 170]}
        csv={{
          filename: `cyclelens-drawdown-${i.symbol}-${d.peakDate}`,
          header: ["date", "adj_close", "drawdown_fraction"],
          rows: d.series.map((p) => [p.date, values.get(p.date), p.value]),
        }}
      />
      <Note>
        The peak is the highest adjusted close inside the window; the drawdown on each day is close / peak −
        1, in percent. The deepest point and the first close back at the peak are read from that series.
      </Note>
    </>
  );
}
