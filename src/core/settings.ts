/**
 * Settings that travel with the workbook (mapping, matrix, practice details, CAP terms,
 * the snapshot of the last plan). Both adapters store them as JSON in a very hidden sheet;
 * a workbook from a client is untrusted input, so every read goes through zod and a bad
 * value falls back to its default with a visible warning, never a crash.
 */
import { z } from 'zod';
import { inSlices, type Sliced } from './slices';
import { parseJsonSliced, stringifyJsonSliced } from './jsonSlices';
import { isIsoDate } from './dates';
import { ROLES, LEVELS, STATUSES } from './model';

/** The tiers a user can choose for an action (not "Unclassified"). */
export const CHOOSABLE_TIERS = ['This week', 'Vendor conversations', 'Budget decisions'] as const;

/** Name of the very hidden sheet that holds the settings JSON. */
export const STORE_SHEET_NAME = 'RiskPlan_Data';
/** A1 of the store sheet holds this; the JSON follows in A2, A3... (chunks under Excel's 32,767-char cell limit). */
export const STORE_HEADER = 'Risk Plan settings (managed by the Risk Plan add-in; do not edit)';
export const STORE_CHUNK_CHARS = 30_000;
/** Where the one big array of the stored JSON lies: read and written in slices (core/jsonSlices.ts). */
const SNAPSHOT_RISKS_PATH = ['snapshot', 'risks'] as const;

const isoDate = z.string().refine(isIsoDate, 'not a YYYY-MM-DD date');
const shortText = z.string().max(500);
const columnLetterOrNull = z.union([z.string().regex(/^[A-Z]{1,3}$/), z.null()]);

export const mappingOverrideSchema = z.object({
  sheet: z.string().min(1).max(31),
  kind: z.enum(['register', 'cap']),
  headerRow: z.number().int().min(1).max(1_048_576).optional(),
  columns: z.partialRecord(z.enum(ROLES), columnLetterOrNull),
});

export const matrixSettingsSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('nist') }),
  z.object({ name: z.literal('3x3') }),
  z.object({
    name: z.literal('product'),
    /** Minimum likelihood x impact score for each level, e.g. on 5x5: {Low: 5, Medium: 10, High: 15, Very High: 20}. */
    thresholds: z.object({ Low: z.number(), Medium: z.number(), High: z.number(), 'Very High': z.number() }),
  }),
  z.object({
    name: z.literal('custom'),
    /** levels[likelihood-1][impact-1]: likelihood rows from lowest to highest. */
    levels: z
      .array(z.array(z.enum(LEVELS)).min(2).max(10))
      .min(2)
      .max(10),
  }),
]);
export type MatrixSettings = z.infer<typeof matrixSettingsSchema>;

export const capSettingsSchema = z.object({
  type: z.enum(['ocr', 'voluntary']).default('voluntary'),
  reference: shortText.optional(),
  /** The resolution agreement's effective date: the term, the risk analysis deadline and the reporting periods run from it. */
  effectiveDate: isoDate.optional(),
  /** The date HHS approved the plan; until it is entered, the implementation report date is only projected. */
  approvalDate: isoDate.optional(),
  /** Compliance term: 2 years in most resolution agreements, 3 in some. */
  monitoringYears: z.number().int().min(1).max(3).default(2),
  implementationReportDays: z.number().int().min(1).max(720).default(120),
  /** Resolution agreements count the implementation report from HHS's approval of the plan. */
  implementationReportFrom: z.enum(['effective', 'approval']).default('approval'),
  reportingPeriodMonths: z.number().int().min(1).max(24).default(12),
  reportDueDaysAfterPeriod: z.number().int().min(0).max(365).default(60),
  /** Days from the effective date to submit the risk analysis to HHS (60, 90 or 180 in published agreements). */
  riskAnalysisDays: z.number().int().min(1).max(720).default(90),
  /** HHS answers a submission in about this many days; the entity then revises within `revisionDays`. */
  hhsReviewDays: z.number().int().min(1).max(365).default(60),
  revisionDays: z.number().int().min(1).max(365).default(60),
  /** A reportable event (a failure to comply with the CAP) is reported to HHS within this many days. */
  reportableEventDays: z.number().int().min(1).max(365).default(30),
  /** Documents and records relating to compliance are kept this many years. */
  retentionYears: z.number().int().min(1).max(20).default(6),
  /** The date the risk analysis was submitted to HHS, once it was. */
  riskAnalysisSubmittedDate: isoDate.optional(),
});
export type CapSettings = z.infer<typeof capSettingsSchema>;

/** One risk as it stood when the last plan was generated, for "changes since the last plan". */
export const snapshotRiskSchema = z.object({
  key: z.string().max(2000),
  id: z.string().max(500).nullable(),
  risk: z.string().max(2000).nullable(),
  owner: z.string().max(500).nullable(),
  dueDate: z.string().max(100).nullable(),
  status: z.enum(STATUSES).nullable(),
  level: z.enum(LEVELS).nullable(),
});
export type SnapshotRisk = z.infer<typeof snapshotRiskSchema>;

export const planSnapshotSchema = z.object({
  generatedOn: isoDate,
  version: z.number().int().min(1),
  risks: z.array(snapshotRiskSchema).max(200_000),
});
export type PlanSnapshot = z.infer<typeof planSnapshotSchema>;

