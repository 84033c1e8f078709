export { nyseHolidays, SPECIAL_CLOSURES, tradingDays } from "./calendar.js";
export {
  DEMO_END,
  DEMO_PROVENANCE,
  DEMO_SEED,
  DEMO_START,
  type DemoDataset,
  type DemoInstrument,
  type DemoSeries,
  generateDemoData,
} from "./generate.js";
export { type SeedOptions, type SeedResult, seedDemo } from "./seed.js";
