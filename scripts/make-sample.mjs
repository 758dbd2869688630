#!/usr/bin/env node
/**
 * Builds samples/sample-register.xlsx: the demo workbook of a fictional small practice,
 * "Riverside Family Medicine", laid out the way real practices keep their registers (a title,
 * a document-control block above the headers, a score formula, a stated level column) and
 * seeded with the gaps Risk Plan should find when analyzed as of 2026-11-23:
 *   - owners "TBD" or blank, overdue due dates, a due date given as "Q2 2027",
 *   - vague actions ("Improve security awareness", "Monitor", "Address as needed"),
 *   - a stated level that contradicts likelihood x impact,
 *   - a completed risk with no verification, an accepted risk with no justification,
 *   - stale or missing review dates, a CAP item with no root cause, a recurring CAP finding.
 * Deterministic: no clock; fixed workbook and zip timestamps, so re-running gives the same file.
 *
 * Usage: node scripts/make-sample.mjs [output path]
 */
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ExcelJS = require('exceljs');

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(process.argv[2] ?? `${ROOT}/samples/sample-register.xlsx`);
/** The workbook's own timestamp; nothing reads the clock. */
const FIXED_TIME = new Date(Date.UTC(2026, 2, 15, 12, 0, 0));

/** "2026-10-15" -> a UTC Date, written by ExcelJS as a real date cell. */
const d = (iso) => {
  const [y, m, day] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, day));
};

const MARIA = 'Maria Alvarez (Practice Manager)';
const KEVIN = 'Kevin Osei (BrightPath IT)';
const CHEN = 'Dr. James Chen';
const ANA = 'Ana Ruiz (Front Desk Lead)';

