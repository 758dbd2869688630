/**
 * A small, strict, typed fake of the slice of the Excel JavaScript API the Office.js adapter uses.
 *
 * Unlike office-addin-mock it behaves like the real thing where bugs hide:
 * - reading a property before `load()` + `sync()` throws (PropertyNotLoaded);
 * - writes are queued and applied only at `sync()`, in order;
 * - only the methods the adapter needs exist, so a misspelt method is a TypeError;
 * - every `sync()` is counted and its request size (JSON of the queued calls) and response size
 *   (JSON of the loaded values) recorded; a request over 5 MB fails with
 *   RequestPayloadSizeLimitExceeded and a response over 5 MB with ResponsePayloadSizeLimitExceeded
 *   (nothing loaded in that sync is delivered), like Excel on the web;
 * - no jest globals: the benchmark imports it as plain code;
 * - features above the supported ExcelApi version (see `setSupportedExcelApi`) throw ApiNotFound;
 * - protected sheets reject writes with AccessDenied; bad sheet names give InvalidArgument;
 * - a string written to a non-text cell that starts with "=", "+", "-" or "@" becomes a formula.
 */
import type { CellRange, CellValue } from '../../src/core/grid';
import { parseRangeAddress, quoteSheetName, rangeAddress, columnIndex } from '../../src/core/grid';

// ------------------------------------------------------------------ requirement sets

let supportedExcelApi = '1.17';

/** Sets the highest ExcelApi version the fake (and the global Office stub) reports as supported. */
export function setSupportedExcelApi(version: string): void {
  supportedExcelApi = version;
}

function versionAtLeast(have: string, want: string): boolean {
  const [ha, hb = 0] = have.split('.').map(Number);
  const [wa, wb = 0] = want.split('.').map(Number);
  return ha > wa || (ha === wa && hb >= wb);
}

function requireApi(version: string, what: string): void {
  if (!versionAtLeast(supportedExcelApi, version)) {
    throw new FakeOfficeError('ApiNotFound', `${what} needs ExcelApi ${version}; this host supports ${supportedExcelApi}.`);
  }
}

/**
 * Installs `globalThis.Office.context.requirements.isSetSupported` answering from the version
 * given (ExcelApi only). Returns a function that removes the stub again.
 */
export function installOfficeStub(version = '1.17'): () => void {
  setSupportedExcelApi(version);
  const g = globalThis as unknown as { Office?: unknown };
  const previous = g.Office;
  g.Office = {
    context: {
      requirements: {
        isSetSupported: (name: string, minVersion?: string) =>
          name === 'ExcelApi' && versionAtLeast(supportedExcelApi, minVersion ?? '1.1'),
      },
    },
  };
  return () => {
    g.Office = previous;
  };
}

// ------------------------------------------------------------------ errors

/** Shaped like OfficeExtension.Error: a `code` string plus a message. */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string };
  constructor(code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message };
  }
}

// ------------------------------------------------------------------ the in-memory workbook

const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;
const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;
const READ_CELL_CAP = 5_000_000;

export interface FakeCell {
  value?: string | number | boolean;
  formula?: string;
  numberFormat?: string;
  /** The cell's number format was "@" when its value was written. */
  writtenAsText?: boolean;
}

export interface FakeTable {
  name: string;
  range: CellRange;
  showHeaders: boolean;
  columnNames: string[];
}

export interface FakeConditionalFormat {
  id: number;
  type: 'Custom' | 'CellValue' | 'ColorScale';
  ranges: CellRange[];
  formula?: string;
  fill?: string;
  fontColor?: string;
}

export interface FakePageLayout {
  orientation?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows?: string;
  printArea?: string;
  footer: { left?: string; center?: string; right?: string };
}

const key = (row: number, col: number) => row * 16_384 + col;

export class FakeSheet {
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  protected = false;
  readonly cells = new Map<number, FakeCell>();
  merges: CellRange[] = [];
  tables: FakeTable[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  /** Every format property set, in order: the last entry covering a cell wins. */
  formats: { range: CellRange; path: string; value: unknown }[] = [];
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  hiddenColumns = new Set<number>();
  frozenRows = 0;
  pageLayout: FakePageLayout = { footer: {} };

  constructor(public name: string) {}

  cell(address: string): FakeCell | undefined {
    const r = mustParse(address);
    return this.cells.get(key(r.top, r.left));
  }

  /** Test setup: writes plain values (and "=..." as formulas) starting at the top-left cell. */
  setValues(topLeft: string, rows: (CellValue | undefined)[][]): this {
    const at = mustParse(topLeft);
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === undefined || v === '') return;
        const c = this.ensure(at.top + i, at.left + j);
        if (typeof v === 'string' && v.startsWith('=')) {
          c.formula = v;
          c.value = 0;
        } else c.value = v;
      }),
    );
    return this;
  }

  /** The stored value at an address ("" when empty), as `range.values` would report it. */
  value(address: string): CellValue {
    return this.cell(address)?.value ?? '';
  }

  numberFormat(address: string): string {
    return this.cell(address)?.numberFormat ?? 'General';
  }

  /** The last format value set for a property path ("fill.color", "font.bold", ...) covering the cell. */
  formatAt(address: string, path: string): unknown {
    const at = mustParse(address);
    for (let i = this.formats.length - 1; i >= 0; i--) {
      const f = this.formats[i];
      if (f.path === path && contains(f.range, at.top, at.left)) return f.value;
    }
    return undefined;
  }

  ensure(row: number, col: number): FakeCell {
    const k = key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = {};
      this.cells.set(k, c);
    }
    return c;
  }

  usedRange(): CellRange | null {
    let top = Infinity,
      left = Infinity,
      bottom = -1,
      right = -1;
    for (const [k, c] of this.cells) {
      if (c.value === undefined && c.formula === undefined) continue;
      const row = Math.floor(k / 16_384);
      const col = k % 16_384;
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  /** Number of `context.sync()` calls (round trips), including the implicit one at the end of `run`. */
  syncCount = 0;
  /** Approximate request size in bytes of every sync, in order. */
  requestSizes: number[] = [];
  /** Approximate response size in bytes (loaded values) of every sync, in order. */
  responseSizes: number[] = [];
  /** A response larger than this fails the sync; Excel on the web's 5 MB unless a test changes it. */
  responseLimitBytes = WEB_PAYLOAD_LIMIT;
  /**
   * Told when each sync starts and ends. In Excel a sync is a round trip during which the add-in's
   * thread is free, so the benchmark counts the fake's own work in a sync as host time, not ours.
   */
  syncObserver: { syncStarted(): void; syncEnded(): void } | null = null;
  private nextCfId = 1;

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name);
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = name;
    return s;
  }

  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`no sheet "${name}" in the fake workbook`);
    return s;
  }

  findSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  addConditionalFormat(sheet: FakeSheet, cf: Omit<FakeConditionalFormat, 'id'>): FakeConditionalFormat {
    const full = { ...cf, id: this.nextCfId++ };
    sheet.conditionalFormats.push(full);
    return full;
  }

  resetCounters(): void {
    this.syncCount = 0;
    this.requestSizes = [];
    this.responseSizes = [];
  }

  get largestRequest(): number {
    return this.requestSizes.reduce((a, b) => Math.max(a, b), 0);
  }

  get largestResponse(): number {
    return this.responseSizes.reduce((a, b) => Math.max(a, b), 0);
  }
}