export const settingsSchema = z.object({
  schemaVersion: z.literal(1).default(1),
  practiceName: shortText.optional(),
  preparedBy: shortText.optional(),
  approvedBy: shortText.optional(),
  /** Set when a consultant prepared the plan: adds a countersignature line. */
  consultant: shortText.optional(),
  riskAnalysisDate: isoDate.optional(),
  riskAnalysisBy: shortText.optional(),
  /** The practice's approach to reducing risk to a reasonable and appropriate level. */
  approach: z.string().max(4000).optional(),
  nextReviewDate: isoDate.optional(),
  matrix: matrixSettingsSchema.optional(),
  mapping: z.array(mappingOverrideSchema).max(50).default([]),
  cap: capSettingsSchema.default(capSettingsSchema.parse({})),
  keepPreviousPlan: z.boolean().default(false),
  /**
   * The user's tier for actions the engine could not classify (or classified differently), keyed by
   * the entry's stable key (analysis/tiers.ts `tierChoiceKey`). Kept here, never in the user's cells.
   */
  tierChoices: z
    .array(z.object({ key: z.string().min(1).max(4000), tier: z.enum(CHOOSABLE_TIERS) }))
    .max(100_000)
    .default([]),
  planVersion: z.number().int().min(0).default(0),
  snapshot: planSnapshotSchema.optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

export interface SettingsRead {
  settings: Settings;
  /** Plain-words warnings for anything ignored; shown in the pane and printed by the runner. */
  warnings: string[];
}

/**
 * Parses the stored JSON. Whole-document garbage yields defaults plus one warning; a bad
 * field yields the default for that field alone plus a warning naming it. The snapshot of the
 * last plan is parsed and checked in slices: after a plan of a 50,000-row register it holds
 * 50,000 risks (several megabytes of JSON). Drain it with `finish` where nothing waits on the thread.
 */
export function* parseSettingsSliced(json: string | null): Sliced<SettingsRead> {
  if (json === null || json.trim() === '') return { settings: DEFAULT_SETTINGS, warnings: [] };
  let data: unknown;
  try {
    data = yield* parseJsonSliced(json, SNAPSHOT_RISKS_PATH);
  } catch {
    return {
      settings: DEFAULT_SETTINGS,
      warnings: [`The saved Risk Plan settings in sheet "${STORE_SHEET_NAME}" are not readable; defaults are used.`],
    };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      settings: DEFAULT_SETTINGS,
      warnings: [`The saved Risk Plan settings in sheet "${STORE_SHEET_NAME}" are not a settings record; defaults are used.`],
    };
  }
  // The snapshot is checked on its own, in slices; everything else at once, as before.
  const { snapshot: storedSnapshot, ...rest } = data as Record<string, unknown>;
  const hasSnapshot = Object.hasOwn(data, 'snapshot');
  const snapshot = hasSnapshot ? yield* checkSnapshot(storedSnapshot) : null;
  const withSnapshot = (settings: Settings): Settings => (snapshot?.success ? { ...settings, snapshot: snapshot.data } : settings);

  const whole = settingsSchema.safeParse(rest);
  if (whole.success && (!snapshot || snapshot.success)) return { settings: withSnapshot(whole.data), warnings: [] };

  // Keep every field that is valid on its own; drop and report the rest.
  const warnings: string[] = [];
  const kept: Record<string, unknown> = {};
  const shape = settingsSchema.shape as Record<string, z.ZodType>;
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    // Own keys only: a stored "__proto__" or "constructor" must not reach Object.prototype.
    const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (!field) continue;
    const r = key === 'snapshot' ? snapshot! : field.safeParse(value);
    if (!r.success) warnings.push(`The saved setting "${key}" is not valid and was ignored (${r.error.issues[0]?.message ?? 'invalid'}).`);
    else if (key !== 'snapshot') kept[key] = value;
  }
  const retry = settingsSchema.safeParse(kept);
  return retry.success
    ? { settings: withSnapshot(retry.data), warnings }
    : { settings: DEFAULT_SETTINGS, warnings: [...warnings, 'The saved Risk Plan settings could not be used; defaults are used.'] };
}

type SnapshotCheck = { success: true; data: PlanSnapshot } | { success: false; error: z.ZodError };

/** planSnapshotSchema.safeParse, one slice of risks at a time (same result, same first problem). */
function* checkSnapshot(value: unknown): Sliced<SnapshotCheck> {
  const risks = (value as { risks?: unknown } | null)?.risks;
  if (typeof value !== 'object' || value === null || !Array.isArray(risks) || risks.length > 200_000) {
    return planSnapshotSchema.safeParse(value) as SnapshotCheck;
  }
  const head = planSnapshotSchema.safeParse({ ...value, risks: [] });
  if (!head.success) return head as SnapshotCheck;
  const checked: SnapshotRisk[] = [];
  let error: z.ZodError | null = null;
  yield* inSlices(risks.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const r = snapshotRiskSchema.safeParse(risks[i]);
      if (!r.success) {
        error = r.error;
        return false;
      }
      checked.push(r.data);
    }
  });
  if (error) return { success: false, error };
  return { success: true, data: { ...head.data, risks: checked } };
}

/**
 * The settings as stored: checked against the schema (an invalid value throws), then JSON; the
 * snapshot's risks are checked and written in slices, to exactly the text of one JSON.stringify.
 */
export function* serializeSettingsSliced(settings: Settings): Sliced<string> {
  const { snapshot, ...rest } = settings;
  const parsed = settingsSchema.parse(rest);
  if (snapshot === undefined) return JSON.stringify(parsed);
  const checked = yield* checkSnapshot(snapshot);
  if (!checked.success) throw checked.error;
  // The snapshot is the schema's last field, so appending it keeps the stored key order.
  return yield* stringifyJsonSliced({ ...parsed, snapshot: checked.data }, SNAPSHOT_RISKS_PATH);
}
