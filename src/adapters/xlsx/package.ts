/**
 * The package structure of a workbook (OPC): parts found by following relationships from
 * _rels/.rels to the workbook and from the workbook to its sheets, never by assumed names such
 * as "xl/worksheets/sheet1.xml". Part names are case-insensitive, as OPC says.
 */
import { attr, scanXml } from './xml';

export const REL_OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
/** Strict Open XML (ISO 29500 strict) spells the relationship types differently. */
const REL_OFFICE_DOCUMENT_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument';
export const REL_WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
export const REL_STYLES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
export const REL_SHARED_STRINGS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings';
export const REL_TABLE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';
export const REL_EXTENDED_PROPERTIES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties';

export const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
export const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

export interface Relationship {
  id: string;
  type: string;
  /** The target part's name, resolved against the source part (no leading "/"); null for external targets. */
  part: string | null;
  target: string;
}

/** "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels"; "" (the package) -> "_rels/.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the part that holds the relationship. */
export function resolveTarget(sourcePart: string, target: string): string {
  const clean = target.replace(/\\/g, '/');
  const base = clean.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const segment of clean.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') base.pop();
    else base.push(segment);
  }
  return base.map((s) => safeDecodeUri(s)).join('/');
}

function safeDecodeUri(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function parseRelationships(xml: string, sourcePart: string): Relationship[] {
  const out: Relationship[] = [];
  scanXml(xml, {
    open(name, attrs) {
      if (name !== 'Relationship') return;
      const id = attr(attrs, 'Id') ?? '';
      const type = attr(attrs, 'Type') ?? '';
      const target = attr(attrs, 'Target') ?? '';
      const external = attr(attrs, 'TargetMode') === 'External';
      out.push({ id, type, target, part: external ? null : resolveTarget(sourcePart, target) });
    },
  });
  return out;
}

export function isOfficeDocument(type: string): boolean {
  return type === REL_OFFICE_DOCUMENT || type === REL_OFFICE_DOCUMENT_STRICT;
}

/** The relationship type without its namespace ("worksheet"), so strict and transitional files read alike. */
export function relKind(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  visibility: 'visible' | 'hidden' | 'veryHidden';
}

export interface WorkbookXmlInfo {
  sheets: SheetEntry[];
  date1904: boolean;
}

export function parseWorkbookXml(xml: string): WorkbookXmlInfo {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  scanXml(xml, {
    open(name, attrs) {
      if (name === 'sheet') {
        const state = attr(attrs, 'state');
        sheets.push({
          name: attr(attrs, 'name') ?? '',
          sheetId: Number(attr(attrs, 'sheetId') ?? 0),
          relId: attr(attrs, 'id') ?? '',
          visibility: state === 'veryHidden' ? 'veryHidden' : state === 'hidden' ? 'hidden' : 'visible',
        });
      } else if (name === 'workbookPr') {
        const v = attr(attrs, 'date1904');
        date1904 = v === '1' || v === 'true';
      }
    },
  });
  return { sheets, date1904 };
}
