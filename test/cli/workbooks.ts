/** Small workbooks for the runner tests, built in code (the tests never read /work/shared). */
import ExcelJS from 'exceljs';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

async function bytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A practice's register (title row, header in row 2) and a CAP sheet, with a few gaps. */
export async function registerWithCap(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const reg = wb.addWorksheet('Risk Register');
  reg.mergeCells('A1:J1');
  reg.getCell('A1').value = 'Acme Dental HIPAA risk register';
  reg.getRow(2).values = [
    'Risk ID',
    'Risk Description',
    'Likelihood',
    'Impact',
    'Risk Score',
    'Risk Level',
    'Mitigation Plan',
    'Risk Owner',
    'Due Date',
    'Status',
  ];
  const risks: [string, string, number, number, string, string, string | null, Date | null, string][] = [
    [
      'R-001',
      'Laptops with ePHI are not encrypted',
      4,
      5,
      'Very High',
      'Enable BitLocker on all laptops',
      'Dr. Lee',
      utc(2026, 10, 1),
      'In Progress',
    ],
    ['R-002', 'Audit logs are never reviewed', 3, 3, 'Medium', 'Review logs monthly', null, utc(2027, 1, 15), 'Open'],
    ['R-003', 'Staff share the front-desk password', 5, 4, 'High', 'Improve security', 'Office manager', null, 'Open'],
    [
      'R-004',
      'No business associate agreement with the billing company',
      2,
      4,
      'Medium',
      'Sign a BAA with the billing company',
      'Practice administrator',
      utc(2026, 12, 10),
      'Not Started',
    ],
  ];
  risks.forEach(([id, risk, l, i, level, action, owner, due, status], k) => {
    const r = 3 + k;
    reg.getRow(r).values = [id, risk, l, i, null, level, action, owner, due, status];
    reg.getCell(`E${r}`).value = { formula: `C${r}*D${r}`, result: l * i } as ExcelJS.CellValue;
    reg.getCell(`I${r}`).numFmt = 'yyyy-mm-dd';
  });

  const cap = wb.addWorksheet('Corrective Action Plan');
  cap.getRow(1).values = [
    'Finding ID',
    'Finding',
    'Corrective Action',
    'Responsible Party',
    'Target Completion Date',
    'Status',
    'Date Completed',
    'Verified By',
  ];
  cap.getRow(2).values = ['F-1', 'Unencrypted laptops', 'Encrypt all laptops', 'Dr. Lee', utc(2026, 10, 1), 'In Progress', null, null];
  cap.getRow(3).values = [
    'F-2',
    'No log review',
    'Set up monthly log review',
    'IT vendor',
    utc(2026, 12, 1),
    'Complete',
    utc(2026, 11, 2),
    'Dr. Lee',
  ];
  cap.getRow(4).values = ['F-3', 'No BAA with billing company', 'Sign BAA', null, utc(2027, 2, 1), 'Not Started', null, null];
  return bytes(wb);
}

/** A workbook with nothing that looks like a register or a CAP. */
export async function unrelatedWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Lunch orders');
  ws.getRow(1).values = ['Name', 'Sandwich'];
  ws.getRow(2).values = ['Sam', 'Tuna'];
  return bytes(wb);
}

/** The header of an encrypted .xlsx: a CFB container holding an "EncryptionInfo" stream. */
export function encryptedLookalike(): Buffer {
  const buf = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  Buffer.from('EncryptionInfo', 'utf16le').copy(buf, 1024);
  return buf;
}
