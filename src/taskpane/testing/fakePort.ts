/**
 * A small in-memory WorkbookPort for the pane's component tests: sheets are SheetGrids the
 * test builds, writes are recorded, and protected sheets are skipped like a real adapter does.
 */
import { makeGrid, MARKER_CELL, type CellValue, type SheetGrid } from '../../core/grid';
import type { HighlightRule } from '../../core/highlight';
import type { HighlightResult, HostCapabilities, SheetInfo, SheetPlacement, WorkbookPort } from '../../core/port';
import type { SheetSpec } from '../../core/sheetSpec';

export interface FakePortOptions {
  host?: 'excel' | 'file';
  capabilities?: Partial<HostCapabilities>;
  store?: string | null;
}

/** A grid from rows of values starting at A1. */
export function gridFromRows(name: string, rows: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const values = rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] === undefined ? null : r[i])));
  return makeGrid(name, values, extra);
}

export class FakePort implements WorkbookPort {
  readonly host: 'excel' | 'file';
  grids: SheetGrid[];
  store: string | null;
  caps: HostCapabilities;
  written: { spec: SheetSpec; placement: SheetPlacement }[] = [];
  highlightRules: HighlightRule[] = [];
  storeWrites = 0;
  /** Set to make the next call of that method fail with this error. */
  failNext: Partial<Record<'writeSheet' | 'applyHighlights' | 'writeStore' | 'readGrids', Error>> = {};

  constructor(grids: SheetGrid[], options: FakePortOptions = {}) {
    this.host = options.host ?? 'excel';
    this.grids = grids.map((g, index) => ({ ...g, index }));
    this.store = options.store ?? null;
    this.caps = { pageLayout: true, mergedAreas: true, conditionalFormats: true, ...options.capabilities };
  }

  private fail(method: keyof FakePort['failNext']): void {
    const error = this.failNext[method];
    if (error) {
      delete this.failNext[method];
      throw error;
    }
  }

  capabilities(): HostCapabilities {
    return this.caps;
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.grids.map((g) => ({
      name: g.name,
      index: g.index,
      visibility: g.visibility,
      marker: g.marker,
      protected: g.protected,
    }));
  }

  async readGrids(names?: string[]): Promise<SheetGrid[]> {
    this.fail('readGrids');
    return this.grids.filter((g) => (names ? names.includes(g.name) : true)).map((g) => structuredClone(g));
  }

  async readStore(): Promise<string | null> {
    return this.store;
  }

  async writeStore(json: string): Promise<void> {
    this.fail('writeStore');
    this.store = json;
    this.storeWrites += 1;
  }

  async writeSheet(spec: SheetSpec, placement: SheetPlacement): Promise<void> {
    this.fail('writeSheet');
    this.written.push({ spec, placement });
    if (placement.remove) this.grids = this.grids.filter((g) => g.name !== placement.remove);
    if (placement.rename) {
      const { from, to } = placement.rename;
      this.grids = this.grids.map((g) => (g.name === from ? { ...g, name: to } : g));
    }
    const rows = spec.rows.map((r) => r.cells.map((c) => (c ? c.value : null)));
    const marked = rows.length > 0 ? rows : [[]];
    while (marked[0].length <= MARKER_CELL.col) marked[0].push(null);
    marked[0][MARKER_CELL.col] = spec.marker;
    this.grids.push({ ...gridFromRows(placement.name, marked), index: this.grids.length, marker: spec.marker });
  }

  async applyHighlights(rules: HighlightRule[]): Promise<HighlightResult> {
    this.fail('applyHighlights');
    const skipped: HighlightResult['skipped'] = [];
    let applied = 0;
    for (const rule of rules) {
      const grid = this.grids.find((g) => g.name === rule.sheet);
      if (grid?.protected) {
        if (!skipped.some((s) => s.sheet === rule.sheet)) skipped.push({ sheet: rule.sheet, reason: 'the sheet is protected.' });
        continue;
      }
      this.highlightRules.push(rule);
      applied += 1;
    }
    return { applied, skipped };
  }

  async clearHighlights(): Promise<number> {
    const n = this.highlightRules.length;
    this.highlightRules = [];
    return n;
  }
}

/** A realistic small clinic register: title row, header row, five risks with the usual gaps. */
export function clinicRegisterGrid(extra: Partial<SheetGrid> = {}): SheetGrid {
  return gridFromRows(
    'Risk Register',
    [
      ['Sunrise Family Clinic - HIPAA Risk Register'],
      [],
      ['Risk ID', 'Risk Description', 'Likelihood (1-5)', 'Impact (1-5)', 'Risk Level', 'Mitigation Action', 'Owner', 'Due Date', 'Status'],
      [
        'R-01',
        'Laptops holding ePHI are not encrypted',
        4,
        5,
        'High',
        'Enable BitLocker on all clinic laptops',
        'IT Manager',
        '2026-09-30',
        'In Progress',
      ],
      ['R-02', 'Former staff still have EHR accounts', 4, 4, 'High', 'Revoke EHR access on the last working day', '', '2026-12-15', 'Open'],
      [
        'R-03',
        'No business associate agreement with the billing vendor',
        3,
        4,
        'Medium',
        'Sign a BAA with the billing company',
        'Practice Manager',
        '',
        'Not Started',
      ],
      ['R-04', 'Backups never tested', 3, 3, 'Medium', 'Improve backups', 'TBD', '2026-10-31', 'Open'],
      [
        'R-05',
        'Phishing e-mails reach staff',
        4,
        3,
        'Medium',
        'Run phishing awareness training quarterly',
        'Compliance Officer',
        '2027-03-01',
        'Planned',
      ],
    ],
    extra,
  );
}

/** A sheet that is not a register (the "no register found" case). */
export function notesGrid(): SheetGrid {
  return gridFromRows('Notes', [['Meeting notes'], ['Discussed the new phone system'], ['Next meeting in March']]);
}

/** Actions that say nothing of money, vendors or staff time: the engine leaves them Unclassified. */
const THIN_ACTIONS = [
  'Look into it',
  'Follow up on the matter',
  'Discuss with the team',
  'Address the issue',
  'Revisit next quarter',
  'Consider options',
  'Work on it',
  'Handle as needed',
];

/** A register of `count` open risks whose actions are too thin to place in a tier (IDs, ...). */
export function thinActionsGrid(count: number): SheetGrid {
  const rows: CellValue[][] = [['Risk ID', 'Risk Description', 'Likelihood', 'Impact', 'Mitigation Action', 'Owner', 'Due Date', 'Status']];
  for (let i = 0; i < count; i++) {
    rows.push([
      `R-${String(i + 1).padStart(2, '0')}`,
      `Concern ${i + 1} about the front office`,
      3,
      3,
      THIN_ACTIONS[i % THIN_ACTIONS.length],
      'Alex Kim',
      '2027-01-01',
      'Open',
    ]);
  }
  return gridFromRows('Risk Register', rows);
}
