/** @jest-environment jsdom */
import './testing/setup';
import * as React from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { gridFromRows } from './testing/fakePort';
import { viewOfGrids } from '../../test/support/pipeline';
import { MAX_FINDINGS_PER_KIND } from './paneView';
import { describeHighlightOutcome, FINDINGS_PER_PAGE, ReviewStep } from './steps/ReviewStep';

/** A register of `n` open risks with no owner: n "No responsible party" findings (every fourth one rated high). */
function ownerlessView(n: number) {
  const rows: (string | number)[][] = [
    ['Risk ID', 'Risk Description', 'Likelihood', 'Impact', 'Mitigation Action', 'Owner', 'Due Date', 'Status'],
  ];
  for (let i = 1; i <= n; i++) {
    const high = i % 4 === 0;
    rows.push([
      `R-${i}`,
      `Unencrypted laptop number ${i} at the front desk of the clinic`,
      high ? 5 : 2,
      high ? 5 : 2,
      `Encrypt laptop ${i} with BitLocker`,
      '',
      '2027-01-31',
      'Open',
    ]);
  }
  return viewOfGrids([gridFromRows('Risk Register', rows)]);
}

describe('Review step findings', () => {
  it('shows a long list a page at a time, with a button for the rest', async () => {
    const user = userEvent.setup();
    const view = ownerlessView(250);
    const copied: string[] = [];
    render(
      <FluentProvider theme={webLightTheme}>
        <ReviewStep
          view={view}
          busy={false}
          highlightOutcome={null}
          feedback={{ busy: null, message: null }}
          onHighlight={() => {}}
          onClear={() => {}}
          copyText={async (t) => void copied.push(t)}
        />
      </FluentProvider>,
    );
    await user.click(screen.getByRole('button', { name: /No responsible party \(250\)/ }));
    const items = () => within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items()).toHaveLength(FINDINGS_PER_PAGE);
    // Highest level first, with the risk ID and a short title; the fix is said once for the group.
    expect(items()[0]).toHaveTextContent('R-4 Unencrypted laptop number 4 at the front desk… (Very High): No one is named as responsible');
    expect(items()[0]).toHaveTextContent('Risk Register!F5');
    expect(screen.getAllByText(/^Fix:/)).toHaveLength(1);

    // MAX_FINDINGS_PER_KIND (200) cross to the page; the rest are counted and pointed to.
    await user.click(screen.getByRole('button', { name: 'Show 100 more of 100' }));
    expect(items()).toHaveLength(MAX_FINDINGS_PER_KIND);
    expect(items()[199]).toHaveTextContent('R-');
    expect(screen.queryByRole('button', { name: /Show .* more/ })).toBeNull();
    expect(screen.getByText(/^50 more are in the plan’s Flags column/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Copy list' }));
    expect(await screen.findByText('List copied')).toBeInTheDocument();
    const text = copied[0].split('\n');
    expect(text[0]).toBe('No responsible party (250)');
    expect(text[1]).toMatch(/^Fix: /);
    expect(text[2]).toMatch(/^- \[Very High\] R-4 Unencrypted laptop number 4 .*\(Risk Register!F5\): /);
    expect(text.filter((l) => l.startsWith('Fix:'))).toHaveLength(1);
  });
});

describe('describeHighlightOutcome', () => {
  it('says when a kind was cut to its first places, and that nothing was changed', () => {
    const note = 'On "Risk Register", 3,000 cells flagged "Vague action" were not highlighted.';
    const message = describeHighlightOutcome({ kind: 'applied', result: { applied: 5, skipped: [], notes: [note] } });
    expect(message.intent).toBe('info');
    expect(message.body).toBe(`Added 5 highlight rules; no cell value was changed. ${note}`);
  });

  it('is a plain success without notes', () => {
    expect(describeHighlightOutcome({ kind: 'applied', result: { applied: 1, skipped: [] } })).toEqual({
      intent: 'success',
      title: 'Gaps highlighted',
      body: 'Added 1 highlight rule; no cell value was changed.',
    });
  });
});
