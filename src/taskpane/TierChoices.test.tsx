/** @jest-environment jsdom */
import './testing/setup';
import * as React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from './App';
import { FakePort, clinicRegisterGrid, thinActionsGrid } from './testing/fakePort';
import { TIER_ITEMS_PER_PAGE } from './steps/TierChoices';

const TODAY = '2026-11-23';

async function renderReview(port: FakePort) {
  const user = userEvent.setup();
  render(<App mode="excel" port={port} today={TODAY} rereadDelayMs={20} />);
  await screen.findByRole('tab', { name: /Workbook/ });
  await user.click(screen.getByRole('tab', { name: /Review/ }));
  return user;
}

const groupOf = (name: RegExp) => screen.getByRole('group', { name });
const storedChoices = (port: FakePort) => (JSON.parse(port.store ?? '{}').tierChoices ?? []) as { key: string; tier: string }[];
const tierCount = (tier: string) =>
  within(screen.getByRole('table', { name: 'Risks by tier' })).getByRole('row', { name: new RegExp(`^${tier} `) });

describe('Tier choices in the Review step', () => {
  it('gives each Unclassified risk a labelled group of three buttons, the best guess first and marked', async () => {
    await renderReview(new FakePort([thinActionsGrid(3)]));
    expect(screen.getByRole('heading', { name: 'Choose a tier for 3 risks' })).toBeInTheDocument();
    const group = groupOf(/^Tier for R-01 Concern 1/);
    const buttons = within(group).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['This week (best guess)', 'Vendor conversations', 'Budget decisions']);
    expect(buttons[0]).toHaveAccessibleName('This week (best guess)');
    expect(buttons.every((b) => b.getAttribute('aria-pressed') === 'false')).toBe(true);
    expect(screen.getAllByRole('group', { name: /^Tier for R-/ })).toHaveLength(3);
  });

  it('shows no list when every open risk has a tier', async () => {
    await renderReview(new FakePort([clinicRegisterGrid()]));
    expect(screen.queryByRole('group', { name: /^Tier for/ })).toBeNull();
    expect(screen.queryByRole('heading', { name: /Choose a tier/ })).toBeNull();
  });

  it('saves a choice in the settings (no cell changes), shows it pressed with an undo, and the plan prints it', async () => {
    const port = new FakePort([thinActionsGrid(2)]);
    const before = JSON.stringify(port.grids);
    const user = await renderReview(port);
    await user.click(within(groupOf(/^Tier for R-02/)).getByRole('button', { name: 'Budget decisions' }));
    await waitFor(() => expect(storedChoices(port)).toEqual([{ key: 'Risk Register\u0001id\u0001R-02', tier: 'Budget decisions' }]));
    expect(JSON.stringify(port.grids)).toBe(before);
    expect(port.written).toHaveLength(0);

    const group = groupOf(/^Tier for R-02/);
    await waitFor(() => expect(within(group).getByRole('button', { name: 'Budget decisions' })).toHaveAttribute('aria-pressed', 'true'));
    // The user's choice is first now, and no longer called a guess.
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Budget decisions', 'This week', 'Vendor conversations']);
    expect(screen.getByText('Your choice: Budget decisions.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Choose a tier for 1 risk' })).toBeInTheDocument();
    expect(tierCount('Budget decisions')).toHaveTextContent('1');
    expect(tierCount('Unclassified')).toHaveTextContent('1');

    // The plan uses it.
    await user.click(screen.getByRole('tab', { name: /Generate/ }));
    await user.click(screen.getByRole('button', { name: 'Generate risk management plan' }));
    await waitFor(() => expect(port.written.map((w) => w.spec.kind)).toEqual(['plan']));
    expect(JSON.stringify(port.written[0].spec)).toContain('Budget decisions (your choice)');

    // Undo removes the saved choice; the risk is Unclassified again.
    await user.click(screen.getByRole('tab', { name: /Review/ }));
    await user.click(screen.getByRole('button', { name: /^Undo your tier for R-02/ }));
    await waitFor(() => expect(storedChoices(port)).toEqual([]));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Choose a tier for 2 risks' })).toBeInTheDocument());
    expect(within(groupOf(/^Tier for R-02/)).getAllByRole('button')[0]).toHaveAccessibleName('This week (best guess)');
  });

  it('a choice saved in the workbook is shown when it is read again', async () => {
    const store = JSON.stringify({ tierChoices: [{ key: 'Risk Register\u0001id\u0001R-01', tier: 'Vendor conversations' }] });
    await renderReview(new FakePort([thinActionsGrid(2)], { store }));
    const group = groupOf(/^Tier for R-01/);
    expect(within(group).getByRole('button', { name: 'Vendor conversations' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: /^Undo your tier for R-01/ })).toBeInTheDocument();
    expect(tierCount('Vendor conversations')).toHaveTextContent('1');
  });

  it('shows a failed save on the row whose button was clicked, and keeps the risk Unclassified', async () => {
    const port = new FakePort([thinActionsGrid(3)]);
    const user = await renderReview(port);
    port.failNext.writeStore = Object.assign(new Error('AccessDenied'), { code: 'AccessDenied' });
    await user.click(within(groupOf(/^Tier for R-03/)).getByRole('button', { name: 'Vendor conversations' }));
    const row = groupOf(/^Tier for R-03/).closest('li') as HTMLElement;
    expect(await within(row).findByText('A sheet is protected')).toBeInTheDocument();
    expect(within(groupOf(/^Tier for R-01/).closest('li') as HTMLElement).queryByText('A sheet is protected')).toBeNull();
    expect(storedChoices(port)).toEqual([]);
    expect(within(groupOf(/^Tier for R-03/)).getByRole('button', { name: 'Vendor conversations' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });

  it('lists many risks a page at a time', async () => {
    const user = await renderReview(new FakePort([thinActionsGrid(45)]));
    expect(screen.getAllByRole('group', { name: /^Tier for R-/ })).toHaveLength(TIER_ITEMS_PER_PAGE);
    await user.click(screen.getByRole('button', { name: `Show ${TIER_ITEMS_PER_PAGE} more of ${45 - TIER_ITEMS_PER_PAGE}` }));
    expect(screen.getAllByRole('group', { name: /^Tier for R-/ })).toHaveLength(2 * TIER_ITEMS_PER_PAGE);
    await user.click(screen.getByRole('button', { name: 'Show 5 more of 5' }));
    expect(screen.getAllByRole('group', { name: /^Tier for R-/ })).toHaveLength(45);
    expect(screen.queryByRole('button', { name: /^Show \d+ more/ })).toBeNull();
  });
});
