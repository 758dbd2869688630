/** @jest-environment jsdom */
import './testing/setup';
import * as React from 'react';
import { render, screen, within, act } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from './App';
import { FakePort, clinicRegisterGrid } from './testing/fakePort';
import type { SubscribeFn } from './excelEvents';
import { NIST_TABLE_I2 } from '../core/analysis/matrices';

const TODAY = '2026-11-23';

async function openReview(port: FakePort, subscribe?: SubscribeFn) {
  const user = userEvent.setup();
  render(<App mode="excel" port={port} today={TODAY} subscribe={subscribe} rereadDelayMs={20} />);
  await user.click(await screen.findByRole('tab', { name: /Review/ }));
  return user;
}

/** Level -> count from the "Risks by level" table. */
function levelCounts(): Record<string, number> {
  const rows = within(screen.getByRole('table', { name: 'Risks by level' }))
    .getAllByRole('row')
    .slice(1);
  return Object.fromEntries(
    rows.map((row) => {
      const [label, count] = within(row).getAllByRole('cell');
      return [label.textContent ?? '', Number(count.textContent)];
    }),
  );
}

const stored = (port: FakePort) => JSON.parse(port.store ?? '{}');
const matrixSelect = () => screen.getByRole('combobox', { name: 'Risk matrix' }) as HTMLSelectElement;
const saveButton = () => screen.getByRole('button', { name: 'Save matrix' });

