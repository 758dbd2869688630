/**
 * The runner's file safety: which path is which file, how a result replaces a file without ever
 * leaving half a workbook behind, and how names and cell text are printed to a terminal.
 */
import { promises as fs, constants as fsConstants, rmSync } from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';

/** Bad input the user can fix (not a workbook, no register...): exit code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Workbook file names the runner takes, in a folder run too. */
export const WORKBOOK_NAME = /\.(xlsx|xlsm)$/i;

/**
 * C0 and C1 control characters (other than tab and line feed) and the Unicode bidi controls:
 * printed as they are, a file name or a cell could move the cursor, clear the screen or show
 * "gpj.exe" as "exe.jpg".
 */
const UNPRINTABLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Text from a file name or a workbook, safe to print on a terminal (one line stays one line). */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, '');
}

/** JSON text with the characters above written as \u escapes: the data stays exact, the terminal safe. */
export function printableJson(json: string): string {
  return json.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The real path of `p`, or of its nearest existing folder joined with the rest (for files not written yet). */
async function realPathOf(p: string): Promise<string> {
  const absolute = path.resolve(p);
  try {
    return await fs.realpath(absolute);
  } catch {
    const parent = path.dirname(absolute);
    if (parent === absolute) return absolute;
    return path.join(await realPathOf(parent), path.basename(absolute));
  }
}

/**
 * True when `a` and `b` are the same file or folder: the same device and inode when both exist
 * (so a symlinked folder, a hard link or another letter case on a case-insensitive disk are
 * caught), else the same real path.
 */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([fs.stat(a).catch(() => null), fs.stat(b).catch(() => null)]);
  if (sa && sb) return sa.dev === sb.dev && sa.ino === sb.ino;
  return (await realPathOf(a)) === (await realPathOf(b));
}

/** Temporary files being written: removed if the run fails or is interrupted. */
const pendingTemps = new Set<string>();
let signalsHooked = false;

function removePendingTemps(): void {
  for (const temp of pendingTemps) rmSync(temp, { force: true });
  pendingTemps.clear();
}

/** On Ctrl-C or a kill, remove the temporary files first, then end as the signal would. */
function hookSignals(): void {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      removePendingTemps();
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
  process.on('exit', removePendingTemps);
}

function writeError(target: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  return new InputError(`The result could not be written to ${target} (${code ?? (err as Error).message}).`);
}

/**
 * Writes `bytes` to `target` through a temporary file beside it, renamed over the target only
 * when complete: a failure or an interruption never leaves half a workbook. When the target
 * exists, the result keeps its permissions (a 0600 workbook stays 0600), and a symlink's target
 * is replaced, not the link.
 */
export async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  hookSignals();
  let real = target;
  let mode: number | null = null;
  try {
    // "-o out/plan.xlsx" on a fresh checkout: make the folder rather than fail.
    await fs.mkdir(path.dirname(target), { recursive: true });
    const existing = await fs.stat(target).catch(() => null);
    if (existing) {
      if (!existing.isFile()) throw new InputError(`The result could not be written to ${target}: it is not a regular file.`);
      real = await fs.realpath(target);
      mode = existing.mode & 0o7777;
    }
  } catch (err) {
    throw err instanceof InputError ? err : writeError(target, err);
  }
  // A short name: the target's own name may already be as long as the file system allows.
  const temp = path.join(path.dirname(real), `.riskplan-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  pendingTemps.add(temp);
  try {
    const handle = await fs.open(temp, fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY, mode ?? 0o666);
    try {
      await handle.writeFile(bytes);
      // The umask may have narrowed the mode given to open; set the original's exactly.
      if (mode !== null) await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, real);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw writeError(target, err);
  } finally {
    pendingTemps.delete(temp);
  }
}

/** A workbook's bytes; anything that is not a readable regular file is an InputError in one line. */
export async function readWorkbookBytes(file: string): Promise<Uint8Array> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new InputError('This is a folder, not a workbook.');
    // A pipe or a device would block the read or never end.
    if (!stat.isFile()) throw new InputError('This is not a regular file (a pipe, a socket or a device), so it is not read.');
    return await fs.readFile(file);
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('No such file.');
    if (code === 'EACCES' || code === 'EPERM') throw new InputError('The file cannot be read (permission denied).');
    if (code === 'ENAMETOOLONG') throw new InputError('The file name is longer than the system allows.');
    if (code === 'EISDIR') throw new InputError('This is a folder, not a workbook.');
    throw new InputError(`The file cannot be read (${code ?? 'unknown error'}).`);
  }
}

/** A folder entry a folder run takes, or skips with the reason (never silently). */
export type FolderEntry = { name: string; skip: null } | { name: string; skip: string };

/** The workbooks of a folder (.xlsx and .xlsm directly inside), with every look-alike it does not take and why. */
export async function folderEntries(folder: string): Promise<FolderEntry[]> {
  const entries = await fs.readdir(folder, { withFileTypes: true });
  const out: FolderEntry[] = [];
  for (const e of entries) {
    if (!WORKBOOK_NAME.test(e.name)) continue;
    if (e.name.startsWith('~$')) {
      out.push({ name: e.name, skip: "skipped: Excel's lock file of a workbook that is open" });
      continue;
    }
    // A symlink is followed; a folder, pipe or device with a workbook's name is reported.
    const stat = e.isFile() ? null : await fs.stat(path.join(folder, e.name)).catch(() => null);
    if (e.isFile() || stat?.isFile()) out.push({ name: e.name, skip: null });
    else
      out.push({
        name: e.name,
        skip: stat?.isDirectory()
          ? 'skipped: a folder, not a workbook'
          : stat
            ? 'skipped: not a regular file'
            : 'skipped: a link that leads nowhere',
      });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
