/**
 * The pane's state: the open workbook, what it read, what is running, the last message and
 * the Generate form. Workbook work goes through the functions in workbookActions.ts.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HighlightResult } from '../core/port';
import type { MappingOverride } from '../core/model';
import type { WorkbookState } from '../app/workflow';
import { DEFAULT_SETTINGS } from '../core/settings';
import { describeError, type PaneMessage } from './messages';
import { formFromSettings, mergeForm, type FormField, type SettingsForm } from './settingsForm';
import { watchWorkbook, type SubscribeFn } from './excelEvents';
import * as actions from './workbookActions';
import type { PanePort } from './workbookActions';
import * as fileMode from './fileMode';
import { matrixFormFromSettings, matrixSettingsFromForm, type MatrixForm } from './matrixForm';
import type { OpenXlsxFn } from './fileMode';

export interface Busy {
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
  openXlsx?: OpenXlsxFn;
  /** Debounce for host events, in ms. */
  rereadDelayMs?: number;
}

export interface WorkbookModel {
  mode: 'excel' | 'file';
  port: PanePort | null;
  fileName: string | null;
  state: WorkbookState | null;
  busy: Busy | null;
  message: PaneMessage | null;
  highlightResult: { kind: 'applied'; result: HighlightResult } | { kind: 'cleared'; removed: number } | null;
  generated: Generated[];
  form: SettingsForm;
  setFormField<K extends FormField>(field: K, value: SettingsForm[K]): void;
  /** The Review step's risk matrix choice; unsaved edits survive a re-read. */
  matrixForm: MatrixForm;
  setMatrixForm(form: MatrixForm): void;
  /** Saves the matrix form into the workbook and re-reads with it. */
  saveMatrix(): Promise<void>;
  openFile(file: File): Promise<void>;
  reload(): Promise<void>;
  saveMapping(mapping: MappingOverride[]): Promise<void>;
  highlight(): Promise<void>;
  clear(): Promise<void>;
  generatePlan(): Promise<void>;
  generateProgress(): Promise<void>;
  download(): Promise<void>;
  /** Excel only: jump to a cell / open a sheet; undefined where the host cannot. */
  selectCell?: (sheet: string, cell: string) => Promise<void>;
  activateSheet?: (sheet: string) => Promise<void>;
  dismissMessage(): void;
}

/** The form before any workbook is read: the default settings, as of today. */
const EMPTY_SETTINGS_FORM = (today: string): SettingsForm => formFromSettings(DEFAULT_SETTINGS, today);

