/**
 * The `macro` preset: the free macro series come through the existing FRED provider (no key: the public CSV
 * download) and are stored with the catalog's metadata. The answers are the real FRED files kept as fixtures
 * by @cyclelens/core (test/fixtures there).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { routedFetch } from "../test/helpers.js";
import { INSTRUMENTS, PRESETS, resolveItem, SERIES } from "./catalog.js";
import { RateLimiter } from "./http.js";
import { type CliDeps, runCli } from "./run.js";
import { MemoryStore } from "./store/memory-store.js";

const coreFixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../core/test/fixtures/${name}`, import.meta.url)), "utf8");

describe("the macro preset", () => {
  it("lists the curve, labour and recession series (FRED) and the market-internal ETFs (Yahoo)", () => {
    expect(PRESETS.macro).toEqual([
      "DGS2",
      "DGS10",
      "DGS3MO",
      "T10Y2Y",
      "T10Y3M",
      "UNRATE",
      "SAHMREALTIME",
      "USREC",
      "XLY",
      "XLP",
      "RSP",
    ]);
    const resolved = PRESETS.macro!.map((n) => resolveItem(n));
    expect(resolved.filter((r) => r.kind === "series").every((r) => r.provider === "fred")).toBe(true);
    expect(resolved.filter((r) => r.kind === "instrument").map((r) => [r.name, r.provider])).toEqual([
      ["XLY", "yahoo"],
      ["XLP", "yahoo"],
      ["RSP", "yahoo"],
    ]);
    for (const code of [
      "UNRATE",
      "SAHMREALTIME",
      "SAHMCURRENT",
      "USREC",
      "USRECD",
      "T10Y2Y",
      "T10Y3M",
      "DGS3MO",
    ]) {
      expect(SERIES[code]).toMatchObject({ code });
    }
    expect(INSTRUMENTS.RSP).toMatchObject({ segment: "equal_weight", benchmarkSymbol: "SPY" });
  });

  it("imports UNRATE, SAHMREALTIME, USREC, DGS2 and DGS10 through the FRED provider's CSV download", async () => {
    const fetch = routedFetch({
      "fredgraph.csv?id=UNRATE": { body: coreFixture("UNRATE.csv"), type: "text/csv" },
      "fredgraph.csv?id=SAHMREALTIME": { body: coreFixture("SAHMREALTIME.csv"), type: "text/csv" },
      "fredgraph.csv?id=USREC": { body: coreFixture("USREC.csv"), type: "text/csv" },
      "fredgraph.csv?id=DGS2": { body: coreFixture("DGS2.csv"), type: "text/csv" },
      "fredgraph.csv?id=DGS10": { body: coreFixture("DGS10.csv"), type: "text/csv" },
    });
    const store = new MemoryStore();
    const out: string[] = [];
    const deps: CliDeps = {
      openStore: async () => store,
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: () => {} },
      env: {},
      cwd: "/data",
      tty: false,
      today: "2025-09-30",
      sleep: async () => {},
      rateLimiter: new RateLimiter({}, 0),
      readTextFile: async () => "",
      fetch,
    };
    const code = await runCli(["UNRATE", "SAHMREALTIME", "USREC", "DGS2", "DGS10"], deps);
    expect(code, out.join("")).toBe(0);
    const meta = (c: string) => store.state.series.get(c)!;
    const rows = (c: string) => store.state.observations.get(meta(c).id)!;
    expect(meta("UNRATE")).toMatchObject({
      title: "Unemployment Rate",
      unit: "percent",
      frequency: "monthly",
    });
    expect(meta("UNRATE").provenance).toBe("fred");
    expect(rows("UNRATE").size).toBe(932);
    expect(rows("SAHMREALTIME").size).toBe(789);
    expect(meta("SAHMREALTIME").unit).toBe("percentage points");
    expect(rows("USREC").size).toBe(900);
    expect([...rows("USREC").values()].find((r) => r.date === "2020-04-01")?.value).toBe(1);
    expect(rows("DGS2").size).toBe(6974 - 286); // blank holidays are skipped, not stored
    expect([...rows("DGS10").values()].find((r) => r.date === "2024-09-18")?.value).toBe(3.7);
  });
});
