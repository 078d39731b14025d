/**
 * A strict fake of the part of the Excel JavaScript API the add-in uses, over a FakeWorkbook.
 *
 * It keeps the rules that make real Office.js code go wrong: reads need `load()` + `sync()` and
 * throw PropertyNotLoaded otherwise; writes and loads are queued and run in order at `sync()`
 * (a failing command rejects the sync and drops the rest of the batch, like Excel); collections
 * expose `items` only after loading; `*OrNullObject` methods set `isNullObject`. Every `sync()`
 * is one round trip, counted on the host with an estimate of its request and response size
 * (JSON, UTF-8) and refused above Excel on the web's 5 MB. Each documented behaviour modelled
 * here is listed with its source in docs/office-js-behaviour.md.
 */
import { columnLetter, columnNumber, parseA1 } from '../../core/grid';
import { quoteSheet } from '../address';
import type { FillPattern, FillProps } from '../fill';
import { NO_FILL } from '../fill';
import { jsonBytes, PAYLOAD_LIMIT } from '../payload';
import { displayText } from './display';
import type { FakeCell, FakeSheet, FakeWorkbook, FakeXmlPart, Rect, Visibility } from './workbook';
import { FakeOfficeError, MAX_COLS, MAX_ROWS } from './workbook';

/**
 * A queued command. Writes act when it runs; a load returns what travels back (`payload`, for the
 * byte count) and `commit`, which makes the values readable only once the whole response fits.
 */
type Op = () => void | { payload: unknown; commit: () => void };

/**
 * "Excel on the web has a payload size limit for requests and responses of 5MB"
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 * Excel on Windows and Mac have no such limit (not modelled): the fake is as strict as the web.
 */
export { PAYLOAD_LIMIT };
/** Rough size of one command's envelope in the request (object path, method name, ids). */
const COMMAND_BYTES = 60;

export interface TripSize {
  request: number;
  response: number;
}

export class FakeExcelHost {
  /** Number of context.sync() calls (round trips) since creation or the last reset. */
  roundTrips = 0;
  /** Estimated request and response bytes of every round trip since the last reset. */
  trips: TripSize[] = [];
  /** Bytes above which a request or response is refused (null: no limit, as Excel on Windows). */
  payloadLimit: number | null = PAYLOAD_LIMIT;
  /**
   * The user is typing in a cell. Without `delayForCellEdit` a batch then fails
   * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit) with
   * InvalidOperationInCellEditMode (Excel.ErrorCodes).
   */
  cellEditMode = false;
  /**
   * When set, awaited before each queued command of a sync. The browser preview uses it to give the
   * page a turn: real Excel does this work in its own process, the fake must not freeze the page.
   */
  pace: (() => Promise<void>) | null = null;
  constructor(public readonly book: FakeWorkbook) {}

  /** Same shape as Excel.run: the batch gets a fresh context; queued commands are flushed at the end. */
  run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeRequestContext(this);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.pending() > 0) await ctx.sync();
    return result;
  };

  resetCount(): void {
    this.roundTrips = 0;
    this.trips = [];
  }

  /** Largest request or response of any round trip since the last reset. */
  maxPayload(): number {
    let max = 0;
    for (const t of this.trips) max = Math.max(max, t.request, t.response);
    return max;
  }
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbookProxy;
  private queue: Op[] = [];
  private requestBytes = 0;
  constructor(readonly host: FakeExcelHost) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  /** Queue a command; `args` is what it sends (addresses, values, XML) for the request size. */
  enqueue(op: Op, args?: unknown): void {
    this.queue.push(op);
    this.requestBytes += COMMAND_BYTES + jsonBytes(args);
  }

  /** A further step of the command just queued (its bytes are already counted). */
  enqueueMore(op: Op): void {
    this.queue.push(op);
  }

  /** Bytes a proxy adds to the next request without a command of its own (e.g. an address). */
  addRequest(args: unknown): void {
    this.requestBytes += jsonBytes(args);
  }

  pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const host = this.host;
    host.roundTrips++;
    const ops = this.queue;
    const request = this.requestBytes;
    this.queue = [];
    this.requestBytes = 0;
    const trip: TripSize = { request, response: 0 };
    host.trips.push(trip);
    await Promise.resolve();
    if (host.cellEditMode && ops.length) {
      throw new FakeOfficeError('InvalidOperationInCellEditMode', 'The operation isn\'t available while Excel is in Edit cell mode.');
    }
    if (host.payloadLimit !== null && request > host.payloadLimit) {
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    }
    let failure: unknown = null;
    const commits: (() => void)[] = [];
    for (const op of ops) {
      if (this.host.pace) await this.host.pace();
      try {
        const out = op();
        if (out) {
          trip.response += jsonBytes(out.payload);
          commits.push(out.commit);
        }
      } catch (e) {
        failure = e;
        break;
      }
    }
    this.host.book.emit();
    if (failure) throw failure;
    // Writes already ran (unverifiable: whether Excel keeps them when only the response is too big).
    if (host.payloadLimit !== null && trip.response > host.payloadLimit) {
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    }
    for (const c of commits) c();
  }
}

