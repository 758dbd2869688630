/**
 * The three steps as a WAI-ARIA tab pattern: a tablist of buttons (arrow keys, Home and End
 * move between them), each tab naming the panel it controls. Plain buttons rather than
 * Fluent's TabList, whose focus helpers put aria-hidden elements that take focus in the list.
 */
import * as React from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    gap: '2px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  tab: {
    flex: '1 1 0',
    minWidth: 0,
    padding: '6px 2px',
    border: 'none',
    borderBottom: '3px solid transparent',
    background: 'none',
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground2,
    cursor: 'pointer',
    whiteSpace: 'normal',
    ':hover': { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
  },
});

export interface StepTab<T extends string> {
  value: T;
  label: string;
}

export const tabId = (value: string) => `riskplan-tab-${value}`;
export const panelId = (value: string) => `riskplan-panel-${value}`;

export function StepTabs<T extends string>(props: { tabs: StepTab<T>[]; selected: T; onSelect(value: T): void; label: string }) {
  const { tabs, selected, onSelect, label } = props;
  const styles = useStyles();
  const refs = React.useRef(new Map<T, HTMLButtonElement>());
  const move = (from: number, delta: number | 'first' | 'last') => {
    const index = delta === 'first' ? 0 : delta === 'last' ? tabs.length - 1 : (from + delta + tabs.length) % tabs.length;
    const next = tabs[index].value;
    onSelect(next);
    refs.current.get(next)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={styles.list}>
      {tabs.map((tab, i) => {
        const isSelected = tab.value === selected;
        return (
          <button
            key={tab.value}
            ref={(el) => {
              if (el) refs.current.set(tab.value, el);
              else refs.current.delete(tab.value);
            }}
            type="button"
            role="tab"
            id={tabId(tab.value)}
            aria-selected={isSelected}
            aria-controls={panelId(tab.value)}
            tabIndex={isSelected ? 0 : -1}
            className={mergeClasses(styles.tab, isSelected && styles.selected)}
            onClick={() => onSelect(tab.value)}
            onKeyDown={(e) => {
              const key = e.key;
              if (key === 'ArrowRight' || key === 'ArrowLeft' || key === 'Home' || key === 'End') {
                e.preventDefault();
                move(i, key === 'ArrowRight' ? 1 : key === 'ArrowLeft' ? -1 : key === 'Home' ? 'first' : 'last');
              }
            }}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
