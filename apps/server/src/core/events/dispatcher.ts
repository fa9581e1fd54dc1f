import type { EventType } from '@phongdich/contracts';
import type { Db } from '../db/db';
import type { EventHandler } from './handler';
import { dispatchPass, type DispatchOptions } from './dispatch';

/**
 * The app's event dispatcher. Handlers are registered explicitly where modules are wired (app.ts);
 * the scheduler (core/jobs) runs its passes while the app runs and stops them when it closes.
 */
export class EventDispatcher {
  private readonly handlers: EventHandler[] = [];

  constructor(
    private readonly db: Db,
    private readonly opts: DispatchOptions = {},
  ) {}

  register<T extends EventType>(handler: EventHandler<T>): void {
    if (this.handlers.some((h) => h.name === handler.name && h.type === handler.type))
      throw new Error(`event handler ${handler.name} for ${handler.type} is registered twice`);
    this.handlers.push(handler as unknown as EventHandler);
  }

  private last: Promise<void> = Promise.resolve();

  /**
   * Dispatches until nothing is due (a pass that took no event). Passes of one process run one after
   * the other: two at once skip each other's leased events, so a caller's pass (an admin's "run now",
   * a test) returned while the timer's pass still held the events it was waiting for.
   */
  pass(): Promise<void> {
    const run = this.last.then(async () => {
      while ((await dispatchPass(this.db, this.handlers, this.opts)).events > 0);
    });
    this.last = run.catch(() => undefined);
    return run;
  }
}
