import { analyzeNow } from '../../../test/support/pipeline';
import type { Role } from '../model';
import { DEFAULT_CELL_COLUMNS, date, makeEntry, makeRead, makeTable, scale } from './testing';

/** Every default column except the review date (which would add stale-review findings). */
const ROLES = (Object.keys(DEFAULT_CELL_COLUMNS) as Role[]).filter((r) => r !== 'reviewDate');

const AS_OF = '2026-11-23';

describe('analyze', () => {
  const register = makeTable(
    'register',
    [
      makeEntry({
        row: 5,
        id: 'R-1',
        risk: 'No MFA on e-mail',
        likelihood: scale(4),
        impact: scale(5),
        action: 'Enable MFA on Microsoft 365',
        owner: 'Office Manager',
        ownerText: 'Office Manager',
        dueDate: date('2026-10-12'),
        status: 'Open',
        statusText: 'Open',
      }),
      makeEntry({
        row: 6,
        id: 'R-2',
        risk: 'Old server',
        likelihood: scale(2),
        impact: scale(3),
        action: 'Replace the file server',
        owner: 'Dr. Lee',
        ownerText: 'Dr. Lee',
        dueDate: date('2027-06-30'),
        status: 'Planned',
        statusText: 'Planned',
      }),
      makeEntry({
        row: 7,
        id: 'R-3',
        risk: 'Guest Wi-Fi',
        likelihood: scale(5),
        impact: scale(5),
        status: 'Accepted',
        statusText: 'Accepted',
        justification: 'Isolated by the ISP router',
      }),
    ],
    { roles: ROLES },
  );

  it('scores, prioritizes, tiers and collects findings of the register', () => {
    const a = analyzeNow(makeRead(register), { asOf: AS_OF });
    expect(a.asOf).toBe(AS_OF);
    expect(a.matrix.name).toBe('nist');
    expect(a.risks.map((r) => r.entry.id)).toEqual(['R-1', 'R-2', 'R-3']);
    expect(a.risks[0]).toMatchObject({
      level: 'Very High',
      score: 20,
      overdue: true,
      daysOverdue: 42,
      tier: 'This week',
      priority: 1,
      open: true,
    });
    expect(a.risks[0].priorityReason).toBe('Open, Very High (score 20), overdue 42 days');
    expect(a.risks[1].tier).toBe('Budget decisions');
    expect(a.risks[2].open).toBe(false);
    expect(a.findings.map((f) => `${f.cell}:${f.kind}`)).toEqual(['J5:overdue']);
  });

  it('uses the register actions as CAP items when there is no CAP sheet', () => {
    const a = analyzeNow(makeRead(register), { asOf: AS_OF });
    expect(a.capFromRegister).toBe(true);
    expect(a.capItems.map((c) => [c.entry.id, c.priority])).toEqual([
      ['R-1', 1],
      ['R-2', 2],
    ]);
    expect(a.capItems[0]).toBe(a.risks[0]);
    expect(a.capSummary).toEqual({ total: 2, completed: 0, verified: 0, inProgress: 0, notStarted: 2, overdue: 1, dueNext30Days: 0 });
    // Findings are not counted twice.
    expect(a.findings).toHaveLength(1);
  });

  it('reads CAP sheets and summarizes them', () => {
    const cap = makeTable(
      'cap',
      [
        makeEntry({
          sheet: 'CAP',
          row: 3,
          risk: 'No risk analysis',
          action: 'Complete an enterprise risk analysis',
          owner: 'A',
          dueDate: date('2026-12-10'),
          status: 'In Progress',
          rootCause: 'No owner',
        }),
        makeEntry({
          sheet: 'CAP',
          row: 4,
          risk: 'No training',
          action: 'Train all staff on phishing',
          owner: 'B',
          dueDate: date('2026-08-01'),
          status: 'Complete',
          completedDate: date('2026-07-30'),
          verifiedBy: 'C',
          rootCause: 'x',
        }),
        makeEntry({
          sheet: 'CAP',
          row: 5,
          risk: 'No BAA',
          action: 'Sign BAA with billing company',
          owner: 'B',
          dueDate: date('2026-09-01'),
          status: 'Complete',
          rootCause: 'x',
          evidence: 'signed BAA',
        }),
        makeEntry({
          sheet: 'CAP',
          row: 6,
          risk: 'Unencrypted laptops',
          action: 'Enable BitLocker on laptops',
          owner: 'B',
          dueDate: date('2026-11-01'),
          status: null,
          rootCause: 'x',
        }),
      ],
      { roles: ROLES },
    );
    const a = analyzeNow(makeRead(register, [cap]), { asOf: AS_OF });
    expect(a.capFromRegister).toBe(false);
    expect(a.capSummary).toEqual({ total: 4, completed: 2, verified: 1, inProgress: 1, notStarted: 1, overdue: 1, dueNext30Days: 1 });
    expect(a.capItems.every((c) => c.entry.sheet === 'CAP')).toBe(true);
    // The completed item with evidence but no verifier is the one the summary counts as unverified.
    expect(a.findings.filter((f) => f.sheet === 'CAP').map((f) => `${f.cell}:${f.kind}`)).toEqual([
      'M5:missing-verification',
      'J6:overdue',
    ]);
    // Register findings come before CAP findings.
    expect(a.findings[0].sheet).toBe('Risk Register');
  });

  it('the saved matrix wins', () => {
    const a = analyzeNow(makeRead(register), { asOf: AS_OF, matrix: { name: '3x3' } });
    expect(a.matrix.name).toBe('3x3');
    expect(a.risks[0].level).toBe('High');
  });

  it('handles an empty workbook', () => {
    const a = analyzeNow(makeRead(null), { asOf: AS_OF });
    expect(a).toMatchObject({ risks: [], capItems: [], findings: [], capFromRegister: true });
    expect(a.capSummary.total).toBe(0);
  });

  it('analyzes 50,000 entries with a duplicate found across the whole sheet', () => {
    const entries = Array.from({ length: 50_000 }, (_, i) =>
      makeEntry({
        row: i + 5,
        id: `R-${i}`,
        risk: i === 49_999 ? 'Risk number 0' : `Risk number ${i}`,
        likelihood: scale((i % 5) + 1),
        impact: scale(((i >> 3) % 5) + 1),
        action: 'Enable MFA on the EHR',
        owner: 'X',
        dueDate: date('2027-01-01'),
      }),
    );
    const a = analyzeNow(makeRead(makeTable('register', entries, { roles: ROLES })), { asOf: AS_OF });
    expect(a.risks).toHaveLength(50_000);
    expect(a.findings.filter((f) => f.kind === 'duplicate').map((f) => f.row)).toEqual([50_004]);
    expect(a.risks[0].level).toBe('Very High');
  });
});
