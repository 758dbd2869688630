/**
 * Progress and results shown next to the control that caused them (not at the top of a page
 * the user has scrolled away from). Each button's area renders one of these for its slot.
 */
import * as React from 'react';
import { ProgressBar, Spinner, makeStyles } from '@fluentui/react-components';
import { Message } from './Message';
import type { PaneMessage } from './messages';
import type { Busy, Slot } from './useWorkbook';

const useStyles = makeStyles({
  busy: { display: 'flex', flexDirection: 'column', gap: '4px', minWidth: 0 },
});

export interface FeedbackProps {
  slot: Slot | readonly Slot[];
  busy: Busy | null;
  message: { slot: Slot; message: PaneMessage } | null;
  onDismiss?: () => void;
}

export function Feedback({ slot, busy, message, onDismiss }: FeedbackProps): React.ReactElement | null {
  const styles = useStyles();
  const slots: readonly Slot[] = typeof slot === 'string' ? [slot] : slot;
  const showBusy = busy !== null && slots.includes(busy.slot);
  const showMessage = message !== null && slots.includes(message.slot);
  if (!showBusy && !showMessage) return null;
  return (
    <>
      {showBusy && (
        <div className={styles.busy}>
          <Spinner size="tiny" label={`${busy.label}…`} />
          {busy.fraction !== undefined && <ProgressBar value={busy.fraction} max={1} aria-label={`${busy.label}: progress`} />}
        </div>
      )}
      {showMessage && <Message message={message.message} onDismiss={onDismiss} />}
    </>
  );
}

/** What a step passes down so each of its buttons can show its own feedback. */
export type FeedbackState = Omit<FeedbackProps, 'slot'>;
