export { AtrStream, BollingerStream, type BollingerValue } from "./bands.js";
export { DrawdownStream, type StreamingMaxDrawdown } from "./drawdown.js";
export { EmaStream, type EmaStreamOptions, SmaStream, WmaStream } from "./moving-averages.js";
export { MacdStream, type MacdValue, RocStream, RsiStream } from "./oscillators.js";
export {
  RollingBetaStream,
  RollingCorrelationStream,
  RollingMaxStream,
  RollingMeanStream,
  RollingMinStream,
  RollingPercentileRankStream,
  RollingStdStream,
  type RollingStdStreamOptions,
  RollingZScoreStream,
} from "./rolling.js";
export type { StreamingIndicator } from "./types.js";
