/**
 * The .xlsx/.xlsm file adapter: a WorkbookPort over the workbook's own parts, used by the
 * `riskplan` runner and the task pane's file mode (in a browser or a Web Worker). It reads with
 * a streaming parser (open.ts, sheetReader.ts) and saves by patching the file (writer.ts), so
 * everything it does not change comes back byte for byte. Thin by design: it moves data between
 * the file and the core, it decides nothing.
 */
import { highlightCutNote } from '../../core/analysis/highlights';
import { parseRangeAddress, type CellRange, type CellValue, type SheetGrid, type TableInfo } from '../../core/grid';
import type { HighlightRule } from '../../core/highlight';
import type { HighlightResult, HostCapabilities, SheetInfo, SheetPlacement, WorkbookPort } from '../../core/port';
import { STORE_CHUNK_CHARS, STORE_HEADER, STORE_SHEET_NAME } from '../../core/settings';
import type { SheetSpec } from '../../core/sheetSpec';
import type { ZipCodec } from './codec';
import { XlsxPackage } from './open';
import { gridBlock, SheetReader, type GridBlock, type ParsedSheet } from './sheetReader';
import { readDateStyles } from './styles';
import type { StylesPatch } from './styles';
import { openStylesPatch, renderGeneratedSheet, savePackage, type GeneratedSheet, type SheetState } from './writer';

export { WorkbookOpenError, OPEN_MESSAGES } from './open';

export interface XlsxWorkbookPort extends WorkbookPort {
  readonly host: 'file';
  /** The workbook as bytes (.xlsx or .xlsm, as opened), with every change made through the port. */
  save(): Promise<Uint8Array>;
  /** The workbook holds macros (an .xlsm): it stays one, and its file name must end in .xlsm for Excel to open it. */
  readonly macroEnabled: boolean;
}

/** A sheet's grid as the core reads it: the cell block, its merges, and what the port knows of the sheet. */
function sheetGrid(
  state: SheetState,
  index: number,
  block: GridBlock,
  merges: CellRange[],
  extra: Pick<SheetGrid, 'tables' | 'protected' | 'marker'>,
): SheetGrid {
  return {
    name: state.name,
    index,
    visibility: state.visibility,
    top: block.top,
    left: block.left,
    values: block.values,
    formulas: block.formulas,
    merges,
    ...extra,
  };
}

class XlsxPort implements XlsxWorkbookPort {
  readonly host = 'file' as const;
  private readonly sheets: SheetState[];
  /** Sheets read from the file, by their part: read once, however often they are asked for. */
  private readonly parsed = new Map<string, Promise<ParsedSheet>>();
  /**
   * Sheets whose cells went to a caller: the port keeps only what else it read (marker, merges,
   * protection, rules), not a second reference to a register's cells for the whole session.
   */
  private readonly cellsGiven = new WeakSet<ParsedSheet>();
  /** The styles of the generated sheets, registered as each is rendered (writeSheet); made on first use. */
  private styles: Promise<StylesPatch> | null = null;
  /** Generated sheets waiting to be rendered (see writeSheet): only while the settings sheet's fate is open. */
  private readonly unrendered: { generated: GeneratedSheet; spec: SheetSpec }[] = [];

  get macroEnabled(): boolean {
    return this.pkg.macroEnabled;
  }

  constructor(private readonly pkg: XlsxPackage) {
    this.sheets = pkg.sheets.map((file) => ({
      name: file.name,
      visibility: file.visibility,
      file,
      generated: null,
      storeJson: null,
      highlights: null,
    }));
  }

  capabilities(): HostCapabilities {
    return { pageLayout: true, mergedAreas: true, conditionalFormats: true };
  }

  /** Worksheets only: chart sheets have no cells. */
  private worksheets(): { state: SheetState; index: number }[] {
    return this.sheets.map((state, index) => ({ state, index })).filter(({ state }) => !state.file || state.file.part);
  }

  private parse(state: SheetState): Promise<ParsedSheet> | null {
    const part = state.file?.part;
    if (!part || state.storeJson !== null) return null;
    let p = this.parsed.get(part);
    if (!p) {
      p = this.pkg.readSheet(part);
      this.parsed.set(part, p);
    }
    return p;
  }

  /** The sheet with its cells: read again when they were handed out already (see `grid`). */
  private async parseCells(state: SheetState): Promise<ParsedSheet | null> {
    const parsed = await this.parse(state);
    if (!parsed || !this.cellsGiven.has(parsed)) return parsed;
    const part = state.file!.part!;
    this.parsed.delete(part);
    return this.parse(state);
  }

