// Public entry of @cyclelens/api: embed the server (tests, benchmarks, other hosts) without the CLI.
export { type Config, ConfigError, type Limits, loadConfig } from "./config.js";
export { STORY_QUERY } from "./graphiql.js";
export { schema } from "./schema/index.js";
export { printSchemaSDL } from "./schema/print.js";
export { type AppOptions, createApp, type RunningServer, startServer } from "./server.js";
