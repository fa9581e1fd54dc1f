/**
 * Set-up for the lab browser tests through the real sampling API: people, a session sent to the demo
 * lab (CDC Hà Nội), tubes linked by the sampler, sealed, shipped and received by the lab technician.
 */
import { randomUUID } from 'node:crypto';
import { ApiSession } from './api';
import type { TestServer } from './server';

export const DEMO_LAB_ID = '5a3b0000-0000-4000-8000-000000000001';

export interface LabWorld {
  officer: ApiSession;
  sampler: ApiSession;
  tech: ApiSession;
  supervisor: ApiSession;
}

async function signedIn(server: TestServer, role: string, note?: string): Promise<ApiSession> {
  const s = new ApiSession(server.url);
  const a = server.demoAccount(role, note);
  await s.login(a.login, a.secret);
  return s;
}

export async function labWorld(server: TestServer): Promise<LabWorld> {
  return {
    officer: await signedIn(server, 'commune_officer', 'Phúc Xá'),
    sampler: await signedIn(server, 'sampler'),
    tech: await signedIn(server, 'lab_technician'),
    supervisor: await signedIn(server, 'lab_supervisor'),
  };
}

export async function createPeople(
  w: LabWorld,
  people: { fullName: string; birthYear?: number; phones?: string[] }[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const p of people) {
    const created = await w.officer.request<{ id: string }>('POST', '/api/people', {
      fullName: p.fullName,
      birthYear: p.birthYear ?? 1990,
      sex: 'female',
      communeCode: '00001',
      ...(p.phones && { phones: p.phones }),
    });
    ids.push(created.id);
  }
  return ids;
}

/** One tube per group of people (a group of several is a pool), received at the demo lab. */
export async function receivedTubes(w: LabWorld, groups: string[][]): Promise<string[]> {
  const today = new Date().toISOString().slice(0, 10);
  const session = await w.officer.request<{ id: string }>('POST', '/api/testing/sessions', {
    name: `Xét nghiệm thử ${randomUUID().slice(0, 6)}`,
    kind: 'mass',
    testType: 'rt_pcr',
    communeCode: '00001',
    date: today,
    poolSize: 10,
    labId: DEMO_LAB_ID,
  });
  const labels = await w.officer.request<{ barcodes: string[] }>('POST', '/api/testing/labels', {
    count: groups.length,
    testType: 'rt_pcr',
    sessionId: session.id,
  });
  for (const [i, group] of groups.entries()) {
    const barcode = labels.barcodes[i]!;
    for (const personId of group) {
      await w.sampler.request('POST', '/api/testing/samples', {
        id: randomUUID(),
        barcode,
        personId,
        sessionId: session.id,
        sampleType: 'nasopharyngeal',
        collectedAt: new Date(Date.now() - 3600_000).toISOString(),
      });
    }
    await w.sampler.request('POST', `/api/testing/tubes/${encodeURIComponent(barcode)}/close`, {});
  }
  const manifest = await w.sampler.request<{ id: string }>('POST', '/api/testing/shipments', {
    labId: DEMO_LAB_ID,
    barcodes: labels.barcodes,
    carrier: 'Xe cứu thương 01',
    sentAt: new Date().toISOString(),
  });
  await w.tech.request('POST', `/api/testing/shipments/${manifest.id}/receive`, {
    barcodes: labels.barcodes,
  });
  return labels.barcodes;
}

export async function release(w: LabWorld, results: [string, 'positive' | 'negative'][]): Promise<void> {
  for (const [barcode, result] of results) {
    await w.tech.request('POST', '/api/lab/results', { barcode, result });
  }
  await w.supervisor.request('POST', '/api/lab/results/verify', { barcodes: results.map(([b]) => b) });
}
