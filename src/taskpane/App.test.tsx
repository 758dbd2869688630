/** @jest-environment jsdom */
import './testing/setup';
import * as React from 'react';
import { render, screen, waitFor, within, act } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import { FakePort, clinicRegisterGrid, notesGrid } from './testing/fakePort';
import type { SubscribeFn } from './excelEvents';
import type { PanePort } from './workbookActions';

const TODAY = '2026-11-23';

function excelPort(port: FakePort): FakePort & { selectCell: jest.Mock; activateSheet: jest.Mock } {
  return Object.assign(port, { selectCell: jest.fn(async () => {}), activateSheet: jest.fn(async () => {}) });
}

async function renderExcel(port: PanePort, extra: { subscribe?: SubscribeFn } = {}) {
  const user = userEvent.setup();
  render(<App mode="excel" port={port} today={TODAY} subscribe={extra.subscribe} rereadDelayMs={20} />);
  await screen.findByRole('tab', { name: /Workbook/ });
  return user;
}

describe('Workbook step', () => {
  it('shows the recognized register with its row count, reason and column mapping', async () => {
    await renderExcel(excelPort(new FakePort([clinicRegisterGrid()])));
    expect(screen.getByText(/sheet “Risk Register”, 5 risks/)).toBeInTheDocument();
    expect(screen.getByText(/^Why:/)).toBeInTheDocument();
    const columns = screen.getByRole('region', { name: 'Columns of sheet Risk Register' });
    const owner = within(columns).getByLabelText('Owner') as HTMLSelectElement;
    expect(owner.value).toBe('G');
    expect(within(owner).getByRole('option', { name: '(not in sheet)' })).toBeInTheDocument();
    expect(within(owner).getByRole('option', { name: 'B: Risk Description' })).toBeInTheDocument();
  });

  it('saves a changed column into the workbook settings and re-reads with it', async () => {
    const port = excelPort(new FakePort([clinicRegisterGrid()]));
    const user = await renderExcel(port);
    const columns = screen.getByRole('region', { name: 'Columns of sheet Risk Register' });
    await user.selectOptions(within(columns).getByLabelText('Owner'), '');
    await user.click(screen.getByRole('button', { name: 'Save mapping' }));
    expect(await screen.findByText('Mapping saved')).toBeInTheDocument();
    const stored = JSON.parse(port.store ?? '{}');
    expect(stored.mapping).toEqual([{ sheet: 'Risk Register', kind: 'register', columns: { owner: null } }]);
    // Re-read: owner is "not in sheet" by the user's choice, which can be reset to automatic.
    const after = screen.getByRole('region', { name: 'Columns of sheet Risk Register' });
    expect((within(after).getByLabelText('Owner') as HTMLSelectElement).value).toBe('');
    expect(within(after).getByText('your choice')).toBeInTheDocument();
    await user.click(within(after).getByRole('button', { name: 'Reset Owner to automatic' }));
    await waitFor(() =>
      expect(JSON.parse(port.store ?? '{}').mapping).toEqual([{ sheet: 'Risk Register', kind: 'register', columns: {} }]),
    );
    await waitFor(() =>
      expect(
        (within(screen.getByRole('region', { name: 'Columns of sheet Risk Register' })).getByLabelText('Owner') as HTMLSelectElement).value,
      ).toBe('G'),
    );
  });

  it('lets the user pick the register sheet and its header row by hand', async () => {
    const port = excelPort(new FakePort([clinicRegisterGrid(), notesGrid()]));
    const user = await renderExcel(port);
    const choice = screen.getByRole('region', { name: 'Register sheet choice' });
    expect(within(choice).getByLabelText('Register sheet')).toHaveValue('Risk Register');
    await user.selectOptions(within(choice).getByLabelText('Register sheet'), 'Notes');
    await user.type(within(choice).getByLabelText('Header row'), '0');
    expect(screen.getByRole('button', { name: 'Save mapping' })).toBeDisabled();
    await user.clear(within(choice).getByLabelText('Header row'));
    await user.type(within(choice).getByLabelText('Header row'), '1');
    await user.click(screen.getByRole('button', { name: 'Save mapping' }));
    expect(await screen.findByText('Mapping saved')).toBeInTheDocument();
    expect(JSON.parse(port.store ?? '{}').mapping).toEqual([{ sheet: 'Notes', kind: 'register', headerRow: 1, columns: {} }]);
  });

  it('says plainly when no register is found and blocks generating', async () => {
    const user = await renderExcel(excelPort(new FakePort([notesGrid()])));
    expect(screen.getByText('No risk register found')).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: /Generate/ }));
    expect(screen.getByRole('button', { name: 'Generate risk management plan' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('warns when Excel cannot set page layout and when saved settings were tampered with', async () => {
    const port = excelPort(new FakePort([clinicRegisterGrid()], { capabilities: { pageLayout: false }, store: '{"practiceName": 42}' }));
    await renderExcel(port);
    expect(screen.getByText('Print layout not available')).toBeInTheDocument();
    expect(screen.getByText('Saved settings ignored')).toBeInTheDocument();
    expect(screen.getByText(/practiceName/)).toBeInTheDocument();
    expect(screen.queryByText('Merged cells not visible to the add-in')).not.toBeInTheDocument();
  });

  it('warns when Excel cannot say which cells are merged (before ExcelApi 1.13)', async () => {
    await renderExcel(excelPort(new FakePort([clinicRegisterGrid()], { capabilities: { mergedAreas: false } })));
    expect(screen.getByText('Merged cells not visible to the add-in')).toBeInTheDocument();
    expect(screen.queryByText('Print layout not available')).not.toBeInTheDocument();
  });
});

describe('Excel read failure', () => {
  it('shows what happened and offers to read again instead of a blank pane', async () => {
    const port = excelPort(new FakePort([clinicRegisterGrid()]));
    port.failNext.readGrids = new Error('The request failed.');
    const user = userEvent.setup();
    render(<App mode="excel" port={port} today={TODAY} />);
    expect(await screen.findByText('Reading the workbook did not finish')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Read the workbook again' }));
    expect(await screen.findByText(/sheet “Risk Register”, 5 risks/)).toBeInTheDocument();
  });
});

describe('Review step', () => {
  it('counts risks by level and tier and jumps to a finding in Excel', async () => {
    const port = excelPort(new FakePort([clinicRegisterGrid()]));
    const user = await renderExcel(port);
    await user.click(screen.getByRole('tab', { name: /Review/ }));
    const levels = screen.getByRole('table', { name: 'Risks by level' });
    const counted = within(levels)
      .getAllByRole('row')
      .slice(1)
      .reduce((sum, row) => sum + Number(within(row).getAllByRole('cell')[1].textContent), 0);
    expect(counted).toBe(5);
    expect(screen.getByRole('table', { name: 'Risks by tier' })).toBeInTheDocument();
    const header = screen.getByRole('button', { name: /No responsible party \(\d+\)/ });
    await user.click(header);
    const goTo = screen.getByRole('button', { name: /Go to Risk Register!G5/ });
    await user.click(goTo);
    expect(port.selectCell).toHaveBeenCalledWith('Risk Register', 'G5');
  });

  it('highlights gaps and clears them, saying what happened', async () => {
    const port = excelPort(new FakePort([clinicRegisterGrid()]));
    const user = await renderExcel(port);
    await user.click(screen.getByRole('tab', { name: /Review/ }));
    await user.click(screen.getByRole('button', { name: 'Highlight gaps' }));
    expect(await screen.findByText('Gaps highlighted')).toBeInTheDocument();
    const added = port.highlightRules.length;
    expect(added).toBeGreaterThan(0);
    expect(screen.getByText(new RegExp(`Added ${added} highlight rule`))).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear highlights' }));
    expect(await screen.findByText(new RegExp(`Removed ${added} Risk Plan highlight rule`))).toBeInTheDocument();
    expect(port.highlightRules).toHaveLength(0);
  });

  it('reports a protected sheet that was skipped', async () => {
    const port = excelPort(new FakePort([clinicRegisterGrid({ protected: true })]));
    const user = await renderExcel(port);
    await user.click(screen.getByRole('tab', { name: /Review/ }));
    await user.click(screen.getByRole('button', { name: 'Highlight gaps' }));
    expect(await screen.findByText('Nothing was highlighted')).toBeInTheDocument();
    expect(screen.getByText(/Sheet “Risk Register” was skipped: the sheet is protected/)).toBeInTheDocument();
  });

  it('works from the keyboard: tab to "Highlight gaps" and press Enter', async () => {
    const port = excelPort(new FakePort([clinicRegisterGrid()]));
    const user = await renderExcel(port);
    await user.click(screen.getByRole('tab', { name: /Review/ }));
    const target = screen.getByRole('button', { name: 'Highlight gaps' });
    for (let i = 0; i < 60 && document.activeElement !== target; i++) await user.tab();
    expect(target).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Gaps highlighted')).toBeInTheDocument();
  });
});

describe('Generate step', () => {
  it('writes both sheets with the form values and links to the new sheet', async () => {
    const port = excelPort(new FakePort([clinicRegisterGrid()]));
    const user = await renderExcel(port);
    await user.click(screen.getByRole('tab', { name: /Generate/ }));
    expect(screen.getByLabelText('As-of date')).toHaveValue(TODAY);
    // The title row names the practice; a typed name wins and is saved.
    await user.clear(screen.getByLabelText('Practice name'));
    await user.type(screen.getByLabelText('Practice name'), 'Sunrise Family Medicine PLLC');
    await user.click(screen.getByRole('checkbox', { name: 'Keep previous plan as a dated copy' }));
    await user.click(screen.getByRole('button', { name: 'Generate risk management plan' }));
    const link = await screen.findByRole('button', { name: /open it/ });
    expect(port.written.map((w) => w.spec.kind)).toEqual(['plan']);
    const settings = JSON.parse(port.store ?? '{}');
    expect(settings.practiceName).toBe('Sunrise Family Medicine PLLC');
    expect(settings.keepPreviousPlan).toBe(true);
    await user.click(link);
    expect(port.activateSheet).toHaveBeenCalledWith(port.written[0].placement.name);

    await user.click(screen.getByRole('button', { name: 'Generate progress report' }));
    await waitFor(() => expect(port.written.map((w) => w.spec.kind)).toEqual(['plan', 'progress']));
    expect(screen.getByLabelText('Practice name')).toHaveValue('Sunrise Family Medicine PLLC');
    expect(
      screen.getByText(/The workbook says “Sunrise Family Clinic” \('Risk Register'!A1\); the value here is used\./),
    ).toBeInTheDocument();
  });

  it('shows practice details found in the workbook, leaves them off the MISSING list and does not save them as typed', async () => {
    const port = excelPort(new FakePort([clinicRegisterGrid()]));
    const user = await renderExcel(port);
    await user.click(screen.getByRole('tab', { name: /Generate/ }));
    const name = screen.getByLabelText('Practice name');
    expect(name).toHaveValue('Sunrise Family Clinic');
    expect(screen.getByText("Found in the workbook ('Risk Register'!A1); edit it to use another value.")).toBeInTheDocument();
    const missing = document.getElementById('riskplan-missing-plan')!;
    expect(within(missing).queryByText('Practice name')).toBeNull();
    expect(within(missing).getByText('Risk analysis date')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Generate risk management plan' }));
    await waitFor(() => expect(port.written.map((w) => w.spec.kind)).toEqual(['plan']));
    expect(JSON.stringify(port.written[0].spec)).toContain('Sunrise Family Clinic');
    // Not typed, so not saved: the plan keeps following the workbook's title row.
    expect(JSON.parse(port.store ?? '{}').practiceName).toBeUndefined();
    // Cleared, the field says the workbook's value still prints, and MISSING still leaves it off.
    await user.clear(name);
    expect(
      screen.getByText("Blank: the plan prints what the workbook states, “Sunrise Family Clinic” ('Risk Register'!A1)."),
    ).toBeInTheDocument();
    expect(within(document.getElementById('riskplan-missing-plan')!).queryByText('Practice name')).toBeNull();
  });

  it('explains a protected workbook instead of failing silently', async () => {
    const port = excelPort(new FakePort([clinicRegisterGrid()]));
    port.failNext.writeSheet = Object.assign(new Error('AccessDenied'), { code: 'AccessDenied' });
    const user = await renderExcel(port);
    await user.click(screen.getByRole('tab', { name: /Generate/ }));
    await user.click(screen.getByRole('button', { name: 'Generate risk management plan' }));
    expect(await screen.findByText('A sheet is protected')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Generate risk management plan' })).not.toHaveAttribute('aria-disabled', 'true');
  });

  it('blocks generating with an invalid CAP term and says why', async () => {
    const user = await renderExcel(excelPort(new FakePort([clinicRegisterGrid()])));
    await user.click(screen.getByRole('tab', { name: /Generate/ }));
    // (Date fields are native date inputs; bad dates are covered by settingsForm.test.ts.)
    await user.clear(screen.getByLabelText('CAP term (years)'));
    await user.type(screen.getByLabelText('CAP term (years)'), '7');
    expect(screen.getByText('Enter 1, 2 or 3 years.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Generate risk management plan' })).toHaveAttribute('aria-disabled', 'true');
    await user.clear(screen.getByLabelText('CAP term (years)'));
    await user.type(screen.getByLabelText('CAP term (years)'), '3');
    expect(screen.getByRole('button', { name: 'Generate risk management plan' })).not.toHaveAttribute('aria-disabled', 'true');
  });
});

describe('Excel events', () => {
  it('re-reads after an edit without losing unsaved form values', async () => {
    let fire: () => void = () => {};
    const subscribe: SubscribeFn = async (onEvent) => {
      fire = onEvent;
      return () => {};
    };
    const port = excelPort(new FakePort([clinicRegisterGrid()]));
    const user = await renderExcel(port, { subscribe });
    await user.click(screen.getByRole('tab', { name: /Generate/ }));
    await user.type(screen.getByLabelText('Approved by'), 'Dr. Patel');
    // The user adds a risk in Excel.
    const grid = port.grids[0];
    grid.values.push([
      'R-06',
      'Front desk screen visible to patients',
      2,
      2,
      'Low',
      'Add a privacy filter',
      'Office Manager',
      '2027-01-15',
      'Open',
    ]);
    act(() => fire());
    await user.click(screen.getByRole('tab', { name: /Workbook/ }));
    expect(await screen.findByText(/sheet “Risk Register”, 6 risks/)).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: /Generate/ }));
    expect(screen.getByLabelText('Approved by')).toHaveValue('Dr. Patel');
  });
});

describe('Excel events keep pending mapping choices', () => {
  it('keeps an unsaved column choice across a re-read', async () => {
    let fire: () => void = () => {};
    const subscribe: SubscribeFn = async (onEvent) => {
      fire = onEvent;
      return () => {};
    };
    const port = excelPort(new FakePort([clinicRegisterGrid()]));
    const user = await renderExcel(port, { subscribe });
    const columns = () => screen.getByRole('region', { name: 'Columns of sheet Risk Register' });
    await user.selectOptions(within(columns()).getByLabelText('Owner'), 'F');
    port.grids[0].values.push(['R-06', 'Front desk screen visible', 2, 2, 'Low', 'Privacy filter', 'Office Manager', '2027-01-15', 'Open']);
    act(() => fire());
    expect(await screen.findByText(/6 risks/)).toBeInTheDocument();
    expect(within(columns()).getByLabelText('Owner')).toHaveValue('F');
    expect(within(columns()).getByText('changed: save to apply')).toBeInTheDocument();
  });
});

describe('file mode', () => {
  const file = () =>
    new File([new Uint8Array([80, 75, 3, 4])], 'Clinic Register.xlsx', {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });

  it('opens a workbook, generates, and downloads it as <name>-riskplan.xlsx', async () => {
    const port = Object.assign(new FakePort([clinicRegisterGrid()], { host: 'file' }), {
      save: jest.fn(async () => new Uint8Array([1, 2, 3])),
    });
    const openXlsx = jest.fn(async () => port);
    const createObjectURL = jest.fn(() => 'blob:riskplan');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicked: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const user = userEvent.setup();
    render(<App mode="file" today={TODAY} openXlsx={openXlsx} />);
    expect(screen.queryByRole('tab')).not.toBeInTheDocument();
    await user.upload(screen.getByTestId('open-workbook-input'), file());
    expect(await screen.findByText(/sheet “Risk Register”, 5 risks/)).toBeInTheDocument();
    expect(openXlsx).toHaveBeenCalledTimes(1);
    expect(screen.getByText(/Working on/)).toHaveTextContent('Working on Clinic Register.xlsx');
    await user.click(screen.getByRole('tab', { name: /Generate/ }));
    await user.click(screen.getByRole('button', { name: 'Generate risk management plan' }));
    await waitFor(() => expect(port.written).toHaveLength(1));
    // The pane stays busy a moment after the sheet is written (settings saved, workbook re-read), and a
    // click on the then-disabled button does nothing: wait for it as a user would.
    const download = screen.getByRole('button', { name: 'Download workbook' });
    await waitFor(() => expect(download).toBeEnabled());
    await user.click(download);
    expect(await screen.findByText('Workbook downloaded')).toBeInTheDocument();
    expect(port.save).toHaveBeenCalled();
    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('Clinic Register-riskplan.xlsx');
    expect(clicked[0].href).toBe('blob:riskplan');
    click.mockRestore();
  });

  it('says what to do when the file is not a workbook', async () => {
    const openXlsx = jest.fn(async () => {
      throw Object.assign(new Error('This file is not an Excel workbook (.xlsx).'), { name: 'WorkbookOpenError' });
    });
    const user = userEvent.setup();
    render(<App mode="file" today={TODAY} openXlsx={openXlsx} />);
    await user.upload(screen.getByTestId('open-workbook-input'), file());
    expect(await screen.findByText('“Clinic Register.xlsx” could not be opened')).toBeInTheDocument();
    expect(screen.getByText(/not an Excel workbook.*Choose an \.xlsx workbook/)).toBeInTheDocument();
    expect(screen.queryByRole('tab')).not.toBeInTheDocument();
  });
});

describe('accessibility', () => {
  it('gives every control on every step an accessible name', async () => {
    const user = await renderExcel(excelPort(new FakePort([clinicRegisterGrid()])));
    const roles = ['button', 'textbox', 'combobox', 'checkbox', 'spinbutton', 'tab', 'link', 'table'] as const;
    const unnamed = () => roles.flatMap((role) => screen.queryAllByRole(role, { name: (name) => name.trim() === '' }));
    for (const step of [/Workbook/, /Review/, /Generate/]) {
      await user.click(screen.getByRole('tab', { name: step }));
      expect(unnamed()).toEqual([]);
    }
    // Date fields have no implicit role in jsdom; check their labels directly.
    for (const label of ['Risk analysis date', 'As-of date', 'Next review date', 'CAP effective date']) {
      expect(screen.getByLabelText(label)).toHaveAttribute('type', 'date');
    }
  });
});

describe('ErrorBoundary', () => {
  it('shows what happened instead of a blank pane', () => {
    const Broken = () => {
      throw new Error('Cannot read the mapping');
    };
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('The Risk Plan pane hit a problem');
    expect(screen.getByRole('alert')).toHaveTextContent('Cannot read the mapping');
    spy.mockRestore();
  });
});
