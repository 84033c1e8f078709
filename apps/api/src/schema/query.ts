import { builder } from "./builder.js";

builder.queryType({
  description:
    "CycleLens: market data and analytics for one question — is a new market cycle starting, and are small caps leading it? Every figure is computed on request from the stored daily data; `dataset` says whether the demo or imported data answered.",
});
