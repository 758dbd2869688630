/**
 * Saves the ExcelJS workbook as .xlsx bytes, writing the cells of generated sheets straight
 * from their specs (sheetXml.ts) and, in Node, zipping with native zlib (nativeZip.ts).
 *
 * Both hook into ExcelJS 4.4's writer for the duration of one save (package.json pins the
 * version; the adapter tests fail if a hook stops being called):
 * - `prepareModel` creates the style and shared-string tables of the save, which our cells use;
 * - `addWorksheets` hands each sheet's XML to the zip: we splice our cells into pending sheets;
 * - `addContentTypes`, the first part written, gives us the zip, whose `append` we take over
 *   so parts go to our ZipBuilder, and `_finalize` then skips JSZip's packing.
 */
import type ExcelJS from 'exceljs';
import type { SheetSpec, SpecCell } from '../../core/sheetSpec';
import { nativeZlib, ZipBuilder } from './nativeZip';
import { sheetCellsXml, spliceSheetXml, type SheetXmlContext } from './sheetXml';
import type { SharedStyles } from './writeSheet';

/** A generated sheet whose cells exist only as its spec until saved (or read back). */
export interface PendingCells {
  spec: SheetSpec;
  styles: SharedStyles;
}

/** ExcelJS's cell type for a number; the style of a cell without a number format depends on it. */
const VALUE_TYPE_NUMBER = 2;

/** The pieces of ExcelJS's writer we hook; not in its typings. */
interface WriterModel {
  styles: { addStyleModel(style: Partial<ExcelJS.Style>, cellType?: number): number };
  sharedStrings?: { add(text: string): number };
  properties?: { date1904?: boolean };
}
interface AppendOptions {
  name: string;
  base64?: boolean;
}
interface ZipAppender {
  append(data: unknown, options: AppendOptions): void;
}
interface XlsxWriter {
  prepareModel(model: WriterModel, options: unknown): void;
  addContentTypes(zip: ZipAppender, model: WriterModel): Promise<void>;
  addWorksheets(zip: ZipAppender, model: WriterModel): Promise<void>;
  _finalize(zip: ZipAppender): Promise<unknown>;
  writeBuffer(options?: unknown): Promise<unknown>;
}
const HOOKED = ['prepareModel', 'addContentTypes', 'addWorksheets', '_finalize'] as const;

/** The part name ExcelJS gives a worksheet. */
const partName = (ws: ExcelJS.Worksheet) => `xl/worksheets/sheet${ws.id}.xml`;

function contextFor(pending: PendingCells, model: WriterModel): SheetXmlContext {
  // Style ids by spec style name, then cell type: looked up for every cell, so no string keys.
  const ids = new Map<string | undefined, Partial<Record<SpecCell['type'], number>>>();
  const strings = model.sharedStrings;
  return {
    styleId: (styleName: string | undefined, type: SpecCell['type']) => {
      let byType = ids.get(styleName);
      if (!byType) ids.set(styleName, (byType = {}));
      return (byType[type] ??= model.styles.addStyleModel(pending.styles.get(styleName, type), VALUE_TYPE_NUMBER));
    },
    sharedString: strings ? (text: string) => strings.add(text) : () => null,
    date1904: model.properties?.date1904 === true,
  };
}

function isEmptyStyle(style: object | undefined): boolean {
  if (!style) return false;
  for (const key in style) if (Object.prototype.hasOwnProperty.call(style, key)) return false;
  return true;
}

/**
 * ExcelJS gives every unstyled cell and row its own empty style object, and on save renders
 * each distinct object to XML to find its style id: a visible cost on a 10,000-row register.
 * An empty style's id depends only on the cell type (its default number format), so this
 * remembers it per type. Nothing in the workbook changes.
 */
function rememberEmptyStyles(styles: WriterModel['styles']): void {
  const own = styles.addStyleModel.bind(styles);
  const byType = new Map<number | undefined, number>();
  styles.addStyleModel = (style, cellType) => {
    if (!isEmptyStyle(style)) return own(style, cellType);
    let id = byType.get(cellType);
    if (id === undefined) byType.set(cellType, (id = own(style, cellType)));
    return id;
  };
}

/** A part's data as ExcelJS appends it (XML text, a media buffer, or base64 text) -> bytes or text. */
function partData(data: unknown, options: AppendOptions): string | Uint8Array {
  if (typeof data === 'string') return options.base64 ? Uint8Array.from(atob(data), (c) => c.charCodeAt(0)) : data;
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw new Error(`Unexpected data for ${options.name}`);
}

/**
 * The workbook as .xlsx bytes. `pending` maps each generated sheet still in the workbook whose
 * cells were not rendered into ExcelJS to its spec; its cells are written from the spec.
 * Null if a pending sheet's cells could not be written (ExcelJS's writer no longer calls our
 * hooks): the caller then renders them into ExcelJS and saves again.
 */
export async function saveWorkbook(workbook: ExcelJS.Workbook, pending: Map<ExcelJS.Worksheet, PendingCells>): Promise<Uint8Array | null> {
  const byPart = new Map<string, PendingCells>();
  for (const ws of workbook.worksheets) {
    const cells = pending.get(ws);
    if (cells) byPart.set(partName(ws), cells);
  }
  const zlib = nativeZlib();
  const builder = zlib ? new ZipBuilder(zlib, new Date()) : null;
  let zipped: Promise<Uint8Array> | null = null;
  const writer = workbook.xlsx as unknown as XlsxWriter;
  const proto = Object.getPrototypeOf(writer) as XlsxWriter;
  let model: WriterModel | null = null;
  const written = new Set<string>();

  writer.prepareModel = (m, options) => {
    // prepareModel creates the style table and at once prepares every cell against it:
    // catch the table as it is assigned.
    let styles: WriterModel['styles'] | undefined;
    Object.defineProperty(m, 'styles', {
      configurable: true,
      enumerable: true,
      get: () => styles,
      set: (table: WriterModel['styles']) => {
        rememberEmptyStyles(table);
        styles = table;
      },
    });
    proto.prepareModel.call(writer, m, options);
    model = m;
  };
  if (builder) {
    writer.addContentTypes = (zip, m) => {
      zip.append = (data, options) => builder.add(options.name, partData(data, options));
      return proto.addContentTypes.call(writer, zip, m);
    };
    writer._finalize = (zip) => {
      // Only when our append took every part; otherwise let JSZip pack as usual.
      if (!Object.prototype.hasOwnProperty.call(zip, 'append')) return proto._finalize.call(writer, zip);
      zipped = builder.finish();
      return zipped;
    };
  }
  if (byPart.size > 0) {
    writer.addWorksheets = (zip, m) =>
      proto.addWorksheets.call(
        writer,
        {
          append(data, options) {
            const cells = byPart.get(options.name);
            if (cells && model && typeof data === 'string') {
              data = spliceSheetXml(data, sheetCellsXml(cells.spec, contextFor(cells, model)));
              written.add(options.name);
            }
            zip.append(data, options);
          },
        },
        m,
      );
  }
  try {
    const buffer = (await writer.writeBuffer()) as Uint8Array | ArrayBuffer;
    if (written.size !== byPart.size) {
      (zipped as Promise<Uint8Array> | null)?.catch(() => undefined);
      return null;
    }
    if (zipped) return await zipped;
    // A view, not a copy: in Node this is a Buffer, in the browser it may be a bare ArrayBuffer.
    return buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } finally {
    // Back to ExcelJS's own methods (on its prototype).
    for (const name of HOOKED) delete (writer as Partial<XlsxWriter>)[name];
  }
}
