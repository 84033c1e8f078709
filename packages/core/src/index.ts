export * from "./cycles.js";
export * from "./dates.js";
export * from "./errors.js";
export * from "./event-study.js";
export * from "./returns.js";
export * from "./risk.js";
export * from "./series.js";
export * from "./stats.js";