function mustParse(address: string): CellRange {
  const r = parseAnyAddress(address);
  if (!r) throw new FakeOfficeError('InvalidArgument', `The address "${address}" is not valid.`);
  return r;
}

/** "B3", "A1:C9", "Z:Z", "A:C", "5:5", "4:9" (optionally with a sheet prefix and $ signs). */
function parseAnyAddress(address: string): CellRange | null {
  const bare = address
    .slice(address.lastIndexOf('!') + 1)
    .replace(/\$/g, '')
    .trim();
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(bare);
  if (cols) {
    const a = columnIndex(cols[1]);
    const b = columnIndex(cols[2]);
    return { top: 0, bottom: MAX_ROW, left: Math.min(a, b), right: Math.max(a, b) };
  }
  const rows = /^(\d+):(\d+)$/.exec(bare);
  if (rows) {
    const a = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    return { top: Math.min(a, b), bottom: Math.max(a, b), left: 0, right: MAX_COL };
  }
  return parseRangeAddress(bare);
}

function contains(r: CellRange, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

const WHOLE_SHEET: CellRange = { top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL };

function cellCount(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

function validateSheetName(wb: FakeWorkbook, name: unknown, except?: FakeSheet): string {
  if (
    typeof name !== 'string' ||
    name.trim() === '' ||
    name.length > 31 ||
    /[:\\/?*[\]]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toLowerCase() === 'history'
  ) {
    throw new FakeOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
  }
  const existing = wb.findSheet(name);
  if (existing && existing !== except) {
    throw new FakeOfficeError('ItemAlreadyExists', 'The resource already exists.');
  }
  return name;
}

function assertWritable(sheet: FakeSheet): void {
  if (sheet.protected) {
    throw new FakeOfficeError('AccessDenied', 'The operation is not allowed because the sheet is protected.');
  }
}

// ------------------------------------------------------------------ request context

interface QueuedOp {
  describe: unknown;
  run: () => void;
}

export class FakeRequestContext {
  readonly workbook: WorkbookProxy;
  private queue: QueuedOp[] = [];
  private responseBytes = 0;
  /** Loaded values of the running sync, handed to their proxies only if the response is within the cap. */
  private deliveries: (() => void)[] = [];

  constructor(readonly model: FakeWorkbook) {
    this.workbook = new WorkbookProxy(this);
  }

  get hasPending(): boolean {
    return this.queue.length > 0;
  }

  enqueue(describe: unknown, run: () => void): void {
    this.queue.push({ describe, run });
  }

  /** Counts a loaded value into the response and hands it to its proxy when the sync succeeds. */
  deliver(value: unknown, apply: () => void): void {
    this.responseBytes += JSON.stringify(value ?? null).length;
    this.deliveries.push(apply);
  }

  async sync(): Promise<void> {
    const observer = this.model.syncObserver;
    observer?.syncStarted();
    try {
      await this.roundTrip();
    } finally {
      observer?.syncEnded();
    }
  }

  private async roundTrip(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    this.model.syncCount++;
    const bytes = JSON.stringify(ops.map((o) => o.describe)).length;
    this.model.requestSizes.push(bytes);
    this.responseBytes = 0;
    if (bytes > WEB_PAYLOAD_LIMIT) {
      this.model.responseSizes.push(0);
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    }
    this.deliveries = [];
    let tooLarge = false;
    try {
      for (const op of ops) op.run();
      tooLarge = this.responseBytes > this.model.responseLimitBytes;
    } finally {
      this.model.responseSizes.push(this.responseBytes);
      const deliveries = this.deliveries;
      this.deliveries = [];
      if (!tooLarge) for (const apply of deliveries) apply();
    }
    if (tooLarge) {
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    }
  }
}

/** An `Excel.run` stand-in over the fake workbook: runs the batch, then syncs anything still queued. */
export function fakeRun(model: FakeWorkbook): typeof Excel.run {
  const run = async <T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeRequestContext(model);
    const result = await batch(context);
    if (context.hasPending) await context.sync();
    return result;
  };
  return run as unknown as typeof Excel.run;
}

// ------------------------------------------------------------------ proxy base

type LoadSpec = string | string[] | { select?: string } | undefined;

function parseLoadSpec(spec: LoadSpec): string[][] {
  let text: string[];
  if (spec === undefined) text = [];
  else if (typeof spec === 'string') text = spec.split(',');
  else if (Array.isArray(spec)) text = spec.flatMap((s) => s.split(','));
  else text = (spec.select ?? '').split(',');
  return text
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.split('/'));
}

const NOT_LOADED = (name: string) =>
  new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

/**
 * Base of every fake API object. Properties listed in `readable` throw until loaded and synced;
 * `writable` ones queue a write. Navigation properties (child objects) are plain getters.
 */