// ------------------------------------------------------------------ Risk Register
// [id, category, asset, risk, threat, vulnerability, controls, L, I, statedLevel|null(=correct),
//  action, owner, due (iso | text), status, completed, verifiedBy, justification, lastReviewed]
const RISKS = [
  [
    'R-01',
    'Access control',
    'EHR (athenaOne)',
    'No multi-factor authentication on remote EHR access',
    'Credential theft',
    'Password-only login from home',
    'Unique user IDs',
    4,
    5,
    null,
    'Enable MFA for all remote EHR logins in the athenaOne admin console',
    MARIA,
    '2026-10-15',
    'In Progress',
    null,
    null,
    null,
    '2026-03-15',
  ],
  [
    'R-02',
    'E-mail',
    'Microsoft 365 mailboxes',
    'Phishing e-mail leads to a compromised staff mailbox holding PHI',
    'Phishing',
    'No MFA on e-mail; no anti-phishing policy',
    'Spam filter',
    4,
    4,
    null,
    'Enable MFA on all Microsoft 365 accounts and turn on the Defender anti-phishing policy',
    KEVIN,
    '2026-12-15',
    'In Progress',
    null,
    null,
    null,
    '2026-03-15',
  ],
  [
    'R-03',
    'Devices',
    'Clinic laptops (6)',
    'Unencrypted laptops taken home by providers',
    'Loss or theft',
    'No full-disk encryption',
    'Password on login',
    3,
    5,
    null,
    'Enable BitLocker on all six clinic laptops and record the recovery keys',
    KEVIN,
    '2026-09-30',
    'Open',
    null,
    null,
    null,
    '2026-03-15',
  ],
  [
    'R-04',
    'Backups',
    'File server and EHR exports',
    'Nightly backups have never been test-restored',
    'Ransomware, hardware failure',
    'Restore process untested',
    'Nightly backup job',
    3,
    4,
    null,
    'Perform a test restore of the EHR export and file share each quarter and log the result',
    'TBD',
    '2027-01-31',
    'Not Started',
    null,
    null,
    null,
    '2026-03-15',
  ],
  [
    'R-05',
    'Business associates',
    'CloudVault Backup',
    'No signed business associate agreement with the cloud backup service',
    'Vendor mishandles PHI',
    'No BAA on file',
    'None',
    3,
    4,
    null,
    'Obtain a signed BAA from CloudVault Backup',
    MARIA,
    '2026-11-30',
    'In Progress',
    null,
    null,
    null,
    '2026-03-15',
  ],
  [
    'R-06',
    'Workforce',
    'EHR and e-mail accounts',
    'Departed staff accounts remain active in the EHR and e-mail',
    'Unauthorized access',
    'No account removal step at exit',
    'None',
    4,
    4,
    null,
    'Revoke EHR and e-mail access for the two staff who left in 2026 and add account removal to the exit checklist',
    MARIA,
    '2026-08-31',
    'Open',
    null,
    null,
    null,
    '2026-03-15',
  ],
  [
    'R-07',
    'Network',
    'Office Wi-Fi',
    'Guest Wi-Fi shares the clinical network',
    'Malware spreading from visitor devices',
    'Flat network',
    'WPA2 password',
    3,
    4,
    null,
    'Implement network segmentation with a separate VLAN for guest Wi-Fi',
    KEVIN,
    '2027-03-31',
    'Planned',
    null,
    null,
    null,
    '2026-03-15',
  ],
  [
    'R-08',
    'Workforce',
    'All staff',
    'Staff have had no security awareness training since 2024',
    'Phishing, social engineering',
    'No training program',
    'Annual HIPAA video (2024)',
    4,
    3,
    null,
    'Improve security awareness',
    CHEN,
    '2027-02-28',
    'Not Started',
    null,
    null,
    null,
    '2026-03-15',
  ],
  [
    'R-09',
    'Physical security',
    'Server closet',
    'Server closet is unlocked during business hours',
    'Theft, tampering',
    'No lock',
    'Closet is behind the front desk',
    2,
    4,
    null,
    'Install a keyed lock on the server closet and restrict keys to the practice manager',
    MARIA,
    '2026-07-31',
    'Complete',
    '2026-07-20',
    CHEN,
    null,
    '2026-07-20',
  ],
  [
    'R-10',
    'Physical security',
    'Front-desk monitors',
    'Front-desk monitors are visible to patients in the waiting area',
    'Incidental disclosure',
    'Screens face the waiting area',
    'None',
    3,
    2,
    null,
    'Fit privacy screens on the three front-desk monitors',
    ANA,
    '2026-06-30',
    'Complete',
    '2026-06-12',
    null,
    null,
    '2026-06-12',
  ],
  [
    'R-11',
    'Devices',
    'Workstations',
    'Workstations are left logged in when unattended',
    'Unauthorized viewing of PHI',
    'No automatic lock',
    'Staff reminders',
    4,
    3,
    null,
    'Set screen locks to 5 minutes by group policy on all workstations',
    KEVIN,
    '2026-12-05',
    'In Progress',
    null,
    null,
    null,
    '2026-03-15',
  ],
  [
    'R-12',
    'Patching',
    'Workstations and servers',
    'Windows updates are applied irregularly',
    'Exploited vulnerabilities',
    'No patch schedule',
    'Automatic updates on some PCs',
    3,
    4,
    null,
    'Ask BrightPath MSP to apply monthly patches and send a monthly patch report',
    KEVIN,
    '2026-11-01',
    'Open',
    null,
    null,
    null,
    '2025-06-01',
  ],
  [
    'R-13',
    'Devices',
    'Reception PCs',
    'Two reception PCs still run Windows 10 past end of support',
    'Exploited vulnerabilities',
    'No security updates',
    'Antivirus',
    4,
    3,
    null,
    'Replace the two Windows 10 reception PCs',
    CHEN,
    '2027-06-30',
    'Planned',
    null,
    null,
    null,
    '2026-03-15',
  ],
  [
    'R-14',
    'Policies',
    'Notice of Privacy Practices',
    'Notice of Privacy Practices not updated for the 2026 Privacy Rule changes',
    'Non-compliance',
    'Outdated notice',
    'Notice posted (2019 version)',
    2,
    2,
    null,
    'Update the Notice of Privacy Practices and post it in the waiting room and on the website',
    MARIA,
    '2026-12-31',
    'Not Started',
    null,
    null,
    null,
    '2026-03-15',
  ],
  [
    'R-15',
    'Workforce',
    'Sanctions policy',
    'No signed sanctions policy acknowledgements on file',
    'Policy violations go unaddressed',
    'No acknowledgement process',
    'Sanctions policy exists',
    2,
    3,
    null,
    'Have every workforce member sign the sanctions policy acknowledgement',
    null,
    '2026-12-20',
    'Not Started',
    null,
    null,
    null,
    '2026-03-15',
  ],
  [
    'R-16',
    'Audit controls',
    'EHR audit log',
    'EHR audit logs are never reviewed',
    'Snooping goes undetected',
    'No review routine',
    'Logging is on',
    3,
    3,
    null,
    'Monitor',
    MARIA,
    '2027-01-15',
    'Not Started',
    null,
    null,
    null,
    '2025-05-20',
  ],
  [
    'R-17',
    'Telehealth',
    'VisitNow telehealth platform',
    'Telehealth platform encryption and BAA status unknown',
    'Interception of sessions',
    'Unverified vendor settings',
    'Vendor marketing says "HIPAA compliant"',
    2,
    4,
    null,
    'Confirm end-to-end encryption and a signed BAA with the telehealth platform (VisitNow)',
    MARIA,
    '2026-12-10',
    'In Progress',
    null,
    null,
    null,
    '2026-03-15',
  ],
  [
    'R-18',
    'Mobile devices',
    "Providers' personal phones",
    'Providers text patient details from personal phones',
    'Loss of phone, interception',
    'Unmanaged devices, SMS',
    'Phone passcodes',
    4,
    4,
    'Medium',
    'Roll out a secure messaging app and a written mobile device rule set',
    CHEN,
    '2027-01-31',
    'Planned',
    null,
    null,
    null,
    '2026-03-15',
  ],
  [
    'R-19',
    'Physical security',
    'Paper records',
    'Paper records are disposed of in regular trash',
    'Dumpster diving',
    'No shredding',
    'None',
    2,
    4,
    null,
    'Sign a contract and BAA with a certified shredding vendor',
    ANA,
    '2026-10-31',
    'In Progress',
    null,
    null,
    null,
    '2026-03-15',
  ],
  [
    'R-20',
    'Contingency planning',
    'EHR',
    'No documented plan for working through an EHR outage',
    'Outage, ransomware',
    'No downtime procedure',
    'Paper forms in a drawer',
    2,
    5,
    null,
    'Write and test a downtime procedure for EHR outages',
    'TBD',
    'Q2 2027',
    'Not Started',
    null,
    null,
    null,
    null,
  ],
  [
    'R-21',
    'Legacy equipment',
    'Fax machine',
    'Old fax machine stores received faxes in memory',
    'Disclosure if the machine is discarded',
    'Memory not wiped',
    'Machine in a staff-only area',
    1,
    3,
    null,
    null,
    MARIA,
    null,
    'Accepted',
    null,
    null,
    null,
    '2026-03-15',
  ],
  [
    'R-22',
    'Access control',
    'Front-desk PC',
    'A shared login is used at the front desk',
    'Untraceable access',
    'Shared credentials',
    'None',
    3,
    4,
    null,
    'Create individual front-desk accounts and disable the shared login',
    KEVIN,
    '2026-12-01',
    'In Progress',
    null,
    null,
    null,
    '2026-03-15',
  ],
  [
    'R-23',
    'Network',
    'Firewall',
    'Firewall firmware is out of date',
    'Exploited vulnerabilities',
    'Unpatched firmware',
    'Firewall in place',
    2,
    4,
    null,
    'Ask BrightPath MSP to update the firewall firmware',
    KEVIN,
    '2026-11-10',
    'Complete',
    '2026-11-08',
    MARIA,
    null,
    '2026-11-08',
  ],
  [
    'R-24',
    'Risk assessment',
    'Internet-facing systems',
    'No penetration test has ever been performed',
    'Unknown weaknesses',
    'Untested perimeter',
    'Firewall',
    2,
    3,
    null,
    'Commission an external penetration test of the internet-facing systems',
    CHEN,
    '2027-09-30',
    'Planned',
    null,
    null,
    null,
    '2026-03-15',
  ],
  [
    'R-25',
    'Physical security',
    'Server closet',
    'Server closet has no fire suppression',
    'Fire',
    'No suppression system',
    'Smoke detector, off-site backups',
    1,
    4,
    null,
    null,
    CHEN,
    null,
    'Accepted',
    null,
    null,
    'Off-site nightly backups limit the impact; a suppression system costs more than the residual risk warrants. Accepted by Dr. Chen on 2026-03-15.',
    '2026-03-15',
  ],
];

