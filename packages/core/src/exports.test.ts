// The public surface is deliberate: this test fails when an export is added or removed without
// updating the list below (and the README's API table). Internal helpers must never leak out.
import { describe, expect, it } from "vitest";
import * as core from "./index.js";

/** Every runtime export of @cyclelens/core, sorted (types are checked by the compiler). */
const EXPECTED = [
  "AtrStream",
  "BollingerStream",
  "DAYS_PER_YEAR",
  "DEFAULT_ROTATION_WEIGHTS",
  "DrawdownStream",
  "EmaStream",
  "InvalidArgumentError",
  "MONTHS_PER_YEAR",
  "MacdStream",
  "RocStream",
  "RollingBetaStream",
  "RollingCorrelationStream",
  "RollingMaxStream",
  "RollingMeanStream",
  "RollingMinStream",
  "RollingPercentileRankStream",
  "RollingStdStream",
  "RollingZScoreStream",
  "RsiStream",
  "SmaStream",
  "TRADING_DAYS_PER_YEAR",
  "TRAILING_PERIOD_MONTHS",
  "WmaStream",
  "addMonths",
  "alignSeries",
  "alpha",
  "annualizeReturn",
  "annualizedVolatility",
  "asOfJoin",
  "atr",
  "beta",
  "betaOf",
  "bollingerBands",
  "bootstrapMeanInterval",
  "cagr",
  "calendarYearReturns",
  "calmarRatio",
  "compareSeries",
  "correlation",
  "correlationOf",
  "countValid",
  "covariance",
  "crossovers",
  "cumulativeReturns",
  "cycleStarts",
  "cyclesFromMoves",
  "dayOfWeek",
  "daysInMonth",
  "detectRateCycles",
  "detectRateMoves",
  "downCapture",
  "downsideDeviation",
  "drawdownFromPeak",
  "drawdownSeries",
  "ema",
  "emaWithAlpha",
  "epochDay",
  "eventStudy",
  "excessReturns",
  "formatISODate",
  "historicalCVaR",
  "historicalVaR",
  "historyPosition",
  "indexOfValidOnOrBefore",
  "indexOnOrAfter",
  "indexOnOrBefore",
  "inferRateFrequency",
  "informationRatio",
  "isLeapYear",
  "logGamma",
  "logReturns",
  "macd",
  "maxDrawdown",
  "mean",
  "meanTInterval",
  "median",
  "parseISODate",
  "percentileRank",
  "periodReturns",
  "periodStart",
  "positioningVsAverage",
  "proportionInterval",
  "quantile",
  "rSquared",
  "rateSensitivity",
  "regularizedIncompleteBeta",
  "relativeStrength",
  "resample",
  "returnGap",
  "roc",
  "rollingBeta",
  "rollingCorrelation",
  "rollingMax",
  "rollingMean",
  "rollingMin",
  "rollingPercentileRank",
  "rollingRateSensitivity",
  "rollingReturns",
  "rollingStd",
  "rollingZScore",
  "rotationLabel",
  "rotationSignal",
  "rsi",
  "seriesFromArrays",
  "seriesFromRows",
  "sharpeRatio",
  "simpleReturns",
  "sinceDate",
  "sliceByDate",
  "sma",
  "sortinoRatio",
  "stddev",
  "studentTQuantile",
  "summarizeOutcomes",
  "tStatistic",
  "toEpochDay",
  "toISODate",
  "totalReturn",
  "trackingError",
  "ulcerIndex",
  "upCapture",
  "valuationGap",
  "variance",
  "windowEndpoints",
  "wma",
  "ymd",
  "zScore",
];

describe("public surface", () => {
  it("exports exactly the documented names", () => {
    expect(Object.keys(core).sort()).toEqual([...EXPECTED].sort());
  });

  it("keeps internal helpers out of the entry", () => {
    for (const name of [
      "assertSeries",
      "assertStrictlyIncreasing",
      "assertPositiveInteger",
      "assertFinite",
      "assertSameLength",
      "asFloat64",
      "outputBuffer",
      "wmaStep",
      "WindowMoments",
      "WindowComoments",
      "recentreInto",
      "rebase",
    ]) {
      expect(core).not.toHaveProperty(name);
    }
  });

  it("every export named in the README's API tables exists", async () => {
    const { readFileSync } = await import("node:fs");
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const start = readme.indexOf("## API overview");
    const api = readme.slice(start, readme.indexOf("\n## ", start + 1));
    const named = [...api.matchAll(/`([A-Za-z][A-Za-z0-9]*)[`(]/g)].map((m) => m[1]!);
    const runtime = new Set(Object.keys(core));
    const missing = named.filter((n) => /^[a-zA-Z]/.test(n) && !runtime.has(n) && !TYPE_ONLY.has(n));
    expect(missing).toEqual([]);
    // and every runtime export appears in the API tables
    const undocumented = Object.keys(core).filter(
      (n) => !api.includes(`\`${n}\``) && !api.includes(`\`${n}(`),
    );
    expect(undocumented).toEqual([]);
  });
});

/** Words in backticks in the API section that are not runtime exports (types, file names…). */
const TYPE_ONLY = new Set<string>([
  "Series",
  "NaN",
  "maxStaleDays",
  "rebase",
  "argument",
  "value",
  "reason",
  "alpha",
  "undefined",
]);
