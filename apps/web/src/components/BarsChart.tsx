/**
 * Horizontal bars on a fixed scale, drawn on a canvas (for the rotation signal's components on −100…+100,
 * which is no time series, so lightweight-charts does not fit). PNG and CSV downloads like `Chart`.
 */
import { useEffect, useRef } from "preact/hooks";
import { useTheme } from "../lib/theme";
import { ChartFigure, type CsvSpec } from "./ChartFigure";

export interface Bar {
  label: string;
  /** null: unavailable, drawn as a hatched placeholder. */
  value: number | null;
  text: string;
  color: string;
}

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

export function BarsChart(props: {
  id: string;
  title: string;
  description: string;
  bars: Bar[];
  min: number;
  max: number;
  unit: string;
  csv: CsvSpec;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const theme = useTheme();
  const rowHeight = 34;
  const height = props.bars.length * rowHeight + 40;

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const draw = () => {
      const width = element.clientWidth;
      const ratio = window.devicePixelRatio || 1;
      element.width = Math.round(width * ratio);
      element.height = Math.round(height * ratio);
      const g = element.getContext("2d");
      if (!g) return;
      g.scale(ratio, ratio);
      const text = cssVar("--chart-text");
      const grid = cssVar("--chart-grid");
      g.fillStyle = cssVar("--chart-bg");
      g.fillRect(0, 0, width, height);
      g.font = `12px ${getComputedStyle(document.body).fontFamily}`;
      const labelWidth = Math.min(150, width * 0.32);
      const valueWidth = 96;
      const left = labelWidth + 8;
      const right = width - valueWidth;
      const x = (v: number) => left + ((v - props.min) / (props.max - props.min)) * (right - left);
      // scale: ticks every 50 units, the zero line stronger
      g.textAlign = "center";
      g.textBaseline = "top";
      for (let v = props.min; v <= props.max; v += (props.max - props.min) / 4) {
        g.strokeStyle = v === 0 ? text : grid;
        g.beginPath();
        g.moveTo(Math.round(x(v)) + 0.5, 4);
        g.lineTo(Math.round(x(v)) + 0.5, height - 22);
        g.stroke();
        g.fillStyle = text;
        g.fillText(`${v > 0 ? "+" : v < 0 ? "−" : ""}${Math.abs(v)}${props.unit}`, x(v), height - 18);
      }
      props.bars.forEach((bar, i) => {
        const y = 6 + i * rowHeight;
        g.textAlign = "right";
        g.textBaseline = "middle";
        g.fillStyle = text;
        g.fillText(bar.label, labelWidth, y + rowHeight / 2 - 2);
        g.textAlign = "left";
        g.fillText(bar.text, right + 8, y + rowHeight / 2 - 2);
        if (bar.value === null) {
          g.strokeStyle = grid;
          g.setLineDash([4, 4]);
          g.strokeRect(x(props.min) + 1, y + 6, right - left - 2, rowHeight - 16);
          g.setLineDash([]);
          return;
        }
        const from = x(Math.max(props.min, Math.min(0, bar.value)));
        const to = x(Math.min(props.max, Math.max(0, bar.value)));
        g.fillStyle = bar.color;
        g.fillRect(from, y + 6, Math.max(2, to - from), rowHeight - 16);
      });
    };
    draw();
    const observer = new ResizeObserver(draw);
    observer.observe(element);
    return () => observer.disconnect();
  }, [props.bars, props.min, props.max, props.unit, height, theme]);

  return (
    <ChartFigure
      id={props.id}
      title={props.title}
      seriesNames={[props.title]}
      points={props.bars.length}
      canvas={() => canvas.current}
      csv={props.csv}
    >
      <canvas
        ref={canvas}
        class="bars-canvas"
        style={{ height: `${height}px` }}
        role="img"
        aria-label={`${props.title}. ${props.description}`}
      />
    </ChartFigure>
  );
}