  async listSheets(): Promise<SheetInfo[]> {
    const out: SheetInfo[] = [];
    for (const { state, index } of this.worksheets()) {
      const parsed = await this.parse(state);
      out.push({
        name: state.name,
        index,
        visibility: state.visibility,
        marker: state.generated ? state.generated.marker : (parsed?.marker ?? null),
        protected: parsed?.protected ?? false,
      });
    }
    return out;
  }

  async readGrids(names?: string[]): Promise<SheetGrid[]> {
    const wanted = names ? new Set(names) : null;
    const grids: SheetGrid[] = [];
    for (const { state, index } of this.worksheets()) {
      if (wanted ? !wanted.has(state.name) : state.name === STORE_SHEET_NAME) continue;
      grids.push(await this.grid(state, index));
    }
    return grids;
  }

  private async grid(state: SheetState, index: number): Promise<SheetGrid> {
    if (state.generated) return this.generatedGrid(state.generated, state, index);
    const parsed = await this.parseCells(state);
    if (!parsed) {
      // The settings sheet being rewritten: its cells as the save will write them.
      const json = state.storeJson ?? '';
      const values: CellValue[][] = [[STORE_HEADER]];
      for (let i = 0; i < json.length; i += STORE_CHUNK_CHARS) values.push([json.slice(i, i + STORE_CHUNK_CHARS)]);
      return {
        name: state.name,
        index,
        visibility: state.visibility,
        top: 0,
        left: 0,
        values,
        formulas: values.map(() => [null]),
        merges: [],
        tables: [],
        protected: false,
        marker: null,
      };
    }
    const block = gridBlock(parsed);
    const tables = await this.tables(state, parsed);
    // The grid takes the cells; a later read of this sheet parses the part again.
    parsed.block = { top: 0, left: 0, values: [], formulas: [] };
    this.cellsGiven.add(parsed);
    return sheetGrid(state, index, block, parsed.merges, { tables, protected: parsed.protected, marker: parsed.marker });
  }

  /**
   * A generated sheet read back from its own deflated XML, as a read of the saved file gives it:
   * nothing but those bytes is kept for it, so the port holds no cell objects for a sheet it made.
   */
  private async generatedGrid(generated: GeneratedSheet, state: SheetState, index: number): Promise<SheetGrid> {
    let styles = await this.stylesPatch();
    let bytes: { body: Uint8Array; size: number } = generated;
    const waiting = this.unrendered.find((w) => w.generated === generated);
    if (waiting) {
      // Not rendered yet (its style order is still open): rendered for this read with a copy of the styles.
      styles = styles.clone();
      bytes = await renderGeneratedSheet(waiting.spec, styles, this.pkg);
    }
    const reader = new SheetReader({ sharedStrings: [], dateStyles: readDateStyles(styles.finish()), date1904: this.pkg.date1904 });
    const decoder = new TextDecoder('utf-8');
    await this.pkg.codec.inflate(bytes.body, bytes.size, (chunk) => reader.write(decoder.decode(chunk, { stream: true })));
    reader.write(decoder.decode());
    const parsed = reader.finish();
    const block = gridBlock(parsed);
    return sheetGrid(state, index, block, parsed.merges, { tables: [], protected: false, marker: generated.marker });
  }

  private async tables(state: SheetState, parsed: ParsedSheet): Promise<TableInfo[]> {
    const part = state.file?.part;
    if (!part) return [];
    const tables = await this.pkg.readTables(part, parsed.tableRelIds);
    return tables.flatMap((t) => {
      const range = parseRangeAddress(t.ref);
      return range ? [{ name: t.name, range, hasHeaderRow: t.headerRowCount !== 0, columnNames: t.columns }] : [];
    });
  }

