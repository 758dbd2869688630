/**
 * Reads a practice's own risk register and CAP sheets, in whatever layout, into plain data.
 * Never throws on a strange grid: what cannot be read becomes a ReadIssue with a cell address.
 */
import { cellAddress, MARKER_PREFIX, MAX_CELL_CHARS, type SheetGrid } from '../grid';
import type { MappingOverride, ReadIssue, SheetCandidate, TableKind, TableRead, WorkbookRead } from '../model';
import { findHeader, scoreSheet, type HeaderGuess, type SheetScore } from './locate';
import { applyOverrides, assignRoles } from './mapping';
import { profileColumns } from './profile';
import { readRowsSliced } from './rows';
import { sliceEnds, type Sliced } from '../slices';
import { STORE_SHEET_NAME } from '../settings';
import { cellText } from './text';
import { isRatingText, isStrategyText, ValueMemo } from './values';

export { matchHeader, matchColumn, isResidualGroup } from './synonyms';
export { parseDate, parseOwner, parseStatus, parseRating, detectScale } from './values';

/** Below this score a sheet is not taken as a register or CAP. */
const MIN_SCORE = 1.5;

interface Located {
  grid: SheetGrid;
  guess: HeaderGuess;
  score: SheetScore;
  override: MappingOverride | null;
}

/**
 * Picks the register (best-scoring sheet with risk descriptions and ratings) and the CAP sheet(s)
 * (findings with corrective actions and a due date or status), then reads their rows.
 * Overrides saved by the user win: forced header row, role -> column letter, and the sheet's kind.
 *
 * Pauses between slices of rows: every pass over all the rows of a sheet (reading the entries,
 * finding where the table ends, checking every cell's length, sampling a sparse column) yields
 * every ROWS_PER_SLICE rows, so a 50,000-row register or a sheet formatted down to row 1,048,576
 * never holds the host's thread for long. `finish` runs it in one go where nothing waits on the thread.
 */
