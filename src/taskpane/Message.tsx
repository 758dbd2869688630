/** One MessageBar for a PaneMessage: the intent icon plus a title, so colour is never the only signal. */
import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { PaneMessage } from './messages';

export function Message({ message, onDismiss }: { message: PaneMessage; onDismiss?: () => void }): React.ReactElement {
  return (
    <MessageBar intent={message.intent} layout="multiline" role={message.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>
        <MessageBarTitle>{message.title}</MessageBarTitle>
        {message.body}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={
            <Button appearance="transparent" size="small" aria-label="Dismiss message" onClick={onDismiss}>
              ×
            </Button>
          }
        />
      )}
    </MessageBar>
  );
}
