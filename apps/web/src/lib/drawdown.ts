/** The deepest point of the drawdown series and the first later close back at the peak (none: not recovered). */
export function troughAndRecovery(series: readonly { date: string; value?: number | null }[]) {
  let trough: { date: string; value: number } | null = null;
  let troughIndex = -1;
  series.forEach((p, i) => {
    if (p.value != null && (trough === null || p.value < trough.value)) {
      trough = { date: p.date, value: p.value };
      troughIndex = i;
    }
  });
  const recovery =
    troughIndex < 0 ? undefined : series.slice(troughIndex + 1).find((p) => p.value != null && p.value >= 0);
  return { trough: trough as { date: string; value: number } | null, recovery: recovery?.date ?? null };
}
