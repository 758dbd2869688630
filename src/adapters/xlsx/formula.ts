/**
 * Formula text as Excel shows it: shared formulas moved to the cell that uses them, and the
 * file's "_xlfn." style prefixes of newer functions removed (Office.js shows "IFS", not "_xlfn.IFS").
 */
import { columnIndex, columnLetter } from '../../core/grid';

const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

function isNameChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 46 || code === 92
  );
}

const CELL_REF = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})/;

/**
 * The formula of a shared-formula master, moved by (rows, cols) as Excel does for the other cells
 * of the shared range: relative references move, absolute ones ($A$1) stay. Text in quotes,
 * sheet names and structured references ([...]) are left alone.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  let out = '';
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A string literal or a quoted sheet name; a doubled quote is an escaped one.
      let j = i + 1;
      while (j < n) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '[') {
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === '[') depth++;
        else if (formula[j] === ']' && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? formula.charCodeAt(i - 1) : 0;
    if (!isNameChar(prev)) {
      const m = CELL_REF.exec(formula.slice(i, i + 13));
      const after = m ? formula.charCodeAt(i + m[0].length) : 0;
      // Not a cell reference when a name or a function call goes on ("LOG10(", "A1B").
      if (m && !isNameChar(after) && after !== 40 /* ( */ && after !== 33 /* ! */) {
        const col = columnIndex(m[2]);
        const row = Number(m[4]) - 1;
        if (col >= 0 && col <= MAX_COL && row >= 0 && row <= MAX_ROW) {
          const newCol = m[1] ? col : col + cols;
          const newRow = m[3] ? row : row + rows;
          out +=
            newCol < 0 || newRow < 0 || newCol > MAX_COL || newRow > MAX_ROW
              ? '#REF!'
              : `${m[1]}${columnLetter(newCol)}${m[3]}${newRow + 1}`;
          i += m[0].length;
          continue;
        }
      }
    }
    // Copy a run of name characters whole, so "TAX2024X" is never read from its middle.
    if (isNameChar(formula.charCodeAt(i))) {
      let j = i + 1;
      while (j < n && isNameChar(formula.charCodeAt(j))) j++;
      if (j > i + 1 && !CELL_REF.test(formula.slice(i, j))) {
        out += formula.slice(i, j);
        i = j;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

/** "_xlfn.IFS(...)" -> "=IFS(...)": the formula as Excel and Office.js show it. */
export function displayFormula(stored: string): string {
  return `=${stored.replace(/_xl(?:fn|ws|pm)\./g, '')}`;
}
