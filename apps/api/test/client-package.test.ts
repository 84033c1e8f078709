/**
 * @cyclelens/client as another front end gets it: packed (prepack builds ESM + CommonJS), installed with
 * npm into a new project outside the repository, imported from ESM and CommonJS, type-checked under
 * NodeNext, Bundler and Node10 — and the README's codegen recipe run there against this server's
 * /schema.graphql: graphql-codegen (the workspace's copy, no download), tsc, then the program itself.
 * The recipe's files are taken from packages/client/README.md, so the README cannot drift from what works.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InstalledPackage, packAndInstall, tsconfigs } from "../../../scripts/pack-check.mjs";
import { startTestServer, type TestServer } from "./helpers.js";

const clientDir = fileURLToPath(new URL("../../../packages/client/", import.meta.url));
const readme = readFileSync(path.join(clientDir, "README.md"), "utf8");

/** The README's fenced blocks that start with a file-name comment (`// codegen.ts`, `# src/x.graphql`). */
function recipeFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const m of readme.matchAll(/```(?:ts|graphql|jsonc)\n(?:\/\/|#) ([\w./-]+)\n([\s\S]*?)```/g)) {
    files.set(m[1]!, m[2]!);
  }
  return files;
}
/** The commands of the README's last sh block of the recipe (codegen, tsc --init, tsc, node). */
function recipeCommands(): string[] {
  const section = readme.slice(
    readme.indexOf("## Your own typed operations"),
    readme.indexOf("## Regenerating"),
  );
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks[blocks.length - 1]!.split("\n")
    .flatMap((line) => line.replace(/#.*$/, "").split("&&"))
    .map((c) => c.trim())
    .filter(Boolean);
}

describe("@cyclelens/client packed, installed with npm, and the codegen recipe", () => {
  let pkg: InstalledPackage;
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("sqlite");
    pkg = packAndInstall(clientDir);
  }, 240_000);
  afterAll(async () => {
    pkg?.cleanup();
    await server?.close();
  });

  it("the tarball holds the builds, README and LICENSE; no tests, tsconfig or private packages", () => {
    for (const name of [
      "package/LICENSE",
      "package/README.md",
      "package/dist/index.js",
      "package/dist/cjs/index.js",
      "package/src/gql/persisted-documents.json",
    ]) {
      expect(pkg.files).toContain(name);
    }
    expect(pkg.files.filter((x) => /\.test\.|tsconfig|codegen\.ts/.test(x))).toEqual([]);
    const manifest = JSON.parse(
      readFileSync(path.join(pkg.project, "node_modules/@cyclelens/client/package.json"), "utf8"),
    );
    const named = Object.keys({
      ...manifest.dependencies,
      ...manifest.devDependencies,
      ...manifest.peerDependencies,
    });
    expect(named.filter((n) => n.startsWith("@cyclelens/"))).toEqual([]);
  });

  it("runs from ESM and CommonJS against the server", async () => {
    const use = (m: string) => `
      ${m}
      const data = await request(${JSON.stringify(server.url)}, DatasetDocument);
      const e = await request(${JSON.stringify(server.url)}, graphql("query { nope }")).catch((x) => x);
      console.log(data.dataset.label, e instanceof GraphQLRequestError, e.code === ErrorCode.GRAPHQL_VALIDATION_FAILED);
    `;
    pkg.write(
      "esm.mjs",
      use(
        'import { DatasetDocument, ErrorCode, GraphQLRequestError, graphql, request } from "@cyclelens/client";',
      ),
    );
    pkg.write(
      "cjs.cjs",
      `(async () => {${use('const { DatasetDocument, ErrorCode, GraphQLRequestError, graphql, request } = require("@cyclelens/client");')}})();`,
    );
    expect((await pkg.run("esm.mjs")).trim()).toBe("DEMO true true");
    expect((await pkg.run("cjs.cjs")).trim()).toBe("DEMO true true");
  });

  it("exports persisted-documents.json, holding every generated document's hash (what the server loads)", async () => {
    pkg.write(
      "manifest.cjs",
      `const manifest = require("@cyclelens/client/persisted-documents.json");
       const { DatasetDocument, DashboardDocument } = require("@cyclelens/client");
       console.log(Object.keys(manifest).length, [DatasetDocument, DashboardDocument].every((d) => typeof manifest[d.__meta__.hash] === "string"));`,
    );
    // one hash per operation of the package (src/operations: five queries and the datasetChanged subscription)
    expect((await pkg.run("manifest.cjs")).trim()).toBe("6 true");
  });

  it("type-checks with tsc under NodeNext, Bundler and Node10", () => {
    pkg.write(
      "types.ts",
      `import { type CycleLensErrorCode, type DashboardQuery, KreDrawdownDocument, graphql, request } from "@cyclelens/client";
       export async function f(url: string) {
         const d = await request(url, KreDrawdownDocument, { symbol: "KRE" });
         const peak: string | null | undefined = d.instrument?.drawdown?.peakDate;
         const q = graphql<{ dataset: { label: string } }>("{ dataset { label } }");
         const label: string = (await request(url, q)).dataset.label;
         const code: CycleLensErrorCode = "NOT_FOUND";
         const rows: DashboardQuery["instruments"] = [];
         return { peak, label, code, rows };
       }\n`,
    );
    const configs = tsconfigs(["types.ts"], { lib: ["ES2023", "DOM"] });
    for (const [name, config] of Object.entries(configs)) {
      pkg.write(name, JSON.stringify(config));
      expect(pkg.tsc(name), name).toBe("");
    }
  }, 120_000);

  it("the README recipe: codegen against /schema.graphql, Date typed as string, the program runs", async () => {
    const origin = server.url.replace(/\/graphql$/, "");
    const files = recipeFiles();
    expect([...files.keys()].sort()).toEqual([
      "codegen.ts",
      "src/leadership.graphql",
      "src/main.ts",
      "tsconfig.json",
    ]);
    execFileSync("mkdir", ["-p", path.join(pkg.project, "src")]);
    for (const [name, text] of files) pkg.write(name, text.replaceAll("http://127.0.0.1:4000", origin));
    // a compile-time check that Date is a string, not any: these lines must fail to compile
    pkg.write(
      "src/date-is-string.ts",
      `import type { LeadershipQuery, LeadershipQueryVariables } from "./gql/graphql.js";
       type Point = NonNullable<LeadershipQuery["compare"]>["relativeStrength"][number];
       export const ok: string = ({} as Point).date;
       // @ts-expect-error Date is a string, not a number
       export const bad: number = ({} as Point).date;
       // @ts-expect-error variables of type Date take strings
       export const v: LeadershipQueryVariables = { since: 20210101 };\n`,
    );
    const require = createRequire(path.join(clientDir, "package.json"));
    const codegenBin = path.join(
      path.dirname(require.resolve("@graphql-codegen/cli/package.json")),
      "cjs",
      "bin.js",
    );
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    const out: string[] = [];
    for (const command of recipeCommands()) {
      const [tool, ...args] = command.split(/\s+/);
      if (tool === "npx" && args[0] === "graphql-codegen") {
        await pkg.exec(process.execPath, [codegenBin, ...args.slice(1)]);
      } else if (tool === "npx" && args[0] === "tsc") {
        try {
          execFileSync(process.execPath, [tsc, ...args.slice(1)], {
            cwd: pkg.project,
            stdio: "pipe",
            encoding: "utf8",
          });
        } catch (e) {
          throw new Error(`${command}: ${(e as { stdout?: string }).stdout ?? e}`);
        }
      } else if (tool === "node") {
        out.push(await pkg.run(...args));
      } else {
        throw new Error(`unexpected recipe command: ${command}`);
      }
    }
    const generated = readFileSync(path.join(pkg.project, "src/gql/graphql.ts"), "utf8");
    expect(generated).toContain("LeadershipDocument");
    expect(generated).not.toMatch(/Date: \{ input: any/); // (the @ts-expect-error lines above prove string)
    // what main.ts printed: start date, return gap, last relative-strength date and value
    const [start, gap, date, value] = out.join("").trim().split(" ");
    expect(start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number(gap)).not.toBeNaN();
    expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number(value)).toBeGreaterThan(0);
  }, 180_000);
});
