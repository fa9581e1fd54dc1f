import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { foldVietnamese } from './fold';

describe('foldVietnamese', () => {
  it('removes diacritics and maps đ to d', () => {
    assert.equal(foldVietnamese('Nguyễn Thị Đặng'), 'nguyen thi dang');
    assert.equal(foldVietnamese('Thành phố Thủ Đức'), 'thanh pho thu duc');
    assert.equal(foldVietnamese('Đắk Lắk'), 'dak lak');
  });
  it('treats composed and decomposed input alike', () => {
    assert.equal(foldVietnamese('Hà Nội'.normalize('NFD')), foldVietnamese('Hà Nội'.normalize('NFC')));
  });
  it('collapses punctuation and spaces', () => {
    assert.equal(foldVietnamese('  Hồ   Chí-Minh, '), 'ho chi minh');
  });
});