/** The level the practice's own scheme gives a 1-25 score (20+ Very High, 15+ High, 8+ Medium, 4+ Low). */
function levelFor(score) {
  if (score >= 20) return 'Very High';
  if (score >= 15) return 'High';
  if (score >= 8) return 'Medium';
  if (score >= 4) return 'Low';
  return 'Very Low';
}

const REGISTER_HEADERS = [
  'Risk ID',
  'Category',
  'Asset / System',
  'Risk Description',
  'Threat',
  'Vulnerability',
  'Existing Controls',
  'Likelihood (1-5)',
  'Impact (1-5)',
  'Risk Score',
  'Risk Level',
  'Planned Action',
  'Owner',
  'Target Date',
  'Status',
  'Date Completed',
  'Verified By',
  'Acceptance Justification',
  'Last Reviewed',
];
const REGISTER_WIDTHS = [8, 18, 22, 44, 24, 26, 24, 11, 10, 9, 11, 52, 28, 12, 12, 13, 18, 40, 13];
const HEADER_ROW = 6;

// ------------------------------------------------------------------ CAP Tracker
// [finding, element, action, rootCause, owner, due, status, completed, evidence, verifiedBy, verifiedDate]
const CAP = [
  [
    'Risk analysis was not enterprise-wide (laptops and backups excluded)',
    'Risk Analysis',
    'Complete an enterprise-wide risk analysis covering every system that holds ePHI, including laptops and backups',
    'The previous analysis was scoped to the EHR only',
    MARIA,
    '2026-06-30',
    'Complete',
    '2026-06-25',
    'Risk analysis report v2.1 dated 2026-06-25',
    CHEN,
    '2026-07-02',
  ],
  [
    'No written risk management plan',
    'Risk Management',
    'Adopt a written risk management plan with an owner and a date for every high risk',
    'No one was assigned to maintain the plan',
    MARIA,
    '2026-09-30',
    'Complete',
    '2026-09-28',
    'Plan approved in the 2026-09-28 staff meeting minutes',
    null,
    null,
  ],
  [
    'Security policies are outdated',
    'Policies and Procedures',
    'Revise the access control, device and media, and incident response policies and have all staff attest to them',
    'Policies were last revised in 2019 and have no annual review',
    MARIA,
    '2026-10-31',
    'In Progress',
    null,
    null,
    null,
    null,
  ],
  [
    'Workforce training is not documented',
    'Training',
    'Deliver HIPAA security training to all 14 workforce members and keep signed attendance sheets',
    'There is no training calendar',
    CHEN,
    '2026-12-15',
    'In Progress',
    null,
    null,
    null,
    null,
  ],
  [
    'Departed staff retained access',
    'Access Controls',
    'Disable the accounts of departed staff within one business day and review the user list monthly',
    null,
    KEVIN,
    '2026-08-31',
    'Complete',
    '2026-09-10',
    null,
    null,
    null,
  ],
  [
    'No BAA with the billing company',
    'Business Associate Agreements',
    'Execute a business associate agreement with MedBill Solutions',
    'Vendor onboarding has no BAA step',
    MARIA,
    '2026-07-31',
    'Complete',
    '2026-07-15',
    'Signed BAA on file (2026-07-15)',
    CHEN,
    '2026-07-20',
  ],
  [
    'No BAA with the cloud backup service',
    'Business Associate Agreements',
    'Obtain a signed business associate agreement from CloudVault Backup',
    'Vendor onboarding has no BAA step',
    MARIA,
    '2026-11-30',
    'In Progress',
    null,
    null,
    null,
    null,
  ],
  [
    'Laptops are not encrypted',
    'Device and Media Controls',
    'Encrypt all six laptops with BitLocker and file the recovery keys in the IT binder',
    'There is no device setup checklist',
    KEVIN,
    '2026-09-30',
    'Not Started',
    null,
    null,
    null,
    null,
  ],
  [
    'EHR audit logs are not reviewed',
    'Audit Controls',
    'Review EHR access logs monthly and record each review in the audit log binder',
    'The responsibility was never assigned',
    'TBD',
    '2027-01-31',
    'Not Started',
    null,
    null,
    null,
    null,
  ],
  [
    'Incident response plan is untested',
    'Security Incident Procedures',
    'Address as needed',
    'No tabletop exercise has been scheduled',
    MARIA,
    '2027-02-28',
    'Not Started',
    null,
    null,
    null,
    null,
  ],
  [
    'Contingency plan is incomplete',
    'Contingency Plan',
    'Document and test the data backup and disaster recovery plan, including a full test restore',
    'The 2025 change of backup vendor was not reflected in the plan',
    KEVIN,
    'Q1 2027',
    'Not Started',
    null,
    null,
    null,
    null,
  ],
  [
    'Departed staff retained access',
    'Access Controls',
    'Add EHR and e-mail account removal to the HR exit checklist and audit it quarterly',
    'The exit checklist has no IT step',
    MARIA,
    '2026-12-31',
    'Open',
    null,
    null,
    null,
    null,
  ],
];
const CAP_HEADERS = [
  'Finding',
  'CAP Element',
  'Corrective Action',
  'Root Cause',
  'Owner',
  'Due Date',
  'Status',
  'Completion Date',
  'Evidence',
  'Verified By',
  'Verification Date',
];
const CAP_WIDTHS = [40, 26, 56, 38, 28, 12, 12, 14, 40, 18, 14];
const CAP_HEADER_ROW = 3;

