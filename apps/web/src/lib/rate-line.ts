/** The policy rate as a step function of the detected moves, on a weekday grid (POLICY_RATE has no stored series). */
import type { RateCyclesViewQuery } from "../gql/graphql";

/** A detected cycle with its moves, as the rate-cycles view asks for it. */
type Cycle = Pick<NonNullable<RateCyclesViewQuery["rateCycles"]>[number], "start" | "rateBefore" | "moves">;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Weekdays from `from` to `to`, inclusive (the grid a step function is drawn on). */
function weekdays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const day = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (day !== 0 && day !== 6) out.push(d);
  }
  return out;
}

/** The policy rate on a weekday grid, as a step function of the detected moves (it has no stored series). */
export function rateFromMoves(cycles: readonly Cycle[], lastDate: string): { time: string; value: number }[] {
  const moves = cycles.flatMap((c) => c.moves).sort((a, b) => (a.date < b.date ? -1 : 1));
  const first = cycles[0];
  if (!first || moves.length === 0) return [];
  const grid = weekdays(addDays(first.start, -365), lastDate > first.start ? lastDate : first.start);
  let level = first.rateBefore;
  let next = 0;
  return grid.map((date) => {
    while (next < moves.length && (moves[next]?.date ?? "") <= date) level = moves[next++]?.to ?? level;
    return { time: date, value: level };
  });
}