export function* readWorkbookSliced(grids: SheetGrid[], overrides: MappingOverride[] = []): Sliced<WorkbookRead> {
  const issues: ReadIssue[] = [];
  const candidates: SheetCandidate[] = [];
  const located: Located[] = [];

  for (const grid of grids) {
    try {
      const skip = skipReason(grid);
      if (skip) {
        candidates.push({ sheet: grid.name, kind: 'other', score: 0, reason: skip });
        continue;
      }
      const override = overrides.find((o) => o.sheet === grid.name) ?? null;
      let forced = override?.headerRow !== undefined && override.headerRow >= 1 ? override.headerRow - 1 : undefined;
      if (forced !== undefined && (forced < grid.top || forced >= grid.top + grid.values.length)) {
        issues.push({
          sheet: grid.name,
          cell: '',
          message: `The saved header row ${forced + 1} is outside the used part of "${grid.name}"; the header was looked for again.`,
          severity: 'warning',
        });
        forced = undefined;
      }
      const guess = findHeader(grid, forced);
      if (!guess) {
        candidates.push({
          sheet: grid.name,
          kind: 'other',
          score: 0,
          reason: grid.values.length === 0 ? 'the sheet is empty' : 'no row names at least two risk or CAP columns',
        });
        continue;
      }
      // The header row is found by its words; the columns are then decided by their words and values.
      guess.mapping = assignRoles(
        guess.labels,
        profileColumns(
          grid,
          guess.row,
          guess.labels.map((l) => l.col),
        ),
      );
      if (override) {
        for (const problem of applyOverrides(guess.mapping, override.columns))
          issues.push({ sheet: grid.name, cell: '', message: problem, severity: 'warning' });
      }
      yield* preferActionText(grid, guess);
      yield* ratingsAreNotDescriptions(grid, guess);
      let score = scoreSheet(grid, guess);
      if (override) {
        score = {
          ...score,
          kind: override.kind,
          score: Math.max(score.score, MIN_SCORE) + 100,
          reason: `you chose this sheet as the ${override.kind === 'cap' ? 'CAP' : 'risk register'}; ${score.reason}`,
        };
      }
      if (score.kind === 'cap' && !override) trackerLevel(guess);
      candidates.push({ sheet: grid.name, kind: score.kind, score: score.score, reason: score.reason });
      located.push({ grid, guess, score, override });
    } catch (err) {
      // A bug must not cost the user the whole workbook: report the sheet and go on.
      issues.push({
        sheet: grid.name,
        cell: '',
        message: `The sheet "${grid.name}" could not be read (${err instanceof Error ? err.message : String(err)}).`,
        severity: 'error',
      });
      candidates.push({ sheet: grid.name, kind: 'other', score: 0, reason: 'could not be read' });
    }
  }

  for (const o of overrides) {
    if (!grids.some((g) => g.name === o.sheet)) {
      issues.push({
        sheet: o.sheet,
        cell: '',
        message: `A saved column mapping names the sheet "${o.sheet}", which is no longer in the workbook; it was ignored.`,
        severity: 'warning',
      });
    }
  }

  const usable = located.filter((l) => l.score.kind !== 'other' && l.score.score >= MIN_SCORE);
  const registers = usable
    .filter((l) => l.score.kind === 'register')
    .sort((a, b) => b.score.score - a.score.score || a.grid.index - b.grid.index);
  const capSheets = usable.filter((l) => l.score.kind === 'cap').sort((a, b) => a.grid.index - b.grid.index);

  const registerPick = registers[0] ?? null;
  for (const loser of registers.slice(1)) {
    const c = candidates.find((x) => x.sheet === loser.grid.name);
    if (c) c.reason += `; another sheet ("${registerPick!.grid.name}") scored higher as the risk register`;
  }
  // One memo of parsed values for the read's tables, dropped with the read.
  const memo = new ValueMemo();
  const register = registerPick ? yield* buildTable(registerPick, 'register', issues, memo) : null;
  const caps: TableRead[] = [];
  for (const l of capSheets) caps.push(yield* buildTable(l, 'cap', issues, memo));
  for (const l of [registerPick, ...capSheets]) if (l) yield* overlongCells(l.grid, issues);

  if (!register && caps.length === 0) {
    issues.push({
      sheet: '',
      cell: '',
      message:
        'No sheet looks like a risk register (risk descriptions with likelihood, impact or level) or a corrective action plan (findings with actions and due dates or status). Choose the sheet and columns by hand.',
      severity: 'error',
    });
  }
  candidates.sort((a, b) => b.score - a.score);
  return { register, caps, candidates, issues };
}

/** Text longer than an Excel cell holds (only a damaged or machine-made file has it): say where, and that it is cut. */
function* overlongCells(grid: SheetGrid, issues: ReadIssue[]): Sliced<void> {
  // Plain loops: this visits every cell of the sheet (850,000 for a 50,000-row register).
  const values = grid.values;
  for (let i = 0; i < values.length; i++) {
    if (sliceEnds(i)) yield;
    const row = values[i];
    if (!row) continue;
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (typeof v !== 'string' || v.length <= MAX_CELL_CHARS) continue;
      issues.push({
        sheet: grid.name,
        cell: cellAddress(grid.top + i, grid.left + j),
        message: `This cell holds ${v.length.toLocaleString('en-US')} characters, more than the ${MAX_CELL_CHARS.toLocaleString('en-US')} an Excel cell can hold; the generated sheets show only the beginning.`,
        severity: 'warning',
      });
    }
  }
}

function skipReason(grid: SheetGrid): string | null {
  // The very hidden sheet where the add-in keeps its settings; never a user table.
  if (grid.name === STORE_SHEET_NAME) return 'Risk Plan settings sheet';
  // Adapters only fill `marker` with our own marker value; check the prefix anyway.
  if (grid.marker && grid.marker.startsWith(MARKER_PREFIX)) return 'generated by Risk Plan';
  return null;
}