const DATE_FORMAT = 'yyyy-mm-dd';
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

/** A value for a date column: a real date for ISO text, the text itself otherwise ("Q2 2027"). */
function dateOrText(value) {
  if (value === null || value === undefined) return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? d(value) : value;
}

function styleHeader(row) {
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'middle' };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin' } };
  });
}

function buildReadme(wb) {
  const ws = wb.addWorksheet('README');
  ws.getColumn(1).width = 110;
  const lines = [
    'Riverside Family Medicine - HIPAA security risk register (SAMPLE DATA)',
    '',
    'This workbook is fictional demo data for the Risk Plan add-in. No real practice, person or patient is described.',
    'Sheet "Risk Register" is the practice\'s risk register; sheet "CAP Tracker" is its corrective action plan.',
    'Open the Risk Plan task pane (or run: riskplan generate samples/sample-register.xlsx --as-of 2026-11-23) to see',
    'the risks scored and prioritized, the gaps an investigator would flag, and the generated plan and progress report.',
    '',
    'Deliberate gaps include: owners left as "TBD" or blank, overdue target dates, a target date given as "Q2 2027",',
    'vague actions ("Improve security awareness", "Monitor", "Address as needed"), a risk level that contradicts its',
    'score (R-18), a completed risk with no verification (R-10), an accepted risk with no justification (R-21),',
    'old or missing review dates, a CAP item without a root cause, and a CAP finding that recurred after being closed.',
  ];
  lines.forEach((text, i) => {
    ws.getCell(i + 1, 1).value = text;
  });
  ws.getCell(1, 1).font = { bold: true, size: 14 };
}

