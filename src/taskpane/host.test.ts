import { detectHost, todayIso, type ExcelPanePort, type OfficeLike } from './host';

const fakePort = { host: 'excel' } as unknown as ExcelPanePort;

describe('detectHost', () => {
  it('uses the Excel port when Office reports the Excel host', async () => {
    const office: OfficeLike = { onReady: async () => ({ host: 'Excel' }), HostType: { Excel: 'Excel' } };
    const createPort = jest.fn(() => fakePort);
    await expect(detectHost({ office, createPort })).resolves.toEqual({ kind: 'excel', port: fakePort });
    expect(createPort).toHaveBeenCalledTimes(1);
  });

  it('falls back to file mode when Office is missing, the host is null or another app', async () => {
    const createPort = jest.fn(() => fakePort);
    await expect(detectHost({ office: undefined, createPort })).resolves.toEqual({ kind: 'file' });
    await expect(detectHost({ office: { onReady: async () => ({ host: null }) }, createPort })).resolves.toEqual({ kind: 'file' });
    await expect(
      detectHost({ office: { onReady: async () => ({ host: 'Word' }), HostType: { Excel: 'Excel' } }, createPort }),
    ).resolves.toEqual({ kind: 'file' });
    expect(createPort).not.toHaveBeenCalled();
  });

  it('falls back to file mode when onReady fails or never answers', async () => {
    const createPort = jest.fn(() => fakePort);
    const failing: OfficeLike = { onReady: () => Promise.reject(new Error('boom')) };
    await expect(detectHost({ office: failing, createPort })).resolves.toEqual({ kind: 'file' });
    const silent: OfficeLike = { onReady: () => new Promise(() => {}) };
    await expect(detectHost({ office: silent, createPort, timeoutMs: 5 })).resolves.toEqual({ kind: 'file' });
  });
});

describe('todayIso', () => {
  it('formats the local calendar day', () => {
    expect(todayIso(new Date(2026, 10, 3, 23, 59))).toBe('2026-11-03');
  });
});
