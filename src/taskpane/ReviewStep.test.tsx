/** @jest-environment jsdom */
import './testing/setup';
import * as React from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { readWorkbook } from '../core/register';
import { analyze } from '../core/analysis';
import { gridFromRows } from './testing/fakePort';
import { describeHighlightOutcome, FINDINGS_PER_PAGE, ReviewStep } from './steps/ReviewStep';

/** A register of `n` open risks with no owner: n "No responsible person" findings. */
function ownerlessAnalysis(n: number) {
  const rows: (string | number)[][] = [['Risk ID', 'Risk Description', 'Likelihood', 'Impact', 'Mitigation Action', 'Owner', 'Due Date', 'Status']];
  for (let i = 1; i <= n; i++) rows.push([`R-${i}`, `Unencrypted laptop number ${i}`, 3, 4, `Encrypt laptop ${i} with BitLocker`, '', '2027-01-31', 'Open']);
  return analyze(readWorkbook([gridFromRows('Risk Register', rows)]), { asOf: '2026-11-23' });
}

describe('Review step findings', () => {
  it('shows a long list a page at a time, with a button for the rest', async () => {
    const user = userEvent.setup();
    const analysis = ownerlessAnalysis(250);
    expect(analysis.findings.filter((f) => f.kind === 'missing-owner')).toHaveLength(250);
    render(
      <FluentProvider theme={webLightTheme}>
        <ReviewStep analysis={analysis} busy={false} highlightOutcome={null} onHighlight={() => {}} onClear={() => {}} />
      </FluentProvider>,
    );
    await user.click(screen.getByRole('button', { name: /No responsible person \(250\)/ }));
    const items = () => within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items()).toHaveLength(FINDINGS_PER_PAGE);
    expect(items()[0]).toHaveTextContent('Risk Register!F2: No one is named as responsible for this item.');

    await user.click(screen.getByRole('button', { name: 'Show 100 more of 150 (no responsible person)' }));
    expect(items()).toHaveLength(200);
    await user.click(screen.getByRole('button', { name: 'Show 50 more of 50 (no responsible person)' }));
    expect(items()).toHaveLength(250);
    expect(items()[249]).toHaveTextContent('Risk Register!F251');
    expect(screen.queryByRole('button', { name: /Show .* more/ })).toBeNull();
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
