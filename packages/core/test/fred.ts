/** Reads a FRED CSV fixture of `test/fixtures` (header `observation_date,CODE`; blank values are NaN). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseISODate } from "../src/dates.js";
import type { Series } from "../src/series.js";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");

export function fredFixture(file: string): Series {
  const rows = readFileSync(path.join(fixtures, file), "utf8").trim().split("\n").slice(1);
  return {
    dates: Int32Array.from(rows, (r) => parseISODate(r.slice(0, 10))),
    values: Float64Array.from(rows, (r) => {
      const v = r.slice(11).trim();
      return v === "" || v === "." ? Number.NaN : Number(v);
    }),
  };
}
