/**
 * The `riskplan analyze --json` contract, defined once. Scripts and CI consume it, so it is a
 * zod schema: the tests validate real output against it, and changing a field fails them.
 * Rows are 1-based sheet rows, columns are letters, dates are ISO "YYYY-MM-DD".
 */
import { z } from 'zod';
import { FINDING_KINDS, LEVELS, ROLES, TIERS, type ColumnMatch, type Role, type ScoredEntry, type TableRead } from '../core/model';
import type { WorkbookState } from '../app/workflow';
import { FACT_NAMES } from '../core/facts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const columnLetters = z.partialRecord(z.enum(ROLES), z.string().regex(/^[A-Z]{1,3}$/));
const findingKinds = z.array(z.enum(FINDING_KINDS));

const tablePlace = {
  sheet: z.string(),
  headerRow: z.number().int().min(1),
  firstRow: z.number().int().min(1),
  lastRow: z.number().int().min(0),
  columns: columnLetters,
};

export const riskJsonSchema = z.object({
  row: z.number().int().min(1),
  id: z.string().nullable(),
  level: z.enum(LEVELS).nullable(),
  score: z.number().nullable(),
  priority: z.number().int(),
  tier: z.enum(TIERS),
  /** Where the tier came from: the user's choice saved in the workbook, the sheet's tier column, or the engine. */
  tierSource: z.enum(['choice', 'column', 'engine']),
  findings: findingKinds,
});

export const capItemJsonSchema = z.object({
  sheet: z.string(),
  row: z.number().int().min(1),
  id: z.string().nullable(),
  /** The status in the add-in's words ("In Progress"), or as typed when it is not one of them. */
  status: z.string().nullable(),
  dueDate: isoDate.nullable(),
  completed: z.boolean(),
  verified: z.boolean(),
  findings: findingKinds,
});

export const analysisJsonSchema = z.object({
  file: z.string(),
  asOf: isoDate,
  matrix: z.object({ name: z.string(), reason: z.string() }),
  register: z.object({ ...tablePlace, risks: z.array(riskJsonSchema) }).nullable(),
  cap: z
    .object({
      ...tablePlace,
      /** True when there is no CAP sheet and the items are the register's own actions. */
      fromRegister: z.boolean(),
      items: z.array(capItemJsonSchema),
      summary: z.object({
        total: z.number().int(),
        completed: z.number().int(),
        verified: z.number().int(),
        overdue: z.number().int(),
        dueNext30Days: z.number().int(),
      }),
    })
    .nullable(),
  /** Practice details the workbook states (title rows, cover sheet), with the cell they were found in. */
  facts: z.partialRecord(z.enum(FACT_NAMES), z.object({ value: z.string(), sheet: z.string(), cell: z.string() })),
  findings: z.array(
    z.object({
      kind: z.enum(FINDING_KINDS),
      sheet: z.string(),
      cell: z.string(),
      /** The risk it is about: ID and title, or the sheet for a sheet-level note. */
      subject: z.string(),
      message: z.string(),
    }),
  ),
  issues: z.array(z.object({ sheet: z.string(), cell: z.string(), message: z.string() })),
});
export type AnalysisJson = z.infer<typeof analysisJsonSchema>;

/** What `analyze --json` prints for a folder: one entry per file, failures carry the reason. */
export const batchJsonSchema = z.array(z.union([analysisJsonSchema, z.object({ file: z.string(), error: z.string() })]));
export type BatchJson = z.infer<typeof batchJsonSchema>;

function letters(columns: TableRead['columns']): Partial<Record<Role, string>> {
  const out: Partial<Record<Role, string>> = {};
  for (const [role, match] of Object.entries(columns) as [Role, ColumnMatch | undefined][]) {
    if (match) out[role] = match.letter;
  }
  return out;
}

function place(table: TableRead) {
  return {
    sheet: table.sheet,
    headerRow: table.headerRow,
    firstRow: table.firstRow,
    lastRow: table.lastRow,
    columns: letters(table.columns),
  };
}

function kinds(scored: ScoredEntry): AnalysisJson['findings'][number]['kind'][] {
  return [...new Set(scored.findings.map((f) => f.kind))];
}

/** Builds the JSON object from a loaded workbook. `file` is the name as the user gave it. */
export function buildAnalysisJson(file: string, state: WorkbookState): AnalysisJson {
  const { read, analysis } = state;
  const capTable = read.caps[0] ?? (analysis.capFromRegister ? read.register : null);
  return {
    file,
    asOf: state.asOf,
    matrix: { name: analysis.matrix.name, reason: analysis.matrix.reason },
    register: read.register
      ? {
          ...place(read.register),
          risks: analysis.risks.map((r) => ({
            row: r.entry.row,
            id: r.entry.id,
            level: r.level,
            score: r.score,
            priority: r.priority,
            tier: r.tier,
            tierSource: r.tierSource ?? 'engine',
            findings: kinds(r),
          })),
        }
      : null,
    cap: capTable
      ? {
          ...place(capTable),
          fromRegister: read.caps.length === 0,
          items: analysis.capItems.map((c) => ({
            sheet: c.entry.sheet,
            row: c.entry.row,
            id: c.entry.id,
            status: c.entry.status ?? c.entry.statusText,
            dueDate: c.entry.dueDate?.iso ?? null,
            completed: c.completed,
            verified: c.verified,
            findings: kinds(c),
          })),
          summary: {
            total: analysis.capSummary.total,
            completed: analysis.capSummary.completed,
            verified: analysis.capSummary.verified,
            overdue: analysis.capSummary.overdue,
            dueNext30Days: analysis.capSummary.dueNext30Days,
          },
        }
      : null,
    facts: { ...state.facts },
    findings: analysis.findings.map((f) => ({ kind: f.kind, sheet: f.sheet, cell: f.cell, subject: f.subject ?? '', message: f.message })),
    issues: read.issues.map((i) => ({ sheet: i.sheet, cell: i.cell, message: i.message })),
  };
}