function buildRegister(wb) {
  const ws = wb.addWorksheet('Risk Register', { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  REGISTER_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));

  ws.getCell('A1').value = 'Riverside Family Medicine - HIPAA Security Risk Register';
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.mergeCells('A1:G1');
  // Document-control block above the headers, as many practices keep it.
  const control = [
    ['Document owner:', MARIA, 'Version:', '2.1'],
    ['Risk analysis date:', d('2026-03-15'), 'Approved by:', CHEN],
    ['Scoring:', 'Risk Score = Likelihood x Impact (1-25); 20+ Very High, 15+ High, 8+ Medium, 4+ Low', null, null],
  ];
  control.forEach((values, i) => {
    const row = ws.getRow(2 + i);
    values.forEach((v, j) => {
      if (v === null) return;
      row.getCell(1 + j).value = v;
    });
  });
  ws.getCell('A2').font = ws.getCell('A3').font = ws.getCell('A4').font = { bold: true };
  ws.getCell('C2').font = ws.getCell('C3').font = { bold: true };
  ws.getCell('B3').numFmt = DATE_FORMAT;

  const header = ws.getRow(HEADER_ROW);
  header.values = REGISTER_HEADERS;
  styleHeader(header);

  RISKS.forEach((r, i) => {
    const [
      id,
      category,
      asset,
      risk,
      threat,
      vuln,
      controls,
      l,
      imp,
      statedLevel,
      action,
      owner,
      due,
      status,
      completed,
      verifiedBy,
      justification,
      reviewed,
    ] = r;
    const rowNumber = HEADER_ROW + 1 + i;
    const score = l * imp;
    const row = ws.getRow(rowNumber);
    row.values = [
      id,
      category,
      asset,
      risk,
      threat,
      vuln,
      controls,
      l,
      imp,
      { formula: `H${rowNumber}*I${rowNumber}`, result: score },
      statedLevel ?? levelFor(score),
      action,
      owner,
      dateOrText(due),
      status,
      dateOrText(completed),
      verifiedBy,
      justification,
      dateOrText(reviewed),
    ];
    row.alignment = { wrapText: true, vertical: 'top' };
    for (const col of [14, 16, 19]) row.getCell(col).numFmt = DATE_FORMAT;
  });
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: REGISTER_HEADERS.length } };
}

