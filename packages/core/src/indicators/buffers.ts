/**
 * Input normalisation and caller-provided output buffers for the indicator kernels.
 *
 * Why: the kernels run on one element type only (`Float64Array`), so V8 keeps a single,
 * monomorphic optimised version of each loop even in a process that also passes `number[]`;
 * other `ArrayLike<number>` inputs are copied once into a `Float64Array` (exact for numbers).
 * Output buffers (`out` options) let callers that recompute often (dashboards, streaming
 * refreshes) reuse their arrays instead of allocating and page-faulting fresh 8 MB outputs on each
 * call — on 1,000,000 points that allocation is a large share of the total (see the README
 * benchmark).
 */
import { InvalidArgumentError } from "../errors.js";

/** `values` itself when it is a `Float64Array`, otherwise a `Float64Array` copy of it. */
export function asFloat64(values: ArrayLike<number>): Float64Array {
  return values instanceof Float64Array ? values : Float64Array.from(values);
}

function overlaps(a: Float64Array, b: Float64Array): boolean {
  return (
    a.buffer === b.buffer &&
    a.byteLength > 0 &&
    b.byteLength > 0 &&
    a.byteOffset < b.byteOffset + b.byteLength &&
    b.byteOffset < a.byteOffset + a.byteLength
  );
}

/**
 * The output array for one result: a fresh `Float64Array(length)` when `out` is `undefined`,
 * otherwise `out` after checking that it is a `Float64Array` of exactly `length` elements that
 * shares no memory with any of `inputs` (the kernels read inputs behind the write position) or
 * with the outputs already chosen (`taken`). Every element of a returned buffer is overwritten.
 */
export function outputBuffer(
  argument: string,
  out: Float64Array | undefined,
  length: number,
  inputs: readonly Float64Array[],
  taken: readonly Float64Array[] = [],
): Float64Array {
  if (out === undefined) return new Float64Array(length);
  if (!(out instanceof Float64Array)) {
    throw new InvalidArgumentError(argument, out, "must be a Float64Array");
  }
  if (out.length !== length) {
    throw new InvalidArgumentError(
      argument,
      out,
      `must have the input length (${length}), got ${out.length}`,
    );
  }
  for (const x of inputs) {
    if (overlaps(out, x))
      throw new InvalidArgumentError(argument, out, "must not share memory with an input");
  }
  for (const x of taken) {
    if (overlaps(out, x)) {
      throw new InvalidArgumentError(argument, out, "must not share memory with another output");
    }
  }
  return out;
}
