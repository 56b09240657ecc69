import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, preview, type Plugin, type PreviewServer } from "vite";
import { HOST, PORTS } from "./ports";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Apart from dist/ and the e2e builds, so the benchmark never races another build (BENCH_DIST moves it). */
export const BENCH_DIST = resolve(ROOT, process.env.BENCH_DIST ?? "node_modules/.cache/bench-dist");

export const IDENTITY_POOL_ID = "us-east-1:0000aaaa-0000-4000-8000-000000000001";

export interface Polling {
  activeSeconds: number;
  idleSeconds: number;
  listSeconds: number;
  offscreenSeconds: number;
  maxConcurrentRequests: number;
}

/** The shipped defaults: what a user gets, and what the load, economy and update figures use. */
export const DEFAULT_POLLING: Polling = { activeSeconds: 5, idleSeconds: 30, listSeconds: 60, offscreenSeconds: 300, maxConcurrentRequests: 4 };

/** Live updates on the emulator's AppSync Events endpoint, with the shipped safety interval. */
export const liveEvents = (emulatorUrl: string) => ({
  httpEndpoint: `${emulatorUrl}/event`,
  realtimeEndpoint: `${emulatorUrl.replace(/^http/, "ws")}/event/realtime`,
  accountId: "123456789012",
  safetyIntervalSeconds: 60,
});

export function appConfig(emulatorUrl: string, polling: Polling = DEFAULT_POLLING, events = false) {
  return {
    region: "us-east-1",
    endpoint: emulatorUrl,
    credentials: { type: "cognito", identityPoolId: IDENTITY_POOL_ID },
    polling,
    ...(events && { events: liveEvents(emulatorUrl) }),
  };
}

/** A production build with a Vite manifest (`.vite/manifest.json`), which the size section reads. */
export async function buildApp(): Promise<void> {
  await build({
    root: ROOT,
    logLevel: "warn",
    build: { outDir: BENCH_DIST, emptyOutDir: true, manifest: true },
  });
}

export interface ServedApp {
  url: string;
  close(): Promise<void>;
}

/** A page's own settings, in a cookie of its browser context: see `configCookie`. */
const CONFIG_COOKIE = "bench-config";

export interface ConfigChoice {
  polling?: Polling;
  /** Live updates on (config.json's events block). */
  events?: boolean;
}

/**
 * A section's settings for one browser context, as a cookie its config.json request carries. Not a Playwright
 * route: while a context has any route, every request of its pages (every AWS call too) waits for the bench's
 * own Node process to let it through, the one thread that also runs the emulator (and, with 50 viewers, is busy).
 */
export function configCookie(appUrl: string, choice: ConfigChoice) {
  return { name: CONFIG_COOKIE, value: Buffer.from(JSON.stringify(choice)).toString("base64url"), url: appUrl };
}

/** Answers config.json from the request's cookie when it has one, else the file (Lighthouse's runs read the file). */
function configByCookie(emulatorUrl: string): Plugin {
  return {
    name: "bench-config-by-cookie",
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        const cookie = request.headers.cookie?.match(new RegExp(`(?:^|; )${CONFIG_COOKIE}=([^;]+)`))?.[1];
        if (request.url?.split("?")[0] !== "/config.json" || !cookie) return next();
        const { polling, events } = JSON.parse(Buffer.from(cookie, "base64url").toString()) as ConfigChoice;
        response.setHeader("Content-Type", "application/json");
        response.setHeader("Cache-Control", "no-store");
        response.end(JSON.stringify(appConfig(emulatorUrl, polling, events)));
      });
    },
  };
}

/** `vite preview` of the bench build, its config.json pointing at the bench emulator (Lighthouse reads this one). */
export async function serveApp(emulatorUrl: string): Promise<ServedApp> {
  writeFileSync(resolve(BENCH_DIST, "config.json"), JSON.stringify(appConfig(emulatorUrl), null, 2));
  const server: PreviewServer = await preview({
    root: ROOT,
    logLevel: "warn",
    plugins: [configByCookie(emulatorUrl)],
    build: { outDir: BENCH_DIST },
    preview: { port: PORTS.app, host: HOST, strictPort: true, open: false },
  });
  return { url: `http://${HOST}:${PORTS.app}`, close: () => server.close() };
}
