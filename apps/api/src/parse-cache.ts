/**
 * yoga's parse and validation cache, bounded in **megabytes** (`CYCLELENS_PARSE_CACHE_MB`) instead of yoga's
 * default of 1,024 documents of any size: distinct large documents can no longer fill the heap (nine distinct
 * ~10 MB queries used to crash the server with an out-of-memory error).
 *
 * The size of an entry is estimated from its document text: a parsed document measured 76 bytes of heap per
 * character of source (2 MB of queries → 153 MB of ASTs, Node 20), so an entry counts {@link BYTES_PER_CHAR} per
 * character. Parse errors are cached too (a syntax error keeps a reference to its source). Validation results
 * are kept by yoga in a WeakMap keyed by the parsed document, so they go when the document is evicted.
 */
import type { DocumentNode } from "graphql";
import { LRUCache } from "lru-cache";

/** Heap bytes per character of a parsed GraphQL document (measured, see above). */
export const BYTES_PER_CHAR = 80;

export function boundedParseCache(megabytes: number) {
  const maxSize = Math.max(1, Math.floor(megabytes * 1_000_000));
  const sized = <V extends object>(perChar: number) =>
    new LRUCache<string, V>({
      maxSize,
      maxEntrySize: maxSize,
      sizeCalculation: (_value, key) => Math.max(1, key.length * perChar + 512),
    });
  return {
    documentCache: sized<DocumentNode>(BYTES_PER_CHAR),
    errorCache: sized<object>(4),
    validationCache: true,
  };
}
