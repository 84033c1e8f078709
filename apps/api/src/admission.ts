/**
 * Admission control: at most `CYCLELENS_MAX_CONCURRENT` operations execute at once; the others wait their turn
 * in arrival order (a yoga plugin, outside the time budget: waiting does not use up an operation's budget).
 *
 * Why: Node runs every request's work on one event loop. With 200 connections all executing, each await of an
 * operation (a statement, a write transaction's next step) waits for the loop to go around all 200, so a
 * request needing several round trips (a keyed write, the reloads after it) waited seconds and some timed out
 * (measured: autocannon timeouts and a write starved for 20 s at 200 connections). Admitting a few at a time
 * keeps the loop short and the queue fair.
 */
import type { Plugin } from "graphql-yoga";

export class Semaphore {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(readonly size: number) {
    this.#free = size;
  }

  get queued(): number {
    return this.#waiting.length;
  }

  async acquire(): Promise<() => void> {
    if (this.#free > 0) this.#free--;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free++;
    };
  }
}

export function useAdmission(maxConcurrent: number): Plugin {
  const slots = new Semaphore(maxConcurrent);
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((async (args: Parameters<typeof executeFn>[0]) => {
        const release = await slots.acquire();
        try {
          return await executeFn(args);
        } finally {
          release();
        }
      }) as typeof executeFn);
    },
  };
}
