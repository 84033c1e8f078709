/** Light and dark themes: the system's preference until the user picks one (kept in localStorage). */
import { useEffect, useState } from "preact/hooks";

export type Theme = "light" | "dark";
const KEY = "cyclelens-theme";
const listeners = new Set<(t: Theme) => void>();

function stored(): Theme | null {
  try {
    const value = localStorage.getItem(KEY);
    return value === "light" || value === "dark" ? value : null;
  } catch {
    return null;
  }
}

export function currentTheme(): Theme {
  return stored() ?? (window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light");
}

export function applyTheme(theme: Theme = currentTheme()): void {
  document.documentElement.dataset.theme = theme;
}

export function setTheme(theme: Theme): void {
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // private mode: the choice lasts for this page
  }
  applyTheme(theme);
  for (const l of listeners) l(theme);
}

export function useTheme(): Theme {
  const [theme, set] = useState(currentTheme);
  useEffect(() => {
    listeners.add(set);
    return () => listeners.delete(set);
  }, []);
  return theme;
}
