import fs from 'node:fs';
import path from 'node:path';
import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { canonical, GENESIS } from './entry-crypto';
import type { AuditKeys } from './audit-keys';
import type { ChainHead } from '@phongdich/contracts/audit';

/**
 * A signed chain head: "at `time`, the audit chain had `count` entries and its newest link, number
 * `sealSeq`, was `chainHash`". Heads are written outside the database, one JSON line each, to
 * append-only daily files an operator can copy elsewhere; each names the one before (`prev`, the
 * SHA-256 of its line), so a head removed from the middle shows too. Verification checks the chain in
 * the database against every head: an entry changed, removed, renumbered or inserted at or before a
 * head changes the link the head signed; entries missing after a head show as truncation.
 */
export type { ChainHead };

export type UnsignedHead = Omit<ChainHead, 'v' | 'prev' | 'sig'>;

const FILE = /^audit-heads-\d{4}-\d{2}-\d{2}\.jsonl$/;

function signedText(h: Omit<ChainHead, 'sig'>): string {
  return canonical({
    v: h.v,
    sealSeq: h.sealSeq,
    chainHash: h.chainHash,
    count: h.count,
    time: h.time,
    prev: h.prev,
  });
}

export const lineHash = (line: string) => createHash('sha256').update(line).digest('hex');

export interface HeadProblem {
  /** 1-based position of the head among all heads read, oldest first. */
  index: number;
  reason: 'malformed' | 'signature' | 'link' | 'order';
}

/** The directory of published heads: the sealer appends, verification and the API read. */
export class HeadStore {
  private last: { line: string; head: ChainHead | null } | null | undefined;

  constructor(
    readonly dir: string,
    private readonly keys: Pick<AuditKeys, 'headsPrivate' | 'headsPublic'>,
  ) {}

  /** The public key heads verify with (SPKI PEM), published with them. */
  publicKeyPem(): string {
    return this.keys.headsPublic.export({ type: 'spki', format: 'pem' }).toString();
  }

  private files(): string[] {
    if (!fs.existsSync(this.dir)) return [];
    return fs
      .readdirSync(this.dir)
      .filter((f) => FILE.test(f))
      .sort();
  }

  /** Every line of every file, oldest first. */
  lines(): string[] {
    const out: string[] = [];
    for (const f of this.files())
      for (const line of fs.readFileSync(path.join(this.dir, f), 'utf8').split('\n'))
        if (line) out.push(line);
    return out;
  }

  /** Heads published after `since` (all when null), oldest first, at most `limit`. */
  page(since: string | null, limit: number): { heads: ChainHead[]; more: boolean } {
    const day = since?.slice(0, 10);
    const heads: ChainHead[] = [];
    for (const f of this.files()) {
      if (day && f.slice('audit-heads-'.length, -'.jsonl'.length) < day) continue;
      for (const line of fs.readFileSync(path.join(this.dir, f), 'utf8').split('\n')) {
        // A line that is not a head (edited) is left out here; verification reports it.
        const h = parseHead(line);
        if (!h || (since && h.time <= since)) continue;
        if (heads.length === limit) return { heads, more: true };
        heads.push(h);
      }
    }
    return { heads, more: false };
  }

  /** The newest head written (read from disk once, then remembered). */
  latest(): ChainHead | null {
    if (this.last === undefined) {
      const lines = this.lines();
      const line = lines[lines.length - 1];
      this.last = line ? { line, head: parseHead(line) } : null;
    }
    return this.last?.head ?? null;
  }

  /** Signs and appends a head, flushed to disk before it returns. */
  append(h: UnsignedHead): ChainHead {
    this.latest();
    const unsigned = { v: 1 as const, ...h, prev: this.last ? lineHash(this.last.line) : GENESIS };
    const head: ChainHead = {
      ...unsigned,
      sig: sign(null, Buffer.from(signedText(unsigned)), this.keys.headsPrivate).toString('base64url'),
    };
    const line = JSON.stringify(head);
    fs.mkdirSync(this.dir, { recursive: true });
    const fd = fs.openSync(path.join(this.dir, `audit-heads-${h.time.slice(0, 10)}.jsonl`), 'a', 0o640);
    try {
      fs.writeSync(fd, `${line}\n`);
      fs.fdatasyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    this.last = { line, head };
    return head;
  }

  /** Parses and checks every head: signature, link to the one before, order. */
  read(): { heads: ChainHead[]; problems: HeadProblem[] } {
    return checkHeads(this.lines(), this.keys.headsPublic);
  }
}

function parseHead(line: string): ChainHead | null {
  try {
    const h = JSON.parse(line) as ChainHead;
    return h && typeof h === 'object' && typeof h.time === 'string' ? h : null;
  } catch {
    return null;
  }
}

export function checkHeads(
  lines: string[],
  publicKey: KeyObject,
): { heads: ChainHead[]; problems: HeadProblem[] } {
  const heads: ChainHead[] = [];
  const problems: HeadProblem[] = [];
  let prevLine: string | null = null;
  let prev: ChainHead | null = null;
  lines.forEach((line, i) => {
    const index = i + 1;
    let h: ChainHead;
    try {
      h = JSON.parse(line) as ChainHead;
    } catch {
      problems.push({ index, reason: 'malformed' });
      return;
    }
    if (
      h?.v !== 1 ||
      !Number.isInteger(h.sealSeq) ||
      !Number.isInteger(h.count) ||
      typeof h.chainHash !== 'string' ||
      typeof h.time !== 'string' ||
      typeof h.prev !== 'string' ||
      typeof h.sig !== 'string'
    ) {
      problems.push({ index, reason: 'malformed' });
      return;
    }
    if (!verify(null, Buffer.from(signedText(h)), publicKey, Buffer.from(h.sig, 'base64url'))) {
      // Not ours: not used to judge the chain.
      problems.push({ index, reason: 'signature' });
      return;
    }
    if (h.prev !== (prevLine ? lineHash(prevLine) : GENESIS)) problems.push({ index, reason: 'link' });
    else if (prev && (h.sealSeq < prev.sealSeq || h.time < prev.time))
      problems.push({ index, reason: 'order' });
    heads.push(h);
    prevLine = line;
    prev = h;
  });
  return { heads, problems };
}
