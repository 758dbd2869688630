/**
 * Workbooks for the browser tests, built with ExcelJS: a register whose headers and sheet name are
 * long (the 320 px layout must not grow with them), and a 10,000-row register for the freeze probe.
 */
import ExcelJS from 'exceljs';
import { RISKS } from '../fixtures/workbooks';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function bytesOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Headers of 60-140 characters, like the guidance text real templates put in their header cells. */
export const LONG_HEADERS = [
  'Risk Identifier (assigned by the Security Officer when the risk is first recorded)',
  'Description of the Risk to the Confidentiality, Integrity and Availability of Electronic Protected Health Information',
  'Likelihood of Occurrence (1 = Rare, once in five years or less; 5 = Almost Certain, several times a year)',
  'Impact on the Practice and its Patients (1 = Negligible; 5 = Severe: breach notification, OCR investigation)',
  'Risk Level as Determined by the Risk Matrix in Appendix B of the Practice Security Policy',
  'Planned Mitigation Action or Safeguard to Reduce the Risk to a Reasonable and Appropriate Level',
  'Responsible Party (name and job title of the person accountable for completing the action)',
  'Target Completion Date (the date by which the action is to be finished)',
  'Current Status of the Mitigation Action (Not Started, In Progress, Complete)',
];

export function longHeadersRegister(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Security Risk Assessment 2026');
  ws.getCell('A1').value = 'Lakeside Internal Medicine and Family Practice Associates - HIPAA Security Risk Register and Mitigation Plan';
  ws.getRow(3).values = LONG_HEADERS;
  const levels = ['Low', 'Medium', 'High'];
  RISKS.forEach((r, i) => {
    const l = (i % 5) + 1;
    const imp = ((i + 2) % 5) + 1;
    ws.getRow(4 + i).values = [
      `SRA-2026-${String(i + 1).padStart(3, '0')}`,
      `${r.risk}; affects ${r.asset} and every workstation at the main clinic and the satellite office`,
      l,
      imp,
      levels[Math.min(2, Math.floor((l * imp) / 9))],
      r.action,
      i % 4 === 0 ? '' : r.owner,
      i % 3 === 0 ? null : d(`2027-0${(i % 9) + 1}-15`),
      i % 2 === 0 ? 'In Progress' : 'Not Started',
    ];
  });
  return wb;
}

/** A register of `rows` risks (the shapes repeat), for the freeze probe. */
export function bigRegister(rows: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Risk Register');
  ws.addRow([
    'Risk ID',
    'Asset',
    'Risk Description',
    'Likelihood (1-5)',
    'Impact (1-5)',
    'Risk Level',
    'Mitigation Action',
    'Owner',
    'Due Date',
    'Status',
  ]);
  const statuses = ['Open', 'In Progress', 'Not Started', 'Complete', 'Planned'];
  for (let i = 0; i < rows; i++) {
    const r = RISKS[i % RISKS.length];
    const l = (i % 5) + 1;
    const imp = ((i * 3) % 5) + 1;
    ws.addRow([
      `R-${i + 1}`,
      r.asset,
      `${r.risk} (site ${i % 40})`,
      l,
      imp,
      l * imp >= 15 ? 'High' : l * imp >= 8 ? 'Medium' : 'Low',
      r.action,
      i % 7 === 0 ? '' : r.owner,
      i % 11 === 0 ? null : d(`202${6 + (i % 2)}-${String((i % 12) + 1).padStart(2, '0')}-15`),
      statuses[i % statuses.length],
    ]);
  }
  return wb;
}

/**
 * A register whose title rows state the practice and the risk analysis, with three actions too thin
 * for the engine to place in a tier (the pane asks the user) among ordinary ones.
 */
export function titleFactsRegister(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Risk Register');
  ws.getCell('A1').value = 'Harbor Pediatrics - HIPAA Security Risk Register';
  ws.getCell('A2').value = 'Risk analysis completed 2026-01-12 by Jane Ortiz (Privacy Officer)';
  ws.getRow(4).values = [
    'Risk ID',
    'Risk Description',
    'Likelihood (1-5)',
    'Impact (1-5)',
    'Mitigation Action',
    'Owner',
    'Target Date',
    'Status',
  ];
  const thin = ['Look into it', 'Follow up on the matter', 'Discuss with the team'];
  RISKS.slice(0, 6).forEach((r, i) => {
    const action = i < thin.length ? thin[i] : r.action;
    ws.getRow(5 + i).values = [
      `HP-${String(i + 1).padStart(2, '0')}`,
      r.risk,
      4 - (i % 3),
      3 + (i % 3),
      action,
      'Dana Cole',
      d(`2027-0${i + 1}-15`),
      'Open',
    ];
  });
  return wb;
}
