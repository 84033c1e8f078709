/**
 * Progress on stderr and the final summary table.
 *
 * On a TTY each item gets one line redrawn in place (`\r` + clear): a bar while rows are written,
 * the phase otherwise, and a final ✓/✗ line. Elsewhere (CI logs, pipes) plain lines are printed at
 * each phase change and at the end, never control characters.
 */
import type { ItemProgress, ItemReport } from "./pipeline.js";

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
}

const fmtInt = (n: number) => n.toLocaleString("en-US");

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export class ProgressReporter {
  private readonly tty: boolean;
  private readonly width: number;

  constructor(
    private readonly out: Output,
    options: { tty?: boolean } = {},
  ) {
    this.tty = options.tty ?? !!out.isTTY;
    this.width = Math.max(60, Math.min(out.columns ?? 100, 120));
  }

  /** Starts the progress of one item (`label` e.g. "IWM yahoo"). */
  start(label: string): ItemProgress & { end(report: ItemReport): void } {
    const started = performance.now();
    let lastPhase = "";
    let lastDraw = 0;
    const draw = (text: string) => {
      const line = `${label}  ${text}`.slice(0, this.width - 1);
      this.out.write(`\r\x1b[2K${line}`);
    };
    return {
      phase: (text) => {
        lastPhase = text;
        if (this.tty) draw(`${text}…`);
        else this.out.write(`${label}: ${text}\n`);
      },
      rows: (done, total) => {
        if (!this.tty) return;
        const now = performance.now();
        if (done !== total && now - lastDraw < 50) return;
        lastDraw = now;
        const barWidth = 24;
        const filled = total === 0 ? barWidth : Math.round((done / total) * barWidth);
        const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
        draw(
          `[${"█".repeat(filled)}${"░".repeat(barWidth - filled)}] ${String(pct).padStart(3)}% ${fmtInt(done)}/${fmtInt(total)} ${lastPhase}`,
        );
      },
      end: (report) => {
        const elapsed = formatMs(performance.now() - started);
        const mark = report.status === "failed" ? "✗" : "✓";
        const counts = `+${fmtInt(report.added)} ~${fmtInt(report.updated)} =${fmtInt(report.unchanged)} ✗${fmtInt(report.rejected)}`;
        const tail = report.status === "failed" ? ` — ${report.error ?? "failed"}` : "";
        const text = `${mark} ${report.status} ${counts} (${elapsed})${tail}`;
        if (this.tty) {
          draw(text);
          this.out.write("\n");
        } else {
          this.out.write(`${label}: ${text}\n`);
        }
      },
    };
  }
}

/** The summary table: item, provider, rows added/updated/unchanged/rejected, time, status. */
export function summaryTable(reports: readonly ItemReport[]): string {
  const header = ["item", "provider", "added", "updated", "unchanged", "rejected", "time", "status"];
  const rows = reports.map((r) => [
    r.item,
    r.provider,
    fmtInt(r.added),
    fmtInt(r.updated),
    fmtInt(r.unchanged),
    fmtInt(r.rejected),
    formatMs(r.ms),
    r.status + (r.demoDeleted > 0 ? ` (replaced ${fmtInt(r.demoDeleted)} demo rows)` : ""),
  ]);
  const total = reports.reduce(
    (t, r) => ({
      added: t.added + r.added,
      updated: t.updated + r.updated,
      unchanged: t.unchanged + r.unchanged,
      rejected: t.rejected + r.rejected,
      ms: t.ms + r.ms,
    }),
    { added: 0, updated: 0, unchanged: 0, rejected: 0, ms: 0 },
  );
  const failed = reports.filter((r) => r.status === "failed").length;
  const footer = [
    "total",
    "",
    fmtInt(total.added),
    fmtInt(total.updated),
    fmtInt(total.unchanged),
    fmtInt(total.rejected),
    formatMs(total.ms),
    failed > 0 ? `${failed} failed` : "all ok",
  ];
  const numeric = new Set([2, 3, 4, 5, 6]);
  const all = [header, ...rows, footer];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  return [line(header), rule, ...rows.map(line), rule, line(footer)].join("\n");
}

/** The rejections of a report, at most `limit` lines. */
export function rejectionLines(report: ItemReport, limit = 20): string[] {
  const lines = report.rejections.slice(0, limit).map((r) => `  ${r.file}:${r.line}: ${r.reason}`);
  if (report.rejections.length > limit) lines.push(`  … and ${report.rejections.length - limit} more`);
  return lines;
}
