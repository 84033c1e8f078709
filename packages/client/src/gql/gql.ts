/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Dashboard($symbols: [String!]! = [\"IWM\", \"SPY\", \"KRE\"], $range: DateRange!, $recent: DateRange!, $smaPeriod: Int! = 200, $rsiPeriod: Int = 14, $horizons: [Int!] = [3, 6, 12]) {\n  instruments(filter: {symbols: $symbols}) {\n    symbol\n    name\n    segment\n    isDemo\n    lastDate\n    performance(range: $range) {\n      startDate\n      endDate\n      totalReturn\n      cagr\n      volatility\n      sharpe\n      maxDrawdown {\n        depth\n        peakDate\n        troughDate\n        recoveryDate\n      }\n    }\n    sma(period: $smaPeriod, range: $recent) {\n      date\n      value\n    }\n    rsi(period: $rsiPeriod, range: $recent) {\n      date\n      value\n    }\n  }\n  rateCycleStudy(\n    base: \"IWM\"\n    benchmark: \"SPY\"\n    direction: EASING\n    horizons: $horizons\n  ) {\n    direction\n    base {\n      symbol\n    }\n    benchmark {\n      symbol\n    }\n    cycles {\n      start\n      end\n      totalChangeBp\n      ongoing\n    }\n    horizons {\n      months\n      complete\n      incomplete\n      excess {\n        count\n        mean\n        median\n        hitRate\n        tStat\n        min\n        max\n      }\n    }\n  }\n}": typeof types.DashboardDocument,
    "subscription DatasetChanged {\n  datasetChanged {\n    version\n    changedAt\n    instruments\n    series\n    kinds\n    source\n  }\n}": typeof types.DatasetChangedDocument,
    "query Dataset {\n  dataset {\n    label\n    isDemo\n    instruments {\n      name\n      provenance\n      firstDate\n      lastDate\n      rows\n    }\n  }\n}": typeof types.DatasetDocument,
    "query KreDrawdown($symbol: String! = \"KRE\", $peakWithin: DateRange! = {from: \"2022-01-01\", to: \"2022-12-31\"}, $asOf: Date) {\n  instrument(symbol: $symbol) {\n    symbol\n    name\n    drawdown(peakWithin: $peakWithin, asOf: $asOf) {\n      peakDate\n      peakValue\n      asOfDate\n      asOfValue\n      drawdown\n      series {\n        date\n        value\n      }\n    }\n  }\n}": typeof types.KreDrawdownDocument,
    "query RotationSignal($small: String = \"IWM\", $large: String = \"SPY\", $asOf: Date) {\n  rotationSignal(small: $small, large: $large, asOf: $asOf) {\n    asOf\n    score\n    label\n    availableWeight\n    small {\n      symbol\n    }\n    large {\n      symbol\n    }\n    components {\n      name\n      available\n      weight\n      effectiveWeight\n      raw\n      normalized\n      contribution\n      detail\n    }\n  }\n}": typeof types.RotationSignalDocument,
    "query SmallVsLarge($base: String! = \"IWM\", $benchmark: String! = \"SPY\", $from: Date! = \"2021-01-01\") {\n  compare(base: $base, benchmark: $benchmark, range: {from: $from}) {\n    base {\n      symbol\n    }\n    benchmark {\n      symbol\n    }\n    startDate\n    endDate\n    observations\n    baseReturn\n    benchmarkReturn\n    returnGap\n    beta\n    correlation\n    relativeStrength {\n      date\n      value\n    }\n    leadership {\n      date\n      ratio\n      average\n      ratioVsAverage\n      aboveAverage\n      lastCrossover {\n        date\n        direction\n      }\n    }\n  }\n}": typeof types.SmallVsLargeDocument,
};
const documents: Documents = {
    "query Dashboard($symbols: [String!]! = [\"IWM\", \"SPY\", \"KRE\"], $range: DateRange!, $recent: DateRange!, $smaPeriod: Int! = 200, $rsiPeriod: Int = 14, $horizons: [Int!] = [3, 6, 12]) {\n  instruments(filter: {symbols: $symbols}) {\n    symbol\n    name\n    segment\n    isDemo\n    lastDate\n    performance(range: $range) {\n      startDate\n      endDate\n      totalReturn\n      cagr\n      volatility\n      sharpe\n      maxDrawdown {\n        depth\n        peakDate\n        troughDate\n        recoveryDate\n      }\n    }\n    sma(period: $smaPeriod, range: $recent) {\n      date\n      value\n    }\n    rsi(period: $rsiPeriod, range: $recent) {\n      date\n      value\n    }\n  }\n  rateCycleStudy(\n    base: \"IWM\"\n    benchmark: \"SPY\"\n    direction: EASING\n    horizons: $horizons\n  ) {\n    direction\n    base {\n      symbol\n    }\n    benchmark {\n      symbol\n    }\n    cycles {\n      start\n      end\n      totalChangeBp\n      ongoing\n    }\n    horizons {\n      months\n      complete\n      incomplete\n      excess {\n        count\n        mean\n        median\n        hitRate\n        tStat\n        min\n        max\n      }\n    }\n  }\n}": types.DashboardDocument,
    "subscription DatasetChanged {\n  datasetChanged {\n    version\n    changedAt\n    instruments\n    series\n    kinds\n    source\n  }\n}": types.DatasetChangedDocument,
    "query Dataset {\n  dataset {\n    label\n    isDemo\n    instruments {\n      name\n      provenance\n      firstDate\n      lastDate\n      rows\n    }\n  }\n}": types.DatasetDocument,
    "query KreDrawdown($symbol: String! = \"KRE\", $peakWithin: DateRange! = {from: \"2022-01-01\", to: \"2022-12-31\"}, $asOf: Date) {\n  instrument(symbol: $symbol) {\n    symbol\n    name\n    drawdown(peakWithin: $peakWithin, asOf: $asOf) {\n      peakDate\n      peakValue\n      asOfDate\n      asOfValue\n      drawdown\n      series {\n        date\n        value\n      }\n    }\n  }\n}": types.KreDrawdownDocument,
    "query RotationSignal($small: String = \"IWM\", $large: String = \"SPY\", $asOf: Date) {\n  rotationSignal(small: $small, large: $large, asOf: $asOf) {\n    asOf\n    score\n    label\n    availableWeight\n    small {\n      symbol\n    }\n    large {\n      symbol\n    }\n    components {\n      name\n      available\n      weight\n      effectiveWeight\n      raw\n      normalized\n      contribution\n      detail\n    }\n  }\n}": types.RotationSignalDocument,
    "query SmallVsLarge($base: String! = \"IWM\", $benchmark: String! = \"SPY\", $from: Date! = \"2021-01-01\") {\n  compare(base: $base, benchmark: $benchmark, range: {from: $from}) {\n    base {\n      symbol\n    }\n    benchmark {\n      symbol\n    }\n    startDate\n    endDate\n    observations\n    baseReturn\n    benchmarkReturn\n    returnGap\n    beta\n    correlation\n    relativeStrength {\n      date\n      value\n    }\n    leadership {\n      date\n      ratio\n      average\n      ratioVsAverage\n      aboveAverage\n      lastCrossover {\n        date\n        direction\n      }\n    }\n  }\n}": types.SmallVsLargeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Dashboard($symbols: [String!]! = [\"IWM\", \"SPY\", \"KRE\"], $range: DateRange!, $recent: DateRange!, $smaPeriod: Int! = 200, $rsiPeriod: Int = 14, $horizons: [Int!] = [3, 6, 12]) {\n  instruments(filter: {symbols: $symbols}) {\n    symbol\n    name\n    segment\n    isDemo\n    lastDate\n    performance(range: $range) {\n      startDate\n      endDate\n      totalReturn\n      cagr\n      volatility\n      sharpe\n      maxDrawdown {\n        depth\n        peakDate\n        troughDate\n        recoveryDate\n      }\n    }\n    sma(period: $smaPeriod, range: $recent) {\n      date\n      value\n    }\n    rsi(period: $rsiPeriod, range: $recent) {\n      date\n      value\n    }\n  }\n  rateCycleStudy(\n    base: \"IWM\"\n    benchmark: \"SPY\"\n    direction: EASING\n    horizons: $horizons\n  ) {\n    direction\n    base {\n      symbol\n    }\n    benchmark {\n      symbol\n    }\n    cycles {\n      start\n      end\n      totalChangeBp\n      ongoing\n    }\n    horizons {\n      months\n      complete\n      incomplete\n      excess {\n        count\n        mean\n        median\n        hitRate\n        tStat\n        min\n        max\n      }\n    }\n  }\n}"): (typeof documents)["query Dashboard($symbols: [String!]! = [\"IWM\", \"SPY\", \"KRE\"], $range: DateRange!, $recent: DateRange!, $smaPeriod: Int! = 200, $rsiPeriod: Int = 14, $horizons: [Int!] = [3, 6, 12]) {\n  instruments(filter: {symbols: $symbols}) {\n    symbol\n    name\n    segment\n    isDemo\n    lastDate\n    performance(range: $range) {\n      startDate\n      endDate\n      totalReturn\n      cagr\n      volatility\n      sharpe\n      maxDrawdown {\n        depth\n        peakDate\n        troughDate\n        recoveryDate\n      }\n    }\n    sma(period: $smaPeriod, range: $recent) {\n      date\n      value\n    }\n    rsi(period: $rsiPeriod, range: $recent) {\n      date\n      value\n    }\n  }\n  rateCycleStudy(\n    base: \"IWM\"\n    benchmark: \"SPY\"\n    direction: EASING\n    horizons: $horizons\n  ) {\n    direction\n    base {\n      symbol\n    }\n    benchmark {\n      symbol\n    }\n    cycles {\n      start\n      end\n      totalChangeBp\n      ongoing\n    }\n    horizons {\n      months\n      complete\n      incomplete\n      excess {\n        count\n        mean\n        median\n        hitRate\n        tStat\n        min\n        max\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription DatasetChanged {\n  datasetChanged {\n    version\n    changedAt\n    instruments\n    series\n    kinds\n    source\n  }\n}"): (typeof documents)["subscription DatasetChanged {\n  datasetChanged {\n    version\n    changedAt\n    instruments\n    series\n    kinds\n    source\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Dataset {\n  dataset {\n    label\n    isDemo\n    instruments {\n      name\n      provenance\n      firstDate\n      lastDate\n      rows\n    }\n  }\n}"): (typeof documents)["query Dataset {\n  dataset {\n    label\n    isDemo\n    instruments {\n      name\n      provenance\n      firstDate\n      lastDate\n      rows\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query KreDrawdown($symbol: String! = \"KRE\", $peakWithin: DateRange! = {from: \"2022-01-01\", to: \"2022-12-31\"}, $asOf: Date) {\n  instrument(symbol: $symbol) {\n    symbol\n    name\n    drawdown(peakWithin: $peakWithin, asOf: $asOf) {\n      peakDate\n      peakValue\n      asOfDate\n      asOfValue\n      drawdown\n      series {\n        date\n        value\n      }\n    }\n  }\n}"): (typeof documents)["query KreDrawdown($symbol: String! = \"KRE\", $peakWithin: DateRange! = {from: \"2022-01-01\", to: \"2022-12-31\"}, $asOf: Date) {\n  instrument(symbol: $symbol) {\n    symbol\n    name\n    drawdown(peakWithin: $peakWithin, asOf: $asOf) {\n      peakDate\n      peakValue\n      asOfDate\n      asOfValue\n      drawdown\n      series {\n        date\n        value\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RotationSignal($small: String = \"IWM\", $large: String = \"SPY\", $asOf: Date) {\n  rotationSignal(small: $small, large: $large, asOf: $asOf) {\n    asOf\n    score\n    label\n    availableWeight\n    small {\n      symbol\n    }\n    large {\n      symbol\n    }\n    components {\n      name\n      available\n      weight\n      effectiveWeight\n      raw\n      normalized\n      contribution\n      detail\n    }\n  }\n}"): (typeof documents)["query RotationSignal($small: String = \"IWM\", $large: String = \"SPY\", $asOf: Date) {\n  rotationSignal(small: $small, large: $large, asOf: $asOf) {\n    asOf\n    score\n    label\n    availableWeight\n    small {\n      symbol\n    }\n    large {\n      symbol\n    }\n    components {\n      name\n      available\n      weight\n      effectiveWeight\n      raw\n      normalized\n      contribution\n      detail\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SmallVsLarge($base: String! = \"IWM\", $benchmark: String! = \"SPY\", $from: Date! = \"2021-01-01\") {\n  compare(base: $base, benchmark: $benchmark, range: {from: $from}) {\n    base {\n      symbol\n    }\n    benchmark {\n      symbol\n    }\n    startDate\n    endDate\n    observations\n    baseReturn\n    benchmarkReturn\n    returnGap\n    beta\n    correlation\n    relativeStrength {\n      date\n      value\n    }\n    leadership {\n      date\n      ratio\n      average\n      ratioVsAverage\n      aboveAverage\n      lastCrossover {\n        date\n        direction\n      }\n    }\n  }\n}"): (typeof documents)["query SmallVsLarge($base: String! = \"IWM\", $benchmark: String! = \"SPY\", $from: Date! = \"2021-01-01\") {\n  compare(base: $base, benchmark: $benchmark, range: {from: $from}) {\n    base {\n      symbol\n    }\n    benchmark {\n      symbol\n    }\n    startDate\n    endDate\n    observations\n    baseReturn\n    benchmarkReturn\n    returnGap\n    beta\n    correlation\n    relativeStrength {\n      date\n      value\n    }\n    leadership {\n      date\n      ratio\n      average\n      ratioVsAverage\n      aboveAverage\n      lastCrossover {\n        date\n        direction\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;