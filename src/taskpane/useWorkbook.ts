/**
 * The pane's state: the open workbook's view, what is running and where, the last message
 * (shown next to the button that caused it), the Generate form, and whether there is work
 * not yet downloaded. Workbook work goes through a PaneSession (session.ts).
 */
import { startTransition, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { HighlightResult, HostCapabilities } from '../core/port';
import type { MappingOverride } from '../core/model';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import { describeError, type PaneMessage } from './messages';
import { formFromSettings, mergeForm, type FormField, type FoundValues, type SettingsForm } from './settingsForm';
import { watchWorkbook, type SubscribeFn } from './excelEvents';
import type { PanePort, ProgressFn } from './workbookActions';
import * as fileMode from './fileMode';
import { matrixFormFromSettings, matrixSettingsFromForm, type MatrixForm } from './matrixForm';
import { LocalSession, type OpenXlsxFn, type PaneSession } from './session';
import type { PaneView } from './paneView';
import type { ChosenTier } from '../core/analysis';

/** Where a result or a progress bar is shown: next to the control that caused it. */
export type Slot = 'open' | 'mapping' | 'matrix' | 'tiers' | 'highlight' | 'plan' | 'progress' | 'download' | 'read';

export interface Busy {
  slot: Slot;
  label: string;
  /** 0..1, or undefined when the work has no steps. */
  fraction?: number;
}

export interface Generated {
  kind: 'plan' | 'progress';
  sheet: string;
}

export interface UseWorkbookOptions {
  /** "Excel" works on the open workbook; "file" waits for the user to open an .xlsx. */
  mode: 'excel' | 'file';
  /** The Excel port (Excel mode only). */
  port?: PanePort;
  /** Today as "YYYY-MM-DD": the default as-of date. */
  today: string;
  /** Host events that should trigger a re-read (Excel mode). */
  subscribe?: SubscribeFn;
  /** File mode on this thread (tests): how to open .xlsx bytes. */
  openXlsx?: OpenXlsxFn;
  /** File mode: the session to use (the page passes a Web Worker session); default: on this thread. */
  createFileSession?: () => PaneSession;
  /** Debounce for host events, in ms. */
  rereadDelayMs?: number;
}

export interface WorkbookModel {
  mode: 'excel' | 'file';
  fileName: string | null;
  view: PaneView | null;
  capabilities: HostCapabilities | null;
  busy: Busy | null;
  /** The last result or error, and the control it belongs to. */
  message: { slot: Slot; message: PaneMessage } | null;
  highlightResult: { kind: 'applied'; result: HighlightResult } | { kind: 'cleared'; removed: number } | null;
  generated: Generated[];
  /** File mode: changes made since the file was opened or last downloaded. */
  unsaved: boolean;
  form: SettingsForm;
  setFormField<K extends FormField>(field: K, value: SettingsForm[K]): void;
  matrixForm: MatrixForm;
  setMatrixForm(form: MatrixForm): void;
  saveMatrix(): Promise<void>;
  openFile(file: File): Promise<void>;
  reload(): Promise<void>;
  saveMapping(mapping: MappingOverride[]): Promise<void>;
  /** Saves the user's tier for a risk (PaneView.tierItems key), or removes it with null. */
  chooseTier(key: string, tier: ChosenTier | null): Promise<void>;
  highlight(): Promise<void>;
  clear(): Promise<void>;
  generatePlan(): Promise<void>;
  generateProgress(): Promise<void>;
  download(): Promise<void>;
  selectCell?: (sheet: string, cell: string) => Promise<void>;
  activateSheet?: (sheet: string) => Promise<void>;
  dismissMessage(): void;
}

const EMPTY_SETTINGS_FORM = (today: string): SettingsForm => formFromSettings(DEFAULT_SETTINGS, today);

/** The view's settings as full Settings for the form helpers (the snapshot is not needed there). */
const settingsOf = (view: PaneView): Settings => view.settings as Settings;

/** The practice details the workbook states, for the form. */
export function foundOf(view: PaneView): FoundValues {
  const out: FoundValues = {};
  for (const d of view.practiceDetails) if (d.found) out[d.name] = d.found.value;
  return out;
}

/** State and actions for the pane; see WorkbookModel. */
export function useWorkbook(options: UseWorkbookOptions): WorkbookModel {
  const { mode, today, subscribe, rereadDelayMs } = options;
  const session = useMemo<PaneSession>(() => {
    if (mode === 'excel') return new LocalSession(options.port ?? null);
    return options.createFileSession?.() ?? new LocalSession(null, options.openXlsx);
    // One session for the pane's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => () => session.dispose(), [session]);

  const [fileName, setFileName] = useState<string | null>(null);
  const [view, setView] = useState<PaneView | null>(null);
  const [capabilities, setCapabilities] = useState<HostCapabilities | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [message, setMessage] = useState<WorkbookModel['message']>(null);
  const [highlightResult, setHighlightResult] = useState<WorkbookModel['highlightResult']>(null);
  const [generated, setGenerated] = useState<Generated[]>([]);
  const [unsaved, setUnsaved] = useState(false);
  const [form, setForm] = useState<SettingsForm>(() => EMPTY_SETTINGS_FORM(today));
  const [matrixForm, setMatrixFormState] = useState<MatrixForm>(() => matrixFormFromSettings(undefined));

  const formRef = useRef(form);
  const edited = useRef(new Set<FormField>());
  const matrixEdited = useRef(false);
  const matrixFormRef = useRef(matrixForm);
  const busyRef = useRef(false);
  const rereadPending = useRef(false);
  const viewRef = useRef(view);
  // The actions below run later, from events: they read the latest committed values through these refs.
  useLayoutEffect(() => {
    formRef.current = form;
    matrixFormRef.current = matrixForm;
    viewRef.current = view;
  });

  /** Takes a new read: the form keeps what the user typed and refreshes the rest. */
  const accept = useCallback(
    (next: PaneView, alongWith?: () => void) => {
      // A transition: React renders the new view in slices that let the browser paint in between.
      // What goes with the new view (its result message) is shown with it, not before it.
      startTransition(() => {
        alongWith?.();
        setView(next);
        setForm((current) => mergeForm(current, formFromSettings(settingsOf(next), today, foundOf(next)), edited.current));
        if (!matrixEdited.current) setMatrixFormState(matrixFormFromSettings(next.settings.matrix, next.matrixTable));
      });
    },
    [today],
  );

  // Stable, so the Generate step's fields skip re-rendering while only progress changes.
  const setFormField = useCallback(<K extends FormField>(field: K, value: SettingsForm[K]) => {
    edited.current.add(field);
    setForm((current) => ({ ...current, [field]: value }));
  }, []);

  const asOf = () => {
    const v = formRef.current.asOf.trim();
    return /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : today;
  };

  /** Runs one piece of workbook work with progress at `slot`; failures become a message there, never a throw. */
  const run = useCallback(
    async (
      slot: Slot,
      label: string,
      action: string,
      work: (progress: ProgressFn) => Promise<void>,
      describe?: (e: unknown) => PaneMessage,
    ) => {
      busyRef.current = true;
      setBusy({ slot, label });
      setMessage(null);
      try {
        // Progress re-renders the step: as a transition it renders in slices and never holds the page.
        await work((step, fraction) => startTransition(() => setBusy({ slot, label: step, fraction })));
      } catch (error) {
        setMessage({ slot, message: describe ? describe(error) : describeError(error, action) });
      } finally {
        busyRef.current = false;
        setBusy(null);
      }
    },
    [],
  );

  const readNow = useCallback(async () => {
    const once = () =>
      run('read', 'Reading the workbook', 'Reading the workbook', async (progress) => {
        accept(await session.read(asOf(), progress));
        setCapabilities(await session.capabilities());
      });
    await once();
    if (rereadPending.current) {
      rereadPending.current = false;
      await once();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run, accept, session]);

  // Excel: read once at start, then again after sheet switches and edits.
  useEffect(() => {
    if (mode !== 'excel' || !options.port) return;
    void readNow();
    if (!subscribe) return;
    let watch: { stop(): Promise<void> } | null = null;
    let cancelled = false;
    watchWorkbook(
      subscribe,
      () => {
        // Our own writes also raise events; while busy, read once more afterwards instead.
        if (busyRef.current) rereadPending.current = true;
        else void readNow();
      },
      rereadDelayMs,
    )
      .then((w) => {
        if (cancelled) void w.stop();
        else watch = w;
      })
      .catch(() => {
        // Without events the pane still works; the user re-reads with the button.
      });
    return () => {
      cancelled = true;
      if (watch) void watch.stop();
    };
  }, [mode, options.port, subscribe, rereadDelayMs, readNow]);

  // File mode: closing the tab with work not downloaded asks first.
  useEffect(() => {
    if (mode !== 'file' || !unsaved) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [mode, unsaved]);

  const openFile = useCallback(
    async (file: File) => {
      const advice = fileMode.adviceForPickedFile(file);
      if (advice) {
        setMessage({ slot: 'open', message: advice });
        return;
      }
      await run(
        'open',
        `Opening ${file.name}`,
        'Opening the workbook',
        async (progress) => {
          progress(`Reading ${file.name}`, 0.05);
          const bytes = await fileMode.readFileBytes(file);
          const next = await session.open(bytes, asOf(), progress);
          edited.current = new Set(['asOf']);
          matrixEdited.current = false;
          // A transition: the first render of the steps is rendered in slices, so the page keeps painting.
          startTransition(() => {
            setFileName(file.name);
            setGenerated([]);
            setHighlightResult(null);
            setUnsaved(false);
            setForm((current) => formFromSettings(settingsOf(next), current.asOf, foundOf(next)));
            setMatrixFormState(matrixFormFromSettings(next.settings.matrix, next.matrixTable));
            setView(next);
          });
          setCapabilities(await session.capabilities());
        },
        (error) => {
          const m = describeError(error, `Opening ${file.name}`);
          return m.title === 'This file could not be opened' ? { ...m, title: `“${file.name}” could not be opened` } : m;
        },
      );
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [run, session],
  );

  const changed = () => {
    if (mode === 'file') setUnsaved(true);
  };
  /** Runs an action only while a workbook is open; called from event handlers, never during render. */
  const ifOpen = async (fn: () => Promise<void>) => {
    if (viewRef.current) await fn();
  };

  const port = options.port;
  return {
    mode,
    fileName,
    view,
    capabilities,
    busy,
    message,
    highlightResult,
    generated,
    unsaved,
    form,
    setFormField,
    matrixForm,
    setMatrixForm(next) {
      matrixEdited.current = true;
      setMatrixFormState(next);
    },
    saveMatrix: () =>
      ifOpen(() =>
        run('matrix', 'Saving the risk matrix', 'Saving the risk matrix', async (progress) => {
          const next = await session.saveMatrix(matrixSettingsFromForm(matrixFormRef.current), progress);
          matrixEdited.current = false;
          accept(next, () => {
            changed();
            setMessage({
              slot: 'matrix',
              message: { intent: 'success', title: 'Risk matrix saved', body: `Levels now come from: ${next.matrix.label}.` },
            });
          });
        }),
      ),
    openFile,
    reload: readNow,
    saveMapping: (mapping) =>
      ifOpen(() =>
        run('mapping', 'Saving the mapping', 'Saving the mapping', async (progress) => {
          accept(await session.saveMapping(mapping, progress), () => {
            changed();
            setMessage({
              slot: 'mapping',
              message: { intent: 'success', title: 'Mapping saved', body: 'The workbook was re-read with your columns.' },
            });
          });
        }),
      ),
    chooseTier: (key, tier) =>
      ifOpen(() =>
        run('tiers', tier ? `Saving “${tier}”` : 'Removing your choice', 'Saving the tier', async (progress) => {
          const next = await session.chooseTier(key, tier, progress);
          accept(next, () => changed());
        }),
      ),
    highlight: () =>
      ifOpen(() =>
        run('highlight', 'Adding highlights', 'Highlighting gaps', async () => {
          setHighlightResult(null);
          setHighlightResult({ kind: 'applied', result: await session.highlight() });
          changed();
        }),
      ),
    clear: () =>
      ifOpen(() =>
        run('highlight', 'Removing highlights', 'Clearing highlights', async () => {
          setHighlightResult(null);
          setHighlightResult({ kind: 'cleared', removed: await session.clear() });
          changed();
        }),
      ),
    generatePlan: () =>
      ifOpen(() =>
        run('plan', 'Generating the plan', 'Generating the plan', async (progress) => {
          const result = await session.generatePlan(formRef.current, progress);
          accept(result.view, () => {
            changed();
            setGenerated((g) => [...g.filter((x) => x.kind !== 'plan'), { kind: 'plan', sheet: result.sheet }]);
          });
        }),
      ),
    generateProgress: () =>
      ifOpen(() =>
        run('progress', 'Generating the progress report', 'Generating the progress report', async (progress) => {
          const result = await session.generateProgress(formRef.current, progress);
          accept(result.view, () => {
            changed();
            setGenerated((g) => [...g.filter((x) => x.kind !== 'progress'), { kind: 'progress', sheet: result.sheet }]);
          });
        }),
      ),
    download: () =>
      ifOpen(() =>
        run('download', 'Preparing the download', 'Downloading the workbook', async (progress) => {
          const bytes = await session.save(progress);
          const name = fileMode.downloadBytes(bytes, fileName ?? 'workbook.xlsx');
          setUnsaved(false);
          setMessage({
            slot: 'download',
            message: { intent: 'success', title: 'Workbook downloaded', body: `Saved as ${name}. Your original file was not changed.` },
          });
        }),
      ),
    selectCell: port?.selectCell
      ? async (sheet, cell) => {
          try {
            await port.selectCell?.(sheet, cell);
          } catch (error) {
            setMessage({ slot: 'highlight', message: describeError(error, `Going to ${sheet}!${cell}`) });
          }
        }
      : undefined,
    activateSheet: port?.activateSheet
      ? async (sheet) => {
          try {
            await port.activateSheet?.(sheet);
          } catch (error) {
            setMessage({ slot: 'plan', message: describeError(error, `Opening sheet ${sheet}`) });
          }
        }
      : undefined,
    dismissMessage: () => setMessage(null),
  };
}
