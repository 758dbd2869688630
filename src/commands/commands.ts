/**
 * The ribbon's function file. The "Risk Plan" button is a ShowTaskpane action, so Office needs nothing
 * from this page but an answer to onReady. The one associated action exists so that an ExecuteFunction
 * control added later (or a stale cached manifest) finds a handler that completes instead of spinning.
 */

/** The id an ExecuteFunction control would name in the manifest. */
export const NOOP_ACTION_ID = 'riskPlanNoop';

/** The slice of the Office global this file uses, so tests can pass a fake. */
export interface OfficeCommandsHost {
  onReady(callback?: () => void): unknown;
  actions?: { associate(actionId: string, handler: (event: { completed(): void }) => void): void };
}

/** Tells Office the command is done; doing nothing else is the point. */
export function completeWithoutAction(event: { completed(): void }): void {
  event.completed();
}

/**
 * Registers the command handlers. `Office.actions` only exists in hosts with the shared-runtime command
 * model, so it is optional here: older hosts simply have no action to run.
 */
export function registerCommands(office: OfficeCommandsHost): void {
  office.onReady(() => {
    office.actions?.associate(NOOP_ACTION_ID, completeWithoutAction);
  });
}

// Outside Office (office.js failed to load) there is nothing to register.
if (typeof Office !== 'undefined') {
  registerCommands(Office as unknown as OfficeCommandsHost);
}
