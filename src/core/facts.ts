/**
 * Facts the workbook already states about the risk analysis, harvested so the plan does not print
 * "MISSING" for what the practice wrote in its own title rows or cover sheet:
 *   "Sunrise Family Medicine - HIPAA Security Risk Register"          -> practice name
 *   "Risk analysis completed 2026-01-12 by Jane Ortiz (Privacy Officer)" -> date and author
 *   "Prepared by | J. Ortiz", "Approved by: Dr. Smith"                 -> prepared / approved by
 * Where: the rows above each table's header, and sheets that look like a cover or info sheet.
 * Document properties (author, company) are not read: neither the grid nor the port carries them.
 *
 * Pure: grids in, facts out. A value the user typed in the settings always wins (see `effectiveFacts`);
 * a harvested value is shown as "found in the workbook" with its cell.
 */
import { cellAddress, isBlank, MARKER_PREFIX, type CellValue, type SheetGrid } from './grid';
import type { IsoDate } from './dates';
import type { WorkbookRead } from './model';
import type { Settings } from './settings';
import { STORE_SHEET_NAME } from './settings';
import { parseDate } from './register/values';

export const FACT_NAMES = ['practiceName', 'riskAnalysisDate', 'riskAnalysisBy', 'preparedBy', 'approvedBy'] as const;
export type FactName = (typeof FACT_NAMES)[number];

/** One harvested fact: its value (an ISO date for riskAnalysisDate) and where it was found. */
export interface Fact {
  value: string;
  sheet: string;
  /** A1 address of the cell that holds the value. */
  cell: string;
}

export type WorkbookFacts = Partial<Record<FactName, Fact>>;

/** Rows above a header that are searched (title blocks are short; a 200-row preamble is not one). */
const MAX_ROWS_ABOVE = 40;
/** How much of a cover sheet is searched. */
const COVER_ROWS = 80;
const COVER_COLS = 20;
/** A value cell is looked for this many columns to the right of its label. */
const VALUE_REACH = 4;
const MAX_VALUE_CHARS = 200;

/** Sheet names of cover, info and document-control sheets (normalized, accent-free). */
// Not "summary", "dashboard", "readme" or "instructions": those hold prose and copies, not the facts.
const COVER_SHEET =
  /\b(cover|cover page|title|title page|info|information|about|document control|document information|doc control|properties|metadata|deckblatt|titelblatt|portada|portada|copertina|forside|page de garde|capa|voorblad|informatie|informacion|informazioni)\b/;

/** Label words -> fact. Normalized: lower case, accents removed, punctuation as spaces. */
const LABELS: readonly { fact: FactName; pattern: RegExp }[] = [
  {
    fact: 'practiceName',
    pattern:
      /^(practice|practice name|name of (the )?practice|organi[sz]ation|organi[sz]ation name|entity|entity name|covered entity|company|company name|clinic|clinic name|client|client name|facility|provider name|praxis|praxisname|einrichtung|clinica|empresa|organizacion|nombre de la (clinica|empresa)|studio|struttura|virksomhet|klinikk|cabinet|etablissement|organisatie|praktijk|instituicao)$/,
  },
  {
    fact: 'riskAnalysisDate',
    pattern:
      /^((date of (the )?)?(security )?risk (analysis|assessment)( date| completed| completion date)?|(sra|hipaa sra) date|assessment date|date of (assessment|analysis)|analysis date|date assessed|assessed on|assessment completed|date completed|completed on|datum der risikoanalyse|fecha (de la )?evaluacion|fecha del analisis|data (della )?valutazione|dato for risikovurdering|date de l'?analyse|data da avaliacao|datum risicoanalyse)$/,
  },
  {
    fact: 'riskAnalysisBy',
    pattern:
      /^(conducted by|performed by|assessed by|assessor|assessors|risk (analysis|assessment) (by|conducted by|performed by|author)|completed by|author|authors|analyst|erstellt von|ersteller|durchgefuhrt von|realizado por|elaborado por|autor|eseguito da|redatto da|utfort av|realise par|realizado por|uitgevoerd door|auteur)$/,
  },
  {
    fact: 'preparedBy',
    pattern:
      /^(prepared by|document owner|preparado por|vorbereitet von|preparato da|utarbeidet av|prepare par|preparado por|opgesteld door)$/,
  },
  {
    fact: 'approvedBy',
    pattern:
      /^(approved by|approver|approval|approved|signed off by|sign[- ]off|aprobado por|genehmigt von|freigegeben von|freigabe|approvato da|godkjent av|approuve par|aprovado por|goedgekeurd door)$/,
  },
];

/** "Risk analysis completed 2026-01-12 by Jane Ortiz (Privacy Officer)" and its variants. */
const ANALYSIS_SENTENCE =
  /\b(?:security )?risk (?:analysis|assessment)\b[^.]*?\b(?:completed|conducted|performed|done|carried out|finished|updated)\b\s*(?:on\s+)?(.+?)\s+by\s+(.+?)\s*$/i;
/** "Prepared by Jane Ortiz", "Approved by: Dr. Smith" inside one cell. */
const INLINE_PAIR = /^\s*([^:]{2,40}?)\s*[:\u2013\u2014-]\s*(.+)$/;
const BY_SENTENCE = /^\s*(prepared|approved|conducted|performed|assessed)\s+by\s*:?\s+(.{2,80}?)\s*$/i;

/** Document words in a title: what follows the practice name. */
const DOCUMENT_WORDS =
  /\b(risk|risks|register|assessment|analysis|sra|poa ?& ?m|poam|plan|cap|corrective|remediation|tracker|security|hipaa|compliance|risikoanalyse|risikoregister|matriz|riesgos|riscos|analisi|rischi|risikovurdering|analyse|risques|risicoanalyse|risico)\b/i;

function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9'&]+/g, ' ')
    .trim();
}