// ---------------------------------------------------------------- base

/**
 * Reading a property that was not loaded and synced throws PropertyNotLoaded
 * (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#load).
 */
function notLoaded(prop: string, type: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object (${type}) and call "context.sync()" on the associated request context.`,
  );
}

function parseLoadSpec(spec: unknown, all: string[]): string[] {
  if (spec === undefined || spec === null) return all;
  let names: string[];
  if (typeof spec === 'string') names = spec.split(',');
  else if (Array.isArray(spec)) names = spec as string[];
  else if (typeof spec === 'object' && typeof (spec as { select?: string }).select === 'string') names = (spec as { select: string }).select.split(',');
  else throw new FakeOfficeError('InvalidArgument', 'fake: unsupported load() argument');
  return names.map((n) => n.trim()).filter(Boolean);
}

/**
 * Office.js resolves `isNullObject` of an *OrNullObject result at the next sync without an explicit
 * load (the documented `getItemOrNullObject(); await sync(); if (x.isNullObject)` pattern).
 */
function trackNull(obj: ClientObject, isNull: () => boolean): void {
  obj.context.enqueue(() => {
    const v = isNull();
    return { payload: v, commit: () => obj.setLoaded('isNullObject', v) };
  });
}

abstract class ClientObject {
  protected loaded = new Map<string, unknown>();

  setLoaded(prop: string, v: unknown): void {
    this.loaded.set(prop, v);
  }
  protected abstract readonly typeName: string;
  protected abstract readonly scalarProps: string[];
  constructor(readonly context: FakeRequestContext) {}

  protected get_<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(prop, this.typeName);
    return this.loaded.get(prop) as T;
  }

  /** Queue a load of scalar properties; the values are taken when the command runs at sync(). */
  load(spec?: unknown): this {
    const props = parseLoadSpec(spec, this.scalarProps);
    for (const p of props) {
      if (!this.scalarProps.includes(p)) throw new FakeOfficeError('InvalidArgument', `fake: ${this.typeName} has no loadable property '${p}'`);
    }
    // One command per property (the same bytes and result at sync): the preview's pace can give the
    // page a turn between them.
    const loadOne = (p: string | null) => () => {
      // Loading a null object is allowed (the documented OrNullObject pattern); only isNullObject gets a value.
      if (this.isNullNow()) return { payload: { isNullObject: true }, commit: () => this.loaded.set('isNullObject', true) };
      if (p === null) return undefined;
      const value = this.read(p);
      return { payload: { [p]: value }, commit: () => this.loaded.set(p, value) };
    };
    this.context.enqueue(loadOne(props[0] ?? null), props);
    for (const p of props.slice(1)) this.context.enqueueMore(loadOne(p));
    return this;
  }

  /** True for an *OrNullObject proxy whose target does not exist (at command time). */
  protected isNullNow(): boolean {
    return false;
  }

  /** The current value of a property, computed when a queued load runs. */
  protected abstract read(prop: string): unknown;
}

// ---------------------------------------------------------------- workbook & worksheets

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  /** Workbook structure protection (ExcelApi 1.7): adding, deleting, renaming or hiding sheets is refused. */
  readonly protection: FakeProtection;
  readonly customXmlParts: FakeCustomXmlPartCollection;
  constructor(readonly context: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.protection = new FakeProtection(context, 'WorkbookProtection', () => context.host.book.structureProtected);
    this.customXmlParts = new FakeCustomXmlPartCollection(context, null);
  }
}

// ---------------------------------------------------------------- custom XML parts

/**
 * Workbook.customXmlParts (ExcelApi 1.5): add(xml), getByNamespace(uri), getItem(id),
 * getItemOrNullObject(id), getCount(); parts have id, namespaceUri, getXml(), setXml(), delete()
 * (https://learn.microsoft.com/javascript/api/excel/excel.customxmlpartcollection). The namespace is
 * the root element's xmlns; XML that is not well-formed enough to have a root is refused (InvalidArgument).
 */
class FakeCustomXmlPartCollection extends ClientObject {
  protected readonly typeName = 'CustomXmlPartCollection';
  protected readonly scalarProps: string[] = [];
  private loadedItems: FakeCustomXmlPart[] | null = null;
  constructor(context: FakeRequestContext, private readonly namespaceUri: string | null) {
    super(context);
  }
  private parts(): FakeXmlPart[] {
    const all = this.context.host.book.customXmlParts;
    return this.namespaceUri === null ? all : all.filter((p) => p.namespaceUri === this.namespaceUri);
  }
  get items(): FakeCustomXmlPart[] {
    if (!this.loadedItems) throw notLoaded('items', this.typeName);
    return this.loadedItems;
  }
  override load(spec?: unknown): this {
    const props = parseLoadSpec(spec, ['id', 'namespaceUri']).map((p) => p.replace(/^items\//, ''));
    for (const p of props) if (p !== 'id' && p !== 'namespaceUri') throw new FakeOfficeError('InvalidArgument', `fake: CustomXmlPart has no loadable property '${p}'`);
    this.context.enqueue(() => {
      const items = this.parts().map((part) => {
        const proxy = new FakeCustomXmlPart(this.context, () => part, false);
        const values: Record<string, unknown> = {};
        for (const p of props) values[p] = p === 'id' ? part.id : part.namespaceUri;
        return { proxy, values };
      });
      return {
        payload: items.map((i) => i.values),
        commit: () => {
          for (const i of items) for (const [k, v] of Object.entries(i.values)) i.proxy.setLoaded(k, v);
          this.loadedItems = items.map((i) => i.proxy);
        },
      };
    }, props);
    return this;
  }
  protected read(): unknown {
    return undefined;
  }
  add(xml: string): FakeCustomXmlPart {
    let created: FakeXmlPart | null = null;
    this.context.enqueue(() => {
      created = this.context.host.book.addXmlPart(xml);
    }, xml);
    return new FakeCustomXmlPart(this.context, () => created, false);
  }
  getByNamespace(namespaceUri: string): FakeCustomXmlPartCollection {
    return new FakeCustomXmlPartCollection(this.context, namespaceUri);
  }
  getItem(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, () => this.parts().find((p) => p.id === id) ?? null, false);
  }
  getItemOrNullObject(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, () => this.parts().find((p) => p.id === id) ?? null, true);
  }
  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.context.enqueue(() => {
      const n = this.parts().length;
      return { payload: n, commit: () => result.set(n) };
    });
    return result;
  }
}

class FakeCustomXmlPart extends ClientObject {
  protected readonly typeName = 'CustomXmlPart';
  protected readonly scalarProps = ['id', 'namespaceUri', 'isNullObject'];
  constructor(context: FakeRequestContext, private readonly locate: () => FakeXmlPart | null, private readonly orNull: boolean) {
    super(context);
    if (orNull) trackNull(this, () => this.locate() === null);
  }
  private part(): FakeXmlPart {
    const p = this.locate();
    if (!p) throw new FakeOfficeError(this.orNull ? 'InvalidOperation' : 'ItemNotFound', 'The requested resource doesn\'t exist.');
    return p;
  }
  protected override isNullNow(): boolean {
    return this.orNull && this.locate() === null;
  }
  protected read(prop: string): unknown {
    if (prop === 'isNullObject') return this.locate() === null;
    const p = this.part();
    return prop === 'id' ? p.id : p.namespaceUri;
  }
  get id(): string { return this.get_('id'); }
  get namespaceUri(): string { return this.get_('namespaceUri'); }
  get isNullObject(): boolean { return this.get_('isNullObject'); }
  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.context.enqueue(() => {
      const xml = this.part().xml;
      return { payload: xml, commit: () => result.set(xml) };
    });
    return result;
  }
  setXml(xml: string): void {
    this.context.enqueue(() => this.context.host.book.setXmlPart(this.part().id, xml), xml);
  }
  delete(): void {
    this.context.enqueue(() => this.context.host.book.deleteXmlPart(this.part().id));
  }
}

class FakeWorksheetCollection extends ClientObject {
  protected readonly typeName = 'WorksheetCollection';
  protected readonly scalarProps: string[] = [];
  private loadedItems: FakeWorksheet[] | null = null;

  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw notLoaded('items', this.typeName);
    return this.loadedItems;
  }

  /** "items/name,items/id,items/protection/protected" or "name,id": the properties to load on every item. */
  override load(spec?: unknown): this {
    const props = parseLoadSpec(spec, FakeWorksheet.PROPS).map((p) => p.replace(/^items\//, ''));
    for (const p of props) {
      if (!FakeWorksheet.PROPS.includes(p) && p !== 'protection/protected') throw new FakeOfficeError('InvalidArgument', `fake: Worksheet has no loadable property '${p}'`);
    }
    this.context.enqueue(() => {
      const book = this.context.host.book;
      const items = book.sheets.map((s) => {
        const ws = new FakeWorksheet(this.context, () => s, false);
        return { ws, values: ws.snapshot(props) };
      });
      return {
        payload: items.map((i) => i.values),
        commit: () => {
          for (const i of items) i.ws.fill(i.values);
          this.loadedItems = items.map((i) => i.ws);
        },
      };
    }, props);
    return this;
  }

  protected read(): unknown {
    return undefined;
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.host.book.sheetByName(name) ?? null, false, name);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.host.book.sheetByName(name) ?? null, true, name);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const book = this.context.host.book;
      return book.activeSheetId ? book.sheetById(book.activeSheetId) ?? null : null;
    }, false);
  }

  /** Adds at the end and does not activate it (as Excel). */
  add(name?: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.context.enqueue(() => {
      created = this.context.host.book.addSheet(name);
    }, name);
    return new FakeWorksheet(this.context, () => created, false, name);
  }
}

/** Worksheet.protection / Workbook.protection: only `protected` is modelled (ExcelApi 1.2 / 1.7). */
class FakeProtection extends ClientObject {
  protected readonly typeName: string;
  protected readonly scalarProps = ['protected'];
  constructor(context: FakeRequestContext, typeName: string, private readonly get: () => boolean) {
    super(context);
    this.typeName = typeName;
  }
  protected read(): unknown {
    return this.get();
  }
  get protected(): boolean {
    return this.get_('protected');
  }
}

class FakeWorksheet extends ClientObject {
  static readonly PROPS = ['name', 'id', 'visibility', 'position'];
  protected readonly typeName = 'Worksheet';
  protected readonly scalarProps = [...FakeWorksheet.PROPS, 'isNullObject'];

  constructor(
    context: FakeRequestContext,
    private readonly locate: () => FakeSheet | null,
    private readonly orNull: boolean,
    private readonly label = '',
  ) {
    super(context);
    if (orNull) trackNull(this, () => this.locate() === null);
  }

  /** The sheet at command time; throws ItemNotFound unless this is an OrNullObject proxy. */
  sheet(): FakeSheet | null {
    const s = this.locate();
    if (!s && !this.orNull) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist. (worksheet ${this.label})`);
    return s;
  }

  /** Must-exist variant for commands other than load. */
  sheetOrThrow(): FakeSheet {
    const s = this.sheet();
    if (!s) throw new FakeOfficeError('InvalidOperation', 'The object is a null object; check isNullObject first.');
    return s;
  }

  protected override isNullNow(): boolean {
    return this.orNull && this.locate() === null;
  }

  /** Used by collection loads: the values of `props` now, then set them when the response arrives. */
  snapshot(props: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const p of props) out[p] = p === 'protection/protected' ? this.sheetOrThrow().protected : this.read(p);
    return out;
  }

  fill(values: Record<string, unknown>): void {
    for (const [p, v] of Object.entries(values)) {
      if (p === 'protection/protected') this.protection.setLoaded('protected', v);
      else this.loaded.set(p, v);
    }
  }

  private protectionProxy: FakeProtection | null = null;
  get protection(): FakeProtection {
    if (!this.protectionProxy) this.protectionProxy = new FakeProtection(this.context, 'WorksheetProtection', () => this.sheetOrThrow().protected);
    return this.protectionProxy;
  }

  protected read(prop: string): unknown {
    const s = this.sheet();
    if (prop === 'isNullObject') return s === null;
    if (!s) throw new FakeOfficeError('InvalidOperation', 'The object is a null object; check isNullObject first.');
    const book = this.context.host.book;
    switch (prop) {
      case 'name': return s.name;
      case 'id': return s.id;
      case 'visibility': return s.visibility;
      case 'position': return book.sheets.indexOf(s);
    }
    throw new FakeOfficeError('InvalidArgument', `fake: Worksheet.${prop}`);
  }

  get name(): string { return this.get_('name'); }
  set name(v: string) {
    this.context.enqueue(() => {
      const s = this.sheetOrThrow();
      this.context.host.book.checkStructure();
      const other = this.context.host.book.sheetByName(v);
      if (other && other !== s) throw new FakeOfficeError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.');
      s.name = v;
    }, v);
  }
  get id(): string { return this.get_('id'); }
  get position(): number { return this.get_('position'); }
  get isNullObject(): boolean { return this.get_('isNullObject'); }
  get visibility(): Visibility { return this.get_('visibility'); }
  set visibility(v: Visibility) {
    if (!['Visible', 'Hidden', 'VeryHidden'].includes(v)) throw new FakeOfficeError('InvalidArgument', `fake: visibility ${v}`);
    this.context.enqueue(() => this.context.host.book.setVisibility(this.sheetOrThrow().id, v), v);
  }

  activate(): void {
    this.context.enqueue(() => this.context.host.book.activate(this.sheetOrThrow().id));
  }

  delete(): void {
    this.context.enqueue(() => this.context.host.book.deleteSheet(this.sheetOrThrow().id));
  }

  /** No address: the whole sheet. "A1", "A1:C3", "A:C", "2:5". */
  getRange(address?: string): FakeRange {
    if (address !== undefined) this.context.addRequest(address);
    return new FakeRange(this.context, this, () => (address === undefined ? { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS } : parseRect(address)), false);
  }

  getRanges(address: string): FakeRangeAreas {
    this.context.addRequest(address);
    const parts = address.split(/[,;]/).map((p) => p.trim()).filter(Boolean);
    return new FakeRangeAreas(this.context, this, () => parts.map(parseRect), false);
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, this, (s) => s.usedRect(!!valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 }, false);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, this, (s) => s.usedRect(!!valuesOnly), true);
  }
}

