/**
 * Reports: the Risk Management Plan and the CAP Progress Report as SheetSpecs, and where they go.
 * Pure data in, pure data out; the adapters render the specs.
 */
export { buildPlanSheetSliced, PLAN_SHEET_NAME, PLAN_COLUMNS } from './plan';
export type { PlanInput } from './plan';
export { buildProgressSheetSliced, progressBar, PROGRESS_SHEET_NAME, PROGRESS_COLUMNS } from './progress';
export type { ProgressInput } from './progress';
export { placeGeneratedSheet, validSheetName, findPreviousSheet, GENERATED_SHEET_NAMES } from './placement';
export { buildCapCalendar, reportingPeriods } from './calendar';
export type { CapCalendar, CalendarEvent, CalendarState, ReportingPeriod } from './calendar';
export { takeSnapshot, diffSnapshotsSliced, riskKey } from './changes';
export type { PlanChange, ChangeKind } from './changes';
export { CAP_ELEMENTS, elementOf } from './elements';
export { FINDING_KIND_TABLE, findingLabel, flagsText } from '../findingKinds';
