/**
 * Bench row "subscription fan-out": N server-sent-event subscribers of `Subscription.datasetChanged` on ONE API
 * process (a separate process, bench/harness.ts), then writes committed by another connection (this process).
 * For each write: the time from the write's commit (its transaction's promise resolving here) to each
 * subscriber receiving the `next` event, read off a raw SSE parser per subscriber (no GraphQL client, so the
 * reader's own cost stays small). Reports p50 / p99 / max over every (write, subscriber) pair, and the median
 * of "the last subscriber" per write.
 *
 * PostgreSQL: the write's NOTIFY reaches the server's LISTEN connection on commit. SQLite: the server polls the
 * dataset version every CYCLELENS_DATASET_POLL_MS (250 ms by default), so the poll interval dominates.
 */
import { createDatabase, type TestBackend } from "@cyclelens/db";
import { demoDatabase, startServerProcess } from "./harness.js";

export interface FanoutRow {
  backend: TestBackend;
  subscribers: number;
  writes: number;
  p50: number;
  p99: number;
  max: number;
  lastP50: number;
  missed: number;
}

const QUERY = JSON.stringify({ query: "subscription { datasetChanged { version instruments } }" });

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** One raw SSE reader: records performance.now() of every `next` event. */
async function openStream(url: string, signal: AbortSignal, arrivals: number[][], index: number) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: QUERY,
    signal,
  });
  if (res.status !== 200 || !res.body) throw new Error(`subscriber ${index}: HTTP ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const now = performance.now();
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf("\n\n");
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith("event: next")) arrivals[index]!.push(now);
          end = buffer.indexOf("\n\n");
        }
      }
    } catch {
      // aborted at the end
    }
  })();
}

export async function benchFanout(
  backend: TestBackend,
  options: { subscribers?: number; writes?: number } = {},
): Promise<FanoutRow> {
  const subscribers = options.subscribers ?? 500;
  const writes = options.writes ?? 20;
  const database = await demoDatabase(backend);
  const server = await startServerProcess(database.url, {
    LOG_LEVEL: "warn",
    CYCLELENS_MAX_SUBSCRIPTIONS: String(subscribers + 10),
  });
  const writer = await createDatabase({ url: database.url, changeSource: "ingest" });
  const controller = new AbortController();
  try {
    const arrivals: number[][] = Array.from({ length: subscribers }, () => []);
    for (let i = 0; i < subscribers; i += 50)
      await Promise.all(
        Array.from({ length: Math.min(50, subscribers - i) }, (_, k) =>
          openStream(server.url, controller.signal, arrivals, i + k),
        ),
      );
    const [iwm] = await writer.instruments.bySymbols(["IWM"]);
    if (!iwm) throw new Error("no IWM in the demo dataset");
    await new Promise((r) => setTimeout(r, 500)); // every stream answered; the server's watcher listens
    const latencies: number[] = [];
    const lasts: number[] = [];
    let missed = 0;
    for (let w = 0; w < writes; w++) {
      const before = arrivals.map((a) => a.length);
      // a bar far after the demo data, changed on every write (so each write commits a change)
      await writer.upsertBars(iwm.id, [{ date: "2035-01-02", close: 100 + w }], { source: "demo" });
      const committed = performance.now();
      const deadline = committed + 10_000;
      while (performance.now() < deadline && arrivals.some((a, i) => a.length <= before[i]!))
        await new Promise((r) => setTimeout(r, 5));
      let last = 0;
      arrivals.forEach((a, i) => {
        const at = a[before[i]!];
        if (at === undefined) {
          missed++;
          return;
        }
        const ms = Math.max(0, at - committed);
        latencies.push(ms);
        last = Math.max(last, ms);
      });
      lasts.push(last);
      await new Promise((r) => setTimeout(r, 300));
    }
    latencies.sort((a, b) => a - b);
    lasts.sort((a, b) => a - b);
    return {
      backend,
      subscribers,
      writes,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? Number.NaN,
      lastP50: percentile(lasts, 50),
      missed,
    };
  } finally {
    controller.abort();
    await writer.close();
    await server.stop();
    await database.cleanup();
  }
}

export function fanoutTable(rows: FanoutRow[]): string {
  const header = [
    "backend",
    "subscribers",
    "writes",
    "p50 ms",
    "p99 ms",
    "max ms",
    "last subscriber p50 ms",
    "missed",
  ];
  const f = (n: number) => n.toFixed(1);
  const lines = rows.map((r) => [
    r.backend === "sqlite" ? "SQLite (poll 250 ms)" : "PostgreSQL (LISTEN/NOTIFY)",
    String(r.subscribers),
    String(r.writes),
    f(r.p50),
    f(r.p99),
    f(r.max),
    f(r.lastP50),
    String(r.missed),
  ]);
  return [header, header.map(() => "---"), ...lines].map((c) => `| ${c.join(" | ")} |`).join("\n");
}