abstract class ProxyBase {
  private cache = new Map<string, unknown>();
  protected nullObject: boolean | undefined = undefined;

  constructor(readonly context: FakeRequestContext) {}

  /** Scalar property names that `load()` accepts. */
  protected abstract scalarNames(): readonly string[];
  /** Reads a scalar from the model at sync time. */
  protected abstract readScalar(name: string): unknown;
  /** Child object for a load path segment (navigation property), if any. */
  protected navigation(_name: string): ProxyBase | undefined {
    return undefined;
  }
  /** Applies a property write at sync time. */
  protected writeScalar(name: string, _value: unknown): void {
    throw new TypeError(`Property ${name} is read-only in the fake.`);
  }

  load(spec?: LoadSpec): this {
    const paths = parseLoadSpec(spec);
    this.context.enqueue({ load: paths.map((p) => p.join('/')) }, () => this.applyLoad(paths));
    return this;
  }

  /** Runs at sync time. */
  applyLoad(paths: string[][]): void {
    if (this.isNull()) return;
    const list = paths.length === 0 ? this.scalarNames().map((n) => [n]) : paths;
    for (const [head, ...rest] of list) {
      if (rest.length === 0 && this.scalarNames().includes(head)) {
        const v = this.readScalar(head);
        this.context.deliver(v, () => this.cache.set(head, v));
        continue;
      }
      const child = this.navigation(head);
      if (!child) throw new FakeOfficeError('PropertyNotFound', `"${head}" is not a property of ${this.constructor.name}.`);
      child.applyLoad(rest.length ? [rest] : []);
    }
  }

  /** Null-object state, resolved at sync time; false for objects that cannot be null. */
  protected isNull(): boolean {
    return false;
  }

  get isNullObject(): boolean {
    if (this.nullObject === undefined) throw NOT_LOADED('isNullObject');
    return this.nullObject;
  }

  private navCache = new Map<string, unknown>();
  /** Navigation properties return the same child object every time, as in office.js. */
  protected memo<T>(name: string, make: () => T): T {
    if (!this.navCache.has(name)) this.navCache.set(name, make());
    return this.navCache.get(name) as T;
  }

  protected getProp<T>(name: string): T {
    if (!this.cache.has(name)) throw NOT_LOADED(name);
    return this.cache.get(name) as T;
  }

  protected setProp(name: string, value: unknown): void {
    // Like office.js, a value set locally can be read back before sync.
    this.cache.set(name, value);
    this.context.enqueue({ set: name, value }, () => this.writeScalar(name, value));
  }
}

/** Defines loadable getters (and setters for `writable`) on a proxy class. */
function defineProps(ctor: { prototype: object }, readable: string[], writable: string[] = []): void {
  for (const name of readable) {
    Object.defineProperty(ctor.prototype, name, {
      configurable: true,
      get(this: ProxyBase) {
        return (this as unknown as { getProp(n: string): unknown }).getProp(name);
      },
      set: writable.includes(name)
        ? function (this: ProxyBase, v: unknown) {
            (this as unknown as { setProp(n: string, v: unknown): void }).setProp(name, v);
          }
        : undefined,
    });
  }
}

// ------------------------------------------------------------------ workbook and sheets

class WorkbookProxy extends ProxyBase {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx, null);
  }
  protected scalarNames() {
    return [];
  }
  protected readScalar(): unknown {
    return undefined;
  }
  protected override navigation(name: string) {
    return name === 'worksheets' ? this.worksheets : name === 'tables' ? this.tables : undefined;
  }
}

abstract class CollectionBase<T extends ProxyBase, M> extends ProxyBase {
  private itemsCache: T[] | undefined;
  private proxies = new Map<M, T>();
  protected abstract models(): M[];
  protected abstract makeProxy(model: M): T;
  protected scalarNames() {
    return [];
  }
  protected readScalar(): unknown {
    return undefined;
  }
  get items(): T[] {
    if (!this.itemsCache) throw NOT_LOADED('items');
    return this.itemsCache;
  }
  override applyLoad(paths: string[][]): void {
    const itemPaths = paths.filter((p) => p[0] === 'items').map((p) => p.slice(1));
    const other = paths.filter((p) => p[0] !== 'items');
    if (other.length) throw new FakeOfficeError('PropertyNotFound', `"${other[0].join('/')}" is not a property of a collection.`);
    const items = this.models().map((m) => {
      let p = this.proxies.get(m);
      if (!p) {
        p = this.makeProxy(m);
        this.proxies.set(m, p);
      }
      return p;
    });
    // The list itself is delivered with the response (and withheld when the response is too large).
    this.context.deliver(null, () => {
      this.itemsCache = items;
    });
    const childPaths = itemPaths.filter((p) => p.length > 0);
    for (const item of items) item.applyLoad(childPaths);
  }
}

