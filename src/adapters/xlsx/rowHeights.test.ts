import fc from 'fast-check';
import type { SheetSpec } from '../../core/sheetSpec';
import { estimateRowHeights, wrappedLines } from './rowHeights';

describe('wrappedLines', () => {
  it('wraps on words and breaks words longer than a line', () => {
    expect(wrappedLines('short', 10)).toBe(1);
    expect(wrappedLines('aaaa bbbb cccc', 9)).toBe(2);
    expect(wrappedLines('aaaa bbbb cccc', 4)).toBe(3);
    expect(wrappedLines('x'.repeat(25), 10)).toBe(3);
    expect(wrappedLines('one\ntwo\n\nfour', 40)).toBe(4);
  });
});

describe('estimateRowHeights', () => {
  const base = (rows: SheetSpec['rows'], merges: string[] = []): SheetSpec => ({
    kind: 'plan',
    name: 'P',
    marker: 'm',
    columns: [{ width: 10 }, { width: 10 }, { width: 10 }],
    rows,
    merges,
    styles: { wrap: { wrap: true }, title: { size: 16, bold: true } },
    print: { orientation: 'portrait', fitToWidth: true, area: 'A1:C3', footer: {} },
  });
  const long = 'Encrypt every laptop that stores patient records before the end of the quarter';

  it('grows rows whose wrapped text needs more lines, and large fonts', () => {
    const h = estimateRowHeights(
      base([
        { cells: [{ type: 'text', value: long, style: 'wrap' }] },
        { cells: [{ type: 'text', value: 'ok', style: 'wrap' }] },
        { cells: [{ type: 'text', value: 'Title', style: 'title' }] },
      ]),
    );
    expect(h.get(0)).toBeGreaterThanOrEqual(5 * 14);
    expect(h.has(1)).toBe(false);
    expect(h.get(2)).toBeGreaterThan(15);
  });

  it('counts a merged cell as wide as its columns and leaves explicit heights alone', () => {
    const merged = estimateRowHeights(base([{ cells: [{ type: 'text', value: long, style: 'wrap' }] }], ['A1:C1']));
    const single = estimateRowHeights(base([{ cells: [{ type: 'text', value: long, style: 'wrap' }] }]));
    expect(merged.get(0)!).toBeLessThan(single.get(0)!);
    expect(estimateRowHeights(base([{ cells: [{ type: 'text', value: long, style: 'wrap' }], height: 30 }])).size).toBe(0);
  });
});

describe('wrappedLines scans words by hand', () => {
  /** The plain definition: split into paragraphs and words, fill each line greedily. */
  function byWords(text: string, capacity: number): number {
    const cap = Math.max(1, Math.floor(capacity));
    let lines = 0;
    for (const paragraph of text.split(/\r?\n/)) {
      let used = 0;
      lines++;
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        if (used === 0) {
          lines += Math.ceil(word.length / cap) - 1;
          used = word.length % cap || cap;
        } else if (used + 1 + word.length <= cap) {
          used += 1 + word.length;
        } else {
          lines += Math.ceil(word.length / cap);
          used = word.length % cap || cap;
        }
      }
    }
    return lines;
  }

  it('counts the same lines as splitting into words, whatever the whitespace', () => {
    const pieces = fc.constantFrom('a', 'bb', 'word', ' ', '  ', '\n', '\r\n', '\t', '\u00a0', '\u3000');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), fc.integer({ min: 0, max: 30 }), (parts, cap) => {
        const text = parts.join('');
        expect(wrappedLines(text, cap)).toBe(byWords(text, cap));
      }),
      { numRuns: 3000 },
    );
  });
});
