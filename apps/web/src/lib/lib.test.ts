import { describe, expect, it } from "vitest";
import { DataViewDocument } from "../gql/graphql";
import { MAX_GET_URL, operationRequest } from "./api";
import { toCsv } from "./csv";
import { troughAndRecovery } from "./drawdown";
import { bp, multiple, num, percent, percentile, points } from "./format";
import { toGraphQLLiteral, withVariableDefaults } from "./graphiql";
import { rateFromMoves } from "./rate-line";

describe("format: the unit is always written", () => {
  it("signs, units and the missing value", () => {
    expect(percent(0.1234)).toBe("+12.3 %");
    expect(percent(-0.0004)).toBe("0.0 %");
    expect(percent(-0.606, 2)).toBe("−60.60 %");
    expect(points(-0.6060233600201193)).toBe("−60.6 pp");
    expect(bp(-550)).toBe("−550 bp");
    expect(multiple(16.8, 1)).toBe("16.8x");
    expect(multiple(-4.25, 2, true)).toBe("−4.25x");
    expect(num(-1.1418)).toBe("−1.14");
    expect(percentile(19.749)).toBe("19.7 pctl");
    for (const f of [percent, points, bp, num]) expect(f(null)).toBe("–");
    expect(percent(Number.NaN)).toBe("–");
  });
});

describe("graphiql: the view's inputs become the operation's variable defaults", () => {
  const query = `query V($base: String!, $from: Date, $n: Int = 50, $dir: CycleDirection!, $h: [Int!]!, $range: DateRange) {
  compare(base: $base) { returnGap }
}`;
  it("writes each given variable as a literal and keeps the others", () => {
    const out = withVariableDefaults(
      query,
      { base: 'I"WM', n: 20, dir: "EASING", h: [3, 6], range: { from: "2021-01-01" } },
      ["CycleDirection"],
    );
    expect(out).toContain('$base: String! = "I\\"WM"');
    expect(out).toContain("$from: Date\n");
    expect(out).toContain("$n: Int = 20");
    expect(out).toContain("$dir: CycleDirection! = EASING");
    expect(out).toContain("$h: [Int!]! = [3, 6]");
    expect(out).toContain('$range: DateRange = { from: "2021-01-01" }');
    expect(out).toContain("compare(base: $base) { returnGap }");
  });
  it("leaves an operation without variables as it is", () => {
    expect(withVariableDefaults("query D { dataset { label } }", { a: 1 })).toBe(
      "query D { dataset { label } }",
    );
  });
  it("null is null", () => {
    expect(toGraphQLLiteral(null)).toBe("null");
    expect(toGraphQLLiteral([true, 1.5])).toBe("[true, 1.5]");
  });
});

describe("troughAndRecovery", () => {
  it("finds the deepest point and the first later close back at the peak", () => {
    const s = [
      { date: "d1", value: 0 },
      { date: "d2", value: -0.1 },
      { date: "d3", value: -0.3 },
      { date: "d4", value: null },
      { date: "d5", value: -0.05 },
      { date: "d6", value: 0.01 },
      { date: "d7", value: -0.2 },
    ];
    expect(troughAndRecovery(s)).toEqual({ trough: { date: "d3", value: -0.3 }, recovery: "d6" });
    expect(troughAndRecovery(s.slice(0, 5)).recovery).toBeNull();
    expect(troughAndRecovery([])).toEqual({ trough: null, recovery: null });
  });
});

describe("rateFromMoves", () => {
  it("steps at each move, on weekdays, from a year before the first cycle", () => {
    const cycles = [
      {
        start: "2024-09-18",
        rateBefore: 5.5,
        moves: [
          { date: "2024-09-18", from: 5.5, to: 5, changeBp: -50 },
          { date: "2024-11-08", from: 5, to: 4.75, changeBp: -25 },
        ],
      },
    ];
    const line = rateFromMoves(cycles, "2024-11-12");
    expect(line[0]).toEqual({ time: "2023-09-19", value: 5.5 });
    const at = (d: string) => line.find((p) => p.time === d)?.value;
    expect(at("2024-09-17")).toBe(5.5);
    expect(at("2024-09-18")).toBe(5);
    expect(at("2024-11-07")).toBe(5);
    expect(at("2024-11-08")).toBe(4.75);
    expect(at("2024-11-09")).toBeUndefined(); // a Saturday
    expect(line.at(-1)).toEqual({ time: "2024-11-12", value: 4.75 });
  });
});

describe("toCsv", () => {
  it("quotes what needs quoting and leaves missing values empty", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["x,y", null],
          ['say "hi"', 1.5],
        ],
      ),
    ).toBe('a,b\r\n"x,y",\r\n"say ""hi""",1.5\r\n');
  });
});

describe("api: operations go by their persisted hash", () => {
  const hash = (DataViewDocument as unknown as { __meta__: { hash: string } }).__meta__.hash;
  it("a GET with the hash and variables, no text", () => {
    const { url, init } = operationRequest(DataViewDocument, { a: 1 });
    const params = new URL(url, "http://x").searchParams;
    expect(init.method).toBe("GET");
    expect(params.get("query")).toBeNull();
    expect(JSON.parse(params.get("variables")!)).toEqual({ a: 1 });
    expect(JSON.parse(params.get("extensions")!)).toEqual({
      persistedQuery: { version: 1, sha256Hash: hash },
    });
  });
  it("a POST with the hash when the URL would be too long", () => {
    const variables = { symbols: Array.from({ length: 400 }, (_, i) => `S${i}`) };
    const { url, init } = operationRequest(DataViewDocument, variables);
    expect(url).toBe("/graphql");
    expect(init.method).toBe("POST");
    expect(JSON.parse(String(init.body))).toEqual({
      variables,
      extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
    });
    expect(`/graphql?variables=${encodeURIComponent(JSON.stringify(variables))}`.length).toBeGreaterThan(
      MAX_GET_URL,
    );
  });
  it("the text only for a document without a hash", () => {
    const { init } = operationRequest({ toString: () => "{ dataset { label } }" }, {});
    expect(JSON.parse(String(init.body)).query).toBe("{ dataset { label } }");
  });
});
