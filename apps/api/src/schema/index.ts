// Imports every domain of the schema (each registers its types and query fields) and builds it.
import { builder } from "./builder.js";
import "./query.js";
import "./scalars.js";
import "./common.js";
import "./instrument.js";
import "./performance.js";
import "./indicators.js";
import "./economic.js";
import "./policy-rate.js";
import "./rate-cycles.js";
import "./event-study.js";
import "./macro.js";
import "./events.js";
import "./valuation.js";
import "./corporate-actions.js";
import "./positioning.js";
import "./sensitivity.js";
import "./compare.js";
import "./rotation.js";
import "./regimes.js";
import "./dataset.js";
import "./writes.js";
import "./subscription.js";

export const schema = builder.toSchema();
