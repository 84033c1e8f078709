/**
 * The published package as another app gets it: `pnpm pack` (prepack builds ESM + CommonJS), then
 * `npm install` of the tarball into a fresh project outside the repository; the project imports it
 * from ESM and CommonJS and type-checks against it with tsc under NodeNext, Bundler and Node10
 * (the main/types fallback). See scripts/pack-check.mjs.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InstalledPackage, packAndInstall, tsconfigs } from "../../../scripts/pack-check.mjs";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

describe("@cyclelens/core packed and installed with npm", () => {
  let pkg: InstalledPackage;
  beforeAll(() => {
    pkg = packAndInstall(packageDir);
  }, 180_000);
  afterAll(() => pkg?.cleanup());

  it("the tarball holds the builds, sources, README and LICENSE, and no tests or tsconfig", () => {
    const f = pkg.files;
    for (const name of [
      "package/LICENSE",
      "package/README.md",
      "package/package.json",
      "package/dist/index.js",
      "package/dist/index.d.ts",
      "package/dist/cjs/index.js",
      "package/dist/cjs/index.d.ts",
      "package/dist/cjs/package.json",
      "package/src/index.ts",
    ]) {
      expect(f).toContain(name);
    }
    expect(f.filter((x) => /\.test\.|tsconfig|bench\//.test(x))).toEqual([]);
  });

  it("imports from ESM and from CommonJS", async () => {
    const use = `
      const v = new Float64Array([1, 2, 3, 4]);
      const s = new m.SmaStream(2);
      for (const x of v) s.update(x);
      const c = m.compareSeries(
        m.seriesFromArrays(["2024-01-02", "2024-01-03"], [100, 102]),
        m.seriesFromArrays(["2024-01-02", "2024-01-03"], [100, 101]),
      );
      console.log(m.sma(v, 2)[3], s.value, m.toISODate(c.endDate), typeof m.assertSeries);
    `;
    pkg.write("esm.mjs", `import * as m from "@cyclelens/core";\n${use}`);
    pkg.write("cjs.cjs", `const m = require("@cyclelens/core");\n${use}`);
    const expected = "3.5 3.5 2024-01-03 undefined";
    expect((await pkg.run("esm.mjs")).trim()).toBe(expected);
    expect((await pkg.run("cjs.cjs")).trim()).toBe(expected);
  });

  it("type-checks with tsc under NodeNext (ESM and CJS files), Bundler and Node10", () => {
    const code = `
      import { type BollingerValue, BollingerStream, compareSeries, type Series, seriesFromArrays, sma, toISODate } from "@cyclelens/core";
      const s: Series = seriesFromArrays(["2024-01-02", "2024-01-03"], [1, 2]);
      const out: Float64Array = sma(s.values, 2);
      const b: BollingerValue = new BollingerStream(20, 2).update(1);
      const iso: string | undefined = toISODate(compareSeries(s, s, { from: "2024-01-02" }).startDate);
      // @ts-expect-error internal helpers are not exported
      import("@cyclelens/core").then((m) => m.assertSeries);
      export { out, b, iso };
    `;
    pkg.write("index.ts", code);
    pkg.write(
      "check.cts",
      `import core = require("@cyclelens/core");\nconst x: Float64Array = core.ema(new Float64Array([1, 2]), 1);\nexport = x;\n`,
    );
    const configs = tsconfigs(["index.ts"]);
    pkg.write(
      "tsconfig.nodenext.json",
      JSON.stringify({
        ...(configs["tsconfig.nodenext.json"] as object),
        include: ["index.ts", "check.cts"],
      }),
    );
    pkg.write("tsconfig.bundler.json", JSON.stringify(configs["tsconfig.bundler.json"]));
    pkg.write("tsconfig.node10.json", JSON.stringify(configs["tsconfig.node10.json"]));
    expect(pkg.tsc("tsconfig.nodenext.json")).toBe("");
    expect(pkg.tsc("tsconfig.bundler.json")).toBe("");
    expect(pkg.tsc("tsconfig.node10.json")).toBe("");
  }, 120_000);

  it("a type error in the consumer is reported (the check can fail)", () => {
    pkg.write(
      "bad.ts",
      `import { sma } from "@cyclelens/core";\nconst n: string = sma(new Float64Array(1), 1);\nexport { n };\n`,
    );
    pkg.write(
      "tsconfig.bad.json",
      JSON.stringify({ ...(tsconfigs(["bad.ts"])["tsconfig.bundler.json"] as object) }),
    );
    expect(pkg.tsc("tsconfig.bad.json")).toMatch(/TS2322/);
  }, 60_000);
});
