/** The pieces every view shares: its header (question, DEMO badge, query button), controls, states and figures. */

import type { ComponentChildren } from "preact";
import type { DatasetLabel } from "../gql/graphql";
import type { GraphQLErrorBody } from "../lib/api";
import { graphiqlHref } from "../lib/graphiql";
import { navigate } from "../lib/router";
import type { QueryState } from "../lib/use-query";

export function ViewHeader(props: {
  title: string;
  question: string;
  label?: DatasetLabel | undefined;
  query: string;
  variables: Record<string, unknown>;
  enums?: readonly string[];
}) {
  return (
    <header class="view-header">
      <div>
        <h1>
          {props.title} <DatasetBadge label={props.label} />
        </h1>
        <p class="question">{props.question}</p>
      </div>
      <a
        class="button query-button"
        href={graphiqlHref(props.query, props.variables, props.enums)}
        target="_blank"
        rel="noopener"
        title="Open this view's one GraphQL request in GraphiQL, with the current inputs"
      >
        <span aria-hidden="true">{"{ }"}</span> query
      </a>
    </header>
  );
}

export function DatasetBadge({ label }: { label?: DatasetLabel | undefined }) {
  if (label === "DEMO")
    return (
      <span class="badge badge-demo" data-testid="demo-badge" title="Generated demo data, not market data">
        DEMO
      </span>
    );
  if (label === "MIXED")
    return (
      <span
        class="badge badge-demo"
        data-testid="demo-badge"
        title="Some instruments or series are demo data"
      >
        DEMO + imported
      </span>
    );
  if (label === "EMPTY") return <span class="badge">no data</span>;
  return null;
}

/** The view's inputs: on submit, the named fields become the URL's query string (the view's state). */
export function Controls(props: { path: string; names: readonly string[]; children: ComponentChildren }) {
  return (
    <form
      class="controls"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        navigate(props.path, Object.fromEntries(props.names.map((n) => [n, String(form.get(n) ?? "")])));
      }}
    >
      {props.children}
      <button type="submit" class="button primary">
        Show
      </button>
    </form>
  );
}

export function Field(props: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the child passed in
    <label class="field">
      <span>{props.label}</span>
      {props.children}
    </label>
  );
}

/** An instrument picker from the `instruments` of the view's answer. */
export function SymbolField(props: {
  label: string;
  name: string;
  value: string;
  instruments: readonly { symbol: string; name: string }[] | null | undefined;
}) {
  return (
    <Field label={props.label}>
      <SymbolSelect name={props.name} value={props.value} instruments={props.instruments ?? undefined} />
    </Field>
  );
}

export function DateField(props: { label: string; name: string; value: string; required?: boolean }) {
  return (
    <Field label={props.label}>
      <input type="date" name={props.name} value={props.value} key={props.value} required={props.required} />
    </Field>
  );
}

export function NumberField(props: { label: string; name: string; value: string; min: number; max: number }) {
  return (
    <Field label={props.label}>
      <input
        type="number"
        name={props.name}
        min={props.min}
        max={props.max}
        value={props.value}
        key={props.value}
      />
    </Field>
  );
}

export function SymbolSelect(props: {
  name: string;
  value: string;
  instruments: readonly { symbol: string; name: string }[] | undefined;
}) {
  const known = props.instruments ?? [];
  // the current value stays selectable even when it is not stored (the error then says so); before the list
  // has come (or when the request failed) it is the only option
  const options = known.some((i) => i.symbol === props.value.toUpperCase())
    ? known
    : [{ symbol: props.value, name: props.instruments ? "not stored" : "" }, ...known];
  return (
    <select name={props.name} key={props.value}>
      {options.map((i) => (
        <option
          key={i.symbol}
          value={i.symbol}
          selected={i.symbol === props.value.toUpperCase() || i.symbol === props.value}
        >
          {i.name ? `${i.symbol} — ${i.name}` : i.symbol}
        </option>
      ))}
    </select>
  );
}

/** Loading, or the API's error (with what the view adds to it), for one query's state. */
/**
 * Loading, or the API's errors: of a failed answer, or beside a partial one (the fields that failed are null).
 * `handled` picks the errors the view explains in place of their field (they are not repeated here).
 */
export function QueryStatus(props: {
  state: QueryState<unknown>;
  handled?: (error: GraphQLErrorBody) => boolean;
  children?: ComponentChildren;
}) {
  if (props.state.status === "loading")
    return (
      <div class="status" role="status" aria-live="polite" data-testid="loading">
        Loading…
      </div>
    );
  const all = props.state.error?.errors ?? [];
  const shown = props.state.status === "done" ? all.filter((e) => !props.handled?.(e)) : all;
  const error = props.state.error;
  if (!error || (props.state.status === "done" && shown.length === 0 && all.length > 0)) return null;
  const [first, ...rest] = shown.length
    ? shown
    : [{ message: error.message, extensions: { code: error.code } }];
  return (
    <div class="status error" role="alert" data-testid="error">
      <strong>{first?.extensions?.code ?? error.code}</strong> {first?.message}
      {rest.length > 0 ? (
        <ul>
          {[...new Set(rest.map((e) => `${e.extensions?.code ?? ""} ${e.message}`))].map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      {props.children}
    </div>
  );
}

/**
 * A warning that the figures are of a shorter window than asked, or rest in part on closes without an adjusted
 * close (the API's `WindowCoverage`).
 */
export function CoverageWarning(props: {
  coverage:
    | { status: string; reason?: string | null; adjustedThroughout?: boolean; priceNotes?: string[] }
    | null
    | undefined;
}) {
  const c = props.coverage;
  if (!c) return null;
  const short = c.status !== "FULL";
  const notes = c.adjustedThroughout === false ? (c.priceNotes ?? []) : [];
  if (!short && notes.length === 0) return null;
  return (
    <div class="status warn" role="status" data-testid="coverage">
      {short ? (
        <p>
          <strong>{c.status.replace(/_/g, " ").toLowerCase()}</strong> {c.reason}
        </p>
      ) : null}
      {notes.map((n) => (
        <p key={n} data-testid="price-note">
          <strong>not adjusted</strong> {n}
        </p>
      ))}
    </div>
  );
}

export function Metrics({ children }: { children: ComponentChildren }) {
  return <dl class="metrics">{children}</dl>;
}

export function Metric(props: {
  label: string;
  value: string;
  hint?: string;
  id?: string;
  tone?: number | null;
}) {
  const tone = props.tone == null ? "" : props.tone > 0 ? "up" : props.tone < 0 ? "down" : "";
  return (
    <div class="metric" title={props.hint}>
      <dt>{props.label}</dt>
      <dd class={tone} data-metric={props.id}>
        {props.value}
      </dd>
      {props.hint ? <small>{props.hint}</small> : null}
    </div>
  );
}

export function Note({ children }: { children: ComponentChildren }) {
  return <p class="note">{children}</p>;
}

/** `#rrggbb` with an opacity, as rgba() (the charts' canvas takes no 8-digit hex). */
export function alpha(hex: string, opacity: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${opacity})`;
}

/** Colours of the charts, the same in both themes (enough contrast on either background). */
export const colors = {
  base: "#2563eb",
  benchmark: "#f59e0b",
  average: "#9333ea",
  up: "#16a34a",
  down: "#dc2626",
  neutral: "#64748b",
  easing: "#16a34a",
  tightening: "#dc2626",
};
