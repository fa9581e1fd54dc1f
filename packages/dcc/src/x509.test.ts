import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fromBase64 } from './bytes';
import { encodeHcert } from './hcert';
import { generateSigningKeyPair } from './keys';
import { schemaExample } from './test-support';
import { verifyHcert } from './verify';
import { certificateAllowedTypes } from './x509';

// Self-signed P-256 signer certificates made for this test with
//   openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=…/C=VN" \
//     [-addext "extendedKeyUsage=…"] -days 3650 -outform der
/** extendedKeyUsage = serverAuth only: present, naming no DCC type. */
const EKU_NO_DCC =
  'MIIBujCCAWCgAwIBAgIUAyuExSnpyQ7B+JKvacIocKSvdUcwCgYIKoZIzj0EAwIwKDEZMBcGA1UEAwwQRFNDIG5vIERDQyB1c2FnZTELMAkGA1UEBhMCVk4wHhcNMjYxMjAxMTAzNDM4WhcNMzYxMTI4MTAzNDM4WjAoMRkwFwYDVQQDDBBEU0Mgbm8gRENDIHVzYWdlMQswCQYDVQQGEwJWTjBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABORtsOli45jFCJ2N2tY2IZQUxTBHuyilnplcciHFkrFCEczSG7Pz2jvVpBhLh4taGiYRlhajzfLW3RSiJdABBQujaDBmMB0GA1UdDgQWBBQ30PmwC/F3jEG8A2sQ3n4eGTXiOjAfBgNVHSMEGDAWgBQ30PmwC/F3jEG8A2sQ3n4eGTXiOjAPBgNVHRMBAf8EBTADAQH/MBMGA1UdJQQMMAoGCCsGAQUFBwMBMAoGCCqGSM49BAMCA0gAMEUCIQCmS2WlttnEMth9TO3ibyuIVuvobUr/4nnRqrd+y5cgqAIgY9dnX/6QgJUT/Aho4odlVS7EUiDfIjudhc2PjphW4kU=';
/** extendedKeyUsage = 1.3.6.1.4.1.1847.2021.1.1: test certificates only. */
const EKU_TEST_ONLY =
  'MIIBtzCCAV2gAwIBAgIUI1YUTZQZs3cyOm/7ZclIHDXbNZowCgYIKoZIzj0EAwIwJTEWMBQGA1UEAwwNRFNDIHRlc3Qgb25seTELMAkGA1UEBhMCVk4wHhcNMjYxMjAxMTAzNDM4WhcNMzYxMTI4MTAzNDM4WjAlMRYwFAYDVQQDDA1EU0MgdGVzdCBvbmx5MQswCQYDVQQGEwJWTjBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABJ3tBxdomwzSudX9adGBm1BV30vBWqGO4cPCR/2//AXoedKS/lKwjLQZ54DqoRP0unm5SRenFwK2q4Ax2LcKKoCjazBpMB0GA1UdDgQWBBRSvlzXUtdheUH/oSl3Pc5Mm3F1njAfBgNVHSMEGDAWgBRSvlzXUtdheUH/oSl3Pc5Mm3F1njAPBgNVHRMBAf8EBTADAQH/MBYGA1UdJQQPMA0GCysGAQQBjjePZQEBMAoGCCqGSM49BAMCA0gAMEUCIQDEWbcBr3RPsPmoezfWWIdXtev7hdNLXmJhrGa5S7CKngIgSK7hrUx3AHsWOQcH39NkvOkFf//pYFB7UfS3uLHx+NQ=';
/** No extendedKeyUsage extension at all. */
const NO_EKU =
  'MIIBkzCCATmgAwIBAgIUbDOIFjWF+b/UQO4Qy5xW1aIcK5kwCgYIKoZIzj0EAwIwHzEQMA4GA1UEAwwHRFNDIGFueTELMAkGA1UEBhMCVk4wHhcNMjYxMjAxMTAzNDM4WhcNMzYxMTI4MTAzNDM4WjAfMRAwDgYDVQQDDAdEU0MgYW55MQswCQYDVQQGEwJWTjBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABJu2bDKUS6a36wFOTmaXobbINYVglmkFx8KapEVrJBNGJJFT3eXzjVPk5pPQS/odEUhtO9YvJmzlUEKwQOv2ECmjUzBRMB0GA1UdDgQWBBTgrPnS162cJsm2p36siw3ZhOqkvzAfBgNVHSMEGDAWgBTgrPnS162cJsm2p36siw3ZhOqkvzAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0gAMEUCICfTw1Yk+CyMlGl/9ffObf7H6qKWnFSUFgMQne0Pq+/ZAiEA4uqPRypcrnZOlYE/zD1bikZeGqwj3yt/WZmeF5KtXKo=';

describe('signer extended key usage (DCC types a signer may issue)', () => {
  test('no extended key usage: every type', () => {
    assert.deepEqual(certificateAllowedTypes(fromBase64(NO_EKU)).sort(), ['r', 't', 'v']);
  });

  test('a DCC usage names the types it allows', () => {
    assert.deepEqual(certificateAllowedTypes(fromBase64(EKU_TEST_ONLY)), ['t']);
  });

  test('an extended key usage naming only other usages allows no DCC type (it is not "no restriction")', () => {
    assert.deepEqual(certificateAllowedTypes(fromBase64(EKU_NO_DCC)), []);
  });

  test('a verifier rejects a test certificate from a signer whose usage names no DCC type', async () => {
    const signer = await generateSigningKeyPair('ES256');
    const hc1 = await encodeHcert({
      payload: schemaExample('test-simple-naat'),
      issuer: 'VN',
      issuedAt: new Date('2021-06-12T00:00:00Z'),
      expiresAt: new Date('2022-06-12T00:00:00Z'),
      kid: signer.kid,
      privateKey: signer.privateKey,
    });
    const check = (der: string) =>
      verifyHcert(hc1, {
        keys: () => signer.publicKey,
        now: new Date('2021-07-01T00:00:00Z'),
        allowedTypes: () => certificateAllowedTypes(fromBase64(der)),
      });
    const refused = await check(EKU_NO_DCC);
    assert.equal(refused.valid ? 'VALID' : refused.reason, 'KEY_USAGE');
    assert.equal((await check(EKU_TEST_ONLY)).valid, true);
    assert.equal((await check(NO_EKU)).valid, true);
  });
});
