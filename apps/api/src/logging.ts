/**
 * Structured logs: JSON lines through pino (no colours, no ANSI codes, one object per line on stdout), used as
 * yoga's logger, with a request id on every request.
 *
 * - **Request id**: a client's `x-request-id` (1–128 characters of `A-Z a-z 0-9 . _ : -`) is kept, anything else is
 *   replaced by a new UUID; it is returned in the `x-request-id` response header, in every masked internal error
 *   (`extensions.requestId`) and in every log line of the request, so a user's report finds the log.
 * - **Access line**: one `info` line per GraphQL operation: `requestId`, `operation` (name, or `anonymous`),
 *   `type`, `status` (HTTP), `ms`, `cost` (estimated before execution), `work` (units metered), `errors` (codes),
 *   `bytes`. Other routes (`/health`, `/ready`, GraphiQL) log at `debug`.
 * - **Internal errors** are logged at `error` with their real message and stack (the client sees
 *   "Unexpected error." and the request id).
 */
import { randomUUID } from "node:crypto";
import { type GraphQLError, getOperationAST } from "graphql";
import type { Plugin, YogaLogger } from "graphql-yoga";
import pino, { type Logger } from "pino";
import type { LogLevel } from "./config.js";
import type { Context } from "./context.js";

export type { Logger };

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level: level === "silent" ? "silent" : level,
      base: { service: "cyclelens-api" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

/** yoga's logger interface over pino (yoga passes strings and errors positionally). */
export function yogaLogger(logger: Logger): YogaLogger {
  const at =
    (level: "debug" | "info" | "warn" | "error") =>
    (...args: unknown[]) => {
      const [first, ...rest] = args;
      if (first instanceof Error) logger[level]({ err: first }, first.message);
      else logger[level]({ args: rest.length ? rest : undefined }, String(first));
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

interface RequestLog {
  id: string;
  started: number;
  operation?: string;
  type?: string;
  codes?: string[];
  cost?: number;
  work?: number;
}

const requests = new WeakMap<Request, RequestLog>();

/** The client's `x-request-id` when it is acceptable, else a new UUID. */
function idOf(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

/** The id of a request (see the module comment). */
export function requestIdOf(request: Request): string | undefined {
  return requests.get(request)?.id;
}

/** Masked internal errors → the original, so the log shows the real cause (see `maskError` in server.ts). */
export const originalErrors = new WeakMap<object, unknown>();

export function useStructuredLogs(logger: Logger, graphqlEndpoint: string): Plugin {
  return {
    onRequest({ request }) {
      requests.set(request, { id: idOf(request), started: performance.now() });
    },
    onParams({ params, request }) {
      const entry = requests.get(request);
      if (entry) entry.operation = params.operationName ?? undefined;
    },
    onExecute({ args }) {
      const ctx = args.contextValue as Partial<Context> & { request?: Request };
      const entry = ctx.request ? requests.get(ctx.request) : undefined;
      const op = getOperationAST(args.document, args.operationName);
      if (entry && op) {
        entry.type = op.operation;
        entry.operation ??= op.name?.value;
      }
    },
    onExecutionResult({ result, request, context }) {
      const entry = requests.get(request);
      if (!entry) return;
      const ctx = context as Partial<Context> | undefined;
      entry.cost = ctx?.estimatedCost;
      entry.work = ctx?.budget ? Math.round(ctx.budget.used) : undefined;
      const results = Array.isArray(result) ? result : [result];
      const codes: string[] = [];
      for (const r of results) {
        for (const error of ((r as { errors?: GraphQLError[] } | undefined)?.errors ??
          []) as GraphQLError[]) {
          const code = String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR");
          codes.push(code);
          if (code === "INTERNAL_SERVER_ERROR") {
            error.extensions.requestId = entry.id;
            const original = originalErrors.get(error) ?? error;
            logger.error({ requestId: entry.id, err: original, path: error.path }, "internal error");
          }
        }
      }
      entry.codes = codes;
    },
    onResponse({ request, response }) {
      let entry = requests.get(request);
      if (!entry) {
        // answered before this plugin's onRequest ran (yoga's /health)
        entry = { id: idOf(request), started: performance.now() };
        requests.set(request, entry);
      }
      response.headers.set("x-request-id", entry.id);
      const path = new URL(request.url, "http://localhost").pathname;
      const line = {
        requestId: entry.id,
        method: request.method,
        path,
        status: response.status,
        ms: Math.round((performance.now() - entry.started) * 10) / 10,
      };
      if (path === graphqlEndpoint && entry.codes !== undefined) {
        logger.info(
          {
            ...line,
            operation: entry.operation ?? "anonymous",
            type: entry.type,
            cost: entry.cost,
            work: entry.work,
            errors: entry.codes.length ? entry.codes : undefined,
            bytes: Number(response.headers.get("content-length")) || undefined,
          },
          "graphql",
        );
      } else logger.debug(line, "http");
    },
  };
}
