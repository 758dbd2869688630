import { completeWithoutAction, NOOP_ACTION_ID, OfficeCommandsHost, registerCommands } from './commands';

/** A fake Office that runs onReady callbacks only when told to, like the real host. */
function fakeOffice(withActions: boolean) {
  const readyCallbacks: Array<() => void> = [];
  const associated = new Map<string, (event: { completed(): void }) => void>();
  const office: OfficeCommandsHost = {
    onReady: (callback?: () => void) => {
      if (callback) readyCallbacks.push(callback);
    },
    ...(withActions
      ? { actions: { associate: (id: string, handler: (event: { completed(): void }) => void) => void associated.set(id, handler) } }
      : {}),
  };
  return { office, associated, becomeReady: () => readyCallbacks.forEach((callback) => callback()) };
}

describe('ribbon commands', () => {
  it('associates the no-op action only once Office is ready', () => {
    const { office, associated, becomeReady } = fakeOffice(true);
    registerCommands(office);
    expect(associated.size).toBe(0);
    becomeReady();
    expect([...associated.keys()]).toEqual([NOOP_ACTION_ID]);
  });

  it('completes the command so Office does not keep it spinning', () => {
    const { office, associated, becomeReady } = fakeOffice(true);
    registerCommands(office);
    becomeReady();
    const completed = jest.fn();
    associated.get(NOOP_ACTION_ID)!({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('does nothing harmful in hosts without Office.actions', () => {
    const { office, becomeReady } = fakeOffice(false);
    registerCommands(office);
    expect(() => becomeReady()).not.toThrow();
  });

  it('completeWithoutAction only completes', () => {
    const event = { completed: jest.fn() };
    completeWithoutAction(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });
});
