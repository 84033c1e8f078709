/**
 * The per-request budget: a time limit with cancellation, a meter of the work actually done, and cooperative
 * yielding, so that no request can hold the process for long, whatever the data holds.
 *
 * - **Time**: every operation gets `CYCLELENS_REQUEST_TIMEOUT_MS`. When it runs out, the client gets a
 *   `QUERY_TIMEOUT` error at once and the request's `AbortSignal` fires; the work still running stops at its
 *   next checkpoint (loader boundaries, every analytic field, every list). A client that disconnects aborts the
 *   same signal.
 * - **Work**: the static cost (see `limits.ts`) is an estimate made before execution from the arguments alone;
 *   it cannot know that an instrument holds 2,000,000 bars or that `minMoveBp: 1` finds 3,000 cycles. The meter
 *   charges what execution really does, in the same units, and stops the operation (`QUERY_LIMIT_EXCEEDED`,
 *   `limit: "work"`) as soon as the total passes `CYCLELENS_MAX_COST`:
 *   - one unit per list item returned (points, bars, cycles, rows…), charged *before* a point list is built;
 *   - {@link READ_WEIGHT} units per data point an analytic reads (every access to a history by a resolver:
 *     a 6,500-day history costs 65 units each time a field computes on it).
 * - **Yielding**: analytics on cached histories resolve in microtasks, which never let the event loop serve
 *   other sockets. Every checkpoint yields to the event loop (`setImmediate`) once the current slice has run for
 *   {@link SLICE_MS}, so `/health` and other requests keep being answered during a heavy request.
 *
 * The budget travels with the execution in an `AsyncLocalStorage`, so helpers deep in the schema (`toPoints`,
 * the loaders) charge it without a context parameter.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import { limitExceeded } from "./errors.js";

/** Units charged per data point an analytic reads (one returned list item costs 1). See the API README. */
export const READ_WEIGHT = 0.03;
/** Longest run of synchronous work between two yields to the event loop, at checkpoints. */
export const SLICE_MS = 15;

export function timeoutError(ms: number): GraphQLError {
  return new GraphQLError(
    `The operation did not finish within its time budget of ${ms} ms and was stopped; ask for fewer instruments, a shorter range or fewer fields.`,
    { extensions: { code: "QUERY_TIMEOUT", limit: "time", max: ms } },
  );
}

export function cancelledError(): GraphQLError {
  return new GraphQLError("The request was cancelled by the client.", {
    extensions: { code: "REQUEST_CANCELLED" },
  });
}

export class RequestBudget {
  readonly #controller = new AbortController();
  /** Fires when the budget is exhausted, the time is up or the client went away. */
  readonly signal = this.#controller.signal;
  /** Units charged so far. */
  used = 0;
  #sliceStart = performance.now();
  readonly startedAt = performance.now();

  constructor(
    readonly maxCost: number,
    readonly timeoutMs: number,
  ) {}

  /** Stops the request with `reason` (the first reason wins). */
  abort(reason: GraphQLError): void {
    if (!this.signal.aborted) this.#controller.abort(reason);
  }

  /** The error the request was stopped with, if any. */
  get reason(): GraphQLError | undefined {
    return this.signal.aborted ? (this.signal.reason as GraphQLError) : undefined;
  }

  /** Throws the reason when the request was stopped. */
  throwIfStopped(): void {
    if (this.signal.aborted) throw this.signal.reason;
  }

  /**
   * Charges `units` of work; beyond `maxCost` the request stops with QUERY_LIMIT_EXCEEDED (`limit: "work"`).
   * Call it *before* doing the work when its size is known.
   */
  charge(units: number): void {
    this.throwIfStopped();
    this.used += units;
    if (this.used > this.maxCost) {
      const used = Math.round(this.used);
      this.abort(
        limitExceeded(
          "work",
          this.maxCost,
          used,
          `The operation needs more work than its budget allows (at least ${used} units measured on the stored data, the maximum is ${this.maxCost}): the data is larger than the estimate assumed. Ask for fewer instruments, a shorter range, fewer aliases or a coarser setting.`,
        ),
      );
      this.throwIfStopped();
    }
  }

  /** True when the request has run for {@link SLICE_MS} or more since it last yielded to the event loop. */
  sliceExpired(): boolean {
    return performance.now() - this.#sliceStart >= SLICE_MS;
  }

