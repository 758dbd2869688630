/**
 * Synthetic registers of any size for the benchmark: a title block, a header row and N
 * risks whose values rotate through the gaps the engine looks for (blank owners, overdue
 * dates, vague actions, stated levels that disagree).
 */
import { makeGrid, type CellValue, type SheetGrid } from '../src/core/grid';
import { isoToSerial } from '../src/core/dates';

export const HEADERS = [
  'Risk ID', 'Asset', 'Threat', 'Vulnerability', 'Risk Description', 'Likelihood (1-5)', 'Impact (1-5)',
  'Risk Score', 'Risk Level', 'Mitigation Action', 'Owner', 'Target Date', 'Status', 'Date Completed',
  'Verified By', 'Evidence', 'Last Reviewed',
];

const ASSETS = ['EHR server', 'Front-desk PCs', 'Practice e-mail', 'Billing laptop', 'Backup NAS', 'Guest Wi-Fi', 'Fax server'];
const THREATS = ['Ransomware', 'Phishing', 'Theft', 'Unauthorized access', 'Power loss', 'Misconfiguration'];
const ACTIONS = [
  'Enable multi-factor authentication on the EHR portal for all users',
  'Execute a business associate agreement with the cloud backup vendor',
  'Replace the end-of-life Windows 10 workstations at the front desk',
  'Improve security',
  'Revoke access for departed staff within 24 hours of separation',
  'Ask the IT provider to confirm monthly patching of the EHR server',
  'Commission an external penetration test of the practice network',
];
const OWNERS = ['Office Manager', 'Dr. Patel', 'IT Provider (MSP)', 'TBD', '', 'Privacy Officer'];
const STATUSES = ['Open', 'In Progress', 'Not Started', 'Complete', 'Planned'];
const LEVELS = ['Very Low', 'Low', 'Medium', 'High', 'Very High'];

/** One data row; `i` decides which gaps it carries. */
export function syntheticRow(i: number): CellValue[] {
  const l = (i % 5) + 1;
  const m = ((i * 7) % 5) + 1;
  const status = STATUSES[i % STATUSES.length];
  const done = status === 'Complete';
  return [
    `R-${String(i + 1).padStart(5, '0')}`,
    ASSETS[i % ASSETS.length],
    THREATS[i % THREATS.length],
    `Weakness ${i % 13}`,
    `${THREATS[i % THREATS.length]} affecting the ${ASSETS[i % ASSETS.length]} (${i})`,
    l,
    m,
    l * m,
    LEVELS[Math.min(4, Math.floor((l * m - 1) / 5))],
    ACTIONS[i % ACTIONS.length],
    OWNERS[i % OWNERS.length] || null,
    i % 9 === 0 ? null : isoToSerial('2026-01-01') + ((i * 37) % 700),
    status,
    done ? isoToSerial('2026-06-01') : null,
    done && i % 2 === 0 ? 'Privacy Officer' : null,
    done && i % 4 === 0 ? 'Ticket #4412' : null,
    isoToSerial('2025-03-01') + (i % 400),
  ];
}

/** A register sheet with two title rows, a blank row, the header row and `rows` risks. */
export function syntheticRegisterGrid(rows: number): SheetGrid {
  const values: CellValue[][] = [
    ['Riverside Family Medicine: Security Risk Register', ...Array(HEADERS.length - 1).fill(null)],
    ['Prepared for the annual HIPAA risk analysis', ...Array(HEADERS.length - 1).fill(null)],
    Array(HEADERS.length).fill(null),
    [...HEADERS],
  ];
  for (let i = 0; i < rows; i++) values.push(syntheticRow(i));
  return makeGrid('Risk Register', values, { merges: [{ top: 0, left: 0, bottom: 0, right: HEADERS.length - 1 }] });
}