// ---------------------------------------------------------------- ranges

function parseRect(address: string): Rect {
  const a = address.replace(/\$/g, '').trim();
  if (a.includes('!')) throw new FakeOfficeError('InvalidArgument', `fake: use worksheet-relative addresses (${address})`);
  const [p, q = p] = a.split(':');
  const cols = /^[A-Za-z]{1,3}$/;
  const rows = /^\d+$/;
  let rect: Rect;
  if (cols.test(p) && cols.test(q)) rect = { top: 1, bottom: MAX_ROWS, left: columnNumber(p), right: columnNumber(q) };
  else if (rows.test(p) && rows.test(q)) rect = { top: Number(p), bottom: Number(q), left: 1, right: MAX_COLS };
  else {
    let x, y;
    try {
      x = parseA1(p);
      y = parseA1(q);
    } catch {
      throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (${address})`);
    }
    rect = { top: Math.min(x.row, y.row), bottom: Math.max(x.row, y.row), left: Math.min(x.col, y.col), right: Math.max(x.col, y.col) };
  }
  if (rect.top < 1 || rect.left < 1 || rect.bottom > MAX_ROWS || rect.right > MAX_COLS) {
    throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (${address})`);
  }
  return rect;
}

function rectAddress(r: Rect): string {
  const tl = `${columnLetter(r.left)}${r.top}`;
  const br = `${columnLetter(r.right)}${r.bottom}`;
  return tl === br ? tl : `${tl}:${br}`;
}

