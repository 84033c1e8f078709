/**
 * The columnar window reads (reads.ts) against a plain reading of the same rows: every window of a random set
 * (open bounds, windows before or after the data, empty windows, the same id twice, ids without rows) gives the
 * dates and values (NULL → NaN) of a row-by-row filter of what was written, in ONE statement, on both
 * providers; the transaction path (Prisma's `$queryRawUnsafe`, object rows) gives the same columns; a read
 * longer than READ_PAGE rows comes in pages and stays whole.
 */
import { formatISODate, isoToEpochDay } from "@cyclelens/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BarColumns,
  type BarRow,
  createTestDatabase,
  type DateWindow,
  READ_PAGE,
  type TestDatabase,
  testBackends,
} from "./index.js";

/** A deterministic PRNG (mulberry32), so a failure is reproducible. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const START = isoToEpochDay("2001-01-01");

for (const backend of testBackends()) {
  describe(`columnar window reads (${backend})`, () => {
    let t: TestDatabase;
    const written = new Map<number, BarRow[]>();
    const ids: number[] = [];
    let seriesId = 0;
    const observations: { date: string; value: number }[] = [];

    beforeAll(async () => {
      t = await createTestDatabase(backend);
      const random = prng(7);
      for (let i = 0; i < 3; i++) {
        const inst = await t.db.upsertInstrument({
          symbol: `W${i}`,
          name: `Window ${i}`,
          kind: "ETF",
          segment: "broad",
          provenance: "demo",
        });
        ids.push(inst.id);
        const rows: BarRow[] = [];
        let day = START + i * 40;
        // 900 bars with gaps of 1–9 days, missing values here and there, awkward doubles
        for (let k = 0; k < 900; k++) {
          day += 1 + Math.floor(random() * (k % 97 === 0 ? 9 : 3));
          const close = 100 * (1 + random()) + 1 / 3;
          rows.push({
            date: formatISODate(day),
            open: k % 11 === 0 ? null : close * 0.99,
            high: close * (1 + random() / 100),
            low: close * (1 - random() / 100),
            close,
            adjClose: k % 13 === 0 ? null : close * 0.97,
            volume: k % 7 === 0 ? null : Math.floor(random() * 1e9),
          });
        }
        await t.db.upsertBars(inst.id, rows);
        written.set(inst.id, rows);
      }
      // an instrument without bars
      ids.push(
        (
          await t.db.upsertInstrument({
            symbol: "WEMPTY",
            name: "No bars",
            kind: "ETF",
            segment: "broad",
            provenance: "demo",
          })
        ).id,
      );
      const series = await t.db.upsertEconomicSeries({
        code: "WOBS",
        title: "Window test",
        unit: "percent",
        frequency: "daily",
        source: "test",
        provenance: "demo",
      });
      seriesId = series.id;
      for (let k = 0; k < 500; k++)
        observations.push({ date: formatISODate(START + 3 * k), value: Math.sin(k) * 1e-3 + k / 7 });
      await t.db.upsertObservations(seriesId, observations);
    }, 120_000);

    afterAll(async () => {
      await t?.cleanup();
    });

    /** What a window of `id` must hold: the written rows inside it, NULL → NaN. */
    function expected(w: DateWindow): BarColumns {
      const rows = (written.get(w.id) ?? []).filter(
        (r) => (w.from === undefined || r.date >= w.from) && (w.to === undefined || r.date <= w.to),
      );
      const col = (f: (r: BarRow) => number | null | undefined) =>
        Float64Array.from(rows, (r) => f(r) ?? Number.NaN);
      return {
        dates: Int32Array.from(rows, (r) => isoToEpochDay(r.date)),
        open: col((r) => r.open),
        high: col((r) => r.high),
        low: col((r) => r.low),
        close: col((r) => r.close),
        adjClose: col((r) => r.adjClose),
        volume: col((r) => r.volume),
      };
    }

    function randomWindows(random: () => number, n: number): DateWindow[] {
      const day = () => formatISODate(START - 200 + Math.floor(random() * 3200));
      return Array.from({ length: n }, () => {
        const id = ids[Math.floor(random() * ids.length)]!;
        const a = day();
        const b = day();
        const [from, to] = a <= b ? [a, b] : [b, a];
        const shape = random();
        if (shape < 0.15) return { id };
        if (shape < 0.3) return { id, from };
        if (shape < 0.45) return { id, to };
        if (shape < 0.5) return { id, from: to, to: from === to ? to : from }; // empty unless equal
        return { id, from, to };
      });
    }

    it("reads every window of a random set exactly, in one statement", async () => {
      const random = prng(11);
      for (let round = 0; round < 20; round++) {
        const windows = randomWindows(random, 1 + Math.floor(random() * 8));
        let statements = 0;
        const off = t.db.onQuery(() => {
          statements++;
        });
        const got = await t.db.bars.forWindows(windows).finally(off);
        expect(statements).toBe(1);
        expect(got).toHaveLength(windows.length);
        windows.forEach((w, k) => {
          expect(got[k], JSON.stringify(w)).toEqual(expected(w));
        });
      }
    });

    it("gives the same columns inside a transaction (Prisma's object rows) and through forInstruments", async () => {
      const windows = randomWindows(prng(5), 12);
      const columnar = await t.db.bars.forWindows(windows);
      const inTx = await t.db.transaction((tx) => tx.bars.forWindows(windows));
      expect(inTx).toEqual(columnar);
      const range = { from: "2002-03-01", to: "2004-07-31" };
      const byId = await t.db.bars.forInstruments(ids, range);
      for (const id of ids) expect(byId.get(id)).toEqual(expected({ id, ...range }));
      const obs = await t.db.observations.forWindows([
        { id: seriesId, from: "2001-02-01", to: "2001-12-31" },
        { id: seriesId },
        { id: seriesId + 1000 },
      ]);
      const inside = observations.filter((o) => o.date >= "2001-02-01" && o.date <= "2001-12-31");
      expect(obs[0]).toEqual({
        dates: Int32Array.from(inside, (o) => isoToEpochDay(o.date)),
        values: Float64Array.from(inside, (o) => o.value),
      });
      expect(obs[1]!.dates.length).toBe(observations.length);
      expect(obs[2]!.dates.length).toBe(0);
      expect(await t.db.transaction((tx) => tx.observations.forWindows([{ id: seriesId }]))).toEqual([
        obs[1],
      ]);
    });

    it("reads more than READ_PAGE rows in pages and returns them whole", async () => {
      // the same three histories, asked again and again: more rows than one page
      const repeat = Math.ceil(READ_PAGE / 2700) + 1;
      const windows: DateWindow[] = [];
      for (let r = 0; r < repeat; r++) for (const id of ids) windows.push({ id });
      let statements = 0;
      const off = t.db.onQuery(() => {
        statements++;
      });
      const got = await t.db.bars.forWindows(windows).finally(off);
      const rows = got.reduce((n, b) => n + b.dates.length, 0);
      expect(rows).toBeGreaterThan(READ_PAGE);
      expect(statements).toBe(Math.ceil(rows / READ_PAGE) + (rows % READ_PAGE === 0 ? 1 : 0));
      windows.forEach((w, k) => {
        expect(got[k]).toEqual(expected(w));
      });
    });

    it("rejects a malformed bound", async () => {
      await expect(t.db.bars.forWindows([{ id: ids[0]!, from: "2024-13-01" }])).rejects.toThrow(/range.from/);
    });
  });
}
