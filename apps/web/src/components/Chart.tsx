/**
 * A time-series chart on TradingView's lightweight-charts (canvas; crosshair with a legend of every series'
 * value, wheel/drag zoom and pan, keyboard pan and zoom when focused), with PNG and CSV downloads.
 *
 * A chart is described by its series (each with its unit's formatter, markers and price lines) and rebuilt when
 * they or the theme change. The wrapper carries `data-chart`, `data-series-count`, `data-series` and
 * `data-points` so tests (and anyone) can tell what was drawn; `window.cyclelensCharts` holds the live charts.
 */
import {
  AreaSeries,
  BaselineSeries,
  ColorType,
  CrosshairMode,
  createChart,
  createSeriesMarkers,
  HistogramSeries,
  type IChartApi,
  type ISeriesApi,
  LineSeries,
  LineStyle,
  LineType,
  type SeriesMarker,
  type SeriesType,
  type Time,
} from "lightweight-charts";
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { useTheme } from "../lib/theme";
import { ChartFigure, type CsvSpec } from "./ChartFigure";
import { alpha } from "./View";

export interface ChartPoint {
  time: string;
  value: number | null;
  color?: string;
}

export interface PriceLineSpec {
  price: number;
  title: string;
  color?: string;
  dashed?: boolean;
}

export interface SeriesSpec {
  name: string;
  kind: "line" | "step" | "area" | "histogram" | "baseline" | "band";
  data: ChartPoint[];
  color: string;
  format: (value: number) => string;
  pane?: number;
  markers?: SeriesMarker<Time>[];
  priceLines?: PriceLineSpec[];
  /** Leave out of the legend (background bands). */
  hideInLegend?: boolean;
}

declare global {
  interface Window {
    cyclelensCharts?: Map<string, IChartApi>;
  }
}

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

function addSeries(chart: IChartApi, spec: SeriesSpec): ISeriesApi<SeriesType> {
  const priceFormat = { type: "custom" as const, formatter: spec.format, minMove: 0.0001 };
  const pane = spec.pane ?? 0;
  const common = { title: "", priceFormat, lastValueVisible: false, priceLineVisible: false };
  switch (spec.kind) {
    case "line":
    case "step":
      return chart.addSeries(
        LineSeries,
        {
          ...common,
          color: spec.color,
          lineWidth: 2,
          lineType: spec.kind === "step" ? LineType.WithSteps : LineType.Simple,
          lastValueVisible: true,
        },
        pane,
      );
    case "area":
      return chart.addSeries(
        AreaSeries,
        {
          ...common,
          lineColor: spec.color,
          topColor: alpha(spec.color, 0.05),
          bottomColor: alpha(spec.color, 0.35),
          invertFilledArea: true,
          lineWidth: 2,
          lastValueVisible: true,
        },
        pane,
      );
    case "baseline":
      return chart.addSeries(
        BaselineSeries,
        { ...common, baseValue: { type: "price", price: 0 }, lineWidth: 2, lastValueVisible: true },
        pane,
      );
    case "histogram":
      return chart.addSeries(HistogramSeries, { ...common, color: spec.color }, pane);
    case "band":
      // background shading: an area on its own invisible 0–1 scale, 1 inside the shaded spans and 0 outside
      // (one polygon, so it never darkens where points crowd, as overlapping histogram bars would)
      return chart.addSeries(
        AreaSeries,
        {
          ...common,
          lineVisible: false,
          topColor: spec.color,
          bottomColor: spec.color,
          priceScaleId: `band-${spec.name}`,
          crosshairMarkerVisible: false,
          autoscaleInfoProvider: () => ({ priceRange: { minValue: 0, maxValue: 1 } }),
        },
        pane,
      );
  }
}

