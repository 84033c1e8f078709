import { describe, expect, it } from "vitest";
import { fixture, routedFetch } from "../test/helpers.js";
import { RateLimiter } from "./http.js";
import { type CliDeps, runCli } from "./run.js";
import { MemoryStore } from "./store/memory-store.js";

function harness(files: Record<string, string> = {}, extra: Partial<CliDeps> = {}) {
  const store = new MemoryStore();
  const out: string[] = [];
  const err: string[] = [];
  const deps: CliDeps = {
    openStore: async () => store,
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    env: {},
    cwd: "/data",
    tty: false,
    today: "2024-09-20",
    sleep: async () => {},
    rateLimiter: new RateLimiter({}, 0),
    readTextFile: async (f) => {
      const text = files[f];
      if (text === undefined) throw new Error(`ENOENT: no such file ${f}`);
      return text;
    },
    ...extra,
  };
  return { store, deps, out: () => out.join(""), err: () => err.join("") };
}

describe("pnpm ingest (runCli)", () => {
  it("--help", async () => {
    const h = harness();
    expect(await runCli(["--help"], h.deps)).toBe(0);
    expect(h.out()).toMatch(/^Usage: pnpm ingest/);
    expect(h.out()).toContain("--preset core");
  });

  it("usage errors exit 2 with a message", async () => {
    for (const [argv, message] of [
      [["--bogus"], /Unknown option '--bogus'/],
      [["IWM", "--from", "2024-02-30"], /--from must be a date/],
      [["IWM", "--from", "2024-03-01", "--to", "2024-02-01"], /is after --to/],
      [["IWM", "--provider", "bloomberg"], /--provider must be one of fred, stooq, yahoo/],
      [[], /nothing to import/],
      [["IWM", "--csv", "x.csv"], /--csv cannot be combined/],
      [["--csv", "x.csv", "--symbol", "IWM", "--series", "DFF"], /exclude each other/],
      [["--csv", "x.csv", "--map", "open"], /field=column/],
      [["--symbol", "IWM"], /only applies to --csv/],
    ] as const) {
      const h = harness();
      expect(await runCli(argv, h.deps), String(argv)).toBe(2);
      expect(h.err()).toMatch(message);
    }
  });

  it("resolves relative --csv paths against the directory pnpm ingest was run in", async () => {
    // the root script passes it as CYCLELENS_INIT_CWD; its nested pnpm sets INIT_CWD to the package folder
    const files = { "/home/me/dl/DGS10.csv": fixture("fred-DGS10.csv") };
    const env = { CYCLELENS_INIT_CWD: "/home/me/dl", INIT_CWD: "/repo/packages/ingest" };
    const h = harness(files, { cwd: undefined, env });
    expect(await runCli(["--csv", "DGS10.csv"], h.deps)).toBe(0);
    const direct = harness(files, { cwd: undefined, env: { INIT_CWD: "/home/me/dl" } });
    expect(await runCli(["--csv", "DGS10.csv"], direct.deps)).toBe(0);
  });

  it("reports where an imported DFEDTARU disagrees with the built-in FOMC record, and still imports it", async () => {
    const csv = "observation_date,DFEDTARU\n2019-07-31,2.50\n2019-08-01,2.50\n2019-08-02,2.25\n";
    const h = harness({ "/data/DFEDTARU.csv": csv });
    expect(await runCli(["--csv", "DFEDTARU.csv"], h.deps)).toBe(0);
    expect(h.err()).toContain(
      "! DFEDTARU: DFEDTARU disagrees with the built-in FOMC record on 1 day: 2019-08-01 (file 2.5, record 2.25)",
    );
  });

  it("imports a FRED CSV export with no options, relative to the caller's directory", async () => {
    const h = harness({ "/data/DGS10.csv": fixture("fred-DGS10.csv") });
    expect(await runCli(["--csv", "DGS10.csv"], h.deps)).toBe(0);
    expect(h.out()).toMatch(/DGS10\s+csv\s+7\s+0\s+0\s+0\s+\S+ m?s\s+ok/);
    expect(await h.store.series("DGS10")).toMatchObject({ provenance: "csv", lastDate: "2024-10-15" });
    expect(h.err()).toContain("DGS10.csv: fred, 7 values");
    expect(h.err()).not.toContain("\r");
  });

  it("rejects a file with bad rows (exit 1, lines listed); --skip-invalid writes the rest", async () => {
    const bad = "date,open,high,low,close,volume\n2024-01-02,10,11,9,10.5,100\n2024-01-03,10,9,11,10,100\n";
    const h = harness({ "/data/bad.csv": bad });
    expect(await runCli(["--csv", "bad.csv", "--symbol", "iwm"], h.deps)).toBe(1);
    expect(h.err()).toContain("bad.csv:3: high 9 is below low 11");
    expect(h.err()).toMatch(/✗ IWM: 1 invalid row/);
    expect(await h.store.instrument("IWM")).toBeNull();
    expect(await runCli(["--csv", "bad.csv", "--symbol", "IWM", "--skip-invalid"], h.deps)).toBe(0);
    expect(h.out()).toMatch(/IWM\s+csv\s+1\s+0\s+0\s+1\s+.*partial/);
  });

  it("--dry-run writes nothing", async () => {
    const h = harness({ "/data/DGS10.csv": fixture("fred-DGS10.csv") });
    const before = h.store.snapshot();
    expect(await runCli(["--csv", "/data/DGS10.csv", "--dry-run"], h.deps)).toBe(0);
    expect(h.out()).toMatch(/DGS10\s+csv\s+7 .*dry-run/);
    expect(h.store.snapshot()).toBe(before);
    expect(h.store.state.runs).toEqual([]);
    expect(h.err()).toContain("Dry run: nothing was written.");
  });

  it("asks what a file holds when it cannot tell", async () => {
    const h = harness({ "/data/p.csv": "date,close\n2024-01-02,1\n" });
    expect(await runCli(["--csv", "p.csv"], h.deps)).toBe(1);
    expect(h.err()).toMatch(/--symbol <SYMBOL> for bars, --series <CODE>/);
  });

  it("fetches items from providers, with a summary and exit 1 when one fails", async () => {
    const fetch = routedFetch({
      "chart/IWM?": { body: fixture("yahoo-iwm.json"), type: "application/json" },
      "chart/NOPE?": { status: 404, body: fixture("yahoo-unknown.json"), type: "application/json" },
      "fredgraph.csv?id=DGS10": { body: fixture("fred-DGS10.csv"), type: "text/csv" },
    });
    const h = harness({}, { fetch });
    const code = await runCli(["IWM", "dgs10", "NOPE", "--from", "2024-09-16", "--to", "2024-09-20"], h.deps);
    expect(code).toBe(1);
    expect(h.out()).toMatch(/IWM\s+yahoo\s+4\s+0\s+0\s+0 .*ok/);
    expect(h.out()).toMatch(/DGS10\s+fred\s+5\s+/);
    expect(h.out()).toMatch(/NOPE\s+yahoo\s+0 .*failed/);
    expect(h.out()).toMatch(/total\s+9\s+.*1 failed/);
    expect(h.err()).toMatch(/✗ NOPE: yahoo: unknown symbol "NOPE"/);
    expect(h.store.state.runs.map((r) => [r.target, r.status])).toEqual([
      ["IWM", "ok"],
      ["DGS10", "ok"],
      ["NOPE", "failed"],
    ]);
  });

  it("draws a redrawn progress line on a TTY", async () => {
    const h = harness({ "/data/DGS10.csv": fixture("fred-DGS10.csv") }, { tty: true });
    expect(await runCli(["--csv", "DGS10.csv"], h.deps)).toBe(0);
    expect(h.err()).toContain("\r\x1b[2K");
    expect(h.err()).toMatch(/█+.*100%/);
  });
});
