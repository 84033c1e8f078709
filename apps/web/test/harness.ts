/**
 * What the browser tests and the benchmark share: the API (serving the built app at /) on a fresh SQLite
 * database with the demo dataset, and Debian's Chromium driven by playwright-core (never a downloaded browser).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig, startServer } from "@cyclelens/api";
import { createTestDatabase, type Database, seedDemo } from "@cyclelens/db";
import { type BrowserContext, chromium } from "playwright-core";

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "dist");

/** Debian's chromium (apt-get install chromium), or CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export interface WebServer {
  /** http://127.0.0.1:PORT (no trailing slash) */
  origin: string;
  /** The server's database, to add test data. */
  db: Database;
  gql<T>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }>;
  close(): Promise<void>;
}

export async function startWebServer(options: { seed?: boolean } = {}): Promise<WebServer> {
  if (!existsSync(path.join(WEB_DIST, "index.html")))
    throw new Error(`the web app is not built (${WEB_DIST}): run pnpm --filter @cyclelens/web build`);
  const testDb = await createTestDatabase("sqlite");
  if (options.seed !== false) await seedDemo(testDb.db);
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent" });
  const running = await startServer({ db: testDb.db, config });
  const origin = `http://127.0.0.1:${running.port}`;
  return {
    origin,
    db: testDb.db,
    async gql(query, variables) {
      const res = await fetch(`${origin}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as never;
    },
    async close() {
      await running.close(1000);
      await testDb.cleanup();
    },
  };
}

/** Headless Chromium with a fresh profile; close() removes the profile. */
export async function launchBrowser(options: { width?: number; height?: number; dark?: boolean } = {}) {
  const profile = mkdtempSync(path.join(tmpdir(), "cyclelens-chromium-"));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: options.dark ? "dark" : "light",
    acceptDownloads: true,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