function buildCap(wb) {
  const ws = wb.addWorksheet('CAP Tracker', { views: [{ state: 'frozen', ySplit: CAP_HEADER_ROW }] });
  CAP_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getCell('A1').value = 'Riverside Family Medicine - Corrective Action Plan (voluntary, following the 2026 risk analysis)';
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.mergeCells('A1:D1');
  const header = ws.getRow(CAP_HEADER_ROW);
  header.values = CAP_HEADERS;
  styleHeader(header);
  CAP.forEach((c, i) => {
    const [finding, element, action, rootCause, owner, due, status, completed, evidence, verifiedBy, verifiedDate] = c;
    const row = ws.getRow(CAP_HEADER_ROW + 1 + i);
    row.values = [
      finding,
      element,
      action,
      rootCause,
      owner,
      dateOrText(due),
      status,
      dateOrText(completed),
      evidence,
      verifiedBy,
      dateOrText(verifiedDate),
    ];
    row.alignment = { wrapText: true, vertical: 'top' };
    for (const col of [6, 8, 11]) row.getCell(col).numFmt = DATE_FORMAT;
  });
}

/** Rewrites the zip with fixed entry timestamps so the file is byte-for-byte reproducible. */
async function fixZipTimes(buffer) {
  let JSZip;
  try {
    JSZip = require('jszip'); // ships with exceljs
  } catch {
    return buffer;
  }
  const zip = await JSZip.loadAsync(buffer);
  const names = Object.keys(zip.files).sort();
  const out = new JSZip();
  for (const name of names) {
    const entry = zip.files[name];
    if (entry.dir) continue;
    out.file(name, await entry.async('uint8array'), { date: FIXED_TIME, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/**
 * The settings a consultant enters once in the task pane, saved the way the add-in saves them
 * (very hidden sheet RiskPlan_Data, JSON in A2), so the demo's plan header is complete. The
 * register's own gaps (owners, dates, vague actions) are what the demo should show as MISSING.
 */
const SAMPLE_SETTINGS = {
  schemaVersion: 1,
  practiceName: 'Riverside Family Medicine',
  preparedBy: 'Maria Alvarez, Practice Manager (HIPAA Privacy and Security Officer)',
  approvedBy: 'Dr. James Chen, Practice Owner',
  riskAnalysisDate: '2026-06-25',
  riskAnalysisBy: 'Kevin Osei (BrightPath IT) with Maria Alvarez',
  cap: {
    type: 'voluntary',
    reference: 'CAP-2026-01, following the 2026 risk analysis',
    effectiveDate: '2026-07-01',
    monitoringYears: 2,
  },
};

function buildSettingsStore(wb) {
  const ws = wb.addWorksheet('RiskPlan_Data', { state: 'veryHidden' });
  ws.getCell('A1').value = 'Risk Plan settings (managed by the Risk Plan add-in; do not edit)';
  ws.getCell('A2').value = JSON.stringify(SAMPLE_SETTINGS);
}

async function main() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Risk Plan sample generator';
  wb.lastModifiedBy = 'Risk Plan sample generator';
  wb.created = FIXED_TIME;
  wb.modified = FIXED_TIME;
  buildReadme(wb);
  buildRegister(wb);
  buildCap(wb);
  buildSettingsStore(wb);
  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  const bytes = await fixZipTimes(raw);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, bytes);
  console.log(`Wrote ${OUT} (${RISKS.length} risks, ${CAP.length} CAP items)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
