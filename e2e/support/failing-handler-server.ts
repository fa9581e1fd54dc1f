// A test server (the real one, serve()) with one more event handler, which fails its first two calls
// and then succeeds: with two attempts allowed, the first declaration's event becomes a dead letter,
// and an administrator's retry then gets it handled. For e2e/dead-events.test.ts only.
import { onEvent } from '../../apps/server/src/core/events/handler';
import { serve } from '../../apps/server/src/serve';

let calls = 0;
const failsTwice = onEvent('declaration.submitted', 'e2e.fails-twice', async () => {
  calls++;
  if (calls <= 2) throw new Error(`e2e: the handler fails (call ${calls})`);
});

serve({ handlers: [failsTwice], options: { maxAttempts: 2, backoffMs: () => 200 } }).catch((err) => {
  console.error(err);
  process.exit(1);
});
