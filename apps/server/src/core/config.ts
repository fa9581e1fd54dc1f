import path from 'node:path';
import { parseUnitStructure, type UnitStructure } from './units/structure';

/** Configuration comes from the environment, with defaults that run the demo on a laptop. */
export interface Config {
  port: number;
  host: string;
  /** A PostgreSQL server; when unset, the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | undefined;
  /** Folder of the embedded database and other local state. */
  dataDir: string;
  logLevel: string;
  /**
   * `PHONGDICH_UNIT_STRUCTURE`: the administrative map new records and accounts use ('2025' or
   * 'pre2025' = 2021). Unset: the one recorded in the database, else 2025 for a new deployment.
   */
  unitStructure: UnitStructure | undefined;
  /** Load demo accounts and people at start (default on for the embedded database). */
  demo: boolean;
  /** Public base URL used in printed links and QR codes. */
  publicUrl: string;
  /** Secret used to derive session and OTP hashes. Must be set in production. */
  secret: string;
  /**
   * Secret the audit trail's keys are derived from (entry MACs, chain links, head signatures);
   * `PHONGDICH_AUDIT_SECRET`, else the server secret. Never stored in the database.
   */
  auditSecret: string;
  /** Where signed audit chain heads are appended (ship this folder elsewhere). */
  auditHeadsDir: string;
  /** How often a signed chain head is published, when the chain moved. */
  auditHeadEverySeconds: number;
  /** Where the built web app lives. */
  webDist: string;
  /**
   * Message transport for OTPs and notices: 'dev' keeps them in the development inbox (never in
   * production); 'http' hands SMS to the gateway in `sms`.
   */
  messageTransport: 'dev' | 'http';
  sms: SmsGatewayConfig | null;
  production: boolean;
  /**
   * Reverse proxies whose `X-Forwarded-For` names the client (addresses or CIDR ranges). Empty: the
   * client is the TCP peer, so nobody can pick their own address for per-IP limits or the audit log.
   */
  trustedProxies: string[];
}

/** An HTTP SMS gateway (see modules/outbox/http-sms-transport.ts for what it is sent). */
export interface SmsGatewayConfig {
  /** Where messages are POSTed. */
  url: string;
  /** Sent as `Authorization: Bearer …` to the gateway. */
  token: string;
  /** Sender name (brandname) registered with the carrier. */
  sender: string;
  /** The gateway sends this in `X-Report-Token` when it posts a delivery report back. */
  reportToken: string;
  timeoutMs: number;
}

function smsGateway(env: NodeJS.ProcessEnv): SmsGatewayConfig {
  const url = env.PHONGDICH_SMS_GATEWAY_URL ?? '';
  const token = env.PHONGDICH_SMS_GATEWAY_TOKEN ?? '';
  const reportToken = env.PHONGDICH_SMS_REPORT_TOKEN ?? '';
  if (!/^https?:\/\//.test(url) || !token || reportToken.length < 16)
    throw new Error(
      'PHONGDICH_SMS_TRANSPORT=http needs PHONGDICH_SMS_GATEWAY_URL (http/https), PHONGDICH_SMS_GATEWAY_TOKEN and PHONGDICH_SMS_REPORT_TOKEN (16+ characters)',
    );
  return {
    url,
    token,
    sender: env.PHONGDICH_SMS_SENDER ?? 'PHONGDICH',
    reportToken,
    timeoutMs: Number(env.PHONGDICH_SMS_TIMEOUT_MS ?? 10_000),
  };
}

/** Comma-separated list, blanks dropped. */
function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const host = env.HOST ?? '127.0.0.1';
  const production = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL || undefined;
  const secret = env.PHONGDICH_SECRET ?? (production ? '' : 'dev-secret-not-for-production');
  if (!secret) throw new Error('PHONGDICH_SECRET must be set when NODE_ENV=production');
  const dataDir = path.resolve(env.PHONGDICH_DATA_DIR ?? '.data');
  const headEvery = Number(env.PHONGDICH_AUDIT_HEAD_INTERVAL_SECONDS ?? 10);
  if (!(headEvery > 0)) throw new Error('PHONGDICH_AUDIT_HEAD_INTERVAL_SECONDS must be a positive number');
  const messageTransport = env.PHONGDICH_SMS_TRANSPORT ?? 'dev';
  if (messageTransport !== 'dev' && messageTransport !== 'http')
    throw new Error('PHONGDICH_SMS_TRANSPORT must be dev or http');
  // The dev transport sends nothing: in production no citizen would ever get a code.
  if (production && messageTransport === 'dev')
    throw new Error('NODE_ENV=production needs a real SMS transport: set PHONGDICH_SMS_TRANSPORT=http');
  return {
    port,
    host,
    databaseUrl,
    dataDir,
    logLevel: env.LOG_LEVEL ?? 'info',
    unitStructure: parseUnitStructure(env.PHONGDICH_UNIT_STRUCTURE),
    demo: env.PHONGDICH_DEMO ? env.PHONGDICH_DEMO !== '0' : !databaseUrl,
    publicUrl: env.PUBLIC_URL ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    secret,
    auditSecret: env.PHONGDICH_AUDIT_SECRET || secret,
    auditHeadsDir: path.resolve(env.PHONGDICH_AUDIT_HEADS_DIR ?? path.join(dataDir, 'audit-heads')),
    auditHeadEverySeconds: headEvery,
    webDist: path.resolve(env.PHONGDICH_WEB_DIST ?? 'apps/web/dist'),
    messageTransport,
    sms: messageTransport === 'http' ? smsGateway(env) : null,
    production,
    trustedProxies: list(env.PHONGDICH_TRUSTED_PROXIES),
  };
}