class WorksheetCollectionProxy extends CollectionBase<WorksheetProxy, FakeSheet> {
  protected models() {
    return this.context.model.sheets;
  }
  protected makeProxy(sheet: FakeSheet) {
    return new WorksheetProxy(this.context, () => sheet);
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const s = this.context.model.findSheet(name);
      if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (sheet "${name}").`);
      return s;
    });
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    const p = new WorksheetProxy(this.context, () => this.context.model.findSheet(name) ?? null, true);
    p.queueResolve();
    return p;
  }
  add(name?: string): WorksheetProxy {
    let created: FakeSheet | null = null;
    const p = new WorksheetProxy(this.context, () => {
      if (!created) throw new FakeOfficeError('GeneralException', 'The sheet was not added.');
      return created;
    });
    this.context.enqueue({ method: 'worksheets.add', name }, () => {
      const wb = this.context.model;
      const final = validateSheetName(wb, name ?? `Sheet${wb.sheets.length + 1}`);
      created = wb.addSheet(final);
    });
    return p;
  }
}

class WorksheetProxy extends ProxyBase {
  private target: FakeSheet | null | undefined;
  constructor(
    ctx: FakeRequestContext,
    private readonly resolver: () => FakeSheet | null,
    private readonly nullable = false,
  ) {
    super(ctx);
    if (!nullable) this.nullObject = false;
  }

  queueResolve(): void {
    this.context.enqueue({ resolve: 'worksheet' }, () => {
      this.nullObject = this.resolve() === null;
    });
  }

  /** The sheet model (memoized at first use in a sync, so a rename keeps pointing at it). */
  resolve(): FakeSheet | null {
    if (this.target === undefined || this.target === null) this.target = this.resolver();
    if (!this.nullable && !this.target) throw new FakeOfficeError('ItemNotFound', 'The requested resource does not exist.');
    return this.target;
  }

  mustResolve(): FakeSheet {
    const s = this.resolve();
    if (!s) throw new FakeOfficeError('InvalidObjectPath', 'The object is a null object; check isNullObject first.');
    return s;
  }

  protected override isNull(): boolean {
    return this.resolve() === null;
  }
  protected scalarNames() {
    return ['name', 'position', 'visibility'];
  }
  protected readScalar(name: string): unknown {
    const s = this.mustResolve();
    if (name === 'name') return s.name;
    if (name === 'position') return this.context.model.sheets.indexOf(s);
    return s.visibility;
  }
  protected override writeScalar(name: string, value: unknown): void {
    const s = this.mustResolve();
    const wb = this.context.model;
    if (name === 'name') {
      const old = s.name;
      s.name = validateSheetName(wb, value, s);
      if (wb.activeSheet === old) wb.activeSheet = s.name;
    } else if (name === 'visibility') {
      if (value !== 'Visible' && value !== 'Hidden' && value !== 'VeryHidden') {
        throw new FakeOfficeError('InvalidArgument', `Bad visibility ${String(value)}.`);
      }
      if (value !== 'Visible' && wb.sheets.filter((x) => x !== s && x.visibility === 'Visible').length === 0) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
      }
      s.visibility = value;
    }
  }
  protected override navigation(name: string): ProxyBase | undefined {
    if (name === 'protection') return this.protection;
    if (name === 'tables') return this.tables;
    return undefined;
  }

  get protection(): ProtectionProxy {
    return this.memo('protection', () => new ProtectionProxy(this.context, this));
  }
  get tables(): TableCollectionProxy {
    return this.memo('tables', () => new TableCollectionProxy(this.context, this));
  }
  get freezePanes(): FreezePanesProxy {
    requireApi('1.7', 'worksheet.freezePanes');
    return this.memo('freezePanes', () => new FreezePanesProxy(this.context, this));
  }
  get pageLayout(): PageLayoutProxy {
    requireApi('1.9', 'worksheet.pageLayout');
    return this.memo('pageLayout', () => new PageLayoutProxy(this.context, this));
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.mustResolve();
      return { sheet, range: address === undefined ? WHOLE_SHEET : mustParse(address) };
    });
  }

  getRanges(address: string): RangeAreasProxy {
    requireApi('1.9', 'worksheet.getRanges');
    return new RangeAreasProxy(this.context, () => {
      const sheet = this.mustResolve();
      return { sheet, ranges: address.split(',').map((a) => mustParse(a)) };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    void valuesOnly; // the fake keeps no formats outside values, so both modes agree
    const p = new RangeProxy(
      this.context,
      () => {
        const sheet = this.mustResolve();
        const used = sheet.usedRange();
        return used ? { sheet, range: used } : null;
      },
      true,
    );
    p.queueResolve();
    return p;
  }

  activate(): void {
    this.context.enqueue({ method: 'activate' }, () => {
      const s = this.mustResolve();
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'Cannot activate a hidden sheet.');
      this.context.model.activeSheet = s.name;
    });
  }

  delete(): void {
    this.context.enqueue({ method: 'delete' }, () => {
      const wb = this.context.model;
      const s = this.mustResolve();
      if (wb.sheets.filter((x) => x !== s && x.visibility === 'Visible').length === 0) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
      }
      wb.sheets = wb.sheets.filter((x) => x !== s);
      if (wb.activeSheet === s.name) wb.activeSheet = wb.sheets.find((x) => x.visibility === 'Visible')?.name ?? null;
    });
  }
}
defineProps(WorksheetProxy, ['name', 'position', 'visibility'], ['name', 'visibility']);

class ProtectionProxy extends ProxyBase {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: WorksheetProxy,
  ) {
    super(ctx);
  }
  protected scalarNames() {
    return ['protected'];
  }
  protected readScalar(): unknown {
    return this.sheet.mustResolve().protected;
  }
}
defineProps(ProtectionProxy, ['protected']);

class FreezePanesProxy extends ProxyBase {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: WorksheetProxy,
  ) {
    super(ctx);
  }
  protected scalarNames() {
    return [];
  }
  protected readScalar(): unknown {
    return undefined;
  }
  freezeRows(count?: number): void {
    this.context.enqueue({ method: 'freezeRows', count }, () => {
      const s = this.sheet.mustResolve();
      assertWritable(s);
      s.frozenRows = count ?? 1;
    });
  }
}

// ------------------------------------------------------------------ page layout

class PageLayoutProxy extends ProxyBase {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: WorksheetProxy,
  ) {
    super(ctx);
  }
  protected scalarNames() {
    return ['orientation', 'zoom'];
  }
  protected readScalar(name: string): unknown {
    const p = this.sheet.mustResolve().pageLayout;
    return name === 'orientation' ? p.orientation : { ...p.zoom };
  }
  protected override writeScalar(name: string, value: unknown): void {
    const p = this.sheet.mustResolve().pageLayout;
    if (name === 'orientation') {
      if (value !== 'Landscape' && value !== 'Portrait') throw new FakeOfficeError('InvalidArgument', 'Bad orientation.');
      p.orientation = value;
    } else p.zoom = { ...(value as object) };
  }
  get headersFooters(): HeadersFootersGroupProxy {
    return this.memo('headersFooters', () => new HeadersFootersGroupProxy(this.context, this.sheet));
  }
  setPrintTitleRows(address: string): void {
    this.context.enqueue({ method: 'setPrintTitleRows', address }, () => {
      mustParse(address);
      this.sheet.mustResolve().pageLayout.printTitleRows = address;
    });
  }
  setPrintArea(address: string): void {
    this.context.enqueue({ method: 'setPrintArea', address }, () => {
      mustParse(address);
      this.sheet.mustResolve().pageLayout.printArea = address;
    });
  }
}
defineProps(PageLayoutProxy, ['orientation', 'zoom'], ['orientation', 'zoom']);

class HeadersFootersGroupProxy extends ProxyBase {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: WorksheetProxy,
  ) {
    super(ctx);
  }
  protected scalarNames() {
    return [];
  }
  protected readScalar(): unknown {
    return undefined;
  }
  get defaultForAllPages(): HeaderFooterProxy {
    return this.memo('defaultForAllPages', () => new HeaderFooterProxy(this.context, this.sheet));
  }
}

class HeaderFooterProxy extends ProxyBase {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: WorksheetProxy,
  ) {
    super(ctx);
  }
  protected scalarNames() {
    return ['leftFooter', 'centerFooter', 'rightFooter'];
  }
  protected readScalar(name: string): unknown {
    const f = this.sheet.mustResolve().pageLayout.footer;
    return name === 'leftFooter' ? f.left : name === 'centerFooter' ? f.center : f.right;
  }
  protected override writeScalar(name: string, value: unknown): void {
    const f = this.sheet.mustResolve().pageLayout.footer;
    const text = String(value);
    if (name === 'leftFooter') f.left = text;
    else if (name === 'centerFooter') f.center = text;
    else f.right = text;
  }
}
defineProps(HeaderFooterProxy, ['leftFooter', 'centerFooter', 'rightFooter'], ['leftFooter', 'centerFooter', 'rightFooter']);

// ------------------------------------------------------------------ ranges

interface ResolvedRange {
  sheet: FakeSheet;
  range: CellRange;
}

class RangeProxy extends ProxyBase {
  private target: ResolvedRange | null | undefined;
  constructor(
    ctx: FakeRequestContext,
    private readonly resolver: () => ResolvedRange | null,
    private readonly nullable = false,
  ) {
    super(ctx);
    if (!nullable) this.nullObject = false;
  }

  queueResolve(): void {
    this.context.enqueue({ resolve: 'range' }, () => {
      this.nullObject = this.resolve() === null;
    });
  }

  resolve(): ResolvedRange | null {
    if (this.target === undefined) this.target = this.resolver();
    return this.target;
  }

  mustResolve(): ResolvedRange {
    const r = this.resolve();
    if (!r) throw new FakeOfficeError('InvalidObjectPath', 'The range is a null object; check isNullObject first.');
    return r;
  }

  protected override isNull(): boolean {
    return this.nullable && this.resolve() === null;
  }

  protected scalarNames() {
    return ['address', 'values', 'formulas', 'numberFormat', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount'];
  }

  protected readScalar(name: string): unknown {
    const { sheet, range } = this.mustResolve();
    switch (name) {
      case 'address':
        return `${quoteSheetName(sheet.name)}!${rangeAddress(range)}`;
      case 'rowIndex':
        return range.top;
      case 'columnIndex':
        return range.left;
      case 'rowCount':
        return range.bottom - range.top + 1;
      case 'columnCount':
        return range.right - range.left + 1;
    }
    // Past Excel's read cap the real API returns null without an error.
    if (cellCount(range) > READ_CELL_CAP) return null;
    return this.matrix(sheet, range, (c) => {
      if (name === 'values') return c?.value ?? '';
      if (name === 'formulas') return c?.formula ?? c?.value ?? '';
      return c?.numberFormat ?? 'General';
    });
  }

  private matrix(sheet: FakeSheet, r: CellRange, pick: (c: FakeCell | undefined) => unknown): unknown[][] {
    const out: unknown[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: unknown[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(pick(sheet.cells.get(key(row, col))));
      out.push(line);
    }
    return out;
  }

  protected override writeScalar(name: string, value: unknown): void {
    const { sheet, range } = this.mustResolve();
    assertWritable(sheet);
    if (name === 'columnHidden') {
      for (let c = range.left; c <= range.right; c++) {
        if (value) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
      return;
    }
    const rows = range.bottom - range.top + 1;
    const cols = range.right - range.left + 1;
    const m = value as unknown[][];
    if (!Array.isArray(m) || m.length !== rows || m.some((r) => !Array.isArray(r) || r.length !== cols)) {
      throw new FakeOfficeError(
        'InvalidArgument',
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${name}).`,
      );
    }
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const v = m[i][j];
        if (v === null || v === undefined) continue; // null leaves the cell alone, as in Excel
        const cell = sheet.ensure(range.top + i, range.left + j);
        if (name === 'numberFormat') cell.numberFormat = String(v);
        else writeCellValue(cell, v as string | number | boolean);
      }
    }
  }

  protected override navigation(name: string): ProxyBase | undefined {
    if (name === 'format') return this.format;
    if (name === 'conditionalFormats') return this.conditionalFormats;
    return undefined;
  }

  get format(): RangeFormatProxy {
    return this.memo(
      'format',
      () =>
        new RangeFormatProxy(this.context, () => {
          const r = this.mustResolve();
          return { sheet: r.sheet, ranges: [r.range] };
        }),
    );
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    requireApi('1.6', 'range.conditionalFormats');
    return this.memo(
      'conditionalFormats',
      () =>
        new ConditionalFormatCollectionProxy(this.context, () => {
          const r = this.mustResolve();
          return { sheet: r.sheet, ranges: [r.range] };
        }),
    );
  }

  clear(applyTo?: string): void {
    this.context.enqueue({ method: 'clear', applyTo }, () => {
      const { sheet, range } = this.mustResolve();
      assertWritable(sheet);
      for (const [k, c] of [...sheet.cells]) {
        if (!contains(range, Math.floor(k / 16_384), k % 16_384)) continue;
        delete c.value;
        delete c.formula;
        delete c.writtenAsText;
        if (applyTo !== 'Contents') delete c.numberFormat;
      }
    });
  }

  merge(across?: boolean): void {
    this.context.enqueue({ method: 'merge', across }, () => {
      const { sheet, range } = this.mustResolve();
      assertWritable(sheet);
      if (sheet.merges.some((m) => intersects(m, range))) {
        throw new FakeOfficeError('InvalidOperation', 'Cannot merge over an existing merged area.');
      }
      sheet.merges.push({ ...range });
      // Excel keeps only the top-left value of a merged area.
      for (let r = range.top; r <= range.bottom; r++) {
        for (let c = range.left; c <= range.right; c++) {
          if (r === range.top && c === range.left) continue;
          const cell = sheet.cells.get(key(r, c));
          if (cell) {
            delete cell.value;
            delete cell.formula;
          }
        }
      }
    });
  }

  select(): void {
    this.context.enqueue({ method: 'select' }, () => {
      const { sheet, range } = this.mustResolve();
      if (this.context.model.activeSheet !== sheet.name) {
        throw new FakeOfficeError('InvalidSelection', 'The selection must be on the active sheet.');
      }
      this.context.model.selection = { sheet: sheet.name, address: rangeAddress(range) };
    });
  }

  /**
   * ExcelApi 1.9: the cells holding constants (not formulas) or formulas, as Excel groups them:
   * runs of neighbouring cells in a row, joined down the rows while the runs line up. Null when
   * there are none. Only "Constants" and "Formulas" (the types the adapter uses) are emulated.
   */
  getSpecialCellsOrNullObject(cellType: string, cellValueType?: string): RangeAreasProxy {
    requireApi('1.9', 'range.getSpecialCellsOrNullObject');
    if ((cellType !== 'Constants' && cellType !== 'Formulas') || (cellValueType !== undefined && cellValueType !== 'All')) {
      throw new TypeError(`The fake emulates only Constants and Formulas special cells, not ${cellType}/${String(cellValueType)}.`);
    }
    const p = new RangeAreasProxy(
      this.context,
      () => {
        const { sheet, range } = this.mustResolve();
        const keys: number[] = [];
        for (const [k, c] of sheet.cells) {
          if (c.value === undefined && c.formula === undefined) continue;
          if ((c.formula !== undefined) !== (cellType === 'Formulas')) continue;
          if (contains(range, Math.floor(k / 16_384), k % 16_384)) keys.push(k);
        }
        const areas = areasOfCells(keys);
        return areas.length ? { sheet, ranges: areas } : null;
      },
      true,
    );
    p.queueResolve();
    return p;
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    requireApi('1.13', 'range.getMergedAreasOrNullObject');
    const p = new RangeAreasProxy(
      this.context,
      () => {
        const { sheet, range } = this.mustResolve();
        const hits = sheet.merges.filter((m) => intersects(m, range));
        return hits.length ? { sheet, ranges: hits } : null;
      },
      true,
    );
    p.queueResolve();
    return p;
  }
}
defineProps(
  RangeProxy,
  ['address', 'values', 'formulas', 'numberFormat', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'columnHidden'],
  ['values', 'numberFormat', 'columnHidden'],
);

