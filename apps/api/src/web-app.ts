/**
 * Serves the web app (`apps/web`'s static build) at `/` as a yoga plugin, so `npm start` opens it at
 * http://127.0.0.1:4000/ beside GraphiQL at /graphql. Remove the plugin's line in server.ts to serve the API
 * alone.
 *
 * - Same origin, no inline script, no CDN: a strict Content-Security-Policy works.
 * - The files are read into memory once; `vite build` wrote a `.br` and a `.gz` beside each text asset, served
 *   by `Accept-Encoding` (with `Vary`), so nothing is compressed per request.
 * - Cache: hashed files under /assets/ are immutable for a year; index.html and the rest are revalidated
 *   (`no-cache` with an ETag, 304 on a match).
 * - Paths without an extension (/compare, /rate-cycles…) get index.html: the app routes on the client.
 * - Never /graphql, /health or /ready; never a path outside the folder.
 *
 * Hand-written rather than a library: the static middlewares of the ecosystem (sirv, serve-static,
 * @fastify/static) are Node `(req, res)` handlers, while a yoga plugin answers with fetch `Response`s; the
 * whole job here is ~100 lines over an in-memory map.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "graphql-yoga";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

interface StaticFile {
  body: Buffer;
  br?: Buffer;
  gz?: Buffer;
  type: string;
  etag: string;
  cacheControl: string;
}

export interface WebAppOptions {
  /** The built app (default: apps/web/dist beside this package, from src/ or dist/ alike). */
  dir?: string;
  /** Paths the app never answers (default: the API's endpoints). */
  reserved?: string[];
}

/** The default location of the web app's build: apps/web/dist. */
export function defaultWebDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "web", "dist");
}

function loadFiles(dir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const file = path.join(folder, name);
      if (statSync(file).isDirectory()) {
        walk(file);
        continue;
      }
      if (name.endsWith(".br") || name.endsWith(".gz")) continue;
      const urlPath = `/${path.relative(dir, file).split(path.sep).join("/")}`;
      const body = readFileSync(file);
      const entry: StaticFile = {
        body,
        type: TYPES[path.extname(name)] ?? "application/octet-stream",
        etag: `"${createHash("sha1").update(body).digest("base64url").slice(0, 20)}"`,
        cacheControl: urlPath.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
      };
      if (existsSync(`${file}.br`)) entry.br = readFileSync(`${file}.br`);
      if (existsSync(`${file}.gz`)) entry.gz = readFileSync(`${file}.gz`);
      files.set(urlPath, entry);
    }
  };
  walk(dir);
  return files;
}

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>CycleLens</title>
<h1>CycleLens</h1><p>The web app is not built. Run <code>pnpm --filter @cyclelens/web build</code> (npm start does),
or use <a href="/graphql">GraphiQL</a>.</p>`;

export function useWebApp(options: WebAppOptions = {}): Plugin {
  const dir = options.dir ?? defaultWebDir();
  const reserved = options.reserved ?? ["/graphql", "/health", "/ready"];
  const files = existsSync(path.join(dir, "index.html")) ? loadFiles(dir) : null;
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== "GET" && request.method !== "HEAD") return;
      const pathname = url.pathname;
      if (reserved.some((r) => pathname === r || pathname.startsWith(`${r}/`))) return;
      let file = files?.get(pathname === "/" ? "/index.html" : pathname);
      if (!file) {
        // client-side routes: any path without an extension
        if (path.posix.extname(pathname) !== "") return;
        if (!files) {
          endResponse(
            new fetchAPI.Response(NOT_BUILT, {
              status: 503,
              headers: { "content-type": "text/html; charset=utf-8" },
            }),
          );
          return;
        }
        file = files.get("/index.html");
        if (!file) return;
      }
      const headers: Record<string, string> = {
        "content-type": file.type,
        "cache-control": file.cacheControl,
        etag: file.etag,
        vary: "Accept-Encoding",
        "x-content-type-options": "nosniff",
      };
      if (request.headers.get("if-none-match") === file.etag) {
        endResponse(new fetchAPI.Response(null, { status: 304, headers }));
        return;
      }
      const accept = request.headers.get("accept-encoding") ?? "";
      let body = file.body;
      if (file.br && /\bbr\b/.test(accept)) {
        body = file.br;
        headers["content-encoding"] = "br";
      } else if (file.gz && /\bgzip\b/.test(accept)) {
        body = file.gz;
        headers["content-encoding"] = "gzip";
      }
      headers["content-length"] = String(body.byteLength);
      const payload =
        request.method === "HEAD" ? null : new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
      endResponse(new fetchAPI.Response(payload as BodyInit | null, { status: 200, headers }));
    },
  };
}
