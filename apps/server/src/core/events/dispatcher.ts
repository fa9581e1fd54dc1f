import type { EventType } from '@phongdich/contracts';
import type { Db } from '../db/db';
import type { EventHandler } from './handler';
import { dispatchEventsOnce, type DispatchOptions } from './dispatch';

/**
 * The app's event dispatcher. Handlers are registered explicitly where modules are wired (app.ts),
 * before the app starts; the dispatcher polls while the app runs and stops when it closes.
 */
export class EventDispatcher {
  private readonly handlers: EventHandler[] = [];
  private running: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly opts: DispatchOptions & { intervalMs?: number; onError?: (err: unknown) => void } = {},
  ) {}

  register<T extends EventType>(handler: EventHandler<T>): void {
    if (this.handlers.some((h) => h.name === handler.name && h.type === handler.type))
      throw new Error(`event handler ${handler.name} for ${handler.type} is registered twice`);
    this.handlers.push(handler as unknown as EventHandler);
  }

  /** One pass now (passes never overlap); resolves when it is done. */
  runOnce(): Promise<void> {
    this.running = this.running.then(async () => {
      if (this.stopped) return;
      try {
        while ((await dispatchEventsOnce(this.db, this.handlers, this.opts)) > 0 && !this.stopped);
      } catch (err) {
        this.opts.onError?.(err);
      }
    });
    return this.running;
  }

  start(): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => void this.runOnce(), this.opts.intervalMs ?? 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