/** Emulates how Excel stores a value: text cells keep strings verbatim; otherwise "=", "+", "-", "@" start a formula. */
function writeCellValue(cell: FakeCell, v: string | number | boolean): void {
  delete cell.formula;
  cell.writtenAsText = cell.numberFormat === '@';
  if (typeof v !== 'string' || cell.numberFormat === '@') {
    if (v === '') delete cell.value;
    else cell.value = v;
    return;
  }
  if (v === '') {
    delete cell.value;
    return;
  }
  if (/^[=+\-@]/.test(v)) {
    const asNumber = Number(v);
    if (v[0] !== '=' && v[0] !== '@' && Number.isFinite(asNumber)) {
      cell.value = asNumber;
      return;
    }
    cell.formula = v[0] === '=' ? v : `=${v.slice(v[0] === '@' ? 1 : 0)}`;
    cell.value = '#NAME?';
    return;
  }
  const n = Number(v);
  cell.value = v.trim() !== '' && Number.isFinite(n) ? n : v;
}

/** Cells (as `key`s) -> rectangles: runs along each row, then runs of equal span joined down the rows. */
function areasOfCells(keys: number[]): CellRange[] {
  keys.sort((a, b) => a - b);
  const runs: CellRange[] = [];
  for (const k of keys) {
    const row = Math.floor(k / 16_384);
    const col = k % 16_384;
    const last = runs[runs.length - 1];
    if (last && last.top === row && last.right === col - 1) last.right = col;
    else runs.push({ top: row, bottom: row, left: col, right: col });
  }
  const open = new Map<string, CellRange>();
  const out: CellRange[] = [];
  for (const run of runs) {
    const span = `${run.left}:${run.right}`;
    const above = open.get(span);
    if (above && above.bottom === run.top - 1) above.bottom = run.top;
    else {
      const area = { ...run };
      open.set(span, area);
      out.push(area);
    }
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

interface ResolvedAreas {
  sheet: FakeSheet;
  ranges: CellRange[];
}

class RangeAreasProxy extends ProxyBase {
  private target: ResolvedAreas | null | undefined;
  constructor(
    ctx: FakeRequestContext,
    private readonly resolver: () => ResolvedAreas | null,
    private readonly nullable = false,
  ) {
    super(ctx);
    if (!nullable) this.nullObject = false;
  }
  queueResolve(): void {
    this.context.enqueue({ resolve: 'rangeAreas' }, () => {
      this.nullObject = this.resolve() === null;
    });
  }
  resolve(): ResolvedAreas | null {
    if (this.target === undefined) this.target = this.resolver();
    return this.target;
  }
  mustResolve(): ResolvedAreas {
    const r = this.resolve();
    if (!r) throw new FakeOfficeError('InvalidObjectPath', 'The range areas are a null object.');
    return r;
  }
  protected override isNull(): boolean {
    return this.nullable && this.resolve() === null;
  }
  protected scalarNames() {
    return ['address', 'areaCount', 'cellCount'];
  }
  protected readScalar(name: string): unknown {
    const { sheet, ranges } = this.mustResolve();
    if (name === 'areaCount') return ranges.length;
    if (name === 'cellCount') return ranges.reduce((n, r) => n + cellCount(r), 0);
    return ranges.map((r) => `${quoteSheetName(sheet.name)}!${rangeAddress(r)}`).join(',');
  }
  protected override navigation(name: string): ProxyBase | undefined {
    return name === 'areas' ? this.areas : undefined;
  }
  get areas(): RangeCollectionProxy {
    return this.memo('areas', () => new RangeCollectionProxy(this.context, () => this.mustResolve()));
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this.memo('conditionalFormats', () => new ConditionalFormatCollectionProxy(this.context, () => this.mustResolve()));
  }
}
defineProps(RangeAreasProxy, ['address', 'areaCount', 'cellCount']);

class RangeCollectionProxy extends CollectionBase<RangeProxy, CellRange> {
  constructor(
    ctx: FakeRequestContext,
    private readonly owner: () => ResolvedAreas,
  ) {
    super(ctx);
  }
  protected models() {
    return this.owner().ranges;
  }
  protected makeProxy(range: CellRange) {
    return new RangeProxy(this.context, () => ({ sheet: this.owner().sheet, range }));
  }
}

// ------------------------------------------------------------------ range format

class RangeFormatProxy extends ProxyBase {
  constructor(
    ctx: FakeRequestContext,
    private readonly owner: () => ResolvedAreas,
    private readonly prefix = '',
  ) {
    super(ctx);
  }
  protected scalarNames() {
    return [];
  }
  protected readScalar(): unknown {
    return undefined;
  }
  protected override writeScalar(name: string, value: unknown): void {
    const { sheet, ranges } = this.owner();
    assertWritable(sheet);
    for (const range of ranges) {
      if (name === 'columnWidth') for (let c = range.left; c <= range.right; c++) sheet.columnWidths.set(c, Number(value));
      else if (name === 'rowHeight') for (let r = range.top; r <= range.bottom; r++) sheet.rowHeights.set(r, Number(value));
      else sheet.formats.push({ range, path: this.prefix + name, value });
    }
  }
  get fill(): FormatPartProxy {
    return this.memo('fill', () => new FormatPartProxy(this.context, this.owner, 'fill.', ['color']));
  }
  get font(): FormatPartProxy {
    return this.memo('font', () => new FormatPartProxy(this.context, this.owner, 'font.', ['bold', 'italic', 'size', 'color']));
  }
  get borders(): BorderCollectionProxy {
    return this.memo('borders', () => new BorderCollectionProxy(this.context, this.owner));
  }
}
defineProps(
  RangeFormatProxy,
  ['columnWidth', 'rowHeight', 'wrapText', 'horizontalAlignment', 'verticalAlignment'],
  ['columnWidth', 'rowHeight', 'wrapText', 'horizontalAlignment', 'verticalAlignment'],
);

/** fill / font / one border edge: write-only in the fake (the adapter never reads formats back). */
class FormatPartProxy extends ProxyBase {
  constructor(
    ctx: FakeRequestContext,
    private readonly owner: () => ResolvedAreas,
    private readonly prefix: string,
    private readonly names: string[],
  ) {
    super(ctx);
    for (const n of names) {
      Object.defineProperty(this, n, {
        get: () => this.getProp(n),
        set: (v: unknown) => this.setProp(n, v),
      });
    }
  }
  protected scalarNames() {
    return this.names;
  }
  protected readScalar(): unknown {
    return undefined;
  }
  protected override writeScalar(name: string, value: unknown): void {
    const { sheet, ranges } = this.owner();
    assertWritable(sheet);
    for (const range of ranges) sheet.formats.push({ range, path: this.prefix + name, value });
  }
}

const BORDER_NAMES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'];

class BorderCollectionProxy extends ProxyBase {
  constructor(
    ctx: FakeRequestContext,
    private readonly owner: () => ResolvedAreas,
  ) {
    super(ctx);
  }
  protected scalarNames() {
    return [];
  }
  protected readScalar(): unknown {
    return undefined;
  }
  getItem(index: string): FormatPartProxy {
    if (!BORDER_NAMES.includes(index)) throw new FakeOfficeError('InvalidArgument', `No border "${index}".`);
    return new FormatPartProxy(this.context, this.owner, `borders.${index}.`, ['style', 'weight', 'color']);
  }
}

// ------------------------------------------------------------------ conditional formats

class ConditionalFormatCollectionProxy extends CollectionBase<ConditionalFormatProxy, FakeConditionalFormat> {
  constructor(
    ctx: FakeRequestContext,
    private readonly owner: () => ResolvedAreas,
  ) {
    super(ctx);
  }
  protected models() {
    const { sheet, ranges } = this.owner();
    return sheet.conditionalFormats.filter((cf) => cf.ranges.some((a) => ranges.some((b) => intersects(a, b))));
  }
  protected makeProxy(cf: FakeConditionalFormat) {
    return new ConditionalFormatProxy(this.context, () => ({ sheet: this.owner().sheet, cf }));
  }
  add(type: string): ConditionalFormatProxy {
    let created: { sheet: FakeSheet; cf: FakeConditionalFormat } | null = null;
    this.context.enqueue({ method: 'conditionalFormats.add', type }, () => {
      const { sheet, ranges } = this.owner();
      assertWritable(sheet);
      if (type !== 'Custom') throw new FakeOfficeError('InvalidArgument', `The fake only supports Custom rules, not ${type}.`);
      for (const r of ranges) {
        if (cellCount(r) > 1_048_576 * 64) throw new FakeOfficeError('InvalidArgument', 'Give conditional formats a bounded range.');
      }
      created = { sheet, cf: this.context.model.addConditionalFormat(sheet, { type: 'Custom', ranges: ranges.map((r) => ({ ...r })) }) };
    });
    return new ConditionalFormatProxy(this.context, () => {
      if (!created) throw new FakeOfficeError('GeneralException', 'The rule was not added.');
      return created;
    });
  }
}

class ConditionalFormatProxy extends ProxyBase {
  constructor(
    ctx: FakeRequestContext,
    readonly owner: () => { sheet: FakeSheet; cf: FakeConditionalFormat },
  ) {
    super(ctx);
  }
  protected scalarNames() {
    return ['type'];
  }
  protected readScalar(): unknown {
    return this.owner().cf.type;
  }
  protected override navigation(name: string): ProxyBase | undefined {
    return name === 'custom' ? this.custom : undefined;
  }
  get custom(): CustomConditionalFormatProxy {
    return this.memo(
      'custom',
      () =>
        new CustomConditionalFormatProxy(this.context, () => {
          const o = this.owner();
          if (o.cf.type !== 'Custom') throw new FakeOfficeError('InvalidOperation', 'This conditional format is not a custom type.');
          return o;
        }),
    );
  }
  delete(): void {
    this.context.enqueue({ method: 'conditionalFormat.delete' }, () => {
      const { sheet, cf } = this.owner();
      assertWritable(sheet);
      sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf);
    });
  }
}
defineProps(ConditionalFormatProxy, ['type']);

type CfOwner = () => { sheet: FakeSheet; cf: FakeConditionalFormat };

class CustomConditionalFormatProxy extends ProxyBase {
  constructor(
    ctx: FakeRequestContext,
    private readonly owner: CfOwner,
  ) {
    super(ctx);
  }
  protected scalarNames() {
    return [];
  }
  protected readScalar(): unknown {
    return undefined;
  }
  protected override navigation(name: string): ProxyBase | undefined {
    return name === 'rule' ? this.rule : name === 'format' ? this.format : undefined;
  }
  get rule(): ConditionalFormatRuleProxy {
    return this.memo('rule', () => new ConditionalFormatRuleProxy(this.context, this.owner));
  }
  get format(): ConditionalRangeFormatProxy {
    return this.memo('format', () => new ConditionalRangeFormatProxy(this.context, this.owner));
  }
}

class ConditionalFormatRuleProxy extends ProxyBase {
  constructor(
    ctx: FakeRequestContext,
    private readonly owner: CfOwner,
  ) {
    super(ctx);
  }
  protected scalarNames() {
    return ['formula'];
  }
  protected readScalar(): unknown {
    return this.owner().cf.formula ?? '';
  }
  protected override writeScalar(_name: string, value: unknown): void {
    const { sheet, cf } = this.owner();
    assertWritable(sheet);
    if (typeof value !== 'string' || !value.startsWith('='))
      throw new FakeOfficeError('InvalidArgument', 'A rule formula must start with "=".');
    cf.formula = value;
  }
}
defineProps(ConditionalFormatRuleProxy, ['formula'], ['formula']);

class ConditionalRangeFormatProxy extends ProxyBase {
  constructor(
    ctx: FakeRequestContext,
    private readonly owner: CfOwner,
  ) {
    super(ctx);
  }
  protected scalarNames() {
    return [];
  }
  protected readScalar(): unknown {
    return undefined;
  }
  get fill(): CfColorProxy {
    return this.memo('fill', () => new CfColorProxy(this.context, this.owner, 'fill'));
  }
  get font(): CfColorProxy {
    return this.memo('font', () => new CfColorProxy(this.context, this.owner, 'fontColor'));
  }
}

class CfColorProxy extends ProxyBase {
  constructor(
    ctx: FakeRequestContext,
    private readonly owner: CfOwner,
    private readonly field: 'fill' | 'fontColor',
  ) {
    super(ctx);
  }
  protected scalarNames() {
    return ['color'];
  }
  protected readScalar(): unknown {
    return this.owner().cf[this.field];
  }
  protected override writeScalar(_name: string, value: unknown): void {
    const { sheet, cf } = this.owner();
    assertWritable(sheet);
    cf[this.field] = String(value);
  }
}
defineProps(CfColorProxy, ['color'], ['color']);

// ------------------------------------------------------------------ tables

class TableCollectionProxy extends CollectionBase<TableProxy, { sheet: FakeSheet; table: FakeTable }> {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: WorksheetProxy | null,
  ) {
    super(ctx);
  }
  protected models() {
    const sheets = this.sheet ? [this.sheet.mustResolve()] : this.context.model.sheets;
    return sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
  }
  protected makeProxy(m: { sheet: FakeSheet; table: FakeTable }) {
    return new TableProxy(this.context, m.sheet, m.table);
  }
}

