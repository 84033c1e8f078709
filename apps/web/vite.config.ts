/**
 * Vite: `pnpm dev` serves the app with hot reload and proxies /graphql to the API (CYCLELENS_API_URL, default
 * http://127.0.0.1:4000, which `pnpm dev` starts beside it); `vite build` writes dist/, which the API serves at
 * `/` (apps/api/src/web-app.ts), each asset also pre-compressed as .br and .gz so the server compresses nothing
 * at run time.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { defineConfig, type Plugin } from "vite";

const api = process.env.CYCLELENS_API_URL ?? "http://127.0.0.1:4000";

/** Writes `file.br` and `file.gz` beside every text asset of the build (files under 1 KB stay as they are). */
function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "cyclelens-precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const file = path.join(dir, name);
          return statSync(file).isDirectory() ? walk(file) : [file];
        });
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json|txt)$/.test(file)) continue;
        const body = readFileSync(file);
        if (body.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

export default defineConfig({
  plugins: [precompress()],
  build: { target: "es2022", sourcemap: true, reportCompressedSize: false },
  server: {
    host: "127.0.0.1",
    port: 5173,
    proxy: { "/graphql": api, "/health": api, "/ready": api },
  },
  preview: { host: "127.0.0.1", port: 4173, proxy: { "/graphql": api } },
});
