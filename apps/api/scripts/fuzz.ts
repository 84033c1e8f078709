/**
 * `pnpm fuzz`: at least 10,000 malformed and hostile requests against a server process on SQLite and on
 * PostgreSQL (each a fresh database with the demo data), from a seeded generator so a failure can be replayed.
 *
 * Passes when: no response is a 5xx, the server never dies, every GraphQL error in every answer carries
 * `extensions.code`, every 4xx has a body, and the server's RSS stays under the ceiling (`--max-rss=<MB>`,
 * default 700). It also reports the slowest `/health` answer during the run.
 *
 * Options: --requests=<n> per backend (default 10,000), --seed=<n>, --concurrency=<n> (default 16),
 * --backend=sqlite|postgresql (default both; PostgreSQL is skipped with a message when unreachable, unless
 * asked for explicitly or CI=true).
 */
import {
  backendsFromArgs,
  demoDatabase,
  type ServerProcess,
  serverCommand,
  startServerProcess,
  watchHealth,
  watchRss,
} from "../bench/harness.js";

const arg = (name: string, fallback: number) => {
  const v = process.argv.find((a) => a.startsWith(`--${name}=`));
  return v ? Number(v.slice(name.length + 3)) : fallback;
};
const REQUESTS = arg("requests", 10_000);
const SEED = arg("seed", 20261127);
const CONCURRENCY = arg("concurrency", 16);
const MAX_RSS = arg("max-rss", 700);
const KEY = "fuzz-write-key-0123456789";

/** mulberry32: a small seeded PRNG. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick };
}

type Gen = ReturnType<typeof rng>;

interface FuzzRequest {
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

const FIELDS = [
  "dataset { label }",
  'instrument(symbol: "IWM") { symbol name }',
  'instrument(symbol: "IWM") { series(range: { from: "2024-01-01" }) { date value } }',
  'instrument(symbol: "IWM") { performance(range: { from: "2020-01-01" }) { totalReturn sharpe } }',
  'instrument(symbol: "SPY") { bars(first: 3) { edges { node { date close } } } }',
  'compare(base: "IWM", benchmark: "SPY") { returnGap beta }',
  "rateCycles { start end direction }",
  "rateCycleStudy(horizons: [3]) { horizons { months excess { mean } } }",
  "economicSeriesList { code }",
  "instruments { symbol }",
];
const SCALARS = [
  '"IWM"',
  '""',
  "null",
  "0",
  "-1",
  "1e309",
  "99999999999999999999",
  "true",
  '"0000-02-29"',
  '"9999-12-31"',
  '"2024-02-30"',
  '"2024-01-01"',
  "[]",
  "{}",
  '"\\u0000"',
  "[[[[[]]]]]",
  "EASING",
  '"x".repeat',
];
const DATES = [
  "0000-02-29",
  "9999-12-31",
  "2024-02-30",
  "1799-12-31",
  "2200-01-01",
  "2024-1-1",
  "",
  "20240101",
  "2024-01-01T00:00:00Z",
  "2024-01-01",
  "1800-01-01",
  "2199-12-31",
];
const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/xml",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=xyz",
  "application/graphql",
  "application/graphql-response+json",
  "",
  "application/json; charset=latin1",
  "image/png",
];
const ACCEPTS = [
  "application/json",
  "application/graphql-response+json",
  "*/*",
  "text/html",
  "image/png",
  "text/event-stream",
  "multipart/mixed",
  "",
];

const randomString = (g: Gen, n: number) => {
  let s = "";
  for (let i = 0; i < n; i++) s += String.fromCharCode(g.int(0x2fff));
  return s;
};

