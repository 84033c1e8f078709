/**
 * The URL holds the state: the path names the view, the query string its inputs
 * (`/compare?base=IWM&benchmark=SPY&from=2021-01-01`), so any view can be bookmarked or shared. History API
 * only; a view reads its inputs with `useSearchParams` and changes them with `navigate`.
 */
import { useEffect, useState } from "preact/hooks";

export interface Location {
  path: string;
  params: URLSearchParams;
}

const listeners = new Set<() => void>();

function current(): Location {
  return { path: window.location.pathname, params: new URLSearchParams(window.location.search) };
}

window.addEventListener("popstate", () => {
  for (const l of listeners) l();
});

/** Goes to `path` with `params` (empty values are left out); `replace` rewrites the current entry. */
export function navigate(
  path: string,
  params: Record<string, string | undefined> = {},
  replace = false,
): void {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const query = search.toString();
  const url = `${path}${query ? `?${query}` : ""}`;
  if (url === `${window.location.pathname}${window.location.search}`) return;
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  for (const l of listeners) l();
}

export function useLocation(): Location {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const update = () => setLocation(current());
    listeners.add(update);
    return () => listeners.delete(update);
  }, []);
  return location;
}

/** The view's inputs: each key from the query string, or its default. */
export function useSearchParams<T extends Record<string, string>>(defaults: T): T {
  const { params } = useLocation();
  const values = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof T & string)[]) {
    const value = params.get(key);
    if (value !== null) values[key] = value as T[typeof key];
  }
  return values;
}

/** Client-side navigation for plain links (modifier clicks still open a new tab). */
export function onLinkClick(event: MouseEvent): void {
  const anchor = event.currentTarget as HTMLAnchorElement;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  const url = new URL(anchor.href);
  navigate(url.pathname, Object.fromEntries(url.searchParams));
}