/**
 * "A range is limited to 5,000,000 cells for read operations"
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins);
 * code RangeExceedsLimit (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 */
const MAX_READ_CELLS = 5_000_000;

function cellsOf(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

function matrix<T>(r: Rect, f: (row: number, col: number) => T): T[][] {
  if (cellsOf(r) > MAX_READ_CELLS) throw new FakeOfficeError('RangeExceedsLimit', 'The cell count in the range has exceeded the maximum supported number.');
  const out: T[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: T[] = [];
    for (let col = r.left; col <= r.right; col++) line.push(f(row, col));
    out.push(line);
  }
  return out;
}

function officeValue(c: FakeCell | undefined): string | number | boolean {
  const v = c?.value ?? null;
  if (v === null) return '';
  if (typeof v === 'object') return v.error;
  return v;
}

function valueType(c: FakeCell | undefined): string {
  const v = c?.value ?? null;
  if (v === null) return 'Empty';
  if (typeof v === 'object') return 'Error';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return 'String';
}

/** What Excel does with a value written through `range.values` in a cell of format `numFmt`. */
function coerceWrite(v: unknown, numFmt: string): FakeCell['value'] {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v !== 'string') throw new FakeOfficeError('InvalidArgument', 'fake: unsupported value type');
  if (numFmt === '@') return v;
  if (v.startsWith('=')) throw new FakeOfficeError('InvalidArgument', `fake: formulas are not evaluated (the add-in must never write one): ${v.slice(0, 30)}`);
  const t = v.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
  if (/^(true|false)$/i.test(t)) return t.toUpperCase() === 'TRUE';
  return v;
}