function randomQuery(g: Gen): string {
  switch (g.int(14)) {
    case 0: {
      // fragment bombs of random size
      const n = 2 + g.int(30);
      const parts = ['query Q { instrument(symbol: "IWM") { ...F0 } }'];
      for (let i = 0; i < n; i++)
        parts.push(
          `fragment F${i} on Instrument { ${i === n - 1 ? "symbol" : `...F${i + 1} ...F${i + 1}`} }`,
        );
      return parts.join("\n");
    }
    case 1:
      return `{ ${Array.from({ length: 1 + g.int(200) }, (_, i) => `a${i}: ${g.pick(FIELDS)}`).join(" ")} }`;
    case 2:
      return `${'{ instrument(symbol: "IWM") { benchmark '.repeat(1 + g.int(60))}{ symbol }${" }".repeat(60)}`;
    case 3:
      return `{ dataset ${"@include(if: true) ".repeat(g.int(100))}{ label } }`;
    case 4:
      return `{ ${g.pick(FIELDS)} ${randomString(g, g.int(50))} }`;
    case 5:
      return "{".repeat(g.int(5000)) + "}".repeat(g.int(5000));
    case 6:
      return `{ instrument(symbol: ${g.pick(SCALARS)}) { series(range: { from: ${g.pick(SCALARS)}, to: "${g.pick(DATES)}" }) { value } } }`;
    case 7:
      return `{ rateCycles(minMoveBp: ${g.pick(["0", "1", "-5", "1e9", "0.5", "null"])}, maxPauseDays: ${g.pick(["0", "1", "99999", "-1", "1.5"])}) { start performance(symbols: ["IWM", "SPY"], horizonMonths: ${g.pick(["0", "121", "12", "-1"])}) { return } } }`;
    case 8:
      return `query A { dataset { label } } query B { instruments { symbol } } ${g.pick(["", "query A { x }", "fragment F on Nope { a }", "subscription S { x }"])}`;
    case 9:
      return `mutation { recordPositioning(segment: "small_cap", unit: "pct", source: "${g.pick(["fuzz", "demo", "", "x".repeat(60)])}", observations: [{ date: "${g.pick(DATES)}", value: ${g.pick(["1", "1e309", "-1", "null"])} }]) { inserted } }`;
    case 10:
      return `{ __schema { types { name fields { name type { name ofType { name ofType { name } } } } } } }`;
    case 11:
      return `{ instrument(symbol: "IWM") { sma(period: ${g.pick(["0", "-1", "100000", "200", "2.5"])}) { value } rsi(period: ${g.pick(["1", "0", "99999"])}) { value } } }`;
    case 12:
      return `"""${randomString(g, g.int(200))}""" { dataset { label } } # ${randomString(g, g.int(100))}`;
    default:
      return `{ ${g.pick(FIELDS)} }`;
  }
}

function randomVariables(g: Gen): unknown {
  switch (g.int(8)) {
    case 0:
      return { r: { from: g.pick(DATES), to: g.pick(DATES) } };
    case 1:
      return { s: "A".repeat(g.int(300_000)) };
    case 2: {
      let v: unknown = 1;
      for (let i = 0; i < g.int(3000); i++) v = [v];
      return { r: v };
    }
    case 3:
      return "not an object";
    case 4:
      return [1, 2, 3];
    case 5:
      return { f: { symbols: Array.from({ length: g.int(200) }, () => randomString(g, 4)) } };
    case 6:
      return null;
    default:
      return { r: { from: 20240101 } };
  }
}

const VARIABLE_QUERIES = [
  'query($r: DateRange) { instrument(symbol: "IWM") { series(range: $r) { value } } }',
  "query($s: String!) { instrument(symbol: $s) { symbol } }",
  "query($f: InstrumentFilter) { instruments(filter: $f) { symbol } }",
  "query($r: [[Int]]) { dataset { label } }",
];

