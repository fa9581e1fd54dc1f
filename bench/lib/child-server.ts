import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const childScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'checkins-child.ts');

export interface ChildServer {
  child: ChildProcess;
  url: string;
  cookie: string;
  tokens: string[];
  /** Settles when the child has exited (by itself, by stop() or killed). */
  exited: Promise<void>;
  /** Check-in group commits so far, as the child's database counts them. */
  commits(): Promise<number>;
  /** Closes stdin: the child closes the app and the database and exits. */
  stop(): Promise<void>;
}

/** Starts bench/lib/checkins-child.ts on `dataDir`, optionally under a wrapper command (strace …). */
export async function startChildServer(dataDir: string, wrapper: string[] = []): Promise<ChildServer> {
  const argv = [...wrapper, process.execPath, '--import', 'tsx', childScript, dataDir];
  const child = spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const replies: ((line: string) => void)[] = [];
  const lines = readline.createInterface({ input: child.stdout! });
  lines.on('line', (line) => replies.shift()?.(line));
  const next = () =>
    new Promise<string>((resolve, reject) => {
      replies.push(resolve);
      void exited.then(() => reject(new Error('child server exited')));
    });
  const ready = JSON.parse(await next()) as { url: string; cookie: string; tokens: string[] };
  return {
    child,
    ...ready,
    exited,
    async commits() {
      const reply = next();
      child.stdin!.write('commits\n');
      return (JSON.parse(await reply) as { commits: number }).commits;
    },
    async stop() {
      child.stdin!.end();
      await exited;
    },
  };
}