function textOf(v: CellValue): string | null {
  if (typeof v === 'string') {
    const t = v.replace(/\s+/g, ' ').trim();
    return t ? t : null;
  }
  return null;
}

/** A name-like value: some letters, not too long, not a sentence. */
function nameValue(text: string | null): string | null {
  const t = text?.replace(/\s+/g, ' ').trim();
  if (!t || t.length > MAX_VALUE_CHARS || !/\p{L}/u.test(t)) return null;
  if (/^(tbd|tbc|n\/?a|none|-|\?|name|signature|_+)$/i.test(t)) return null;
  return t;
}

function dateValue(v: CellValue): IsoDate | null {
  const d = parseDate(v);
  return d?.kind === 'date' && d.iso ? d.iso : null;
}

interface Area {
  grid: SheetGrid;
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Title rows of a table may hold the practice name as a title. */
  titleRows: boolean;
}

/** The rows above each table's header, then cover-like sheets. */
function areasOf(grids: readonly SheetGrid[], read: WorkbookRead): Area[] {
  const byName = new Map(grids.map((g) => [g.name, g]));
  const areas: Area[] = [];
  const seen = new Set<string>();
  for (const table of [read.register, ...read.caps]) {
    if (!table) continue;
    const grid = byName.get(table.sheet);
    const headerTop = Math.min(...table.headerRows) - 1; // 0-based row of the first header row
    if (!grid || headerTop <= grid.top || seen.has(grid.name)) continue;
    seen.add(grid.name);
    const width = grid.values.reduce((w, r) => Math.max(w, r.length), 0);
    areas.push({
      grid,
      top: Math.max(grid.top, headerTop - MAX_ROWS_ABOVE),
      bottom: headerTop - 1,
      left: grid.left,
      right: grid.left + width - 1,
      titleRows: true,
    });
  }
  for (const grid of grids) {
    if (seen.has(grid.name) || grid.name === STORE_SHEET_NAME || grid.marker?.startsWith(MARKER_PREFIX)) continue;
    if (!COVER_SHEET.test(fold(grid.name))) continue;
    areas.push({
      grid,
      top: grid.top,
      bottom: grid.top + COVER_ROWS - 1,
      left: grid.left,
      right: grid.left + COVER_COLS - 1,
      titleRows: true,
    });
  }
  return areas;
}

/** The facts stated in the workbook (the first place that states each one wins). */
export function harvestFacts(grids: readonly SheetGrid[], read: WorkbookRead): WorkbookFacts {
  const facts: WorkbookFacts = {};
  const put = (name: FactName, value: string | null, grid: SheetGrid, row: number, col: number) => {
    if (value && !facts[name]) facts[name] = { value, sheet: grid.name, cell: cellAddress(row, col) };
  };
  for (const area of areasOf(grids, read)) {
    const { grid } = area;
    for (let r = area.top; r <= area.bottom; r++) {
      const rowValues = grid.values[r - grid.top];
      if (!rowValues) continue;
      for (let c = area.left; c <= Math.min(area.right, grid.left + rowValues.length - 1); c++) {
        const text = textOf(rowValues[c - grid.left]);
        if (!text) continue;
        // "Prepared by: Jane Ortiz | Review cycle: Quarterly": each segment on its own.
        const segments = text.includes(' | ') ? text.split(' | ') : [text];
        for (const segment of segments)
          scanCell(segment.trim(), grid, r, c, put, area.titleRows && !facts.practiceName && segment === segments[0]);
      }
    }
  }
  return facts;
}

type Put = (name: FactName, value: string | null, grid: SheetGrid, row: number, col: number) => void;

