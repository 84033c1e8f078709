/**
 * Each bad CSV file of issue 9, imported through the CLI from a real file (read in chunks) into a real
 * database that already holds IWM's bars and the DGS10 series: rejected with the file, the line and the reason,
 * exit code 1, and the database exactly as it was. SQLite and PostgreSQL.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, type Database, type TestDatabase, testBackends } from "@cyclelens/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RateLimiter } from "../http.js";
import { runCli } from "../run.js";
import { DbStore } from "../store/db-store.js";

const GOOD_BARS =
  "date,open,high,low,close,adj_close,volume\n2024-01-02,100,102,99,101,100.5,1234567\n2024-01-03,101,103,100,102,101.5,2345678\n";
const GOOD_SERIES = "observation_date,DGS10\n2024-01-02,3.95\n2024-01-03,3.91\n";

async function contents(db: Database) {
  const iwm = (await db.instruments.bySymbols(["IWM"]))[0];
  const bars = iwm ? (await db.bars.forInstruments([iwm.id])).get(iwm.id) : undefined;
  const dgs10 = (await db.economicSeries.byCodes(["DGS10"]))[0];
  const obs = dgs10 ? (await db.observations.forSeries([dgs10.id])).get(dgs10.id) : undefined;
  const plain = (o: object | undefined) =>
    o &&
    Object.fromEntries(
      Object.entries(o).map(([k, v]) => [k, ArrayBuffer.isView(v) ? [...(v as Float64Array)] : v]),
    );
  return JSON.stringify({ iwm, bars: plain(bars), dgs10, obs: plain(obs), version: await db.dataVersion() });
}

for (const backend of testBackends()) {
  describe(`bad CSV files on ${backend}`, () => {
    let t: TestDatabase;
    let dir: string;
    const run = async (name: string, text: string, ...args: string[]) => {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(["--csv", file, ...args], {
        openStore: async () => new DbStore(t.db, false),
        stdout: { write: (s: string) => out.push(s) },
        stderr: { write: (s: string) => err.push(s) },
        env: {},
        tty: false,
        rateLimiter: new RateLimiter({}, 0),
      });
      return { code, out: out.join(""), err: err.join("") };
    };

    beforeAll(async () => {
      t = await createTestDatabase(backend);
      dir = mkdtempSync(path.join(tmpdir(), "cyclelens-bad-csv-"));
      expect((await run("IWM.csv", GOOD_BARS, "--symbol", "IWM")).code).toBe(0);
      expect((await run("DGS10.csv", GOOD_SERIES)).code).toBe(0);
    }, 120_000);
    afterAll(async () => {
      await t?.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    const rejected = async (name: string, text: string, args: string[], reason: RegExp) => {
      const before = await contents(t.db);
      const r = await run(name, text, ...args);
      expect(r.code, r.err).toBe(1);
      expect(r.err).toMatch(reason);
      expect(r.err).toContain(name);
      expect(await contents(t.db)).toBe(before);
      return r;
    };

    it("refuses a ;-file whose decimal commas cannot be told from thousands separators, naming the line", async () => {
      await rejected(
        "eu.csv",
        "date;open;high;low;close\n2024-01-04;101,250;102,500;100,750;101,750\n",
        ["--symbol", "IWM"],
        /eu\.csv: line 2: "101,250" is ambiguous .*--decimal/,
      );
    });

    it("reads a decimal comma it can detect as such (not 1,000 times too large)", async () => {
      const r = await run("eu2.csv", "date;close\n2024-01-05;101,25\n2024-01-08;0,5\n", "--symbol", "KRE");
      expect(r.code, r.err).toBe(0);
      const kre = (await t.db.instruments.bySymbols(["KRE"]))[0]!;
      expect([...(await t.db.bars.forInstruments([kre.id])).get(kre.id)!.close]).toEqual([101.25, 0.5]);
    });

    it("rejects an oversized field instead of reading it as missing (the stored volume stays)", async () => {
      const huge = "9".repeat(10_000_000);
      await rejected(
        "huge.csv",
        `date,open,high,low,close,adj_close,volume\n2024-01-02,100,102,99,101,100.5,${huge}\n`,
        ["--symbol", "IWM"],
        /huge\.csv line 2: the line is longer than 1,000,000 characters/,
      );
      await rejected(
        "long.csv",
        `date,open,high,low,close,adj_close,volume\n2024-01-02,100,102,99,101,100.5,${"9".repeat(400)}\n`,
        ["--symbol", "IWM"],
        /long\.csv line 2: field volume is 400 characters long; the limit is 256/,
      );
      await rejected(
        "inf.csv",
        `date,open,high,low,close,adj_close,volume\n2024-01-02,100,102,99,101,100.5,${"9".repeat(250)}\n`,
        ["--symbol", "IWM"],
        /inf\.csv line 2: volume out of bounds: 1e\+250/,
      );
    });

    it("treats a header-only file as an error", async () => {
      await rejected(
        "empty.csv",
        "date,close\n",
        ["--symbol", "IWM"],
        /empty\.csv: line 1 is a header .* no data row follows/,
      );
    });

    it("rejects prices outside the sanity bounds", async () => {
      await rejected(
        "tiny.csv",
        "date,close\n2024-01-02,1e-300\n",
        ["--symbol", "IWM"],
        /tiny\.csv line 2: price out of bounds: close = 1e-300/,
      );
    });

    it("rejects dates outside the supported calendar", async () => {
      await rejected(
        "far.csv",
        "date,close\n9999-12-31,101\n",
        ["--symbol", "IWM"],
        /far\.csv line 2: date "9999-12-31" is outside the supported calendar/,
      );
      await rejected(
        "zero.csv",
        "observation_date,DGS10\n0000-02-29,4\n",
        [],
        /zero\.csv line 2: date "0000-02-29" is outside the supported calendar/,
      );
    });

    it("keeps memory bounded on a file of 300,000 copies of one date (rejections counted, not all kept)", async () => {
      const lines = ["date,close"];
      for (let i = 0; i < 300_000; i++) lines.push("2024-01-02,101");
      const r = await rejected(
        "dupes.csv",
        `${lines.join("\n")}\n`,
        ["--symbol", "IWM"],
        /300000 invalid rows/,
      );
      expect(r.err).toMatch(/dupes\.csv line 2: duplicate date: 2024-01-02 also on line 3/);
      expect(r.err).toMatch(/IWM: 300000 rejected rows \(the first 10000 kept\)/);
    });
  });
}
