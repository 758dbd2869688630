/**
 * How much sheet data an .xlsx holds, read from the zip's central directory without unpacking
 * anything. ExcelJS keeps every cell in memory (several hundred bytes each), so a sheet with a
 * million filled rows exhausts Node's heap minutes later; measuring first lets us refuse it at once.
 */

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;
/** The end-of-central-directory record is 22 bytes plus a comment of at most 65,535 bytes. */
const EOCD_SEARCH = 22 + 0xffff;

/**
 * Total uncompressed size in bytes of the worksheet parts (xl/worksheets/*.xml), or null when the
 * central directory cannot be found (a damaged zip: ExcelJS then reports it). A ZIP64 size counts
 * as Infinity: a part over 4 GB is far beyond any register.
 */
export function worksheetXmlBytes(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - EOCD_SEARCH); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_ENTRY_SIGNATURE) return null;
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) return null;
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) total += size === 0xffffffff ? Infinity : size;
    at += 46 + nameLength + extraLength + commentLength;
  }
  return total;
}
