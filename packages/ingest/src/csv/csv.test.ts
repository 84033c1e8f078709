import { describe, expect, it } from "vitest";
import { IngestUsageError } from "../errors.js";
import { validateBars, validateObservations } from "../validate.js";
import { guessCsvKind, readBarsCsv, readPositioningCsv, readSeriesCsv, readValuationCsv } from "./formats.js";
import { parseCsv, sniffDelimiter } from "./parse.js";
import { detectDateFormat, parseDate, parseNumberField } from "./values.js";

describe("parseCsv", () => {
  it("handles quotes, escaped quotes, CRLF, a BOM, blank lines and line numbers", () => {
    const t = parseCsv(
      '\uFEFF"Date","Name"\r\n2024-01-02,"a, ""b"""\r\n\r\n2024-01-03,"multi\nline"\r\n2024-01-04,x',
    );
    expect(t.header).toEqual(["Date", "Name"]);
    expect(t.records).toEqual([
      { line: 2, fields: ["2024-01-02", 'a, "b"'] },
      { line: 4, fields: ["2024-01-03", "multi\nline"] },
      { line: 6, fields: ["2024-01-04", "x"] },
    ]);
  });

  it("sniffs ; tab and | delimiters", () => {
    expect(sniffDelimiter("date;close\n")).toBe(";");
    expect(sniffDelimiter("date\tclose\n")).toBe("\t");
    expect(sniffDelimiter("date|close\n")).toBe("|");
    expect(sniffDelimiter('"a,b";c\n')).toBe(";");
  });
});

describe("values", () => {
  it("parses dates in the supported formats and refuses impossible ones", () => {
    expect(parseDate("2024-09-18")).toBe("2024-09-18");
    expect(parseDate("2024-09-18 00:00:00")).toBe("2024-09-18");
    expect(parseDate("2024-09-18T00:00:00-04:00")).toBe("2024-09-18");
    expect(parseDate("20240918")).toBe("2024-09-18");
    expect(parseDate("9/18/2024", "MM/DD/YYYY")).toBe("2024-09-18");
    expect(parseDate("18/09/2024", "DD/MM/YYYY")).toBe("2024-09-18");
    expect(parseDate("18.09.2024")).toBe("2024-09-18");
    expect(parseDate("2023-02-29")).toBeUndefined();
    expect(parseDate("2024-13-01")).toBeUndefined();
    expect(parseDate("yesterday")).toBeUndefined();
  });

  it("detects D/M versus M/D from the column", () => {
    expect(detectDateFormat(["1/2/2024", "1/13/2024"])).toBe("MM/DD/YYYY");
    expect(detectDateFormat(["13/1/2024", "2/1/2024"])).toBe("DD/MM/YYYY");
    expect(detectDateFormat(["2024-01-02"])).toBe("auto");
  });

  it("parses numbers, missing markers and refuses text", () => {
    expect(parseNumberField("4.25")).toEqual({ ok: true, value: 4.25 });
    expect(parseNumberField("1,234.5")).toEqual({ ok: true, value: 1234.5 });
    expect(parseNumberField("1e3")).toEqual({ ok: true, value: 1000 });
    expect(parseNumberField(".")).toEqual({ ok: true, value: null });
    expect(parseNumberField("")).toEqual({ ok: true, value: null });
    expect(parseNumberField("N/A")).toEqual({ ok: true, value: null });
    expect(parseNumberField("abc")).toEqual({ ok: false });
    expect(parseNumberField("12abc")).toEqual({ ok: false });
    expect(parseNumberField("Infinity")).toEqual({ ok: false });
  });
});

