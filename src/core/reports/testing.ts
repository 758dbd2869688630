/**
 * Hand-built inputs for report tests (the reader and analysis are tested on their own), and
 * small queries over a SheetSpec so tests can find cells by their text.
 */
import type { Analysis, DateValue, Entry, Finding, FindingKind, ScoredEntry, WorkbookRead } from '../model';
import { settingsSchema } from '../settings';
import type { Settings } from '../settings';
import type { SheetSpec, SpecCell } from '../sheetSpec';
import { makeEntry as makeAnalysisEntry } from '../analysis/testing';

export type EntryPatch = Partial<Entry>;
export type ScoredPatch = Partial<Omit<ScoredEntry, 'entry' | 'findings'>> & {
  entry?: EntryPatch;
  /** Finding kinds to attach (messages are filled in). */
  flags?: FindingKind[];
};

let nextRow = 5;

/** An empty Entry on the next row (rows count up per test file), with no cell addresses unless given. */
export function makeEntry(patch: EntryPatch = {}): Entry {
  return makeAnalysisEntry({ row: patch.row ?? nextRow++, cells: {}, ...patch });
}

/** A DateValue for an ISO date, or for text that is not a date (kind "relative" by default). */
export function dateValue(value: string, kind: DateValue['kind'] = /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'date' : 'relative'): DateValue {
  return { raw: value, iso: kind === 'date' ? value : null, kind, text: value };
}

export function makeFinding(kind: FindingKind, entry: Entry): Finding {
  return {
    kind,
    sheet: entry.sheet,
    cell: `A${entry.row}`,
    row: entry.row,
    entryId: entry.id,
    message: `test finding ${kind}`,
    fix: 'test fix',
  };
}

export function makeScored(patch: ScoredPatch = {}): ScoredEntry {
  const { entry: entryPatch, flags = [], ...rest } = patch;
  const entry = makeEntry(entryPatch);
  return {
    entry,
    level: 'Medium',
    score: 9,
    residualLevel: null,
    open: true,
    overdue: false,
    daysOverdue: 0,
    priority: 1,
    priorityReason: 'test',
    tier: 'This week',
    tierReason: 'test',
    completed: false,
    verified: false,
    findings: flags.map((k) => makeFinding(k, entry)),
    ...rest,
  };
}

export function makeAnalysis(patch: Partial<Analysis> = {}): Analysis {
  const risks = patch.risks ?? [];
  const capItems = patch.capItems ?? [];
  return {
    asOf: '2026-11-23',
    matrix: { name: 'nist', label: 'NIST SP 800-30 5x5', reason: 'the sheet rates 1-5' },
    risks,
    capItems,
    capFromRegister: false,
    capSummary: { total: 0, completed: 0, verified: 0, inProgress: 0, notStarted: 0, overdue: 0, dueNext30Days: 0 },
    findings: [...risks, ...capItems].flatMap((r) => r.findings),
    ...patch,
  };
}

export function makeRead(patch: Partial<WorkbookRead> = {}): WorkbookRead {
  return { register: null, caps: [], candidates: [], issues: [], ...patch };
}

export function makeSettings(patch: Record<string, unknown> = {}): Settings {
  return settingsSchema.parse(patch);
}

// ---------------------------------------------------------------- spec queries

export interface FoundCell {
  /** 1-based row. */
  row: number;
  /** 0-based column. */
  col: number;
  cell: SpecCell;
}

export function allCells(spec: SheetSpec): FoundCell[] {
  const out: FoundCell[] = [];
  spec.rows.forEach((r, i) =>
    r.cells.forEach((cell, col) => {
      if (cell) out.push({ row: i + 1, col, cell });
    }),
  );
  return out;
}

/** Cells whose value contains `text` (or matches the pattern). */
export function findCells(spec: SheetSpec, text: string | RegExp): FoundCell[] {
  return allCells(spec).filter(({ cell }) =>
    typeof text === 'string' ? String(cell.value).includes(text) : text.test(String(cell.value)),
  );
}

/** The single cell containing `text`; throws when there is none, so a test fails loudly. */
export function findCell(spec: SheetSpec, text: string | RegExp): FoundCell {
  const hits = findCells(spec, text);
  if (hits.length === 0) throw new Error(`No cell contains ${String(text)}`);
  return hits[0];
}

/** The values of one 1-based row, as strings, with empty cells as "". */
export function rowValues(spec: SheetSpec, row: number): string[] {
  return (spec.rows[row - 1]?.cells ?? []).map((c) => (c ? String(c.value) : ''));
}
