/**
 * The page's side of the file-mode worker: a PaneSession whose every call is a message to the
 * worker (session.worker.ts). The workbook bytes are transferred, not copied, both ways.
 */
import type { HighlightResult, HostCapabilities } from '../core/port';
import type { MappingOverride } from '../core/model';
import type { MatrixSettings } from '../core/settings';
import type { ChosenTier } from '../core/analysis';
import type { GeneratedView, PaneSession } from './session';
import type { PaneView } from './paneView';
import type { ProgressFn } from './workbookActions';
import type { SettingsForm } from './settingsForm';
import {
  errorFromData,
  type CallMessage,
  type ReplyMessage,
  type SessionMethod,
  type SessionResult,
  type WireArgs,
} from './workerProtocol';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  progress?: ProgressFn;
}

/** What the session needs of a Worker (a real one, or a fake in tests). */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export class WorkerSession implements PaneSession {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly worker: WorkerLike) {
    worker.onmessage = (event: MessageEvent<ReplyMessage>) => {
      const reply = event.data;
      const call = this.pending.get(reply.id);
      if (!call) return;
      if (reply.type === 'progress') call.progress?.(reply.label, reply.fraction);
      else {
        this.pending.delete(reply.id);
        if (reply.type === 'result') call.resolve(reply.value);
        else call.reject(errorFromData(reply.error));
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      // The worker itself failed (it could not load): every waiting call fails with the reason.
      const error = new Error(`The background reader stopped: ${event.message || 'unknown error'}.`);
      for (const call of this.pending.values()) call.reject(error);
      this.pending.clear();
    };
  }

  private call<M extends SessionMethod>(
    method: M,
    args: WireArgs<M>,
    progress?: ProgressFn,
    transfer: Transferable[] = [],
  ): Promise<SessionResult<M>> {
    const id = this.nextId++;
    return new Promise<SessionResult<M>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, progress });
      const message = { id, method, args } as CallMessage;
      this.worker.postMessage(message, transfer);
    });
  }

  open(bytes: ArrayBuffer, asOf: string, progress: ProgressFn): Promise<PaneView> {
    return this.call('open', [bytes, asOf], progress, [bytes]);
  }
  read(asOf: string, progress: ProgressFn): Promise<PaneView> {
    return this.call('read', [asOf], progress);
  }
  saveMapping(mapping: MappingOverride[], progress: ProgressFn): Promise<PaneView> {
    return this.call('saveMapping', [mapping], progress);
  }
  saveMatrix(matrix: MatrixSettings | undefined, progress: ProgressFn): Promise<PaneView> {
    return this.call('saveMatrix', [matrix], progress);
  }
  chooseTier(key: string, tier: ChosenTier | null, progress: ProgressFn): Promise<PaneView> {
    return this.call('chooseTier', [key, tier], progress);
  }
  highlight(): Promise<HighlightResult> {
    return this.call('highlight', []);
  }
  clear(): Promise<number> {
    return this.call('clear', []);
  }
  generatePlan(form: SettingsForm, progress: ProgressFn): Promise<GeneratedView> {
    return this.call('generatePlan', [form], progress);
  }
  generateProgress(form: SettingsForm, progress: ProgressFn): Promise<GeneratedView> {
    return this.call('generateProgress', [form], progress);
  }
  save(progress: ProgressFn): Promise<Uint8Array> {
    return this.call('save', [], progress);
  }
  capabilities(): Promise<HostCapabilities | null> {
    return this.call('capabilities', []);
  }
  dispose(): void {
    this.worker.terminate();
    for (const call of this.pending.values()) call.reject(new Error('The workbook was closed.'));
    this.pending.clear();
  }
}
