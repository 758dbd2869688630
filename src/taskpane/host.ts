/**
 * Host detection in one place: inside Excel the pane works on the open workbook through
 * Office.js; anywhere else (a plain browser tab) it works on an .xlsx file the user opens.
 */
import type { WorkbookPort } from '../core/port';
import { localIsoDate } from '../core/dates';

/** The Excel port adds navigation the pane uses to jump to a finding or a new sheet. */
export type ExcelPanePort = WorkbookPort & {
  selectCell(sheet: string, cell: string): Promise<void>;
  activateSheet(name: string): Promise<void>;
};

export type HostMode = { kind: 'excel'; port: ExcelPanePort } | { kind: 'file' };

/** The bit of the Office global this helper needs (injectable for tests). */
export interface OfficeLike {
  onReady(): Promise<{ host: unknown; platform?: unknown } | undefined>;
  HostType?: { Excel?: unknown };
}

export interface DetectHostDeps {
  /** `globalThis.Office`, or undefined when office.js did not load. */
  office: OfficeLike | undefined;
  createPort: () => ExcelPanePort;
  /** Give up waiting for Office.onReady after this long (office.js outside any host may never answer). */
  timeoutMs?: number;
}

/**
 * Office.onReady -> host Excel -> Excel mode; host null, Office undefined, another host or
 * no answer in time -> file mode. Never throws.
 */
export async function detectHost(deps: DetectHostDeps): Promise<HostMode> {
  const { office, createPort, timeoutMs = 5000 } = deps;
  if (!office || typeof office.onReady !== 'function') return { kind: 'file' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const info = await Promise.race([
      office.onReady(),
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), timeoutMs);
      }),
    ]);
    const excel = office.HostType?.Excel ?? 'Excel';
    if (info && info.host !== null && info.host !== undefined && info.host === excel) {
      return { kind: 'excel', port: createPort() };
    }
    return { kind: 'file' };
  } catch {
    return { kind: 'file' };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/** Today's date on the user's calendar as "YYYY-MM-DD" (the pane is the only place that reads the clock). */
export function todayIso(now: Date = new Date()): string {
  return localIsoDate(now);
}
