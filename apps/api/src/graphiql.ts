/**
 * The query GraphiQL opens on: the CycleLens story in one request — are small caps leading since 2021,
 * how far is KRE below its 2022 peak, and how did small caps do against large caps 12 months after each
 * Fed easing cycle began?
 */
export const STORY_QUERY = `# CycleLens — is a new market cycle starting, and are small caps leading it?
# Press ▶ to run. Every figure is computed from the stored daily data;
# dataset.label says whether that is the generated DEMO data or imported market data.
query Story {
  dataset { label }

  # 1. IWM (small caps) against SPY (large caps) since 2021
  smallVsLarge: compare(base: "IWM", benchmark: "SPY", range: { from: "2021-01-01" }) {
    coverage { status reason }
    startDate
    endDate
    baseReturn
    benchmarkReturn
    returnGap
    beta
    correlation
    leadership { ratio average ratioVsAverage aboveAverage lastCrossover { date direction } }
  }

  # 2. Regional banks: how far below the 2022 peak?
  kre: instrument(symbol: "KRE") {
    name
    drawdown(peakWithin: { from: "2022-01-01", to: "2022-12-31" }) {
      peakWindow { status reason }
      peakDate
      peakValue
      asOfDate
      asOfValue
      drawdown
    }
  }

  # 3. Small vs large caps 12 months after each Fed easing cycle began (day 0: the FOMC's announcement day;
  #    the cycles come from the FOMC record built into every database)
  rateCycleStudy(base: "IWM", benchmark: "SPY", direction: EASING, horizons: [12]) {
    rateSeries { code provenance lastDate stale staleReason }
    conventions { dayZero }
    horizons {
      months
      rows { cycle { start announced totalChangeBp } eventDate dayZeroRule complete baseReturn benchmarkReturn excessReturn }
      leftOut { cycle { start } reason detail }
      excess { count mean median hitRate tStat min max meanInterval { low high } hitRateInterval { low high } }
    }
  }
}
`;
