/**
 * Messages between the pane and its Web Worker (file mode). The page sends a call; the worker
 * answers with progress reports and one result or error for that call's id.
 */
import type { PaneSession } from './session';

export type SessionMethod = Exclude<keyof PaneSession, 'dispose'>;

type ProgressArg = (label: string, fraction: number) => void;
type Args<M extends SessionMethod> = Parameters<PaneSession[M]>;

/** A method's arguments as they cross to the worker: all but the progress callback (it becomes progress messages). */
export type WireArgs<M extends SessionMethod> = Args<M> extends [...infer Rest, ProgressArg] ? Rest : Args<M>;

/** What a method's call resolves to on the page. */
export type SessionResult<M extends SessionMethod> = Awaited<ReturnType<PaneSession[M]>>;

/** One call, its arguments typed by its method (e.g. chooseTier: [key, tier | null]). */
export type CallMessage = { [M in SessionMethod]: { id: number; method: M; args: WireArgs<M> } }[SessionMethod];

/** An error as it crosses the boundary: its name keeps "WorkbookOpenError" and "WorkflowError" recognizable. */
export interface ErrorData {
  name: string;
  message: string;
  code?: string;
}

export type ReplyMessage =
  | { id: number; type: 'progress'; label: string; fraction: number }
  | { id: number; type: 'result'; value: unknown }
  | { id: number; type: 'error'; error: ErrorData };

export function errorData(error: unknown): ErrorData {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as Record<string, unknown>;
  return {
    name: typeof e.name === 'string' ? e.name : 'Error',
    message: typeof e.message === 'string' ? e.message : String(error),
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
  };
}

export function errorFromData(data: ErrorData): Error {
  const error = new Error(data.message) as Error & { code?: string };
  error.name = data.name;
  if (data.code !== undefined) error.code = data.code;
  return error;
}

/** Methods whose last argument is a progress callback (it becomes progress messages). */
const WITH_PROGRESS: ReadonlySet<SessionMethod> = new Set<SessionMethod>([
  'open',
  'read',
  'saveMapping',
  'saveMatrix',
  'chooseTier',
  'generatePlan',
  'generateProgress',
  'save',
]);

/**
 * The worker's side: runs each call on `session`, one at a time and in order, and posts its
 * progress and its result (workbook bytes are transferred, not copied) or its error.
 */
export function serveSession(
  session: PaneSession,
  post: (reply: ReplyMessage, transfer?: Transferable[]) => void,
): (call: CallMessage) => void {
  let queue: Promise<void> = Promise.resolve();
  return ({ id, method, args }) => {
    queue = queue.then(async () => {
      try {
        const callArgs = WITH_PROGRESS.has(method)
          ? [...args, (label: string, fraction: number) => post({ id, type: 'progress', label, fraction })]
          : args;
        const fn = session[method] as (...a: unknown[]) => Promise<unknown>;
        const value = await fn.apply(session, callArgs);
        post({ id, type: 'result', value }, value instanceof Uint8Array ? [value.buffer as ArrayBuffer] : []);
      } catch (error) {
        post({ id, type: 'error', error: errorData(error) });
      }
    });
  };
}