function broadcast<T>(value: T | T[][], r: Rect, what: string): (row: number, col: number) => T {
  if (!Array.isArray(value)) return () => value;
  const rows = r.bottom - r.top + 1;
  const cols = r.right - r.left + 1;
  if (value.length !== rows || value.some((line) => !Array.isArray(line) || line.length !== cols)) {
    throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (${what})`);
  }
  return (row, col) => value[row - r.top][col - r.left];
}

interface FillLoadOptions {
  address?: boolean;
  format?: { fill?: Partial<Record<keyof FillProps, boolean>> };
}

/**
 * What Range and RangeAreas share: the area they stand for on their worksheet (a rectangle, or a list
 * of them), computed once at command time like Excel's range objects; an *OrNullObject proxy without
 * such an area is a null object.
 */
abstract class SheetArea<A> extends ClientObject {
  private cached: A | null | undefined;

  constructor(
    context: FakeRequestContext,
    readonly worksheet: FakeWorksheet,
    private readonly compute: (s: FakeSheet) => A | null,
    private readonly orNull: boolean,
  ) {
    super(context);
    if (orNull) trackNull(this, () => this.located() === null);
  }

  /** Sheet and area at command time; null for a null object. */
  protected located(): { sheet: FakeSheet; area: A } | null {
    const sheet = this.worksheet.sheet();
    if (!sheet) return null;
    if (this.cached === undefined) this.cached = this.compute(sheet);
    if (this.cached === null) {
      if (this.orNull) return null;
      throw new FakeOfficeError('ItemNotFound', 'The requested resource doesn\'t exist.');
    }
    return { sheet, area: this.cached };
  }

  protected override isNullNow(): boolean {
    return this.orNull && this.located() === null;
  }

  protected mustLocate(): { sheet: FakeSheet; area: A } {
    const t = this.located();
    if (!t) throw new FakeOfficeError('InvalidOperation', 'The object is a null object; check isNullObject first.');
    return t;
  }
}

class FakeRange extends SheetArea<Rect> {
  protected readonly typeName = 'Range';
  protected readonly scalarProps = ['address', 'values', 'text', 'numberFormat', 'valueTypes', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex', 'isNullObject'];

  private must(): { sheet: FakeSheet; rect: Rect } {
    const { sheet, area } = this.mustLocate();
    return { sheet, rect: area };
  }

  protected read(prop: string): unknown {
    if (prop === 'isNullObject') return this.located() === null;
    const { sheet, rect } = this.must();
    switch (prop) {
      case 'address': return `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
      case 'values': return matrix(rect, (r, c) => officeValue(sheet.cell(r, c)));
      case 'text': return matrix(rect, (r, c) => sheet.text(r, c));
      case 'numberFormat': return matrix(rect, (r, c) => sheet.cell(r, c)?.numFmt ?? 'General');
      case 'valueTypes': return matrix(rect, (r, c) => valueType(sheet.cell(r, c)));
      case 'rowCount': return rect.bottom - rect.top + 1;
      case 'columnCount': return rect.right - rect.left + 1;
      case 'rowIndex': return rect.top - 1;
      case 'columnIndex': return rect.left - 1;
    }
    throw new FakeOfficeError('InvalidArgument', `fake: Range.${prop}`);
  }

  get address(): string { return this.get_('address'); }
  get values(): (string | number | boolean)[][] { return this.get_('values'); }
  set values(v: unknown) {
    this.context.enqueue(() => {
      const { sheet, rect } = this.must();
      writable(sheet);
      const at = broadcast(v as unknown[][], rect, 'values');
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          const cell = sheet.ensure(r, c);
          cell.value = coerceWrite(at(r, c), cell.numFmt);
        }
      }
    }, v);
  }
  get text(): string[][] { return this.get_('text'); }
  get valueTypes(): string[][] { return this.get_('valueTypes'); }
  get numberFormat(): string[][] { return this.get_('numberFormat'); }
  set numberFormat(v: unknown) {
    this.context.enqueue(() => {
      const { sheet, rect } = this.must();
      writable(sheet);
      const at = broadcast(v as string[][], rect, 'numberFormat');
      for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) sheet.ensure(r, c).numFmt = String(at(r, c) ?? 'General');
    }, v);
  }
  get rowCount(): number { return this.get_('rowCount'); }
  get columnCount(): number { return this.get_('columnCount'); }
  get rowIndex(): number { return this.get_('rowIndex'); }
  get columnIndex(): number { return this.get_('columnIndex'); }
  get isNullObject(): boolean { return this.get_('isNullObject'); }

  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this.context, () => {
      const { sheet, rect } = this.must();
      return { sheet, rects: [rect] };
    });
  }

  getCellProperties(options: FillLoadOptions): FakeClientResult<unknown[][]> {
    const result = new FakeClientResult<unknown[][]>();
    const wanted = options.format?.fill ?? {};
    const fillKeys = (Object.keys(wanted) as (keyof FillProps)[]).filter((k) => wanted[k]);
    for (const k of Object.keys(options)) if (k !== 'address' && k !== 'format') throw new FakeOfficeError('InvalidArgument', `fake: getCellProperties ${k}`);
    for (const k of Object.keys(options.format ?? {})) if (k !== 'fill') throw new FakeOfficeError('InvalidArgument', `fake: getCellProperties format.${k}`);
    this.context.enqueue(() => {
      const { sheet, rect } = this.must();
      const value = matrix(rect, (r, c) => {
          const out: Record<string, unknown> = {};
          if (options.address) out.address = `${quoteSheet(sheet.name)}!${columnLetter(c)}${r}`;
          if (fillKeys.length) {
            const f = sheet.fill(r, c);
            const fill: Record<string, unknown> = {};
            for (const k of fillKeys) fill[k] = f[k];
            out.format = { fill };
          }
          return out;
      });
      return { payload: value, commit: () => result.set(value) };
    }, options);
    return result;
  }

  /**
   * "If the merged areas count in this range is more than 512, then this method will fail to return
   * the result" (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)).
   * The error code is not documented; the fake uses GeneralException.
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, this.worksheet, (s) => {
      const t = this.must();
      const inside = s.merges.map(parseRect).filter((m) => intersects(m, t.rect));
      if (inside.length > MAX_MERGED_AREAS) throw new FakeOfficeError('GeneralException', 'There was an internal error while processing the request.');
      return inside.length ? inside : null;
    }, true);
  }

  /** The cell at (row, column) relative to this range's top-left (ExcelApi 1.1). */
  getCell(row: number, column: number): FakeRange {
    return this.derived((r) => bounded({ top: r.top + row, left: r.left + column, bottom: r.top + row, right: r.left + column }));
  }

  /** This range grown (or shrunk) by rows and columns, from its top-left (ExcelApi 1.7). */
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived((r) => {
      const out = { top: r.top, left: r.left, bottom: r.bottom + deltaRows, right: r.right + deltaColumns };
      if (out.bottom < out.top || out.right < out.left) throw new FakeOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      return bounded(out);
    });
  }

  /** The overlap with another range or address; ItemNotFound-like failure when there is none (ExcelApi 1.1). */
  getIntersection(other: FakeRange | string): FakeRange {
    return this.derived((r) => {
      const o = typeof other === 'string' ? parseRect(other) : other.rectNow();
      const out = { top: Math.max(r.top, o.top), left: Math.max(r.left, o.left), bottom: Math.min(r.bottom, o.bottom), right: Math.min(r.right, o.right) };
      if (out.top > out.bottom || out.left > out.right) throw new FakeOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format. (no intersection)');
      return out;
    });
  }

  /** The rectangle at command time (for methods taking another range). */
  rectNow(): Rect {
    return this.must().rect;
  }

  private derived(f: (r: Rect) => Rect): FakeRange {
    return new FakeRange(this.context, this.worksheet, () => f(this.must().rect), false);
  }

  select(): void {
    this.context.enqueue(() => selectRects(this.context, this.must().sheet, [this.must().rect]));
  }

  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this.context.enqueue(() => {
      const { sheet, rect } = this.must();
      writable(sheet);
      clearRect(sheet, rect, applyTo);
    }, applyTo);
  }
}

