/**
 * The Review step's tier choices: each open risk the engine could not place gets the plan's three
 * tiers as buttons, the engine's best guess first and marked as such. A click saves the choice in
 * the workbook's settings (never in a cell), and the pane, the runner and the plan use it from then
 * on; a risk the user already chose shows its choice (pressed) and a button to undo it.
 */
import * as React from 'react';
import { Button, Text, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import type { ChosenTier } from '../../core/analysis';
import type { PaneView, TierItem } from '../paneView';
import { Feedback, type FeedbackState } from '../Feedback';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0 },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  list: { margin: 0, paddingLeft: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: '10px' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    minWidth: 0,
    paddingBottom: '8px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  name: { overflowWrap: 'anywhere' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: '4px', minWidth: 0 },
  tier: { minWidth: 0, maxWidth: '100%', whiteSpace: 'normal', height: 'auto', textAlign: 'left' },
  guess: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3, marginLeft: '4px' },
  chosen: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px', fontSize: tokens.fontSizeBase200 },
});

/** Risks listed at first and added per "Show more" (each has three buttons; a long page is slow to use). */
export const TIER_ITEMS_PER_PAGE = 20;

/** "R-07 Backup restore never tested" / "Risk Register row 12" when the row has neither. */
export function tierItemName(item: TierItem): string {
  const name = [item.id, item.title].filter(Boolean).join(' ');
  return name || `${item.sheet} row ${item.row}`;
}

function TierRow(props: {
  item: TierItem;
  busy: boolean;
  /** The saving progress and its result, on the row whose button was clicked. */
  feedback: FeedbackState | null;
  onChoose(key: string, tier: ChosenTier | null): void;
}) {
  const { item, busy, onChoose } = props;
  const styles = useStyles();
  const name = tierItemName(item);
  // The engine's best guess is first unless the user chose: then their choice is first.
  const guess = item.chosenByUser ? null : item.tiers[0];
  return (
    <li className={styles.item}>
      <Text className={styles.name}>
        <strong>{name}</strong>
        {item.level ? ` (${item.level})` : ''}
        {item.action ? `: ${item.action}` : ''}
      </Text>
      <div role="group" aria-label={`Tier for ${name}`} className={styles.buttons}>
        {item.tiers.map((tier) => {
          const pressed = item.chosenByUser && item.current === tier;
          return (
            <ToggleButton
              key={tier}
              size="small"
              className={styles.tier}
              checked={pressed}
              appearance={pressed ? 'primary' : 'secondary'}
              disabledFocusable={busy}
              onClick={() => {
                if (!pressed) onChoose(item.key, tier);
              }}
            >
              {tier}
              {/* Part of the button's name ("This week (best guess)"), so what is read matches what is shown. */}
              {tier === guess && <span className={styles.guess}> (best guess)</span>}
            </ToggleButton>
          );
        })}
      </div>
      {item.chosenByUser && (
        <div className={styles.chosen}>
          <span>Your choice: {item.current}.</span>
          <Button
            size="small"
            appearance="subtle"
            disabledFocusable={busy}
            aria-label={`Undo your tier for ${name}`}
            onClick={() => onChoose(item.key, null)}
          >
            Undo
          </Button>
        </div>
      )}
      {props.feedback && <Feedback slot="tiers" {...props.feedback} />}
    </li>
  );
}

export interface TierChoicesProps {
  view: PaneView;
  busy: boolean;
  feedback: FeedbackState;
  onChooseTier(key: string, tier: ChosenTier | null): void;
}

/** The list of risks to place in a tier, a page at a time; nothing when every open risk has a tier. */
export function TierChoices(props: TierChoicesProps): React.ReactElement | null {
  const { view, busy, onChooseTier, feedback } = props;
  const styles = useStyles();
  const [shown, setShown] = React.useState(TIER_ITEMS_PER_PAGE);
  // The row last clicked shows the progress and the result, next to its buttons.
  const [lastKey, setLastKey] = React.useState<string | null>(null);
  const choose = React.useCallback(
    (key: string, tier: ChosenTier | null) => {
      setLastKey(key);
      onChooseTier(key, tier);
    },
    [onChooseTier],
  );
  const items = view.tierItems;
  if (items.length === 0) return null;
  const open = items.filter((i) => !i.chosenByUser).length;
  const left = items.length - shown;
  return (
    <section className={styles.section} aria-labelledby="riskplan-tier-heading">
      <h3 id="riskplan-tier-heading" className={styles.heading}>
        {open > 0 ? `Choose a tier for ${open} ${open === 1 ? 'risk' : 'risks'}` : 'Tiers you chose'}
      </h3>
      <Text className={styles.hint}>
        The workbook does not say whether {open === 1 ? 'this needs' : 'these need'} money, a vendor or only staff time. Your choice is
        saved in the workbook’s settings (no cell is changed) and the plan uses it.
      </Text>
      <ul className={styles.list} aria-label="Risks to place in a tier">
        {items.slice(0, shown).map((item) => (
          <TierRow
            key={`${item.sheet}!${item.row}`}
            item={item}
            busy={busy}
            feedback={item.key === lastKey ? feedback : null}
            onChoose={choose}
          />
        ))}
      </ul>
      {left > 0 && (
        <Button appearance="secondary" size="small" onClick={() => setShown((n) => n + TIER_ITEMS_PER_PAGE)}>
          {`Show ${Math.min(left, TIER_ITEMS_PER_PAGE)} more of ${left}`}
        </Button>
      )}
      {view.tierItemCount > items.length && (
        <Text className={styles.hint}>{view.tierItemCount - items.length} more are listed under “Unclassified” in the plan.</Text>
      )}
    </section>
  );
}