  /** Marks a yield to the event loop. */
  startSlice(): void {
    this.#sliceStart = performance.now();
  }

  #gate: Promise<void> | undefined;

  /**
   * `undefined` while the current slice lasts (the fast path: no promise, no allocation); once it has run for
   * {@link SLICE_MS}, a promise that resolves on the next turn of the event loop, *shared* by every caller until
   * then. The callers resume in order; the first to find the new slice expired again opens the next gate, which a
   * `setImmediate` queued from the check phase resolves only after the next I/O poll. So a burst of 1,600
   * resolvers started in one synchronous pass cannot starve `/health`: it resumes 15 ms at a time.
   */
  pause(): Promise<void> | undefined {
    if (this.signal.aborted) return abandoned();
    if (this.#gate) return this.#gate;
    if (!this.sliceExpired()) return undefined;
    this.#gate = new Promise<void>((resolve) =>
      setImmediate(() => {
        this.#gate = undefined;
        this.startSlice();
        resolve();
      }),
    );
    return this.#gate;
  }

  /**
   * Yields to the event loop when the current slice ran for {@link SLICE_MS} or more. Once the request is
   * stopped, never resolves: the client already has its answer, and the abandoned work is dropped (and
   * garbage-collected) instead of running on to throw thousands of errors nobody reads.
   */
  checkpoint(): Promise<void> | undefined {
    return this.pause();
  }
}

/** A promise that never settles; unreferenced, it is collected with everything waiting on it. */
const abandoned = (): Promise<void> => new Promise<void>(() => {});

const storage = new AsyncLocalStorage<RequestBudget>();

/** Runs `fn` with `budget` as the current request's budget (see {@link currentBudget}). */
export function withBudget<T>(budget: RequestBudget, fn: () => T): T {
  return storage.run(budget, fn);
}

/** The budget of the request being executed, if any (undefined outside a request: tests, scripts). */
export function currentBudget(): RequestBudget | undefined {
  return storage.getStore();
}

/** Lists already charged item by item (by `toPoints`, before building them); the list meter skips them. */
export const preCharged = new WeakSet<object>();

/** Charges the current request's budget, if any. */
export function charge(units: number): void {
  storage.getStore()?.charge(units);
}

/** A checkpoint of the current request's budget, if any (see {@link RequestBudget.checkpoint}). */
export function checkpoint(): Promise<void> | undefined {
  return storage.getStore()?.checkpoint();
}

/**
 * The yoga plugin that runs every operation inside its request's budget (created with the context): the
 * operation ends with `QUERY_TIMEOUT` when its time is up, with `QUERY_LIMIT_EXCEEDED` (`limit: "work"`) when
 * the metered work passes the maximum, and with `REQUEST_CANCELLED` when the client goes away — at once, with
 * one error and no partial data, while the abandoned work stops at its next checkpoint. Place it after the
 * plugins that choose the executor (graphql-jit), so it wraps theirs.
 */
export function useRequestBudget(): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const context = args.contextValue as { budget?: RequestBudget; request?: Request };
      const budget = context.budget;
      if (!budget) return;
      setExecuteFn(
        (executeArgs) =>
          new Promise((resolve, reject) => {
            let settled = false;
            const stopped = () => ({ data: null, errors: [budget.reason!] });
            const done = (settle: () => void) => {
              if (settled) return;
              settled = true;
              clearTimeout(timer);
              budget.signal.removeEventListener("abort", onStop);
              context.request?.signal?.removeEventListener("abort", onClientGone);
              settle();
            };
            const onStop = () => done(() => resolve(stopped()));
            const onClientGone = () => budget.abort(cancelledError());
            const timer = setTimeout(() => budget.abort(timeoutError(budget.timeoutMs)), budget.timeoutMs);
            budget.signal.addEventListener("abort", onStop, { once: true });
            context.request?.signal?.addEventListener("abort", onClientGone, { once: true });
            if (context.request?.signal?.aborted) onClientGone();
            Promise.resolve()
              .then(() => withBudget(budget, () => executeFn(executeArgs)))
              .then(
                (result) => done(() => resolve(budget.reason ? stopped() : result)),
                (error: unknown) => done(() => (budget.reason ? resolve(stopped()) : reject(error))),
              );
          }) as ReturnType<typeof executeFn>,
      );
    },
  };
}