function request(g: Gen): FuzzRequest {
  const kind = g.int(20);
  const json = (body: unknown, extra: Record<string, string> = {}): FuzzRequest => ({
    kind: "post-json",
    method: "POST",
    path: "/graphql",
    headers: { "content-type": "application/json", accept: g.pick(ACCEPTS), ...extra },
    body: JSON.stringify(body),
  });
  switch (kind) {
    case 0:
      return {
        kind: "random-bytes",
        method: "POST",
        path: "/graphql",
        headers: { "content-type": g.pick(CONTENT_TYPES) },
        body: Uint8Array.from({ length: g.int(5000) }, () => g.int(256)),
      };
    case 1: {
      const valid = JSON.stringify({ query: randomQuery(g), variables: randomVariables(g) });
      return {
        kind: "truncated-json",
        method: "POST",
        path: "/graphql",
        headers: { "content-type": "application/json" },
        body: valid.slice(0, g.int(valid.length)),
      };
    }
    case 2:
      return {
        kind: "content-type",
        method: "POST",
        path: "/graphql",
        headers: { "content-type": g.pick(CONTENT_TYPES), accept: g.pick(ACCEPTS) },
        body: JSON.stringify({ query: g.pick(FIELDS) }),
      };
    case 3: {
      const params = new URLSearchParams();
      if (g.next() < 0.8)
        params.set("query", g.next() < 0.5 ? `{ ${g.pick(FIELDS)} }` : randomQuery(g).slice(0, 4000));
      if (g.next() < 0.5)
        params.set(
          "variables",
          g.pick(["{nope", "[]", "null", '{"r":{"from":"0000-02-29"}}', "1", '"x"', "{".repeat(g.int(2000))]),
        );
      if (g.next() < 0.3)
        params.set("extensions", g.pick(["{bad", "[]", '{"persistedQuery":{"version":1,"sha256Hash":"x"}}']));
      if (g.next() < 0.2) params.set("operationName", g.pick(["Nope", "", "A"]));
      return { kind: "get", method: "GET", path: `/graphql?${params}`, headers: { accept: g.pick(ACCEPTS) } };
    }
    case 4:
      return json({ query: VARIABLE_QUERIES[g.int(VARIABLE_QUERIES.length)], variables: randomVariables(g) });
    case 5:
      return json([{ query: "{ dataset { label } }" }, { query: g.pick(FIELDS) }]);
    case 6:
      return json({ query: randomQuery(g), operationName: g.pick(["A", "B", "Nope", null, 5, ""]) });
    case 7:
      return json({ query: g.pick([null, 5, [], {}, "", "   "]) });
    case 8:
      return {
        ...json({ query: randomQuery(g) }),
        kind: "mutation-key",
        headers: {
          "content-type": "application/json",
          "x-cyclelens-key": g.pick(["", "wrong", KEY, "x".repeat(5000)]),
        },
      };
    case 9:
      return {
        kind: "method",
        method: g.pick(["PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]),
        path: g.pick(["/graphql", "/health", "/ready", "/"]),
        headers: {
          origin: g.pick(["https://evil.example", "null", ""]),
          "access-control-request-method": "POST",
        },
        body: undefined,
      };
    case 10:
      return {
        kind: "path",
        method: g.pick(["GET", "POST"]),
        path: g.pick([
          "/",
          "/graphql/",
          "/GRAPHQL",
          "/graphql/../etc/passwd",
          "/%00",
          `/${randomString(g, 10).replace(/[^a-z]/gi, "x")}`,
          "/health?x=1",
          "/ready/",
        ]),
        headers: { accept: g.pick(ACCEPTS) },
      };
    case 11:
      return {
        ...json({ query: "{ dataset { label } }" }),
        kind: "big-body",
        body: JSON.stringify({
          query: "{ dataset { label } }",
          pad: "x".repeat(g.next() < 0.1 ? 3_000_000 : 100_000 + g.int(500_000)),
        }),
      };
    case 12:
      return {
        ...json({ query: g.pick(FIELDS).length ? `{ ${g.pick(FIELDS)} }` : "" }),
        kind: "request-id",
        headers: {
          "content-type": "application/json",
          "x-request-id": g.pick(["ok-1", "<script>", "x".repeat(500), "", "\u00e9"]),
        },
      };
    case 13:
      return {
        kind: "form",
        method: "POST",
        path: "/graphql",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: g.pick([
          "query=%7Bdataset%7Blabel%7D%7D",
          "query=",
          "variables=%7B",
          "%%%%",
          "query=" + encodeURIComponent(randomQuery(g)),
        ]),
      };
    case 14:
      return {
        kind: "graphql-string",
        method: "POST",
        path: "/graphql",
        headers: { "content-type": "application/graphql" },
        body: randomQuery(g),
      };
    case 15:
      return {
        kind: "multipart",
        method: "POST",
        path: "/graphql",
        headers: { "content-type": "multipart/form-data; boundary=b" },
        body: g.pick([
          '--b\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{bad\r\n--b--',
          "--b--",
          "garbage",
          `--b\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ dataset { label } }"}\r\n--b--`,
        ]),
      };
    default:
      return json({ query: randomQuery(g), variables: g.next() < 0.3 ? randomVariables(g) : undefined });
  }
}

interface Failure {
  kind: string;
  status: number | string;
  detail: string;
}

async function fuzz(server: ServerProcess, seed: number) {
  const g = rng(seed);
  const statuses = new Map<number, number>();
  const failures: Failure[] = [];
  let sent = 0;
  let errorsChecked = 0;
  const health = watchHealth(server.base, 50);
  const rss = watchRss(server, 100);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (sent < REQUESTS) {
        sent++;
        const r = request(g);
        let status: number;
        let text = "";
        try {
          const res = await fetch(`${server.base}${r.path}`, {
            method: r.method,
            headers: r.headers,
            body:
              r.method === "GET" || r.method === "HEAD"
                ? undefined
                : typeof r.body === "string"
                  ? r.body
                  : r.body && Buffer.from(r.body),
            signal: AbortSignal.timeout(30_000),
          });
          status = res.status;
          text = await res.text();
        } catch (error) {
          failures.push({ kind: r.kind, status: "network", detail: (error as Error).message });
          if (!server.alive()) return;
          continue;
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status >= 500) failures.push({ kind: r.kind, status, detail: text.slice(0, 300) });
        if (status >= 400 && text === "" && r.method !== "HEAD")
          failures.push({ kind: r.kind, status, detail: "a 4xx without a body" });
        if (text.startsWith("{") || text.startsWith("[")) {
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            failures.push({ kind: r.kind, status, detail: `invalid JSON: ${text.slice(0, 200)}` });
            continue;
          }
          for (const e of (body as { errors?: { message: string; extensions?: { code?: unknown } }[] })
            .errors ?? []) {
            errorsChecked++;
            if (typeof e.extensions?.code !== "string")
              failures.push({
                kind: r.kind,
                status,
                detail: `error without a code: ${e.message.slice(0, 200)}`,
              });
          }
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const h = await health.stop();
  const peak = rss.stop();
  return {
    sent,
    seconds,
    statuses,
    failures,
    errorsChecked,
    health: h,
    peakRss: peak,
    alive: server.alive(),
  };
}

const backends = await backendsFromArgs(process.argv.slice(2));
if (process.env.CI === "true" && !backends.includes("postgresql"))
  throw new Error("CI=true: PostgreSQL is required for the fuzz run");
let failed = false;
for (const backend of backends) {
  const db = await demoDatabase(backend);
  const server = await startServerProcess(db.url, { CYCLELENS_WRITE_KEY: KEY });
  try {
    const startRss = server.rssMb();
    const r = await fuzz(server, SEED);
    const codes = [...r.statuses]
      .sort((a, b) => a[0] - b[0])
      .map(([s, n]) => `${s}×${n}`)
      .join(" ");
    console.log(
      `\n${backend} (${serverCommand().built ? "dist" : "tsx"}): ${r.sent} requests in ${r.seconds.toFixed(1)} s, seed ${SEED}, concurrency ${CONCURRENCY}`,
    );
    console.log(`  statuses: ${codes}`);
    console.log(`  GraphQL errors checked for a code: ${r.errorsChecked}`);
    console.log(
      `  server RSS: ${startRss.toFixed(0)} MB at start, ${r.peakRss.toFixed(0)} MB at most (ceiling ${MAX_RSS} MB)`,
    );
    console.log(
      `  /health: slowest ${r.health.worstMs.toFixed(0)} ms over ${r.health.count} probes, ${r.health.failures} failed`,
    );
    console.log(`  server alive at the end: ${r.alive}`);
    const fiveXX = [...r.statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
    const ok =
      r.alive && fiveXX === 0 && r.failures.length === 0 && r.peakRss <= MAX_RSS && r.sent >= REQUESTS;
    console.log(`  5xx: ${fiveXX}, failures: ${r.failures.length} → ${ok ? "PASS" : "FAIL"}`);
    for (const f of r.failures.slice(0, 20)) console.log(`    ${f.kind} ${f.status}: ${f.detail}`);
    if (!ok) failed = true;
    if (!r.alive) console.log(server.output().slice(-3000));
  } finally {
    await server.stop();
    await db.cleanup();
  }
}
process.exitCode = failed ? 1 : 0;