const MAX_MERGED_AREAS = 512;

function bounded(r: Rect): Rect {
  if (r.top < 1 || r.left < 1 || r.bottom > MAX_ROWS || r.right > MAX_COLS) throw new FakeOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format. (outside the sheet)');
  return r;
}

/**
 * Changing cells of a protected sheet fails with AccessDenied (Excel.ErrorCodes; WorksheetProtection,
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection). Default protection
 * allows no formatting, which is what the fake models (the sheet's own options are not).
 */
function writable(sheet: FakeSheet): void {
  if (sheet.protected) throw new FakeOfficeError('AccessDenied', 'You cannot perform the requested operation. (protected sheet)');
}

function intersects(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function clearRect(sheet: FakeSheet, rect: Rect, applyTo: string): void {
  for (const [k, cell] of [...sheet.cells]) {
    const [r, c] = k.split(':').map(Number);
    if (r < rect.top || r > rect.bottom || c < rect.left || c > rect.right) continue;
    if (applyTo === 'All' || applyTo === 'Contents') cell.value = null;
    if (applyTo === 'All' || applyTo === 'Formats') {
      cell.fill = { ...NO_FILL };
      cell.numFmt = 'General';
      cell.bold = false;
      cell.wrap = false;
    }
    if (cell.value === null && cell.fill.pattern === 'None' && cell.numFmt === 'General' && !cell.bold) sheet.cells.delete(k);
  }
}

function selectRects(ctx: FakeRequestContext, sheet: FakeSheet, rects: Rect[]): void {
  const book = ctx.host.book;
  book.activate(sheet.id);
  book.selection = { sheetId: sheet.id, address: rects.map(rectAddress).join(',') };
}

class FakeRangeAreas extends SheetArea<Rect[]> {
  protected readonly typeName = 'RangeAreas';
  protected readonly scalarProps = ['address', 'areaCount', 'isNullObject'];

  private must(): { sheet: FakeSheet; rects: Rect[] } {
    const { sheet, area } = this.mustLocate();
    return { sheet, rects: area };
  }

  protected read(prop: string): unknown {
    if (prop === 'isNullObject') return this.located() === null;
    const { sheet, rects } = this.must();
    if (prop === 'address') return rects.map((r) => `${quoteSheet(sheet.name)}!${rectAddress(r)}`).join(',');
    if (prop === 'areaCount') return rects.length;
    throw new FakeOfficeError('InvalidArgument', `fake: RangeAreas.${prop}`);
  }

  get address(): string { return this.get_('address'); }
  get areaCount(): number { return this.get_('areaCount'); }
  get isNullObject(): boolean { return this.get_('isNullObject'); }

  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this.context, () => this.must());
  }

  select(): void {
    this.context.enqueue(() => {
      const { sheet, rects } = this.must();
      selectRects(this.context, sheet, rects);
    });
  }
}

