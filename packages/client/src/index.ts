/**
 * @cyclelens/client: typed documents for the CycleLens dashboard operations (graphql-codegen client
 * preset over the API's printed schema) and a small typed `request` helper.
 *
 *   import { DashboardDocument, dashboardWindow, request } from "@cyclelens/client";
 *   const data = await request(url, DashboardDocument, dashboardWindow());
 */
export { type DashboardWindow, dashboardWindow, monthsBefore } from "./dashboard.js";
export * from "./gql/graphql.js";
export { graphql, type JsonObject } from "./graphql.js";
export {
  type DatasetChangeEvent,
  type LiveQuery,
  type LiveQuerySink,
  liveQuery,
  type SubscribeOptions,
  type SubscribeSink,
  subscribe,
} from "./live.js";
export {
  type CycleLensErrorCode,
  ErrorCode,
  type GraphQLErrorEntry,
  GraphQLRequestError,
  type RequestOptions,
  request,
} from "./request.js";
