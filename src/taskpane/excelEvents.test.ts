import { watchWorkbook, type SubscribeFn } from './excelEvents';

function fakeSubscription() {
  let emit: (() => void) | null = null;
  const unsubscribe = jest.fn();
  const subscribe: SubscribeFn = async (onEvent) => {
    emit = onEvent;
    return unsubscribe;
  };
  return { subscribe, unsubscribe, fire: () => emit?.() };
}

describe('watchWorkbook', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('turns a burst of sheet events into one re-read after the quiet period', async () => {
    const sub = fakeSubscription();
    const onChange = jest.fn();
    await watchWorkbook(sub.subscribe, onChange, 800);
    sub.fire();
    jest.advanceTimersByTime(500);
    sub.fire();
    jest.advanceTimersByTime(500);
    sub.fire();
    expect(onChange).not.toHaveBeenCalled();
    jest.advanceTimersByTime(800);
    expect(onChange).toHaveBeenCalledTimes(1);
    sub.fire();
    jest.advanceTimersByTime(800);
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('stops: pending and later events do nothing and the host subscription is removed', async () => {
    const sub = fakeSubscription();
    const onChange = jest.fn();
    const watch = await watchWorkbook(sub.subscribe, onChange, 800);
    sub.fire();
    await watch.stop();
    jest.advanceTimersByTime(2000);
    sub.fire();
    jest.advanceTimersByTime(2000);
    expect(onChange).not.toHaveBeenCalled();
    expect(sub.unsubscribe).toHaveBeenCalledTimes(1);
  });
});

describe('subscribeToExcelEvents', () => {
  /** A minimal Excel/Office fake: records handlers, counts syncs, removes on request. */
  function installFakeExcel(supported: string[]) {
    const handlers: { on: string; fn: () => Promise<void>; removed: boolean }[] = [];
    const event = (on: string) => ({
      add(fn: () => Promise<void>) {
        const h = { on, fn, removed: false };
        handlers.push(h);
        return { context: 'ctx', remove: () => (h.removed = true) };
      },
    });
    const sheets = {
      onActivated: event('collection:activated'),
      onChanged: event('collection:changed'),
      items: [{ onChanged: event('Risk Register:changed') }, { onChanged: event('CAP:changed') }],
      load: jest.fn(),
    };
    const context = { workbook: { worksheets: sheets }, sync: jest.fn(async () => {}) };
    const g = globalThis as Record<string, unknown>;
    g.Office = { context: { requirements: { isSetSupported: (_: string, v: string) => supported.includes(v) } } };
    g.Excel = {
      run: async (a: unknown, b?: unknown) => {
        const fn = (typeof a === 'function' ? a : b) as (c: typeof context) => Promise<void>;
        return fn(context);
      },
    };
    return { handlers, context };
  }

  afterEach(() => {
    delete (globalThis as Record<string, unknown>).Office;
    delete (globalThis as Record<string, unknown>).Excel;
  });

  it('listens to the sheets collection on ExcelApi 1.9 and forwards events', async () => {
    const { subscribeToExcelEvents } = await import('./excelEvents');
    const fake = installFakeExcel(['1.7', '1.9']);
    const onEvent = jest.fn();
    const unsubscribe = await subscribeToExcelEvents(onEvent);
    expect(fake.handlers.map((h) => h.on)).toEqual(['collection:activated', 'collection:changed']);
    await fake.handlers[1].fn();
    expect(onEvent).toHaveBeenCalledTimes(1);
    await unsubscribe();
    expect(fake.handlers.every((h) => h.removed)).toBe(true);
  });

  it("falls back to each sheet's onChanged on ExcelApi 1.7", async () => {
    const { subscribeToExcelEvents } = await import('./excelEvents');
    const fake = installFakeExcel(['1.7']);
    await subscribeToExcelEvents(() => {});
    expect(fake.handlers.map((h) => h.on)).toEqual(['collection:activated', 'Risk Register:changed', 'CAP:changed']);
  });
});