// ---------------------------------------------------------------- formats

type Targets = () => { sheet: FakeSheet; rects: Rect[] };

function eachCell(t: Targets, f: (cell: FakeCell) => void): void {
  const { sheet, rects } = t();
  writable(sheet);
  for (const r of rects) {
    if (cellsOf(r) > MAX_READ_CELLS) throw new FakeOfficeError('InvalidArgument', 'fake: formatting more cells than the fake models');
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) f(sheet.ensure(row, col));
  }
}

class FakeRangeFormat {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  constructor(readonly context: FakeRequestContext, private readonly targets: Targets) {
    this.fill = new FakeRangeFill(context, targets);
    this.font = new FakeRangeFont(context, targets);
  }
  set wrapText(v: boolean) {
    this.context.enqueue(() => eachCell(this.targets, (c) => (c.wrap = v)));
  }
  set columnWidth(v: number) {
    this.context.enqueue(() => {
      const { sheet, rects } = this.targets();
      writable(sheet);
      for (const r of rects) for (let col = r.left; col <= r.right; col++) sheet.colWidths.set(col, v);
    }, v);
  }
  set verticalAlignment(_v: string) {
    this.context.enqueue(() => {
      writable(this.targets().sheet);
    });
  }
  /** Row heights are not modelled; the command only has to address something that exists. */
  autofitRows(): void {
    this.context.enqueue(() => {
      writable(this.targets().sheet);
    });
  }
}

