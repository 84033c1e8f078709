/**
 * A small RFC 4180 CSV reader: quoted fields (with "" escapes and embedded delimiters/newlines),
 * CRLF or LF, a UTF-8 BOM, and a configurable or sniffed delimiter. Each record keeps the 1-based
 * line it starts on so rejections can point at it. Blank lines are skipped.
 *
 * Records come from a {@link CsvInput}: a string, or a file read in 1 MB chunks (never whole), so the importer's
 * memory does not grow with the size of the file. The splitter is incremental: a quoted field or a line may span
 * two chunks.
 */
import { closeSync, openSync, readSync } from "node:fs";

export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface CsvTable {
  delimiter: string;
  header: string[];
  headerLine: number;
  records: CsvRecord[];
}

const CANDIDATES = [",", ";", "\t", "|"];

/** Guesses the delimiter from the first non-blank line: the candidate occurring most often outside quotes. */
export function sniffDelimiter(text: string): string {
  const firstLine =
    text
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/, 8)
      .find((l) => l.trim() !== "") ?? "";
  let best = ",";
  let bestCount = 0;
  for (const d of CANDIDATES) {
    let count = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** Longest record accepted (a line of 1 MB without a newline is not a CSV row; it is rejected whole). */
export const MAX_RECORD_CHARS = 1_000_000;

/**
 * Splits text fed in chunks into records. `push` returns the records completed by the chunk; `end` the last one.
 * A record longer than {@link MAX_RECORD_CHARS} is returned as one field holding its first characters and
 * `oversized: true`, so the caller rejects its line instead of holding it in memory.
 */
export class RecordSplitter {
  #line = 1;
  #fields: string[] = [];
  #field = "";
  #quoted = false;
  #afterQuote = false;
  #recordLine = 1;
  #recordChars = 0;
  #pendingCR = false;
  #first = true;

  constructor(readonly delimiter: string) {}

  push(
    chunk: string,
    out: (CsvRecord & { oversized?: boolean })[] = [],
  ): (CsvRecord & { oversized?: boolean })[] {
    let i = 0;
    if (this.#first) {
      this.#first = false;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    const d = this.delimiter;
    const n = chunk.length;
    while (i < n) {
      const ch = chunk[i]!;
      if (this.#pendingCR) {
        this.#pendingCR = false;
        if (ch === "\n") {
          i++;
          continue;
        }
      }
      if (this.#quoted) {
        // inside quotes: take everything up to the next quote
        const q = chunk.indexOf('"', i);
        const end = q < 0 ? n : q;
        const piece = chunk.slice(i, end);
        for (let k = piece.indexOf("\n"); k >= 0; k = piece.indexOf("\n", k + 1)) this.#line++;
        this.#append(piece);
        i = end;
        if (q >= 0) {
          if (chunk[q + 1] === '"') {
            this.#append('"');
            i = q + 2;
          } else if (q + 1 >= n) {
            // the quote closes the field or starts an escape: decided by the next chunk
            this.#quoted = false;
            this.#afterQuote = true;
            i = q + 1;
          } else {
            this.#quoted = false;
            i = q + 1;
          }
        }
        continue;
      }
      if (this.#afterQuote) {
        this.#afterQuote = false;
        if (ch === '"') {
          // "" escape split across chunks
          this.#append('"');
          this.#quoted = true;
          i++;
          continue;
        }
      }
      if (ch === '"' && this.#field === "") {
        this.#quoted = true;
        i++;
        continue;
      }
      if (ch === d) {
        this.#fields.push(this.#field);
        this.#field = "";
        i++;
        continue;
      }
      if (ch === "\n" || ch === "\r") {
        this.#endRecord(out);
        if (ch === "\r") this.#pendingCR = true;
        this.#line++;
        this.#recordLine = this.#line;
        i++;
        continue;
      }
      // plain run up to the next special character
      let j = i + 1;
      while (j < n) {
        const c = chunk[j]!;
        if (c === d || c === "\n" || c === "\r" || c === '"') break;
        j++;
      }
      this.#append(chunk.slice(i, j));
      i = j;
    }
    return out;
  }

  end(out: (CsvRecord & { oversized?: boolean })[] = []): (CsvRecord & { oversized?: boolean })[] {
    this.#endRecord(out);
    return out;
  }

  #append(s: string): void {
    this.#recordChars += s.length;
    if (this.#recordChars <= MAX_RECORD_CHARS) this.#field += s;
  }

  #endRecord(out: (CsvRecord & { oversized?: boolean })[]): void {
    this.#fields.push(this.#field);
    const fields = this.#fields;
    const oversized = this.#recordChars > MAX_RECORD_CHARS;
    this.#fields = [];
    this.#field = "";
    this.#recordChars = 0;
    if (oversized)
      out.push({ line: this.#recordLine, fields: [fields.join(this.delimiter).slice(0, 200)], oversized });
    else if (!(fields.length === 1 && fields[0]!.trim() === "")) out.push({ line: this.#recordLine, fields });
  }
}

/** Splits `text` into records. */
export function parseCsvRecords(text: string, delimiter: string): CsvRecord[] {
  const splitter = new RecordSplitter(delimiter);
  return splitter.end(splitter.push(text));
}

/** A CSV file's text, from a string or a file read in chunks; `records()` may be iterated more than once. */
export interface CsvInput {
  /** The first `chars` characters (to sniff the delimiter, guess the kind, check it is not HTML). */
  head(chars?: number): string;
  /** Every record, in order, each time it is called. */
  records(delimiter: string): Iterable<CsvRecord & { oversized?: boolean }>;
}

export function textInput(text: string): CsvInput {
  return {
    head: (chars = 65_536) => text.slice(0, chars),
    records: (delimiter) => parseCsvRecords(text, delimiter),
  };
}

const CHUNK_BYTES = 1 << 20;

/** A file read in 1 MB chunks (synchronously: the importer has nothing else to do meanwhile). */
export function fileInput(path: string): CsvInput {
  return {
    head(chars = 65_536) {
      const fd = openSync(path, "r");
      try {
        const buf = Buffer.alloc(Math.min(chars * 4, CHUNK_BYTES));
        const n = readSync(fd, buf, 0, buf.length, 0);
        return new TextDecoder("utf-8").decode(buf.subarray(0, n)).slice(0, chars);
      } finally {
        closeSync(fd);
      }
    },
    *records(delimiter) {
      const fd = openSync(path, "r");
      try {
        const decoder = new TextDecoder("utf-8");
        const splitter = new RecordSplitter(delimiter);
        const buf = Buffer.alloc(CHUNK_BYTES);
        for (;;) {
          const n = readSync(fd, buf, 0, buf.length, null);
          if (n === 0) break;
          yield* splitter.push(decoder.decode(buf.subarray(0, n), { stream: true }));
        }
        yield* splitter.end(splitter.push(decoder.decode()));
      } finally {
        closeSync(fd);
      }
    },
  };
}

/** Parses a CSV with a header row. */
export function parseCsv(text: string, options: { delimiter?: string | undefined } = {}): CsvTable {
  const delimiter = options.delimiter ?? sniffDelimiter(text);
  const records = parseCsvRecords(text, delimiter);
  const first = records.shift();
  return {
    delimiter,
    header: first ? first.fields.map((h) => h.trim()) : [],
    headerLine: first?.line ?? 1,
    records,
  };
}