describe("recognised formats (no options)", () => {
  const bars = (text: string) => readBarsCsv(text, "f.csv");
  it("Yahoo export: Date,Open,High,Low,Close,Adj Close,Volume", () => {
    const r = bars(
      "Date,Open,High,Low,Close,Adj Close,Volume\n2024-09-16,218.12,220.5,217.8,220.1,219.02,28410300\n",
    );
    expect(r.format).toBe("yahoo");
    expect(r.rows[0]!.row).toEqual({
      date: "2024-09-16",
      open: 218.12,
      high: 220.5,
      low: 217.8,
      close: 220.1,
      adjClose: 219.02,
      volume: 28410300,
    });
  });
  it("Stooq export and date,open,high,low,close,volume: no adjusted close", () => {
    const r = bars("date,open,high,low,close,volume\n2025-02-19,63.85,64.53,63.68,64.22,6812000\n");
    expect(r.rows[0]!.row).toMatchObject({ open: 63.85, close: 64.22, adjClose: null, volume: 6812000 });
  });
  it("date,adj_close,close,high,low,open,volume (any column order)", () => {
    const r = bars(
      "date,adj_close,close,high,low,open,volume\n2020-12-31,190.2,196.06,196.5,194.3,195.1,1000\n",
    );
    expect(r.rows[0]!.row).toEqual({
      date: "2020-12-31",
      open: 195.1,
      high: 196.5,
      low: 194.3,
      close: 196.06,
      adjClose: 190.2,
      volume: 1000,
    });
  });
  it("date,close: close-only bars", () => {
    const r = bars("date,close\n1999-01-04,1228.0999755859375\n");
    expect(r.format).toBe("close-only");
    expect(r.rows[0]!.row).toEqual({
      date: "1999-01-04",
      open: null,
      high: null,
      low: null,
      close: 1228.0999755859375,
      adjClose: null,
      volume: null,
    });
  });
  it('FRED exports: observation_date,DGS10 / DATE,DFF / "Date","FEDFUNDS"', () => {
    for (const [text, code] of [
      ["observation_date,DGS10\n2024-09-18,3.70\n2024-09-19,\n", "DGS10"],
      ["DATE,DFF\n1976-01-01,5.370\n", "DFF"],
      ['"Date","FEDFUNDS"\n1954-07-01,0.8\n', "FEDFUNDS"],
    ] as const) {
      const r = readSeriesCsv(text, "f.csv");
      expect(r.code).toBe(code);
      expect(r.rows.length).toBe(1);
      expect(guessCsvKind(text)).toEqual({ kind: "series", code });
    }
    expect(readSeriesCsv("observation_date,DGS10\n2024-09-18,3.70\n2024-09-19,\n", "f").skipped).toBe(1);
  });
  it("a date,close file read as a series", () => {
    const r = readSeriesCsv("date,close\n2024-01-02,1.5\n", "f");
    expect(r.code).toBeUndefined();
    expect(r.rows[0]!.row).toEqual({ date: "2024-01-02", value: 1.5 });
    expect(guessCsvKind("date,close\n")).toBeUndefined();
  });
});

describe("column mapping options", () => {
  it("--date-col, --map, --delimiter and --date-format", () => {
    const text = "Day;Erster;Hoch;Tief;Letzter\n18.09.2024;1;3;0,5;2\n";
    const r = readBarsCsv(text, "f.csv", {
      delimiter: ";",
      dateCol: "Day",
      map: { open: "Erster", high: "Hoch", low: "Tief", close: "Letzter" },
      dateFormat: "DD.MM.YYYY",
    });
    // a decimal comma ("0,5") in a ;-delimited file is detected (nothing in the file says otherwise)
    expect(r.rejects).toEqual([]);
    expect(r.rows[0]!.row).toMatchObject({ date: "2024-09-18", open: 1, high: 3, low: 0.5, close: 2 });
    const ok = readBarsCsv(text.replace("0,5", "0.5"), "f.csv", {
      dateCol: "1",
      map: { open: "Erster", high: "Hoch", low: "Tief", close: "5" },
    });
    expect(ok.rows[0]!.row).toMatchObject({ date: "2024-09-18", open: 1, high: 3, low: 0.5, close: 2 });
  });
  it("--value-col picks the series column", () => {
    const r = readSeriesCsv("when,a,b\n2024-01-02,1,2\n", "f", { dateCol: "when", valueCol: "b" });
    expect(r.rows[0]!.row.value).toBe(2);
    expect(r.code).toBe("b");
  });
  it("explains what is missing", () => {
    expect(() => readBarsCsv("when,close\n", "f.csv")).toThrow(/no date column found.*--date-col/);
    expect(() => readBarsCsv("date,foo\n2024-01-01,1\n", "f.csv")).toThrow(/no close column/);
    expect(() => readSeriesCsv("date,a,b\n", "f.csv")).toThrow(/--value-col/);
    expect(() => readBarsCsv("", "f.csv")).toThrow(IngestUsageError);
    expect(() => readBarsCsv("<!DOCTYPE html><html>", "f.csv")).toThrow(/HTML/);
    expect(() => readBarsCsv("date,close\n", "f.csv", { map: { close: "Last" } })).toThrow(
      /"Last" not found/,
    );
  });
});