describe('Risk matrix section', () => {
  it('shows the current choice, the matrix in use and why', async () => {
    await openReview(new FakePort([clinicRegisterGrid()]));
    expect(matrixSelect()).toHaveValue('auto');
    expect(
      within(matrixSelect())
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      "Automatic (from the workbook's scales)",
      'NIST SP 800-30 Table I-2 (5x5 lookup)',
      '3x3 Low / Medium / High',
      'Likelihood x impact with thresholds',
      'Custom matrix',
    ]);
    expect(screen.getByText(/In use: NIST SP 800-30 Table I-2.*The register rates likelihood/)).toBeInTheDocument();
    // Nothing to save until something changes.
    expect(saveButton()).toHaveAttribute('aria-disabled', 'true');
  });

  it('shows a matrix saved in the workbook as the choice', async () => {
    const port = new FakePort([clinicRegisterGrid()], { store: JSON.stringify({ matrix: { name: '3x3' } }) });
    await openReview(port);
    expect(matrixSelect()).toHaveValue('3x3');
    expect(screen.getByText(/In use: 3x3 Low \/ Medium \/ High\. The 3x3 .* saved in this workbook/)).toBeInTheDocument();
  });

  it('saves 3x3 into the workbook and re-reads, so the counts change', async () => {
    const port = new FakePort([clinicRegisterGrid()]);
    const user = await openReview(port);
    const before = levelCounts();
    expect(before['Very High']).toBe(1); // likelihood 4, impact 5 on NIST.
    await user.selectOptions(matrixSelect(), '3x3');
    expect(screen.getByText('Changed: save to apply.')).toBeInTheDocument();
    await user.click(saveButton());
    expect(await screen.findByText('Risk matrix saved')).toBeInTheDocument();
    expect(stored(port).matrix).toEqual({ name: '3x3' });
    const after = levelCounts();
    expect(after).not.toEqual(before);
    expect(after['Very High']).toBe(0); // A 3x3 has no Very High.
    expect(screen.getByText(/risks scored with 3x3 Low \/ Medium \/ High/)).toBeInTheDocument();
    expect(matrixSelect()).toHaveValue('3x3');
    expect(saveButton()).toHaveAttribute('aria-disabled', 'true');
  });

  it('goes back to Automatic by removing the saved matrix', async () => {
    const port = new FakePort([clinicRegisterGrid()], { store: JSON.stringify({ matrix: { name: '3x3' } }) });
    const user = await openReview(port);
    await user.selectOptions(matrixSelect(), 'auto');
    await user.click(saveButton());
    expect(await screen.findByText('Risk matrix saved')).toBeInTheDocument();
    expect(stored(port)).not.toHaveProperty('matrix');
    expect(screen.getByText(/In use: NIST SP 800-30 Table I-2/)).toBeInTheDocument();
  });

  it('edits the thresholds of likelihood x impact, blocks bad ones and saves good ones', async () => {
    const port = new FakePort([clinicRegisterGrid()]);
    const user = await openReview(port);
    await user.selectOptions(matrixSelect(), 'product');
    const group = screen.getByRole('group', { name: 'Minimum score for each level' });
    const input = (label: string) => within(group).getByRole('spinbutton', { name: label });
    expect(input('Very High from')).toHaveValue(20);
    expect(input('High from')).toHaveValue(15);
    expect(input('Medium from')).toHaveValue(8);
    expect(input('Low from')).toHaveValue(4);
    await user.clear(input('High from'));
    await user.type(input('High from'), '5');
    expect(screen.getByText('Must be more than the Medium minimum (8).')).toBeInTheDocument();
    expect(saveButton()).toHaveAttribute('aria-disabled', 'true');
    await user.clear(input('High from'));
    await user.type(input('High from'), '12');
    await user.click(saveButton());
    expect(await screen.findByText('Risk matrix saved')).toBeInTheDocument();
    expect(stored(port).matrix).toEqual({ name: 'product', thresholds: { Low: 4, Medium: 8, High: 12, 'Very High': 20 } });
    // 4x3 = 12 and 3x4 = 12 now reach High.
    expect(levelCounts().High).toBe(3);
  });

  it('edits a custom grid prefilled from NIST and saves the levels table', async () => {
    const port = new FakePort([clinicRegisterGrid()]);
    const user = await openReview(port);
    await user.selectOptions(matrixSelect(), 'custom');
    const grid = screen.getByRole('table', { name: /Custom matrix/ });
    // Likelihood Very High is the top row, impact Very Low the first column.
    const headers = within(grid)
      .getAllByRole('rowheader')
      .map((h) => h.textContent);
    expect(headers[0]).toMatch(/Very High/);
    expect(headers[4]).toMatch(/Very Low/);
    expect(within(grid).getAllByRole('columnheader')[1]).toHaveTextContent(/Impact.*Very Low/);
    const cells = within(grid).getAllByRole('combobox');
    expect(cells).toHaveLength(25);
    expect(cells[0]).toHaveAccessibleName('Likelihood Very High, impact Very Low');
    // The option's name is what it shows (label-content-name-mismatch); the legend spells VH out.
    expect(within(cells[0]).getByRole('option', { name: 'VH' })).toHaveValue('Very High');
    const cell = within(grid).getByRole('combobox', { name: 'Likelihood High, impact Medium' });
    expect(cell).toHaveValue(NIST_TABLE_I2[3][2]);
    await user.selectOptions(cell, 'High');
    await user.click(saveButton());
    expect(await screen.findByText('Risk matrix saved')).toBeInTheDocument();
    const expected = NIST_TABLE_I2.map((row) => [...row]);
    expected[3][2] = 'High';
    expect(stored(port).matrix).toEqual({ name: 'custom', levels: expected });
    // R-05 (likelihood 4, impact 3) is now High instead of Medium.
    expect(levelCounts()).toMatchObject({ High: 2, Medium: 2 });
    expect(screen.getByText(/risks scored with Custom 5x5 matrix/)).toBeInTheDocument();
  });

  it('works from the keyboard: tab to the matrix, change a cell, Enter on Save matrix', async () => {
    const port = new FakePort([clinicRegisterGrid()]);
    const user = await openReview(port);
    const select = matrixSelect();
    for (let i = 0; i < 40 && document.activeElement !== select; i++) await user.tab();
    expect(select).toHaveFocus();
    await user.selectOptions(select, 'custom');
    // The grid follows in reading order: top-left cell first.
    await user.tab();
    expect(screen.getByRole('combobox', { name: 'Likelihood Very High, impact Very Low' })).toHaveFocus();
    await user.selectOptions(document.activeElement as HTMLSelectElement, 'Low');
    const save = saveButton();
    for (let i = 0; i < 40 && document.activeElement !== save; i++) await user.tab();
    expect(save).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Risk matrix saved')).toBeInTheDocument();
    expect(stored(port).matrix.levels[4][0]).toBe('Low');
  });

  it('keeps an unsaved matrix edit across a re-read from Excel, and across steps', async () => {
    let fire: () => void = () => {};
    const subscribe: SubscribeFn = async (onEvent) => {
      fire = onEvent;
      return () => {};
    };
    const port = new FakePort([clinicRegisterGrid()]);
    const user = await openReview(port, subscribe);
    await user.selectOptions(matrixSelect(), 'product');
    const high = () => screen.getByRole('spinbutton', { name: 'High from' });
    await user.clear(high());
    await user.type(high(), '10');
    port.grids[0].values.push(['R-06', 'Front desk screen visible', 2, 2, 'Low', 'Privacy filter', 'Office Manager', '2027-01-15', 'Open']);
    act(() => fire());
    expect(await screen.findByText(/^6 risks scored/)).toBeInTheDocument();
    expect(matrixSelect()).toHaveValue('product');
    expect(high()).toHaveValue(10);
    await user.click(screen.getByRole('tab', { name: /Generate/ }));
    await user.click(screen.getByRole('tab', { name: /Review/ }));
    expect(high()).toHaveValue(10);
    expect(port.storeWrites).toBe(0);
  });

  it('uses the saved matrix for the generated plan', async () => {
    const port = new FakePort([clinicRegisterGrid()]);
    const user = await openReview(port);
    await user.selectOptions(matrixSelect(), '3x3');
    await user.click(saveButton());
    await screen.findByText('Risk matrix saved');
    await user.click(screen.getByRole('tab', { name: /Generate/ }));
    await user.click(screen.getByRole('button', { name: 'Generate risk management plan' }));
    await screen.findByText(/Risk management plan written to sheet/);
    const text = port.written[0].spec.rows.flatMap((r) => r.cells.map((c) => (c ? String(c.value) : ''))).join('\n');
    expect(text).toMatch(/3x3/);
    expect(stored(port).matrix).toEqual({ name: '3x3' });
  });
});
