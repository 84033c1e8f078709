/**
 * The only place where SQLite and PostgreSQL SQL differ. Repositories build their statements from these
 * helpers once per dialect; everything else is shared.
 */
import type { Provider } from "./types.js";

export type ColumnType = "text" | "float8" | "int";

export interface Dialect {
  readonly provider: Provider;
  /** Placeholder for the n-th (1-based) parameter, with a type cast where PostgreSQL needs one. */
  param(n: number, type?: ColumnType): string;
  /** A one-column subquery `(… value …)` over a JSON array parameter of integers. */
  intList(n: number): string;
  /** A one-column subquery `(… value …)` over a JSON array parameter of strings. */
  textList(n: number): string;
  /** A subquery `SELECT <keys…> FROM …` over a JSON array of objects, one row per object. */
  jsonRows(n: number, columns: readonly (readonly [key: string, type: ColumnType])[]): string;
  /** Distinct values of a text column joined with ",". */
  distinctConcat(column: string): string;
}

const sqlite: Dialect = {
  provider: "sqlite",
  param: () => "?",
  intList: () => "(SELECT value FROM json_each(?))",
  textList: () => "(SELECT value FROM json_each(?))",
  jsonRows: (_n, columns) =>
    `SELECT ${columns.map(([k]) => `value->>'${k}' AS ${k}`).join(", ")} FROM json_each(?)`,
  distinctConcat: (column) => `group_concat(DISTINCT ${column})`,
};

const castOf = (type: ColumnType | undefined) =>
  type === "int" ? "::int" : type === "float8" ? "::float8" : type === "text" ? "::text" : "";

const postgres: Dialect = {
  provider: "postgresql",
  param: (n, type) => `$${n}${castOf(type)}`,
  intList: (n) => `(SELECT value::int FROM json_array_elements_text($${n}::json))`,
  textList: (n) => `(SELECT value FROM json_array_elements_text($${n}::json))`,
  jsonRows: (n, columns) =>
    `SELECT ${columns.map(([k]) => k).join(", ")} FROM json_to_recordset($${n}::json) AS x(${columns
      .map(([k, t]) => `${k} ${t === "int" ? "int" : t}`)
      .join(", ")})`,
  distinctConcat: (column) => `string_agg(DISTINCT ${column}, ',')`,
};

export function dialectFor(provider: Provider): Dialect {
  return provider === "sqlite" ? sqlite : postgres;
}
