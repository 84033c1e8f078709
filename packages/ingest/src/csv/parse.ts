/**
 * A small RFC 4180 CSV reader: quoted fields (with "" escapes and embedded delimiters/newlines),
 * CRLF or LF, a UTF-8 BOM, and a configurable or sniffed delimiter. Each record keeps the 1-based
 * line it starts on so rejections can point at it. Blank lines are skipped.
 */

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

/** Splits `text` into records. */
export function parseCsvRecords(text: string, delimiter: string): CsvRecord[] {
  if (!text.includes('"')) return splitPlain(text, delimiter);
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let line = 1;
  const d = delimiter;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let field = "";
    let endOfRecord = false;
    while (!endOfRecord) {
      if (i < n && text[i] === '"') {
        // quoted field
        i++;
        for (;;) {
          if (i >= n) break;
          const ch = text[i]!;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === "\n") line++;
          field += ch;
          i++;
        }
        // anything between the closing quote and the delimiter is kept verbatim
        while (i < n && text[i] !== d && text[i] !== "\n" && text[i] !== "\r") field += text[i++];
      } else {
        const start = i;
        while (i < n && text[i] !== d && text[i] !== "\n" && text[i] !== "\r") i++;
        field += text.slice(start, i);
      }
      fields.push(field);
      field = "";
      if (i >= n) {
        endOfRecord = true;
      } else if (text[i] === d) {
        i++;
      } else {
        // \r\n, \n or a lone \r
        if (text[i] === "\r" && text[i + 1] === "\n") i++;
        i++;
        line++;
        endOfRecord = true;
      }
    }
    if (!(fields.length === 1 && fields[0]!.trim() === "")) records.push({ line: startLine, fields });
  }
  return records;
}

/** Fast path for the common case: no quotes anywhere, so a line is a record. */
function splitPlain(text: string, delimiter: string): CsvRecord[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r\n|\n|\r/);
  const records: CsvRecord[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    records.push({ line: i + 1, fields: line.split(delimiter) });
  }
  return records;
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
