import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseNamedContacts } from './index';

describe('named contacts from the investigation answer', () => {
  it('reads a name, a mobile number in any typed form and a CCCD per line', () => {
    const got = parseNamedContacts(
      'Nguyễn Văn An - SĐT: 0912.345.678\nTRẦN THỊ BÌNH, CCCD 001199012345; chị Hoa +84 983 111 222\n\n',
    );
    assert.deepEqual(got, [
      { name: 'Nguyễn Văn An', nameFolded: 'nguyen van an', phones: ['+84912345678'], ids: [] },
      {
        name: 'Trần Thị Bình',
        nameFolded: 'tran thi binh',
        phones: [],
        ids: [{ kind: 'cccd', value: '001199012345' }],
      },
      { name: 'Chị Hoa', nameFolded: 'chi hoa', phones: ['+84983111222'], ids: [] },
    ]);
  });

  it('keeps a line with only a number or only a name, and skips empty punctuation', () => {
    const got = parseNamedContacts('0987654321\nbác Tư bán nước\n - , ;');
    assert.equal(got.length, 2);
    assert.deepEqual(got[0]!.phones, ['+84987654321']);
    assert.equal(got[0]!.name, null);
    assert.equal(got[1]!.name, 'Bác Tư Bán Nước');
    assert.deepEqual(got[1]!.phones, []);
  });

  it('reads a 9-digit CMND and ignores numbers that are neither (a house number, a year)', () => {
    const got = parseNamedContacts('Lê Văn Cường CMND 123456789 nhà số 12, sinh 1985');
    assert.deepEqual(got[0]!.ids, [{ kind: 'cmnd', value: '123456789' }]);
    assert.deepEqual(got[0]!.phones, []);
  });
});
