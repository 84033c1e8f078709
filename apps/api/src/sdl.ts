/**
 * Serves the schema's SDL at a stable URL, `GET /schema.graphql` (also HEAD), for tools that
 * generate clients from a running server — graphql-codegen, gql.tada, IDE plugins — without
 * introspection queries. The text is exactly the committed `apps/api/schema.graphql` (sorted), so
 * its `Date` scalar carries `@specifiedBy`. A yoga plugin: remove it from `server.ts` to drop the
 * endpoint.
 */
import type { Plugin } from "graphql-yoga";
import { printSchemaSDL } from "./schema/print.js";

export const SCHEMA_SDL_PATH = "/schema.graphql";

export function useSchemaSDL(path = SCHEMA_SDL_PATH): Plugin {
  let sdl: string | undefined;
  return {
    onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname !== path) return;
      if (request.method !== "GET" && request.method !== "HEAD") {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: "GET, HEAD" } }));
        return;
      }
      sdl ??= printSchemaSDL();
      endResponse(
        new fetchAPI.Response(request.method === "HEAD" ? null : sdl, {
          status: 200,
          headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-cache" },
        }),
      );
    },
  };
}
