/**
 * Typed errors thrown by `@cyclelens/core` on bad input.
 *
 * Every error names the offending argument and the value it received, so a caller (a GraphQL
 * resolver, a CLI) can turn it into a message for the user without parsing text.
 *
 * @example
 * import { InvalidArgumentError, sma } from "@cyclelens/core";
 * try { sma(new Float64Array([1, 2, 3]), 0); }
 * catch (e) { if (e instanceof InvalidArgumentError) console.log(e.argument, e.value); } // "period" 0
 */
export class InvalidArgumentError extends RangeError {
  override readonly name = "InvalidArgumentError";
  constructor(
    /** Name of the argument that was rejected, e.g. `"period"` or `"dates"`. */
    readonly argument: string,
    /** The value that was rejected (or a short description of it for large inputs). */
    readonly value: unknown,
    /** Why it was rejected, e.g. `"must be an integer ≥ 1"`. */
    readonly reason: string,
  ) {
    super(`Invalid ${argument}: ${describe(value)} ${reason}`);
  }
}

/** Longest string echoed in a message; longer input is cut and its length given (no 2 MB echoes). */
const ECHO_CHARS = 64;

function describe(value: unknown): string {
  if (typeof value === "string")
    return value.length <= ECHO_CHARS
      ? JSON.stringify(value)
      : `${JSON.stringify(value.slice(0, ECHO_CHARS))}… (${value.length} characters)`;
  if (typeof value === "number" || typeof value === "boolean" || value == null) return String(value);
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${(value as Float64Array).length})`;
  if (Array.isArray(value)) return `array(${value.length})`;
  return Object.prototype.toString.call(value);
}

/** Throws unless `value` is an integer ≥ `min` (default 1). Used for window lengths and periods. */
export function assertPositiveInteger(argument: string, value: number, min = 1): void {
  if (!Number.isInteger(value) || value < min) {
    throw new InvalidArgumentError(argument, value, `must be an integer ≥ ${min}`);
  }
}

/** Throws unless `value` is a finite number. */
export function assertFinite(argument: string, value: number): void {
  if (!Number.isFinite(value)) throw new InvalidArgumentError(argument, value, "must be a finite number");
}

/** Throws unless two arrays have the same length. */
export function assertSameLength(
  argumentA: string,
  a: ArrayLike<unknown>,
  argumentB: string,
  b: ArrayLike<unknown>,
): void {
  if (a.length !== b.length) {
    throw new InvalidArgumentError(
      argumentB,
      b,
      `must have the same length as ${argumentA} (${a.length}), got ${b.length}`,
    );
  }
}
