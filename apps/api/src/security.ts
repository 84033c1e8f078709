/**
 * Safe HTTP defaults, each a removable piece:
 *
 * - {@link corsOptions}: CORS for yoga. `CORS_ORIGINS=*` (the default) lets any origin *read* the public API:
 *   the request's origin is allowed **without credentials** and without the write-key header. Origins listed in
 *   `CORS_ORIGINS` are allowed with credentials and may send `x-cyclelens-key`; any other origin gets no CORS
 *   headers at all (the browser blocks it). Before, the default reflected every origin *with* credentials.
 * - {@link useSecurityHeaders}: the headers helmet sets by default (helmet is Connect middleware and yoga's
 *   fetch-API handler has no `res`; a yoga plugin covers both the HTTP server and `createApp().fetch`), on every
 *   response that does not set them itself:
 *   `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY`, `Referrer-Policy: no-referrer`,
 *   `Cross-Origin-Opener-Policy: same-origin`, `Cross-Origin-Resource-Policy: same-origin`,
 *   `Origin-Agent-Cluster: ?1`, `X-DNS-Prefetch-Control: off`, `X-Permitted-Cross-Domain-Policies: none`,
 *   and a Content-Security-Policy by kind of response:
 *   - JSON and other non-HTML answers: `default-src 'none'; frame-ancestors 'none'`;
 *   - GraphiQL (HTML at the GraphQL endpoint): its two inline scripts by SHA-256 hash, its injected styles,
 *     `data:` fonts and images, `blob:` workers (Monaco's language service), fetch to itself only;
 *   - any other HTML (the web app served at `/`): a same-origin single-page app — scripts, styles, images,
 *     fonts and fetch from `'self'` only (inline styles allowed for chart libraries).
 *   `Strict-Transport-Security` is not sent: the server speaks plain HTTP and TLS ends at the proxy, which
 *   should set it.
 */
import { createHash } from "node:crypto";
import type { Plugin } from "graphql-yoga";

const BASE_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "origin-agent-cluster": "?1",
  "x-dns-prefetch-control": "off",
  "x-permitted-cross-domain-policies": "none",
};

export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** The CSP of a GraphiQL page: its inline scripts allowed by hash, nothing loaded from elsewhere. */
export function graphiqlCsp(html: string): string {
  const hashes: string[] = [];
  const re = /<script(?:\s[^>]*)?>([\s\S]*?)<\/script>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[1]!.trim() === "") continue;
    hashes.push(`'sha256-${createHash("sha256").update(m[1]!).digest("base64")}'`);
  }
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Security headers on every response (see the module comment). `graphiqlPolicy()` gives the CSP of the current
 * GraphiQL page (computed once with the page).
 */
export function useSecurityHeaders(options: {
  graphqlEndpoint: string;
  graphiqlPolicy: () => string | undefined;
}): Plugin {
  return {
    onResponse({ request, response }) {
      const headers = response.headers;
      for (const [name, value] of Object.entries(BASE_HEADERS))
        if (!headers.has(name)) headers.set(name, value);
      if (headers.has("content-security-policy")) return;
      const html = headers.get("content-type")?.startsWith("text/html");
      let policy = API_CSP;
      if (html) {
        const path = new URL(request.url, "http://localhost").pathname;
        policy = path === options.graphqlEndpoint ? (options.graphiqlPolicy() ?? APP_CSP) : APP_CSP;
      }
      headers.set("content-security-policy", policy);
    },
  };
}

/** Headers a browser may send cross-origin (`x-cyclelens-key` only from configured origins). */
const READ_HEADERS = ["content-type", "accept", "x-request-id"];

/** yoga's `cors` option for `CORS_ORIGINS` (see the module comment). */
export function corsOptions(origins: readonly string[]) {
  const any = origins.includes("*");
  const listed = new Set(origins.filter((o) => o !== "*"));
  return (request: Request) => {
    const origin = request.headers.get("origin");
    if (!origin) return false as const;
    const base = { methods: ["GET", "POST", "OPTIONS"], exposedHeaders: ["x-request-id"], maxAge: 600 };
    if (listed.has(origin))
      return {
        ...base,
        origin: [origin],
        credentials: true,
        allowedHeaders: [...READ_HEADERS, "x-cyclelens-key"],
      };
    if (any) return { ...base, origin: [origin], credentials: false, allowedHeaders: READ_HEADERS };
    return false as const;
  };
}
