import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { VerifierTrustList } from '@phongdich/contracts/trust-list';
import type { RevocationList } from '@phongdich/contracts/keys';
import { cachedTrustList, refreshTrustList } from './offline-verify';

const store = new Map<string, string>();
const signers: VerifierTrustList['signers'] = [
  { kid: 'k1', alg: 'ES256', publicKeySpki: 'AAAA', allowedTypes: ['t'], country: 'VN', source: 'own' },
];
const revocations: RevocationList = {
  asOf: '2026-12-02T00:00:00.000Z',
  items: [
    {
      type: 'DCC',
      id: 'URN:UVCI:01:VN:A#1',
      revokedAt: '2026-12-01T00:00:00.000Z',
      reinstatedAt: null,
      changedAt: '2026-12-01T00:00:00.000Z',
    },
    {
      type: 'QR',
      id: 'other',
      revokedAt: '2026-12-01T00:00:00.000Z',
      reinstatedAt: null,
      changedAt: '2026-12-01T00:00:00.000Z',
    },
  ],
};

describe('offline verifier trust list (browser store)', () => {
  beforeEach(() => {
    store.clear();
    Object.assign(globalThis, {
      localStorage: {
        getItem: (k: string) => store.get(k) ?? null,
        setItem: (k: string, v: string) => void store.set(k, v),
      },
      fetch: async (url: string) =>
        new Response(JSON.stringify(url.includes('revocations') ? revocations : { signers })),
    });
  });

  it("keeps the server's signer list as it came (contracts' VerifierTrustList) with the DCC revocations", async () => {
    const list = await refreshTrustList();
    assert.deepEqual(list?.signers, signers);
    assert.deepEqual(list?.revokedDcc, ['URN:UVCI:01:VN:A#1']);
    assert.deepEqual(cachedTrustList()?.signers, signers);
  });

  it('reads a list saved before, when its signers were called keys', () => {
    store.set(
      'phongdich.dcc.trust',
      JSON.stringify({ savedAt: '2026-11-30T00:00:00.000Z', keys: signers, revokedDcc: [] }),
    );
    assert.deepEqual(cachedTrustList(), { savedAt: '2026-11-30T00:00:00.000Z', signers, revokedDcc: [] });
  });
});