export function Chart(props: {
  id: string;
  title: string;
  description: string;
  series: SeriesSpec[];
  csv: CsvSpec;
  height?: number;
  paneHeights?: number[];
  /** A line under the legend (what the chart leaves out). */
  note?: string | undefined;
  children?: ComponentChildren;
}) {
  const { id, series, height = 360, paneHeights } = props;
  const host = useRef<HTMLDivElement>(null);
  const chartRef = useRef<IChartApi | null>(null);
  const [legend, setLegend] = useState<{ time: string; values: [string, string, string][] } | null>(null);
  const theme = useTheme();
  const points = series.reduce((n, s) => n + s.data.length, 0);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    element.tabIndex = 0; // reachable by keyboard: arrow keys pan, + and − zoom
    const text = cssVar("--chart-text");
    const grid = cssVar("--chart-grid");
    const chart = createChart(element, {
      autoSize: true,
      layout: {
        background: { type: ColorType.Solid, color: cssVar("--chart-bg") },
        textColor: text,
        fontFamily: getComputedStyle(document.body).fontFamily,
        attributionLogo: false,
        panes: { separatorColor: grid, enableResize: false },
      },
      grid: { vertLines: { color: grid }, horzLines: { color: grid } },
      crosshair: { mode: CrosshairMode.Normal },
      rightPriceScale: { borderColor: grid },
      timeScale: { borderColor: grid, minBarSpacing: 0.01 },
    });
    const apis = series.map((spec) => {
      const api = addSeries(chart, spec);
      if (spec.kind === "band")
        api.priceScale().applyOptions({ scaleMargins: { top: 0, bottom: 0 }, visible: false });
      api.setData(
        spec.data.map((p) =>
          p.value === null
            ? { time: p.time }
            : { time: p.time, value: p.value, ...(p.color ? { color: p.color } : {}) },
        ),
      );
      if (spec.markers?.length) createSeriesMarkers(api, spec.markers);
      for (const line of spec.priceLines ?? [])
        api.createPriceLine({
          price: line.price,
          title: line.title,
          color: line.color ?? text,
          lineWidth: 1,
          lineStyle: line.dashed === false ? LineStyle.Solid : LineStyle.Dashed,
          axisLabelVisible: true,
        });
      return api;
    });
    chart.panes().forEach((pane, i) => {
      const paneHeight = paneHeights?.[i];
      if (paneHeight) pane.setHeight(paneHeight);
    });
    chart.timeScale().fitContent();
    chart.subscribeCrosshairMove((param) => {
      if (!param.time) {
        setLegend(null);
        return;
      }
      const values: [string, string, string][] = [];
      series.forEach((spec, i) => {
        if (spec.hideInLegend) return;
        const datum = param.seriesData.get(apis[i] as ISeriesApi<SeriesType>) as
          | { value?: number }
          | undefined;
        if (datum?.value !== undefined) values.push([spec.name, spec.format(datum.value), spec.color]);
      });
      setLegend({ time: String(param.time), values });
    });
    chartRef.current = chart;
    window.cyclelensCharts ??= new Map();
    window.cyclelensCharts.set(id, chart);
    return () => {
      window.cyclelensCharts?.delete(id);
      chartRef.current = null;
      chart.remove();
    };
  }, [id, series, theme, paneHeights]);

  const onKeyDown = (event: KeyboardEvent) => {
    const chart = chartRef.current;
    if (!chart) return;
    const scale = chart.timeScale();
    const range = scale.getVisibleLogicalRange();
    if (!range) return;
    const width = range.to - range.from;
    const shift = (f: number, t: number) => scale.setVisibleLogicalRange({ from: f, to: t });
    if (event.key === "ArrowLeft") shift(range.from - width * 0.1, range.to - width * 0.1);
    else if (event.key === "ArrowRight") shift(range.from + width * 0.1, range.to + width * 0.1);
    else if (event.key === "+" || event.key === "=")
      shift(range.from + width * 0.15, range.to - width * 0.15);
    else if (event.key === "-") shift(range.from - width * 0.2, range.to + width * 0.2);
    else if (event.key === "Home" || event.key === "0") scale.fitContent();
    else return;
    event.preventDefault();
  };

  return (
    <ChartFigure
      id={id}
      title={props.title}
      seriesNames={series.map((s) => s.name)}
      points={points}
      canvas={() => chartRef.current?.takeScreenshot()}
      csv={props.csv}
    >
      <div class="chart-legend" aria-live="off">
        {legend ? (
          <>
            <span class="legend-date">{legend.time}</span>
            {legend.values.map(([name, value, color]) => (
              <span key={name}>
                <i style={{ background: color }} /> {name} <b>{value}</b>
              </span>
            ))}
          </>
        ) : (
          series
            .filter((s) => !s.hideInLegend)
            .map((s) => (
              <span key={s.name}>
                <i style={{ background: s.color }} /> {s.name}
              </span>
            ))
        )}
      </div>
      {props.note ? <p class="note">{props.note}</p> : null}
      <div
        class="chart-canvas"
        ref={host}
        style={{ height: `${height}px` }}
        role="application"
        aria-roledescription="chart"
        aria-label={`${props.title}. ${props.description} Arrow keys pan, + and − zoom, 0 resets.`}
        onKeyDown={onKeyDown}
      />
      {props.children}
    </ChartFigure>
  );
}