class FakeRangeFont {
  constructor(readonly context: FakeRequestContext, private readonly targets: Targets) {}
  set bold(v: boolean) {
    this.context.enqueue(() => eachCell(this.targets, (c) => (c.bold = v)));
  }
}

const PATTERNS: FillPattern[] = ['None', 'Solid', 'Gray50', 'Gray75', 'Gray25', 'Horizontal', 'Vertical', 'Down', 'Up', 'Checker', 'SemiGray75', 'LightHorizontal', 'LightVertical', 'LightDown', 'LightUp', 'Grid', 'CrissCross', 'Gray16', 'Gray8'];

function checkColor(v: string): string {
  if (!/^#[0-9A-Fa-f]{6}$/.test(v)) throw new FakeOfficeError('InvalidArgument', `fake: colour must be #RRGGBB (${v})`);
  return v.toUpperCase();
}

/**
 * Excel's fill setters as modelled: a colour on "No Fill" makes a solid fill and resets its tint;
 * pattern "None" is "No Fill"; tints only apply to an existing fill; clear() is "No Fill".
 */
class FakeRangeFill extends ClientObject {
  protected readonly typeName = 'RangeFill';
  protected readonly scalarProps = ['color', 'pattern', 'patternColor', 'tintAndShade', 'patternTintAndShade'];
  constructor(context: FakeRequestContext, private readonly targets: Targets) {
    super(context);
  }

  /** Uniform value over the range, null when cells differ (as Excel). */
  protected read(prop: string): unknown {
    let first: unknown;
    let seen = false;
    let mixed = false;
    const { sheet, rects } = this.targets();
    for (const r of rects) {
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          const v = sheet.fill(row, col)[prop as keyof FillProps];
          if (!seen) { first = v; seen = true; } else if (v !== first) mixed = true;
        }
      }
    }
    return mixed ? null : first;
  }

  get color(): string { return this.get_('color'); }
  set color(v: string) {
    const c = checkColor(v);
    this.edit((f) => {
      if (f.pattern === 'None') {
        f.pattern = 'Solid';
        f.patternColor = '#000000';
        f.patternTintAndShade = 0;
      }
      f.color = c;
      f.tintAndShade = 0;
    });
  }
  get pattern(): FillPattern { return this.get_('pattern'); }
  set pattern(v: FillPattern) {
    if (!PATTERNS.includes(v)) throw new FakeOfficeError('InvalidArgument', `fake: pattern ${v} cannot be set`);
    this.edit((f) => {
      if (v === 'None') Object.assign(f, NO_FILL);
      else {
        if (f.pattern === 'None') Object.assign(f, { color: '#FFFFFF', tintAndShade: 0, patternColor: '#000000', patternTintAndShade: 0 });
        f.pattern = v;
      }
    });
  }
  get patternColor(): string { return this.get_('patternColor'); }
  set patternColor(v: string) {
    const c = checkColor(v);
    this.edit((f) => {
      if (f.pattern !== 'None') f.patternColor = c;
    });
  }
  get tintAndShade(): number { return this.get_('tintAndShade'); }
  set tintAndShade(v: number) {
    this.edit((f) => {
      if (f.pattern !== 'None') f.tintAndShade = v;
    });
  }
  get patternTintAndShade(): number { return this.get_('patternTintAndShade'); }
  set patternTintAndShade(v: number) {
    this.edit((f) => {
      if (f.pattern !== 'None') f.patternTintAndShade = v;
    });
  }

  clear(): void {
    this.edit((f) => Object.assign(f, NO_FILL));
  }

  private edit(change: (f: FillProps) => void): void {
    this.context.enqueue(() => eachCell(this.targets, (cell) => {
      const f = { ...cell.fill };
      change(f);
      cell.fill = f;
    }), 'fill');
  }
}

class FakeClientResult<T> {
  private v: T | undefined;
  private done = false;
  set(v: T): void {
    this.v = v;
    this.done = true;
  }
  get value(): T {
    if (!this.done) throw notLoaded('value', 'ClientResult');
    return this.v as T;
  }
}

export { displayText };
