/** Rotation signal: the composite score on its −100…+100 scale, with every component's raw, normalised and contribution. */
import { useMemo } from "preact/hooks";
import { type Bar, BarsChart } from "../../components/BarsChart";
import {
  Controls,
  colors,
  DateField,
  Metric,
  Metrics,
  Note,
  QueryStatus,
  SymbolField,
  ViewHeader,
} from "../../components/View";
import {
  type RotationComponentStatus,
  RotationViewDocument,
  type RotationViewQuery,
} from "../../gql/graphql";
import { num, percent } from "../../lib/format";
import { useSearchParams } from "../../lib/router";
import { useQuery } from "../../lib/use-query";

export const ROTATION_DEFAULTS = { small: "IWM", large: "SPY", asOf: "" };

const STATUS: Record<RotationComponentStatus, string> = {
  AVAILABLE: "available",
  NO_DATA: "no data",
  STALE: "stale",
  INSUFFICIENT_HISTORY: "too short",
};

const NAMES: Record<string, string> = {
  relativeTrend: "Relative trend",
  relativeMomentum: "Relative momentum",
  rateCycle: "Rate cycle",
  yieldCurve: "Yield curve",
  labour: "Labour market (Sahm)",
  breadth: "Breadth (RSP/SPY)",
  cyclicals: "Cyclicals (XLY/XLP)",
  valuation: "Valuation",
  positioning: "Positioning",
};

export default function RotationView() {
  const params = useSearchParams(ROTATION_DEFAULTS);
  const variables = { small: params.small, large: params.large, asOf: params.asOf || null };
  const state = useQuery(RotationViewDocument, variables);
  const data = state.data;
  return (
    <section class="view" data-view="rotation" data-state={state.status}>
      <ViewHeader
        title="Rotation signal"
        question={`Are conditions in place for ${params.small} to lead ${params.large}?`}
        label={data?.dataset.label}
        query={RotationViewDocument.toString()}
        variables={variables}
      />
      <Controls path="/rotation" names={Object.keys(ROTATION_DEFAULTS)}>
        <SymbolField label="Small caps" name="small" value={params.small} instruments={data?.instruments} />
        <SymbolField label="Large caps" name="large" value={params.large} instruments={data?.instruments} />
        <DateField label="As of (empty: latest)" name="asOf" value={params.asOf} />
      </Controls>
      <QueryStatus state={state} />
      {data?.rotationSignal ? <RotationResult signal={data.rotationSignal} /> : null}
    </section>
  );
}

function RotationResult({ signal: s }: { signal: NonNullable<RotationViewQuery["rotationSignal"]> }) {
  const bars = useMemo<Bar[]>(
    () => [
      {
        label: "Score",
        value: s.score ?? null,
        text: s.score == null ? "n/a" : `${num(s.score, 1)} pts`,
        color: (s.score ?? 0) >= 0 ? colors.up : colors.down,
      },
      ...s.components.map((c) => ({
        label: NAMES[c.name] ?? c.name,
        value: c.available ? c.contribution : null,
        text: c.available ? `${num(c.contribution, 1)} pts` : STATUS[c.status],
        color: c.contribution >= 0 ? colors.up : colors.down,
      })),
    ],
    [s],
  );
  const position = s.score == null ? null : ((s.score + 100) / 200) * 100;
  return (
    <>
      <Metrics>
        <Metric
          id="score"
          label={`Score (${s.asOf ?? "–"})`}
          value={s.score == null ? "n/a" : `${num(s.score, 1)} / 100`}
          tone={s.score}
        />
        <Metric id="label" label="Reading" value={s.label} />
        <Metric
          id="availableWeight"
          label="Weight available"
          value={percent(s.availableWeight / s.totalWeight, 0).replace("+", "")}
          hint={`share of the nominal weights whose input exists; ${percent(s.minimumWeight, 0).replace("+", "")} needed`}
        />
      </Metrics>
      {s.sufficient ? null : (
        <div class="status warn" role="status" data-testid="insufficient">
          {s.warning ?? "The score rests on less than the minimum share of its weight."}
        </div>
      )}
      <div
        class="scale"
        role="img"
        aria-label={`Score ${num(s.score, 1)} on a scale from −100 (large caps lead) to +100 (small caps lead)`}
      >
        <div class="scale-track">
          <span class="scale-zone" style={{ left: "0%", width: "25%" }}>
            strong large
          </span>
          <span class="scale-zone" style={{ left: "25%", width: "17.5%" }}>
            large leaning
          </span>
          <span class="scale-zone" style={{ left: "42.5%", width: "15%" }}>
            neutral
          </span>
          <span class="scale-zone" style={{ left: "57.5%", width: "17.5%" }}>
            small leaning
          </span>
          <span class="scale-zone" style={{ left: "75%", width: "25%" }}>
            strong small
          </span>
          {position == null ? null : <span class="scale-marker" style={{ left: `${position}%` }} />}
        </div>
        <div class="scale-ticks">
          <span>−100</span>
          <span>−50</span>
          <span>0</span>
          <span>+50</span>
          <span>+100</span>
        </div>
      </div>
      <BarsChart
        id="rotation"
        title={`Contribution of each component to the score (points of ±100): ${s.small.symbol} vs ${s.large.symbol}`}
        description="Each bar is 100 × effective weight × normalised value; the contributions add up to the score."
        bars={bars}
        min={-100}
        max={100}
        unit=""
        csv={{
          filename: `cyclelens-rotation-${s.small.symbol}-${s.large.symbol}-${s.asOf ?? "latest"}`,
          header: [
            "component",
            "available",
            "raw",
            "normalized",
            "weight",
            "effective_weight",
            "contribution",
            "detail",
          ],
          rows: s.components.map((c) => [
            c.name,
            c.available,
            c.raw,
            c.normalized,
            c.weight,
            c.effectiveWeight,
            c.contribution,
            c.detail,
          ]),
        }}
      />
      <div class="table-wrap">
        <table data-testid="components">
          <caption>Components</caption>
          <thead>
            <tr>
              <th scope="col">Component</th>
              <th scope="col">Raw</th>
              <th scope="col">Normalised (−1…1)</th>
              <th scope="col">Weight</th>
              <th scope="col">Contribution (pts)</th>
            </tr>
          </thead>
          <tbody>
            {s.components.map((c) => (
              <tr key={c.name} class={c.available ? "" : "unavailable"} data-component={c.name}>
                <th scope="row">
                  {NAMES[c.name] ?? c.name}
                  <small>{c.detail}</small>
                  {c.reason && c.reason !== c.detail ? <small class="reason">{c.reason}</small> : null}
                </th>
                <td>
                  {!c.available
                    ? `unavailable: ${STATUS[c.status]}`
                    : num(c.raw, c.raw != null && Number.isInteger(c.raw) ? 0 : 4)}
                </td>
                <td>{c.available ? num(c.normalized, 3) : "–"}</td>
                <td>
                  {percent(c.weight, 0).replace("+", "")}
                  {c.effectiveWeight !== c.weight ? (
                    <small> → {percent(c.effectiveWeight, 0).replace("+", "")}</small>
                  ) : null}
                </td>
                <td>{c.available ? num(c.contribution, 1) : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Note>
        +100: every component points to small-cap leadership; −100: to large-cap leadership. An unavailable
        component contributes nothing and the other weights are rescaled (the "→" weight). Raw values are in
        each component's own unit, given in its detail.
      </Note>
    </>
  );
}
