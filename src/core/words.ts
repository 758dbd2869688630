/** Small wording helpers shared by the reports, the CLI and the pane. */

/** "1 risk", "3 risks"; `many` for irregular plurals ("1 item has", "2 items have"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
