/** Data: which dataset answers (demo or imported), with coverage and provenance per instrument and series. */
import { Note, QueryStatus, ViewHeader } from "../../components/View";
import { type CoverageFieldsFragment, DataViewDocument } from "../../gql/graphql";
import { download, toCsv } from "../../lib/csv";
import { useQuery } from "../../lib/use-query";

const LABELS = {
  DEMO: "The generated demo dataset answers: realistic-looking synthetic prices, not market data.",
  IMPORTED: "Only imported data answers.",
  MIXED: "Some instruments or series are demo data, others imported: check each row's provenance.",
  EMPTY: "The database holds no data.",
};

export default function DatasetView() {
  const state = useQuery(DataViewDocument, {});
  const d = state.data?.dataset;
  const groups: [string, readonly CoverageFieldsFragment[]][] = d
    ? [
        ["Instruments (daily bars)", d.instruments],
        ["Economic series", d.series],
        ["Valuation snapshots", d.valuations],
        ["Positioning", d.positioning],
      ]
    : [];
  const csv = () => {
    const rows = groups.flatMap(([, list]) =>
      list.map((c) => [
        c.kind,
        c.name,
        c.rows,
        c.firstDate,
        c.lastDate,
        c.isDemo,
        c.provenance,
        c.sources.join(" "),
        c.updatedAt,
      ]),
    );
    download(
      "cyclelens-coverage.csv",
      new Blob(
        [
          toCsv(
            [
              "kind",
              "name",
              "rows",
              "first_date",
              "last_date",
              "is_demo",
              "provenance",
              "sources",
              "updated_at",
            ],
            rows,
          ),
        ],
        { type: "text/csv;charset=utf-8" },
      ),
    );
  };
  return (
    <section class="view" data-view="data" data-state={state.status}>
      <ViewHeader
        title="Data"
        question="What answers: the demo dataset or imported data, and what does it cover?"
        label={d?.label}
        query={DataViewDocument.toString()}
        variables={{}}
      />
      <QueryStatus state={state} />
      {d ? (
        <>
          <p class={`dataset-label label-${d.label.toLowerCase()}`} data-testid="dataset-label">
            <strong>{d.label}</strong> {LABELS[d.label]}
          </p>
          <div class="chart-actions">
            <button type="button" onClick={csv}>
              Coverage CSV
            </button>
          </div>
          {state.data?.policyRecord ? (
            <p data-testid="policy-record">
              <strong>FOMC target record</strong> (what POLICY_RATE reads):{" "}
              {`${state.data.policyRecord.count} decisions built into every database, complete through ${state.data.policyRecord.completeThrough}; source ${state.data.policyRecord.source}, provenance ${state.data.policyRecord.provenance}.`}
            </p>
          ) : null}
          {groups.map(([title, list]) => (
            <div class="table-wrap" key={title}>
              <table data-testid={`coverage-${list[0]?.kind ?? title}`}>
                <caption>{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Rows</th>
                    <th scope="col">From</th>
                    <th scope="col">To</th>
                    <th scope="col">Provenance</th>
                    <th scope="col">Sources</th>
                    <th scope="col">Updated</th>
                  </tr>
                </thead>
                <tbody>
                  {list.length === 0 ? (
                    <tr>
                      <td colSpan={7}>none stored</td>
                    </tr>
                  ) : (
                    list.map((c) => (
                      <tr key={c.name} data-name={c.name}>
                        <th scope="row">
                          {c.name} {c.isDemo ? <span class="badge badge-demo">DEMO</span> : null}
                        </th>
                        <td>{c.rows.toLocaleString("en-US")}</td>
                        <td>{c.firstDate ?? "–"}</td>
                        <td>{c.lastDate ?? "–"}</td>
                        <td>{c.provenance}</td>
                        <td>{c.sources.join(", ")}</td>
                        <td>{c.updatedAt?.slice(0, 16).replace("T", " ") ?? "–"}</td>
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
            </div>
          ))}
          <Note>
            Load real data with <code>pnpm ingest --preset core</code> (internet) or{" "}
            <code>pnpm ingest --csv FILE</code>: importing an instrument or series replaces its demo rows, and
            its provenance then names the real source.
          </Note>
        </>
      ) : null}
    </section>
  );
}
