/** @jest-environment jsdom */
import './testing/setup';
import * as React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StepTabs, panelId } from './StepTabs';

function Harness() {
  const [selected, setSelected] = React.useState<'a' | 'b' | 'c'>('a');
  return (
    <>
      <StepTabs<'a' | 'b' | 'c'>
        label="Steps"
        selected={selected}
        onSelect={setSelected}
        tabs={[
          { value: 'a', label: '1. One' },
          { value: 'b', label: '2. Two' },
          { value: 'c', label: '3. Three' },
        ]}
      />
      <div role="tabpanel" id={panelId(selected)} aria-labelledby={`riskplan-tab-${selected}`}>
        panel {selected}
      </div>
    </>
  );
}

describe('StepTabs', () => {
  it('is a tab list whose tabs control their panel, one tab in the tab order', () => {
    render(<Harness />);
    expect(screen.getByRole('tablist', { name: 'Steps' })).toBeInTheDocument();
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.getAttribute('aria-controls'))).toEqual([panelId('a'), panelId('b'), panelId('c')]);
    expect(tabs.map((t) => t.getAttribute('tabindex'))).toEqual(['0', '-1', '-1']);
    expect(screen.getByRole('tabpanel', { name: '1. One' })).toHaveTextContent('panel a');
  });

  it('moves with the arrow keys, Home and End, wrapping around', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.tab();
    expect(screen.getByRole('tab', { name: '1. One' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: '2. Two' })).toHaveFocus();
    expect(screen.getByRole('tab', { name: '2. Two' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveTextContent('panel b');
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: '3. Three' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: '1. One' })).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: '3. Three' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(screen.getByRole('tab', { name: '1. One' })).toHaveAttribute('aria-selected', 'true');
  });
});