class TableProxy extends ProxyBase {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: FakeSheet,
    private readonly table: FakeTable,
  ) {
    super(ctx);
  }
  protected scalarNames() {
    return ['name', 'showHeaders'];
  }
  protected readScalar(name: string): unknown {
    return name === 'name' ? this.table.name : this.table.showHeaders;
  }
  protected override navigation(name: string): ProxyBase | undefined {
    if (name === 'worksheet') return this.worksheet;
    if (name === 'columns') return this.columns;
    return undefined;
  }
  get worksheet(): WorksheetProxy {
    return this.memo('worksheet', () => new WorksheetProxy(this.context, () => this.sheet));
  }
  get columns(): TableColumnCollectionProxy {
    return this.memo('columns', () => new TableColumnCollectionProxy(this.context, this.table));
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.context, () => ({ sheet: this.sheet, range: this.table.range }));
  }
}
defineProps(TableProxy, ['name', 'showHeaders']);

class TableColumnCollectionProxy extends CollectionBase<TableColumnProxy, string> {
  constructor(
    ctx: FakeRequestContext,
    private readonly table: FakeTable,
  ) {
    super(ctx);
  }
  protected models() {
    return this.table.columnNames;
  }
  protected makeProxy(name: string) {
    return new TableColumnProxy(this.context, name);
  }
}

class TableColumnProxy extends ProxyBase {
  constructor(
    ctx: FakeRequestContext,
    private readonly columnName: string,
  ) {
    super(ctx);
  }
  protected scalarNames() {
    return ['name'];
  }
  protected readScalar(): unknown {
    return this.columnName;
  }
}
defineProps(TableColumnProxy, ['name']);
