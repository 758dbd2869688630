/**
 * Keeps the pane from going blank: a rendering error shows what happened and a way back
 * instead of an empty white pane.
 */
import * as React from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends React.Component<{ children: React.ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render(): React.ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" style={{ padding: 12 }}>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The Risk Plan pane hit a problem</MessageBarTitle>
            {this.state.error.message || 'Unknown error.'} Your workbook was not changed by this. Try again; if it keeps happening, close
            and reopen the pane.
          </MessageBarBody>
        </MessageBar>
        <Button style={{ marginTop: 8 }} onClick={() => this.setState({ error: null })}>
          Try again
        </Button>
      </div>
    );
  }
}
