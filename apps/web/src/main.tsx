/**
 * The CycleLens web app: one view per question, each ONE GraphQL request through the typed operations in
 * `views/*\/*.graphql`. The path names the view, the query string its inputs; views load on demand.
 */
import { type ComponentType, render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { useLive } from "./lib/live";
import { navigate, onLinkClick, useLocation } from "./lib/router";
import { applyTheme, setTheme, useTheme } from "./lib/theme";
import "./styles.css";

interface Route {
  path: string;
  title: string;
  load: () => Promise<{ default: ComponentType }>;
}

export const ROUTES: Route[] = [
  { path: "/compare", title: "Small vs large", load: () => import("./views/compare/CompareView") },
  { path: "/drawdowns", title: "Drawdowns", load: () => import("./views/drawdown/DrawdownView") },
  { path: "/rate-cycles", title: "Rate cycles", load: () => import("./views/rate-cycles/RateCyclesView") },
  {
    path: "/valuation",
    title: "Valuation & positioning",
    load: () => import("./views/valuation/ValuationView"),
  },
  { path: "/rotation", title: "Rotation signal", load: () => import("./views/rotation/RotationView") },
  { path: "/data", title: "Data", load: () => import("./views/dataset/DatasetView") },
];

function Lazy({ route }: { route: Route }) {
  const [loaded, setLoaded] = useState<{ path: string; View: ComponentType } | null>(null);
  useEffect(() => {
    let live = true;
    route.load().then((m) => live && setLoaded({ path: route.path, View: m.default }));
    return () => {
      live = false;
    };
  }, [route]);
  if (!loaded || loaded.path !== route.path) return <div class="status">Loading…</div>;
  return <loaded.View />;
}

/** Says whether live updates are on and when the data last changed (each view has re-queried by then). */
function LiveIndicator() {
  const { status, change } = useLive();
  const text = change
    ? `data updated ${new Date(change.changedAt).toLocaleTimeString()}`
    : status === "live"
      ? "live"
      : status === "offline"
        ? "offline"
        : "";
  const title = change
    ? `Dataset version ${change.version} (${change.source.toLowerCase()}${
        change.instruments.length ? `: ${change.instruments.join(", ")}` : ""
      }); the view re-ran its query`
    : "The view re-runs its query when the data change";
  return (
    <span
      class={`live-status live-${change ? "updated" : status}`}
      data-testid="live-status"
      data-version={change?.version ?? ""}
      role="status"
      aria-live="polite"
      title={title}
    >
      {text}
    </span>
  );
}

function App() {
  const { path } = useLocation();
  const theme = useTheme();
  const route = ROUTES.find((r) => r.path === path);
  useEffect(() => {
    if (path === "/" || path === "/index.html") navigate("/compare", {}, true);
  }, [path]);
  useEffect(() => {
    document.title = route ? `${route.title} · CycleLens` : "CycleLens";
  }, [route]);
  return (
    <>
      <a class="skip" href="#main">
        Skip to the view
      </a>
      <header class="top">
        <a class="brand" href="/compare" onClick={onLinkClick}>
          CycleLens
        </a>
        <nav aria-label="Views">
          {ROUTES.map((r) => (
            <a
              key={r.path}
              href={r.path}
              onClick={onLinkClick}
              aria-current={r.path === path ? "page" : undefined}
            >
              {r.title}
            </a>
          ))}
        </nav>
        <span class="top-actions">
          <LiveIndicator />
          <a href="/graphql" target="_blank" rel="noopener">
            GraphiQL
          </a>
          <button
            type="button"
            class="theme-toggle"
            onClick={() => setTheme(theme === "dark" ? "light" : "dark")}
            aria-label={`Switch to the ${theme === "dark" ? "light" : "dark"} theme`}
          >
            {theme === "dark" ? "☀ light" : "☾ dark"}
          </button>
        </span>
      </header>
      <main id="main">
        {route ? (
          <Lazy route={route} />
        ) : path === "/" || path === "/index.html" ? null : (
          <div class="status error" role="alert">
            <strong>Not found</strong> There is no view at {path}.{" "}
            <a href="/compare" onClick={onLinkClick}>
              Small vs large
            </a>
          </div>
        )}
      </main>
    </>
  );
}

applyTheme();
const root = document.getElementById("app");
if (root) render(<App />, root);
