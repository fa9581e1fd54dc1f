import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { typeFromFullName } from './geo.data';

describe('typeFromFullName', () => {
  it('takes the type from the full name, telling municipalities from provincial cities', () => {
    assert.equal(typeFromFullName('Thành phố Hà Nội', 1).type, 'Thành phố Trung ương');
    assert.equal(typeFromFullName('Thành phố Thủ Đức', 2).type, 'Thành phố');
    assert.equal(typeFromFullName('Tỉnh Đắk Lắk', 1).type, 'Tỉnh');
    assert.equal(typeFromFullName('Thị trấn Đông Anh', 3).type, 'Thị trấn');
    assert.equal(typeFromFullName('Thị xã Sơn Tây', 2).type, 'Thị xã');
    assert.equal(typeFromFullName('Đặc khu Phú Quốc', 3).type, 'Đặc khu');
  });

  it('restores a lost capital and refuses an unknown type', () => {
    assert.deepEqual(typeFromFullName('xã Bắc Sơn', 3), { type: 'Xã', fullName: 'Xã Bắc Sơn' });
    assert.throws(() => typeFromFullName('Làng Vũ Đại', 3), /unknown administrative unit type/);
  });
});