function* buildTable(l: Located, kind: TableKind, issues: ReadIssue[], memo: ValueMemo): Sliced<TableRead> {
  const { grid, guess } = l;
  const rows = yield* readRowsSliced(grid, guess.row, guess.mapping.columns, kind, memo);
  for (const i of rows.issues) issues.push(i);
  if (grid.visibility !== 'visible') {
    issues.push({
      sheet: grid.name,
      cell: '',
      message: `The ${kind === 'cap' ? 'corrective action plan' : 'risk register'} was read from "${grid.name}", a hidden sheet; unhide it to check the entries.`,
      severity: 'info',
    });
  }
  const headerRows = guess.groupRow !== null ? [guess.groupRow + 1, guess.row + 1] : [guess.row + 1];
  return {
    kind,
    sheet: grid.name,
    headerRow: guess.row + 1,
    headerRows,
    firstRow: rows.firstRow,
    lastRow: rows.lastRow,
    columns: guess.mapping.columns,
    headers: guess.mapping.headers,
    ambiguities: guess.mapping.ambiguities,
    scales: rows.scales,
    entries: rows.entries,
    reason: l.score.reason,
  };
}

/**
 * Share of the first non-blank values (up to 50) of a column below the header that pass `test`.
 * Sliced: in a column that is blank below the first few rows, the 50 values are looked for down to
 * the sheet's last row.
 */
function* shareOf(grid: SheetGrid, guess: HeaderGuess, col: number, test: (text: string) => boolean): Sliced<number> {
  let seen = 0;
  let hits = 0;
  const start = guess.row + 1 - grid.top;
  for (let i = start; i < grid.values.length && seen < 50; i++) {
    if (sliceEnds(i - start)) yield;
    const t = cellText(grid.values[i]?.[col - grid.left] ?? null);
    if (t === null) continue;
    seen++;
    if (test(t)) hits++;
  }
  return seen === 0 ? 0 : hits / seen;
}

/**
 * NIST-style tables title the risk level column just "Risk". When the column read as the risk
 * description holds only rating words (High, Moderate...) and no level column was found, it is the level.
 */
function* ratingsAreNotDescriptions(grid: SheetGrid, guess: HeaderGuess): Sliced<void> {
  const risk = guess.mapping.columns.risk;
  if (!risk || risk.source === 'override' || guess.mapping.columns.level) return;
  if ((yield* shareOf(grid, guess, risk.col, isRatingText)) < 0.8) return;
  delete guess.mapping.columns.risk;
  guess.mapping.columns.level = { ...risk, role: 'level' };
  guess.mapping.ambiguities.push(
    `Column ${risk.letter} ("${risk.header}") holds ratings (High, Medium...), so it was read as the risk level, not the risk description.`,
  );
}

/**
 * "Risk Treatment: Mitigate" beats "Control" on the header, but the action a plan needs is the control
 * text. When the action column holds only decision words and another column also looked like an action,
 * use that one and say so.
 */
function* preferActionText(grid: SheetGrid, guess: HeaderGuess): Sliced<void> {
  const action = guess.mapping.columns.action;
  const alt = guess.mapping.runnersUp.action?.[0];
  if (!action || !alt || action.source === 'override') return;
  if ((yield* shareOf(grid, guess, action.col, isStrategyText)) >= 0.8) {
    guess.mapping.columns.action = alt;
    guess.mapping.ambiguities.push(
      `Column ${action.letter} ("${action.header}") holds treatment decisions (Mitigate, Accept...), so the actions were read from column ${alt.letter} ("${alt.header}").`,
    );
  }
}

/**
 * A tracker rates its items once: with no likelihood or impact beside it, its "Residual Rating" is the
 * item's level (ahead of a priority read as the level from its values).
 */
function trackerLevel(guess: HeaderGuess): void {
  const cols = guess.mapping.columns;
  const residual = cols.residualLevel;
  if (!residual || cols.likelihood || cols.impact || (cols.level && cols.level.confidence >= residual.confidence)) return;
  delete cols.residualLevel;
  cols.level = { ...residual, role: 'level' };
}
