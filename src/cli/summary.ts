/** Plain-text output of the runner: the analyze summary and the folder summary table. */
import { findingText } from '../core/analysis/findings';
import { LEVELS, TIERS, type FindingKind } from '../core/model';
import type { WorkbookState } from '../app/workflow';
import { plural } from '../core/words';
import { findingLabel } from '../core/findingKinds';

/** How many findings `analyze` lists by cell before it only counts them. */
const FINDINGS_LISTED = 15;

function countBy<T extends string>(items: T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/** The human summary `riskplan analyze` prints for one workbook. */
export function analyzeSummary(file: string, state: WorkbookState): string {
  const { read, analysis } = state;
  const lines: string[] = [`${file} (as of ${state.asOf})`];
  if (read.register) {
    const reg = read.register;
    lines.push(
      `Risk register: sheet "${reg.sheet}", header row ${reg.headerRow}, rows ${reg.firstRow}-${reg.lastRow}, ${plural(analysis.risks.length, 'risk')}.`,
    );
    lines.push(`  Matrix: ${analysis.matrix.label}. ${analysis.matrix.reason}`);
    const levels = countBy(analysis.risks.map((r) => r.level ?? 'Not rated'));
    lines.push(
      `  Levels: ${
        [...[...LEVELS].reverse(), 'Not rated' as const]
          .filter((l) => levels.has(l))
          .map((l) => `${levels.get(l)} ${l}`)
          .join(', ') || 'none'
      }`,
    );
    const tiers = countBy(analysis.risks.map((r) => r.tier));
    lines.push(
      `  Tiers: ${
        TIERS.filter((t) => tiers.has(t))
          .map((t) => `${t} ${tiers.get(t)}`)
          .join(', ') || 'none'
      }`,
    );
    const top = analysis.risks.slice(0, 5);
    if (top.length > 0) {
      lines.push('  Do first:');
      for (const r of top) {
        const what = r.entry.risk ?? r.entry.action ?? '(no description)';
        lines.push(
          `    ${r.priority}. ${r.entry.id ?? `row ${r.entry.row}`} ${r.level ?? 'Not rated'}: ${what.length > 70 ? `${what.slice(0, 67)}...` : what}`,
        );
      }
    }
  } else {
    lines.push('Risk register: not found.');
  }
  const s = analysis.capSummary;
  if (read.caps.length > 0 || analysis.capItems.length > 0) {
    const where =
      read.caps.length > 0
        ? `sheet${read.caps.length > 1 ? 's' : ''} ${read.caps.map((c) => `"${c.sheet}"`).join(', ')}`
        : "the register's actions (no CAP sheet)";
    lines.push(
      `Corrective actions: ${where}, ${plural(s.total, 'item')}: ${s.completed} completed, ${s.verified} verified, ${s.overdue} overdue, ${s.dueNext30Days} due in the next 30 days.`,
    );
  } else {
    lines.push('Corrective action plan: not found.');
  }
  const kinds = countBy<FindingKind>(analysis.findings.map((f) => f.kind));
  lines.push(
    `Findings: ${analysis.findings.length}${kinds.size ? ` (${[...kinds].map(([k, n]) => `${findingLabel(k)} ${n}`).join(', ')})` : ''}`,
  );
  for (const f of analysis.findings.slice(0, FINDINGS_LISTED)) lines.push(`  ${f.sheet}!${f.cell}: ${findingText(f)}`);
  if (analysis.findings.length > FINDINGS_LISTED)
    lines.push(`  ... and ${analysis.findings.length - FINDINGS_LISTED} more (use --json for all).`);
  if (read.issues.length > 0) {
    lines.push(`Could not read: ${read.issues.length}`);
    for (const i of read.issues.slice(0, FINDINGS_LISTED)) lines.push(`  ${i.sheet}${i.cell ? `!${i.cell}` : ''}: ${i.message}`);
    if (read.issues.length > FINDINGS_LISTED) lines.push(`  ... and ${read.issues.length - FINDINGS_LISTED} more (use --json for all).`);
  }
  for (const w of state.warnings) lines.push(`Settings: ${w}`);
  return lines.join('\n');
}

export interface BatchRow {
  file: string;
  ok: boolean;
  risks?: number;
  capItems?: number;
  findings?: number;
  note: string;
}

/** A folder run's row for a workbook that was read: its counts and a note. */
export function batchRowOf(file: string, state: WorkbookState, note: string): BatchRow {
  const { risks, capItems, findings } = state.analysis;
  return { file, ok: true, risks: risks.length, capItems: capItems.length, findings: findings.length, note };
}

/** The table printed after a folder run. */
export function batchTable(rows: BatchRow[]): string {
  const header = ['File', 'Result', 'Risks', 'CAP items', 'Findings', 'Notes'];
  const body = rows.map((r) => [
    r.file,
    r.ok ? 'ok' : 'FAILED',
    String(r.risks ?? '-'),
    String(r.capItems ?? '-'),
    String(r.findings ?? '-'),
    r.note,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const fmt = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const failed = rows.filter((r) => !r.ok).length;
  return [fmt(header), ...body.map(fmt), `${plural(rows.length, 'workbook')}, ${failed} failed.`].join('\n');
}
