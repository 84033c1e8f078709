/**
 * Wilson score interval of a proportion (Wilson 1927; Agresti & Coull 1998 recommend it over the normal
 * approximation for small samples): the range of hit rates consistent with `hits` out of `n` events at ~95 %
 * (z = 1.96). With the few rate cycles an event study has, it is wide, and the app shows it so.
 *
 *   wilsonInterval(2, 4) → { low: 0.150, high: 0.850 }
 */
export function wilsonInterval(hits: number, n: number, z = 1.96): { low: number; high: number } | null {
  if (!(n > 0) || hits < 0 || hits > n) return null;
  const p = hits / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