/** State and actions for the pane; see WorkbookModel. */
export function useWorkbook(options: UseWorkbookOptions): WorkbookModel {
  const { mode, today, subscribe, rereadDelayMs } = options;
  const openXlsx = options.openXlsx ?? fileMode.openXlsxLazily;
  const [port, setPort] = useState<PanePort | null>(options.port ?? null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [state, setState] = useState<WorkbookState | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [message, setMessage] = useState<PaneMessage | null>(null);
  const [highlightResult, setHighlightResult] = useState<WorkbookModel['highlightResult']>(null);
  const [generated, setGenerated] = useState<Generated[]>([]);
  const [form, setForm] = useState<SettingsForm>(() => EMPTY_SETTINGS_FORM(today));
  const [matrixForm, setMatrixFormState] = useState<MatrixForm>(() => matrixFormFromSettings(undefined));

  // Refs let event handlers and async work see the latest values without re-subscribing.
  const formRef = useRef(form);
  formRef.current = form;
  const edited = useRef(new Set<FormField>());
  const matrixEdited = useRef(false);
  const matrixFormRef = useRef(matrixForm);
  matrixFormRef.current = matrixForm;
  const busyRef = useRef(false);
  const rereadPending = useRef(false);
  const portRef = useRef(port);
  portRef.current = port;
  const stateRef = useRef(state);
  stateRef.current = state;

  /** Takes a new read: the form keeps what the user typed and refreshes the rest. */
  const accept = useCallback(
    (next: WorkbookState) => {
      setState(next);
      setForm((current) => mergeForm(current, formFromSettings(next.settings, today), edited.current));
      if (!matrixEdited.current) setMatrixFormState(matrixFormFromSettings(next.settings.matrix));
    },
    [today],
  );

  const asOf = () => {
    const v = formRef.current.asOf.trim();
    return /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : today;
  };

  /** Runs one piece of workbook work with a spinner; failures become a message, never a throw. */
  const run = useCallback(async (label: string, action: string, work: (progress: actions.ProgressFn) => Promise<void>) => {
    busyRef.current = true;
    setBusy({ label });
    setMessage(null);
    try {
      await work((step, fraction) => setBusy({ label: step, fraction }));
    } catch (error) {
      setMessage(describeError(error, action));
    } finally {
      busyRef.current = false;
      setBusy(null);
    }
  }, []);

  const readNow = useCallback(
    async (target: PanePort) => {
      await run('Reading the workbook', 'Reading the workbook', async (progress) => {
        accept(await actions.readState(target, asOf(), undefined, progress));
      });
      if (rereadPending.current) {
        rereadPending.current = false;
        await run('Reading the workbook', 'Reading the workbook', async (progress) => {
          accept(await actions.readState(target, asOf(), undefined, progress));
        });
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [run, accept],
  );

  // Excel: read once at start, then again after sheet switches and edits.
  useEffect(() => {
    if (mode !== 'excel' || !options.port) return;
    const excelPort = options.port;
    void readNow(excelPort);
    if (!subscribe) return;
    let watch: { stop(): Promise<void> } | null = null;
    let cancelled = false;
    watchWorkbook(
      subscribe,
      () => {
        // Our own writes also raise events; while busy, read once more afterwards instead.
        if (busyRef.current) rereadPending.current = true;
        else void readNow(excelPort);
      },
      rereadDelayMs,
    )
      .then((w) => {
        if (cancelled) void w.stop();
        else watch = w;
      })
      .catch(() => {
        // Without events the pane still works; the user re-reads by switching steps or buttons.
      });
    return () => {
      cancelled = true;
      if (watch) void watch.stop();
    };
  }, [mode, options.port, subscribe, rereadDelayMs, readNow]);

  const openFile = useCallback(
    async (file: File) => {
      await run('Opening the workbook', 'Opening the workbook', async (progress) => {
        progress('Opening the workbook', 0.2);
        const bytes = await fileMode.readFileBytes(file);
        const opened = await openXlsx(bytes);
        await actions.yieldToHost();
        progress('Reading the register', 0.6);
        const next = await actions.readState(opened, asOf());
        setPort(opened);
        setFileName(file.name);
        setGenerated([]);
        setHighlightResult(null);
        edited.current = new Set(['asOf']);
        setForm((current) => formFromSettings(next.settings, current.asOf));
        matrixEdited.current = false;
        setMatrixFormState(matrixFormFromSettings(next.settings.matrix));
        setState(next);
      });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [run, openXlsx],
  );

  const withWorkbook = (fn: (p: PanePort, s: WorkbookState) => Promise<void>) => async () => {
    const p = portRef.current;
    const s = stateRef.current;
    if (!p || !s) return;
    await fn(p, s);
  };

  const model: WorkbookModel = {
    mode,
    port,
    fileName,
    state,
    busy,
    message,
    highlightResult,
    generated,
    form,
    setFormField(field, value) {
      edited.current.add(field);
      setForm((current) => ({ ...current, [field]: value }));
    },
    matrixForm,
    setMatrixForm(next) {
      matrixEdited.current = true;
      setMatrixFormState(next);
    },
    saveMatrix: () =>
      withWorkbook((p, s) =>
        run('Saving the risk matrix', 'Saving the risk matrix', async (progress) => {
          const next = await actions.saveMatrix(p, s, matrixSettingsFromForm(matrixFormRef.current), progress);
          // Saved: the form follows the workbook again.
          matrixEdited.current = false;
          accept(next);
          setMessage({ intent: 'success', title: 'Risk matrix saved', body: `The workbook was re-read with ${next.analysis.matrix.label}.` });
        }),
      )(),
    openFile,
    reload: async () => {
      if (portRef.current) await readNow(portRef.current);
    },
    saveMapping: (mapping) =>
      withWorkbook((p, s) =>
        run('Saving the mapping', 'Saving the mapping', async (progress) => {
          accept(await actions.saveMapping(p, s, mapping, progress));
          setMessage({ intent: 'success', title: 'Mapping saved', body: 'The workbook was re-read with your columns.' });
        }),
      )(),
    highlight: withWorkbook((p, s) =>
      run('Adding highlights', 'Highlighting gaps', async () => {
        setHighlightResult(null);
        setHighlightResult({ kind: 'applied', result: await actions.highlight(p, s) });
      }),
    ),
    clear: withWorkbook((p) =>
      run('Removing highlights', 'Clearing highlights', async () => {
        setHighlightResult(null);
        setHighlightResult({ kind: 'cleared', removed: await actions.clear(p) });
      }),
    ),
    generatePlan: withWorkbook((p, s) =>
      run('Generating the plan', 'Generating the plan', async (progress) => {
        const result = await actions.generatePlanSheet(p, s, formRef.current, progress);
        accept(result.state);
        setGenerated((g) => [...g.filter((x) => x.kind !== 'plan'), { kind: 'plan', sheet: result.sheet }]);
      }),
    ),
    generateProgress: withWorkbook((p, s) =>
      run('Generating the progress report', 'Generating the progress report', async (progress) => {
        const result = await actions.generateProgressSheet(p, s, formRef.current, progress);
        accept(result.state);
        setGenerated((g) => [...g.filter((x) => x.kind !== 'progress'), { kind: 'progress', sheet: result.sheet }]);
      }),
    ),
    download: withWorkbook((p) =>
      run('Preparing the download', 'Downloading the workbook', async () => {
        const name = await fileMode.downloadWorkbook(p, fileName ?? 'workbook.xlsx');
        setMessage({ intent: 'success', title: 'Workbook downloaded', body: `Saved as ${name}.` });
      }),
    ),
    selectCell: port?.selectCell
      ? async (sheet, cell) => {
          try {
            await port.selectCell?.(sheet, cell);
          } catch (error) {
            setMessage(describeError(error, `Going to ${sheet}!${cell}`));
          }
        }
      : undefined,
    activateSheet: port?.activateSheet
      ? async (sheet) => {
          try {
            await port.activateSheet?.(sheet);
          } catch (error) {
            setMessage(describeError(error, `Opening sheet ${sheet}`));
          }
        }
      : undefined,
    dismissMessage: () => setMessage(null),
  };
  return model;
}