describe("validation: every rejection reason with its line", () => {
  it("bars", () => {
    const text = [
      "date,open,high,low,close,volume",
      "2024-01-02,10,11,9,10.5,100", // 2 ok
      "2024-02-30,10,11,9,10.5,100", // 3 bad date
      "2024-01-04,abc,11,9,10.5,100", // 4 not a number
      "2024-01-05,0,11,9,10.5,100", // 5 non-positive
      "2024-01-08,10,9,11,10,100", // 6 high < low
      "2024-01-09,12,11,9,10.5,100", // 7 open outside
      "2024-01-10,10,11,9,8,100", // 8 close outside
      "2024-01-11,10,11,9,10.5,-5", // 9 negative volume
      "2024-01-12,10,11,9,10.5", // 10 wrong field count
      "2024-01-02,10,11,9,10.6,100", // 11 duplicate of line 2
      "2024-01-15,10,11,9,,100", // 12 missing close
      "2024-01-16,10,11,9,10.5,100", // 13 ok
    ].join("\n");
    const r = validateBars(readBarsCsv(text, "bad.csv"));
    expect(r.rows.map((x) => x.row.date)).toEqual(["2024-01-16"]);
    expect(r.rejects).toEqual([
      { file: "bad.csv", line: 2, reason: "duplicate date: 2024-01-02 also on line 11" },
      { file: "bad.csv", line: 3, reason: 'invalid date "2024-02-30"' },
      { file: "bad.csv", line: 4, reason: 'open is not a number: "abc"' },
      { file: "bad.csv", line: 5, reason: "non-positive price: open = 0" },
      { file: "bad.csv", line: 6, reason: "high 9 is below low 11" },
      { file: "bad.csv", line: 7, reason: "open 12 is outside [low 9, high 11]" },
      { file: "bad.csv", line: 8, reason: "close 8 is outside [low 9, high 11]" },
      { file: "bad.csv", line: 9, reason: "negative volume: -5" },
      { file: "bad.csv", line: 10, reason: "expected 6 fields, found 5" },
      { file: "bad.csv", line: 11, reason: "duplicate date: 2024-01-02 also on line 2" },
      { file: "bad.csv", line: 12, reason: "missing close" },
    ]);
  });

  it("close-only bars: non-positive close", () => {
    const r = validateBars(readBarsCsv("date,close\n2024-01-02,-1\n2024-01-03,5\n", "c.csv"));
    expect(r.rejects).toEqual([{ file: "c.csv", line: 2, reason: "non-positive price: close = -1" }]);
  });

  it("series: bad dates, non-numbers, duplicates; negative yields are fine", () => {
    const r = validateObservations(
      readSeriesCsv(
        "DATE,X\n2024-01-02,-0.1\n2024-01-03,abc\n01/32/2024,1\n2024-01-02,0.2\n2024-01-05,.\n",
        "s.csv",
      ),
    );
    expect(r.rows).toEqual([]);
    expect(r.skipped).toBe(1);
    expect(r.rejects.map((x) => [x.line, x.reason])).toEqual([
      [2, "duplicate date: 2024-01-02 also on line 5"],
      [3, 'X is not a number: "abc"'],
      [4, 'invalid date "01/32/2024"'],
      [5, "duplicate date: 2024-01-02 also on line 2"],
    ]);
  });
});

describe("valuation and positioning files", () => {
  it("reads the documented valuation format", () => {
    const r = readValuationCsv(
      "date,symbol,forward_pe,trailing_pe,price_to_book,dividend_yield,source\n2024-09-30,iwm,24.1,,2.1,1.2,ftse-russell\n2024-09-30,SPY,21.5,26,4.8,1.3,demo\n",
      "v.csv",
    );
    expect(r.rows[0]!.row).toEqual({
      symbol: "IWM",
      date: "2024-09-30",
      source: "ftse-russell",
      forwardPE: 24.1,
      trailingPE: null,
      priceToBook: 2.1,
      dividendYield: 1.2,
    });
    expect(r.rejects).toEqual([
      { file: "v.csv", line: 3, reason: 'source "demo" is reserved for the demo dataset' },
    ]);
    expect(guessCsvKind("date,symbol,forward_pe\n")).toEqual({ kind: "valuation" });
  });

  it("reads the documented positioning format; unit can come from --unit", () => {
    const r = readPositioningCsv("date,segment,value,source\n2024-09-30,small_cap,-12,bofa-fms\n", "p.csv", {
      unit: "net_pct_overweight",
    });
    expect(r.rows[0]!.row).toEqual({
      segment: "small_cap",
      date: "2024-09-30",
      value: -12,
      unit: "net_pct_overweight",
      source: "bofa-fms",
    });
    const missing = readPositioningCsv("date,segment,value\n2024-09-30,small_cap,-12\n", "p.csv");
    expect(missing.rejects).toEqual([{ file: "p.csv", line: 2, reason: "missing unit" }]);
    expect(guessCsvKind("date,segment,value,unit,source\n")).toEqual({ kind: "positioning" });
  });
});
