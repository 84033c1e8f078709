/** Test helpers: fixtures, a scripted fetch that never touches the network, quiet HTTP options. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { FetchLike, HttpOptions } from "../src/http.js";
import { RateLimiter } from "../src/http.js";

export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), "utf8");
}

export type Step =
  | { status?: number; body: string; type?: string; headers?: Record<string, string> }
  | { error: Error }
  | "hang";

/** A fetch answering each call with the next step (the last step repeats), recording the URLs. */
export function scriptedFetch(...steps: Step[]): FetchLike & { calls: string[] } {
  const calls: string[] = [];
  const fn = (async (url: string, init?: RequestInit) => {
    calls.push(url);
    const step = steps[Math.min(calls.length - 1, steps.length - 1)]!;
    if (step === "hang") {
      return new Promise<Response>((_, reject) => {
        const signal = init?.signal;
        signal?.addEventListener("abort", () => reject(signal.reason));
      });
    }
    if ("error" in step) throw step.error;
    return new Response(step.body, {
      status: step.status ?? 200,
      headers: { "content-type": step.type ?? "text/plain", ...step.headers },
    });
  }) as FetchLike & { calls: string[] };
  fn.calls = calls;
  return fn;
}

/** Routes by URL substring; unmatched URLs fail the test loudly. */
export function routedFetch(routes: Record<string, Step>): FetchLike & { calls: string[] } {
  const calls: string[] = [];
  const fn = (async (url: string) => {
    calls.push(url);
    const key = Object.keys(routes).find((k) => url.includes(k));
    if (!key) throw new Error(`unexpected request ${url}`);
    const step = routes[key]!;
    if (step === "hang" || "error" in step) throw new Error("not supported in routedFetch");
    return new Response(step.body, {
      status: step.status ?? 200,
      headers: { "content-type": step.type ?? "text/plain" },
    });
  }) as FetchLike & { calls: string[] };
  fn.calls = calls;
  return fn;
}

export const sleeps: number[] = [];

/** HTTP options for tests: scripted fetch, instant sleeps (recorded), no rate limiting, short timeout. */
export function quiet(fetch: FetchLike, extra: Partial<HttpOptions> = {}): HttpOptions {
  return {
    fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    rateLimiter: new RateLimiter({}, 0),
    timeoutMs: 50,
    random: () => 0.5,
    ...extra,
  };
}

export const netError = (code = "ECONNRESET") =>
  Object.assign(new TypeError("fetch failed"), { cause: { code } });
