/**
 * Where a generated sheet goes. Our previous sheet of the same kind is recognized by the marker
 * the adapters write in Z1 (never by its name, which the user may have changed), and a user's
 * own sheet is never replaced: the new sheet takes the next free name instead.
 */
import { MARKER_PREFIX } from '../grid';
import type { GeneratedKind } from '../grid';
import type { IsoDate } from '../dates';
import type { SheetInfo, SheetPlacement } from '../port';

export const GENERATED_SHEET_NAMES: Record<GeneratedKind, string> = {
  plan: 'Risk Management Plan',
  progress: 'CAP Progress Report',
};

/** Prefix of the dated copy kept when the previous sheet is kept: "Plan 2026-11-23". */
export const KEPT_COPY_PREFIX: Record<GeneratedKind, string> = {
  plan: 'Plan',
  progress: 'Progress',
};

export const MAX_SHEET_NAME_LENGTH = 31;
/** Excel reserves this name (case-insensitively) for its change history. */
const RESERVED_NAMES = ['history'];
const INVALID_CHARS = /[:\\/?*[\]]/g;

function stripEdges(name: string): string {
  return name.replace(/^[\s']+|[\s']+$/g, '');
}

/** Makes `desired` a legal Excel sheet name (characters, length, apostrophes, reserved words). */
function legalBase(desired: string): string {
  let name = stripEdges(
    desired
      .replace(INVALID_CHARS, '-')
      .replace(/[\u0000-\u001f]/g, '')
      .replace(/\s+/g, ' '),
  );
  name = stripEdges(name.slice(0, MAX_SHEET_NAME_LENGTH));
  return name || 'Sheet';
}

/**
 * A valid sheet name as close to `desired` as possible that is not in `taken` (compared without
 * regard to case, as Excel does): "Risk Management Plan", then "Risk Management Plan (2)"...
 * The base is shortened so the suffix still fits in 31 characters.
 */
export function validSheetName(desired: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  const base = legalBase(desired);
  const free = (n: string) => !used.has(n.toLowerCase()) && !RESERVED_NAMES.includes(n.toLowerCase());
  if (free(base)) return base;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const candidate = `${stripEdges(base.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length))}${suffix}`;
    if (free(candidate)) return candidate;
  }
}

/** The date written in a marker ("riskplan-generated:plan;v1;2026-11-23" -> "2026-11-23"), or "". */
function markerDate(marker: string): string {
  return marker.split(';')[2] ?? '';
}

function isKeptCopyName(kind: GeneratedKind, name: string): boolean {
  return new RegExp(`^${KEPT_COPY_PREFIX[kind]} \\d{4}-\\d{2}-\\d{2}( \\(\\d+\\))?$`, 'i').test(name);
}

/**
 * Our current sheet of this kind: a sheet with our marker for the kind. Dated copies kept by an
 * earlier "keep previous" carry the same marker; they are archives and are left alone. When
 * several current sheets exist, the most recently generated (then the last in tab order) wins.
 */
export function findPreviousSheet(sheets: SheetInfo[], kind: GeneratedKind): SheetInfo | null {
  const prefix = `${MARKER_PREFIX}${kind};`;
  const ours = sheets.filter((s) => s.marker?.startsWith(prefix) && !isKeptCopyName(kind, s.name));
  ours.sort((a, b) => markerDate(b.marker ?? '').localeCompare(markerDate(a.marker ?? '')) || b.index - a.index);
  return ours[0] ?? null;
}

/** Decides the removal or dated rename of our previous sheet and the new sheet's final name. */
export function placeGeneratedSheet(
  sheets: SheetInfo[],
  kind: GeneratedKind,
  options: { keepPrevious: boolean; asOf: IsoDate },
): SheetPlacement {
  const previous = findPreviousSheet(sheets, kind);
  const taken = sheets.filter((s) => s !== previous).map((s) => s.name);
  let rename: SheetPlacement['rename'] = null;
  if (previous && options.keepPrevious) {
    const kept = validSheetName(`${KEPT_COPY_PREFIX[kind]} ${options.asOf}`, taken);
    rename = { from: previous.name, to: kept };
    taken.push(kept);
  }
  return {
    remove: previous && !options.keepPrevious ? previous.name : null,
    rename,
    name: validSheetName(GENERATED_SHEET_NAMES[kind], taken),
  };
}
