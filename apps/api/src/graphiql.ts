/**
 * The query GraphiQL opens on: the CycleLens story in one request — are small caps leading since 2021,
 * how far is KRE below its 2022 peak, how did small caps do against large caps 12 months after each
 * Fed easing cycle began, and is a new cycle starting: every signal month by month with today's resemblance
 * to past easing starts, the rotation signal with its components, and small vs large caps after the curve's
 * last un-inversion?
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

  # 4. Is a new cycle starting? Every signal month by month over the last two years (each month knows only
  #    what was published by its end), today, and how much today resembles each past easing cycle's start
  regimeTimeline(range: { from: "2024-12-01" }) {
    today {
      date
      policy { phase cycleStart }
      curve { phase spread steepeningSinceTroughBp lastUninversion }
      labour { phase sahm }
      recession { status inRecession }
      leadership { leader ratioVsAverage }
      rotation { score label }
    }
    months { date policy { phase } curve { phase spread } labour { phase sahm } leadership { leader } rotation { score } }
    similarity { event { label } date score compared }
    similarityMethod
  }

  # 5. The rotation signal: free data first (prices, the FOMC record, FRED); every component's status and inputs
  rotationSignal {
    asOf score label availableWeight sufficient warning
    components { name status weight contribution detail inputs }
  }

  # 6. Small vs large caps after the curve's last un-inversion (10y − 2y back above zero for 20 trading days)
  afterLastUninversion: eventStudy(events: { source: CURVE_UNINVERSIONS, last: 1 }, base: "IWM", benchmark: "SPY", horizons: [3, 6, 12]) {
    description
    events { date signalDate knownOn detail }
    horizons { months rows { entryDate exitDate excessReturn complete incompleteReason } }
  }
}
`;
