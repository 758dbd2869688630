import { gridFromRows } from './testing/fakePort';
import { columnSamples, findingsAsText, shortTitle } from './paneView';
import { readWorkbookNow, viewOfGrids } from '../../test/support/pipeline';
import { DEFAULT_SETTINGS } from '../core/settings';

const HEADER = ['Risk ID', 'Risk Description', 'Likelihood', 'Impact', 'Mitigation Action', 'Owner', 'Due Date', 'Status'];

describe('the pane view', () => {
  it('keeps counts, the mapping with sample values, and findings named by risk ID, highest level first', () => {
    const grid = gridFromRows('Risk Register', [
      HEADER,
      ['R-1', 'Paper charts left in an unlocked room after hours', 1, 2, 'Replace the lock', '', 46100, 'Open'],
      ['R-2', 'Phishing e-mail leads to compromise of a clinician mailbox', 5, 5, 'Enable MFA', '', 46100, 'Open'],
      ['R-3', '', 3, 3, 'Test backups', 'Security Officer', null, 'Open'],
    ]);
    const view = viewOfGrids([grid]);
    expect(view.register?.count).toBe(3);
    expect(view.riskCount).toBe(3);
    const riskIndex = view.register!.headers.findIndex((h) => h.text === 'Risk Description');
    expect(view.register!.samples[riskIndex]).toEqual([
      'Paper charts left in an unlocked room after hours',
      'Phishing e-mail leads to compromise of a clinician mailbox',
    ]);
    const owner = view.findingGroups.find((g) => g.kind === 'missing-owner')!;
    expect(owner.total).toBe(2);
    expect(owner.fixes).toHaveLength(1);
    expect(owner.items.map((i) => [i.id, i.level])).toEqual([
      ['R-2', 'Very High'],
      ['R-1', 'Very Low'],
    ]);
    expect(owner.items[0].title).toBe('Phishing e-mail leads to compromise of a clinician…');
    expect(view.missingPerRisk).toEqual({ owner: 2, dueDate: 1, action: 0 });
    // The snapshot of the last plan never crosses to the page.
    expect('snapshot' in view.settings).toBe(false);
    // The matrix in use, as a table at its own steps (5x5 NIST here).
    expect(view.matrixTable).toHaveLength(5);
    expect(view.matrixTable[4][4]).toBe('Very High');
  });

  it('describes a CAP-only workbook: no register, its actions counted', () => {
    const cap = gridFromRows('Corrective Action Plan', [
      [
        'CAP Element',
        'Finding / Deficiency',
        'Corrective Action',
        'Responsible Party',
        'Scheduled Completion Date',
        'Status',
        'Completion Date',
        'Verified By',
      ],
      [
        'Risk Analysis',
        'No risk analysis',
        'Conduct a risk analysis',
        'Security Officer',
        46000,
        'Complete',
        45990,
        'Compliance Committee',
      ],
      ['Training', 'Workforce not trained', 'Train all workforce members', 'HR Lead', 46100, 'Not Started', null, null],
    ]);
    const view = viewOfGrids([cap]);
    expect(view.register).toBeNull();
    expect(view.caps.map((c) => c.count)).toEqual([2]);
    expect(view.capItemCount).toBe(2);
  });

  it('copies findings as text with each fix once', () => {
    const grid = gridFromRows('Risk Register', [
      HEADER,
      ['R-1', 'Lost laptop', 4, 4, 'Encrypt', '', 46100, 'Open'],
      ['R-2', 'Phishing', 2, 2, 'Train', '', 46100, 'Open'],
    ]);
    const text = findingsAsText(viewOfGrids([grid]).findingGroups);
    expect(text.split('\n').slice(0, 4)).toEqual([
      'No responsible party (2)',
      expect.stringMatching(/^Fix: /),
      expect.stringMatching(/^- \[Very High\] R-1 Lost laptop \(Risk Register!F2\): /),
      expect.stringMatching(/^- \[Medium\] R-2 Phishing \(Risk Register!F3\): /),
    ]);
  });

  it('takes samples below the header only, skipping blanks', () => {
    const grid = gridFromRows('S', [
      ['Title'],
      HEADER,
      ['R-1', ' ', 1, 1, 'x', 'a', null, 'Open'],
      ['R-2', 'Real text', 1, 1, 'y', 'b', null, 'Open'],
    ]);
    const table = readWorkbookNow([grid]).register!;
    const samples = columnSamples(grid, table);
    expect(samples[table.headers.findIndex((h) => h.text === 'Risk Description')]).toEqual(['Real text']);
  });

  it('cuts a title to its first eight words', () => {
    expect(shortTitle('one two three four five six seven eight nine')).toBe('one two three four five six seven eight…');
    expect(shortTitle('  ')).toBeNull();
    expect(shortTitle(null)).toBeNull();
  });
});

describe('tier items and practice details in the view', () => {
  const rows = (actions: string[], statuses: string[] = []) =>
    gridFromRows('Risk Register', [
      ['Harbor Pediatrics - HIPAA Security Risk Register'],
      [],
      HEADER,
      ...actions.map((a, i) => [
        `R-${i + 1}`,
        `Concern ${i + 1} at the front desk`,
        3,
        3,
        a,
        'Alex Kim',
        '2027-01-01',
        statuses[i] ?? 'Open',
      ]),
    ]);

  it('lists open Unclassified risks with the engine’s guesses, and risks the user chose even once closed', () => {
    const grid = rows(
      ['Look into it', 'Enable BitLocker on all laptops', 'Discuss with the team', 'Work on it'],
      ['Open', 'Open', 'Closed', 'Closed'],
    );
    const chosen = { ...DEFAULT_SETTINGS, tierChoices: [{ key: 'Risk Register\u0001id\u0001R-4', tier: 'Budget decisions' as const }] };
    const view = viewOfGrids([grid], '2026-11-23', chosen);
    // R-2 has a tier from its action; R-3 is closed and not chosen: neither needs a choice.
    expect(view.tierItems.map((t) => [t.id, t.current, t.chosenByUser])).toEqual([
      ['R-1', 'Unclassified', false],
      ['R-4', 'Budget decisions', true],
    ]);
    expect(view.tierItemCount).toBe(2);
    const first = view.tierItems[0];
    expect(first).toMatchObject({
      key: 'Risk Register\u0001id\u0001R-1',
      sheet: 'Risk Register',
      row: 4,
      action: 'Look into it',
      title: 'Concern 1 at the front desk',
    });
    expect([...first.tiers].sort()).toEqual(['Budget decisions', 'This week', 'Vendor conversations']);
    expect(view.tierItems[1].tiers[0]).toBe('Budget decisions');
  });

  it('carries what the workbook states and what was typed, per practice detail', () => {
    const typed = { ...DEFAULT_SETTINGS, practiceName: 'Harbor Pediatrics PLLC' };
    const view = viewOfGrids([rows(['Look into it'])], '2026-11-23', typed);
    expect(view.practiceDetails.find((d) => d.name === 'practiceName')).toEqual({
      name: 'practiceName',
      label: 'Practice name',
      found: { value: 'Harbor Pediatrics', where: "'Risk Register'!A1" },
      typed: 'Harbor Pediatrics PLLC',
    });
    expect(view.practiceDetails.find((d) => d.name === 'approvedBy')).toMatchObject({ found: null, typed: null });
  });
});
