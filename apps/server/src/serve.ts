import { loadConfig } from './core/config';
import { openDatabase } from './core/db/open';
import { migrate } from './core/db/migrate';
import { loadReferenceData } from './core/db/reference-data';
import { buildApp, type AppDeps } from './app';
import { seedDemoFor } from './demo/seed-demo-structure';
import { applyDeploymentStructure } from './core/units/deployment';

/**
 * Start-up: configuration, database, migrations, reference and demo data, then the HTTP server.
 * `events` is for a test server only (e2e/support): extra event handlers and dispatcher attempts.
 */
export async function serve(events?: AppDeps['events']): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config);
  const applied = await migrate(db);
  await loadReferenceData(db);
  const structure = await applyDeploymentStructure(db, config.unitStructure);
  const demoAccounts = config.demo ? await seedDemoFor(db, config, structure) : [];
  const app = await buildApp({ config, db, events });
  if (applied.length) app.log.info({ applied }, 'migrations applied');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite ${config.dataDir}/pglite`;
  const lines = [
    '',
    `  Phòng Dịch đang chạy / is running:  ${config.publicUrl}`,
    `  API docs:                            ${config.publicUrl}/docs`,
    `  Cơ sở dữ liệu / database:            ${where}`,
    `  Bản đồ hành chính / unit structure:  ${structure === '2025' ? '2025 (tỉnh → xã)' : '2021 / pre2025 (tỉnh → huyện → xã)'}`,
  ];
  if (demoAccounts.length) {
    lines.push('', '  Tài khoản demo / demo accounts:');
    for (const a of demoAccounts)
      lines.push(`    ${a.role.padEnd(20)} ${a.login.padEnd(22)} ${a.secret}   ${a.note}`);
  }
  console.log(lines.join('\n') + '\n');
}
