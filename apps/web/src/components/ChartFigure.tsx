/**
 * The frame every chart shares: title, PNG and CSV downloads, and the `data-*` attributes that say what was
 * drawn (`data-chart`, `data-series-count`, `data-series`, `data-points`) for tests and anyone inspecting it.
 */
import type { ComponentChildren } from "preact";
import { type CsvCell, download, toCsv } from "../lib/csv";

export interface CsvSpec {
  filename: string;
  header: string[];
  rows: CsvCell[][];
}

export function ChartFigure(props: {
  id: string;
  title: string;
  seriesNames: string[];
  points: number;
  /** The chart as a canvas, for the PNG download. */
  canvas: () => HTMLCanvasElement | null | undefined;
  csv: CsvSpec;
  children: ComponentChildren;
}) {
  const png = () =>
    props.canvas()?.toBlob((blob) => blob && download(`${props.csv.filename}.png`, blob), "image/png");
  const csv = () =>
    download(
      `${props.csv.filename}.csv`,
      new Blob([toCsv(props.csv.header, props.csv.rows)], { type: "text/csv;charset=utf-8" }),
    );
  return (
    <figure
      class="chart"
      data-chart={props.id}
      data-series-count={props.seriesNames.length}
      data-series={props.seriesNames.join("|")}
      data-points={props.points}
    >
      <figcaption>
        <span class="chart-title">{props.title}</span>
        <span class="chart-actions">
          <button type="button" onClick={png} aria-label={`Download ${props.title} as PNG`}>
            PNG
          </button>
          <button type="button" onClick={csv} aria-label={`Download the data of ${props.title} as CSV`}>
            CSV
          </button>
        </span>
      </figcaption>
      {props.children}
    </figure>
  );
}
