import { serve } from './serve';

// The server program (npm start). A test server with extra event handlers has its own entry (e2e/support).
serve().catch((err) => {
  console.error(err);
  process.exit(1);
});
