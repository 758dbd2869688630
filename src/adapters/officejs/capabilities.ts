/**
 * What this Excel can do, from Office's requirement-set check. Kept in one place so every
 * feature gate (page layout, merged areas, multi-area ranges...) reads the same answer.
 */
import type { HostCapabilities } from '../../core/port';

/** ExcelApi versions of the features the adapter gates on. */
export const API = {
  conditionalFormats: '1.6',
  freezePanes: '1.7',
  pageLayout: '1.9',
  multiAreaRanges: '1.9',
  specialCells: '1.9',
  mergedAreas: '1.13',
} as const;

/** True when the host supports ExcelApi `version`; false outside Office (no global `Office`). */
export function supportsExcelApi(version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  try {
    return Boolean(office?.context?.requirements?.isSetSupported('ExcelApi', version));
  } catch {
    return false;
  }
}

/** The host capabilities the pane shows and the core plans around. */
export function officeCapabilities(): HostCapabilities {
  return {
    pageLayout: supportsExcelApi(API.pageLayout),
    mergedAreas: supportsExcelApi(API.mergedAreas),
    conditionalFormats: supportsExcelApi(API.conditionalFormats),
  };
}