function scanCell(text: string, grid: SheetGrid, r: number, c: number, put: Put, lookForTitle: boolean): void {
  // 1. A label cell with its value to the right (or below).
  const label = fold(text.replace(/[:：]\s*$/, ''));
  const labelled = LABELS.find((l) => l.pattern.test(label));
  if (labelled) {
    const found = valueNear(grid, r, c);
    if (found) {
      const value = labelled.fact === 'riskAnalysisDate' ? dateValue(found.value) : nameValue(cellText(found.value));
      put(labelled.fact, value, grid, found.row, found.col);
    }
    return;
  }
  // 2. "Risk analysis completed <date> by <name> (<role>)".
  const sentence = ANALYSIS_SENTENCE.exec(text);
  if (sentence) {
    put('riskAnalysisDate', dateValue(sentence[1].replace(/^on\s+/i, '').trim()), grid, r, c);
    put('riskAnalysisBy', nameValue(sentence[2].replace(/[.;]$/, '')), grid, r, c);
    return;
  }
  // 3. "Label: value" in one cell, and "Prepared by Jane Ortiz".
  const pair = INLINE_PAIR.exec(text);
  if (pair) {
    const inline = LABELS.find((l) => l.pattern.test(fold(pair[1])));
    if (inline) {
      const value = inline.fact === 'riskAnalysisDate' ? dateValue(pair[2].trim()) : nameValue(pair[2]);
      put(inline.fact, value, grid, r, c);
      return;
    }
  }
  const by = BY_SENTENCE.exec(text);
  if (by) {
    const verb = by[1].toLowerCase();
    const fact: FactName = verb === 'prepared' ? 'preparedBy' : verb === 'approved' ? 'approvedBy' : 'riskAnalysisBy';
    put(fact, nameValue(by[2]), grid, r, c);
    return;
  }
  // 4. A title: "<Practice> - HIPAA Security Risk Register".
  if (lookForTitle) put('practiceName', practiceFromTitle(text), grid, r, c);
}

function cellText(v: CellValue): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/** The value cell of a label: the next non-empty cell to the right within reach, else the cell below. */
function valueNear(grid: SheetGrid, r: number, c: number): { value: CellValue; row: number; col: number } | null {
  const row = grid.values[r - grid.top] ?? [];
  for (let k = 1; k <= VALUE_REACH; k++) {
    const v = row[c - grid.left + k];
    if (v !== undefined && !isBlank(v)) return { value: v, row: r, col: c + k };
  }
  const below = grid.values[r + 1 - grid.top]?.[c - grid.left];
  if (below !== undefined && !isBlank(below) && !LABELS.some((l) => typeof below === 'string' && l.pattern.test(fold(below)))) {
    return { value: below, row: r + 1, col: c };
  }
  return null;
}

/** "Sunrise Family Medicine - HIPAA Security Risk Register" -> "Sunrise Family Medicine". */
export function practiceFromTitle(title: string): string | null {
  const t = title.replace(/\s+/g, ' ').trim();
  if (t.length > 160) return null;
  const split = /^(.{2,80}?)\s+[-\u2013\u2014:|]\s+(.+)$/.exec(t) ?? /^(.{2,80}?)\s*[\u2013\u2014:|]\s*(.+)$/.exec(t);
  let name: string | null = null;
  if (split && DOCUMENT_WORDS.test(split[2])) name = split[1];
  else {
    const before = /^(.{2,80}?)\s+(?:hipaa|security risk|information security|risk register|risk assessment|risk analysis)\b/i.exec(t);
    if (before && DOCUMENT_WORDS.test(t.slice(before[1].length))) name = before[1];
  }
  if (!name) return null;
  name = name.replace(/[,'’]s$/, '').trim();
  // The part before the dash must be a name, not a document word ("Risk Register - 2026").
  if (
    DOCUMENT_WORDS.test(name) &&
    !/\b(clinic|medical|medicine|health|dental|practice|family|care|hospital|associates|group|center|centre|pediatrics|therapy)\b/i.test(
      name,
    )
  )
    return null;
  if (/^\d/.test(name) || !/\p{L}{2}/u.test(name)) return null;
  return name;
}

/**
 * The practice details a report prints: what the user typed in the settings wins; otherwise the
 * harvested fact, with where it was found. `source` is "settings", "workbook" or null (missing).
 */
export interface EffectiveFact {
  value: string | null;
  source: 'settings' | 'workbook' | null;
  /** For a harvested value: "'Risk Register'!B1". */
  where: string | null;
}

export function effectiveFact(settings: Settings, facts: WorkbookFacts | undefined, name: FactName): EffectiveFact {
  const typed = settings[name]?.trim();
  if (typed) return { value: typed, source: 'settings', where: null };
  const fact = facts?.[name];
  if (fact) return { value: fact.value, source: 'workbook', where: `${quote(fact.sheet)}!${fact.cell}` };
  return { value: null, source: null, where: null };
}

function quote(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}
