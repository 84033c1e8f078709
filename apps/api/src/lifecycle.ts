/**
 * Readiness and graceful shutdown.
 *
 * - `GET /ready` answers `ready` (200) or `not ready` (503), nothing more: the reason (the database's error
 *   text, "shutting down") goes to the log, never to the caller. It checks the database with one cheap statement,
 *   bounded by a 2 s timeout.
 * - Shutdown never drops an accepted request: readiness fails first (for at least `CYCLELENS_SHUTDOWN_DELAY_MS`,
 *   so a load balancer stops sending); every response from then on says `Connection: close`; the server keeps
 *   accepting until no request has been in flight for {@link QUIET_MS} (connections already queued in the
 *   listen backlog or accepted but not yet parsed are served, not reset), then stops listening, waits for the
 *   last responses (up to `CYCLELENS_SHUTDOWN_GRACE_MS`), and closes the idle sockets. The old shutdown called
 *   `closeIdleConnections()` at once and reset requests that were queued behind a busy event loop.
 */
import type { Server } from "node:http";
import type { Database } from "@cyclelens/db";
import type { Plugin } from "graphql-yoga";
import type { Logger } from "./logging.js";

/** Quiet time (no request in flight) after which a draining server stops listening. */
export const QUIET_MS = 150;

export class Lifecycle {
  draining = false;
  inFlight = 0;
  #lastBusy = performance.now();

  /** Counts a request of the HTTP server until its response is finished or the socket closes. */
  track(res: { once(event: "close", fn: () => void): unknown }): void {
    this.inFlight++;
    res.once("close", () => {
      this.inFlight--;
      this.#lastBusy = performance.now();
    });
  }

  get quietForMs(): number {
    return this.inFlight > 0 ? 0 : performance.now() - this.#lastBusy;
  }

  /** Drains and stops `server` (see the module comment). */
  async shutdown(server: Server, options: { delayMs: number; graceMs: number }): Promise<void> {
    this.draining = true;
    const deadline = performance.now() + Math.max(options.graceMs, options.delayMs);
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    if (options.delayMs > 0) await sleep(options.delayMs);
    while (this.quietForMs < QUIET_MS && performance.now() < deadline) await sleep(20);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const left = Math.max(0, deadline - performance.now());
    const force = setTimeout(() => server.closeAllConnections(), left + 1000);
    force.unref();
    // Idle keep-alive sockets are closed by server.close(); sockets still answering close after their response
    // (Connection: close). Keep closing idle ones until every socket is gone.
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    await closed;
    clearInterval(idle);
    clearTimeout(force);
  }
}

export function useReadiness(options: {
  db: Database;
  lifecycle: Lifecycle;
  logger: Logger;
  endpoint?: string;
}): Plugin {
  const endpoint = options.endpoint ?? "/ready";
  let last: "ready" | string = "ready";
  const answer = (ready: boolean) =>
    new Response(ready ? "ready\n" : "not ready\n", {
      status: ready ? 200 : 503,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  const note = (state: string) => {
    if (state !== last) {
      last = state;
      if (state === "ready") options.logger.info("ready");
      else options.logger.warn({ reason: state }, "not ready");
    }
  };
  return {
    async onRequest({ request, endResponse }) {
      if (!request.url.endsWith(endpoint) || new URL(request.url).pathname !== endpoint) return;
      if (options.lifecycle.draining) {
        note("shutting down");
        return endResponse(answer(false));
      }
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          options.db.ingestRuns.list({ limit: 1 }),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error("the database did not answer within 2 s")), 2000);
          }),
        ]);
        note("ready");
        endResponse(answer(true));
      } catch (error) {
        note(`database check failed: ${error instanceof Error ? error.message : String(error)}`);
        endResponse(answer(false));
      } finally {
        clearTimeout(timer);
      }
    },
    onResponse({ response }) {
      if (options.lifecycle.draining) response.headers.set("connection", "close");
    },
  };
}