  private find(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  async readStore(): Promise<string | null> {
    const state = this.find(STORE_SHEET_NAME);
    if (!state) return null;
    if (state.storeJson !== null) return state.storeJson === '' ? null : state.storeJson;
    const parsed = await this.parseCells(state);
    if (!parsed) return null;
    const block = gridBlock(parsed);
    let json = '';
    for (let row = 1; ; row++) {
      const v = block.values[row - block.top]?.[0 - block.left];
      if (typeof v !== 'string' || v === '') break;
      json += v;
    }
    return json === '' ? null : json;
  }

  async writeStore(json: string): Promise<void> {
    // Reuse the sheet where it is, so saving settings never reorders the workbook's tabs.
    const state = this.find(STORE_SHEET_NAME);
    if (state) {
      state.storeJson = json;
      state.visibility = 'veryHidden';
      state.highlights = null;
      // The sheet is in the file, before every sheet waiting: its style comes first.
      if (this.unrendered.length > 0) await this.renderWaiting(true);
      return;
    }
    this.sheets.push({ name: STORE_SHEET_NAME, visibility: 'veryHidden', file: null, generated: null, storeJson: json, highlights: null });
  }

  async writeSheet(spec: SheetSpec, placement: SheetPlacement): Promise<void> {
    const drop = (name: string) => {
      const i = this.sheets.findIndex((s) => s.name === name);
      if (i >= 0) this.sheets.splice(i, 1);
    };
    if (placement.remove) drop(placement.remove);
    if (placement.rename) {
      const old = this.find(placement.rename.from);
      if (old) old.name = placement.rename.to;
    }
    // The placement never names a user's sheet; a leftover of the same name can only be ours.
    drop(placement.name);
    const generated: GeneratedSheet = { body: new Uint8Array(0), crc: 0, size: 0, print: spec.print, marker: spec.marker };
    this.sheets.push({ name: placement.name, visibility: 'visible', file: null, generated, storeJson: null, highlights: null });
    this.unrendered.push({ generated, spec });
    const store = this.find(STORE_SHEET_NAME);
    // The save registers the settings sheet's style in sheet order, before every new sheet when
    // that sheet is already in the file. Whether it will be rewritten is known at writeStore or
    // the save; until then the new sheet waits, so style indices stay what they always were.
    if (!store || store.storeJson !== null) await this.renderWaiting(store !== undefined);
  }

  /**
   * Renders the sheets written but not yet rendered, in order, registering the settings sheet's
   * style first when the save would (`storeFirst`), and lets their specs go.
   */
  private async renderWaiting(storeFirst: boolean): Promise<void> {
    const styles = await this.stylesPatch();
    if (storeFirst) styles.cellXf(undefined, 'text');
    while (this.unrendered.length > 0) {
      const { generated, spec } = this.unrendered.shift()!;
      // One replaced before it was rendered is not saved: its styles are not wanted either.
      if (!this.sheets.some((s) => s.generated === generated)) continue;
      Object.assign(generated, await renderGeneratedSheet(spec, styles, this.pkg));
    }
  }

  private stylesPatch(): Promise<StylesPatch> {
    return (this.styles ??= openStylesPatch(this.pkg));
  }

  async applyHighlights(rules: HighlightRule[]): Promise<HighlightResult> {
    const bySheet = new Map<string, HighlightRule[]>();
    for (const rule of rules) {
      const list = bySheet.get(rule.sheet);
      if (list) list.push(rule);
      else bySheet.set(rule.sheet, [rule]);
    }
    const result: HighlightResult = { applied: 0, skipped: [] };
    for (const [sheet, sheetRules] of bySheet) {
      const state = this.find(sheet);
      if (!state || !state.file?.part || state.generated || state.storeJson !== null) {
        result.skipped.push({ sheet, reason: `The sheet "${sheet}" is not in the workbook any more, so nothing was highlighted there.` });
        continue;
      }
      if ((await this.parse(state))?.protected) {
        result.skipped.push({
          sheet,
          reason: `The sheet "${sheet}" is protected, so gaps were not highlighted there; unprotect it and run again.`,
        });
        continue;
      }
      state.highlights = sheetRules;
      for (const rule of sheetRules) {
        result.applied++;
        const note = highlightCutNote(rule);
        if (note) (result.notes ??= []).push(note);
      }
    }
    return result;
  }

  async clearHighlights(sheets?: string[]): Promise<number> {
    let removed = 0;
    for (const state of this.sheets) {
      if (sheets && !sheets.includes(state.name)) continue;
      const had = state.highlights !== null ? state.highlights.length : ((await this.parse(state))?.ownRules ?? 0);
      removed += had;
      // Only a sheet that loses rules is rewritten; the others stay byte for byte.
      if (state.highlights !== null || had > 0) state.highlights = [];
    }
    return removed;
  }

  async save(): Promise<Uint8Array> {
    // Waiting sheets follow a settings sheet the save leaves alone: rendered with no style of its first.
    await this.renderWaiting(false);
    // A copy: what this save adds (highlight and settings styles) is not kept for the next save.
    const styles = (await this.stylesPatch()).clone();
    return savePackage(this.pkg, this.sheets, styles, new Date());
  }
}

/**
 * Opens workbook bytes (.xlsx or .xlsm) as a WorkbookPort. Throws WorkbookOpenError (plain-words
 * message) for a file that is not a workbook, is password-protected, is an old .xls, is damaged
 * or holds far more data than a register. `codec` is for tests; Node's zlib or the browser's
 * compression streams are found by default.
 */
export async function openXlsx(data: ArrayBuffer | Uint8Array, codec?: ZipCodec): Promise<XlsxWorkbookPort> {
  return new XlsxPort(await XlsxPackage.open(data, codec));
}
