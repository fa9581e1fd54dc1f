/** Verification of the audit chain (keyed chain and signed heads, issue #8 item 7). */
export const auditChainVi = {
  ok: 'Chuỗi nhật ký toàn vẹn: {{checked}} bản ghi đã kiểm tra bằng khóa, đối chiếu với {{heads}} mốc đã ký.',
  legacy: '{{count}} bản ghi niêm phong trước khi chuỗi có khóa được kiểm tra bằng băm không khóa.',
  unsealed: '{{count}} bản ghi mới chưa được niêm phong.',
  lastHead: 'Mốc đã ký gần nhất: bản ghi thứ {{sealSeq}}, lúc {{time}}.',
  noHead: 'Chưa có mốc đã ký nào: hãy chép thư mục mốc ra ngoài máy chủ thường xuyên.',
  broken: 'Chuỗi nhật ký KHÔNG toàn vẹn ({{checked}} bản ghi hợp lệ trước chỗ hỏng).',
  brokenAt: 'Bản ghi liên quan: {{id}}.',
  problems: {
    gap: 'Thiếu bản ghi ở giữa chuỗi (số thứ tự bị đứt).',
    link: 'Liên kết tới bản ghi trước không khớp (bản ghi bị xóa, đánh số lại hoặc đổi chỗ).',
    hash: 'Mã liên kết không khớp với khóa (nội dung, vị trí hoặc mã băm đã bị sửa).',
    mac: 'Nội dung bản ghi không phải nội dung ứng dụng đã ghi (bị sửa).',
    unkeyed: 'Bản ghi không khóa xuất hiện sau bản ghi có khóa (bị ghi lại bằng băm tính lại).',
    head: 'Chuỗi không khớp với mốc đã ký tại vị trí này.',
    truncated: 'Thiếu các bản ghi mới nhất mà một mốc đã ký đã bao gồm (chuỗi bị cắt).',
    heads: 'Tệp mốc đã ký bị sửa (chữ ký, liên kết hoặc thứ tự sai).',
    rejected:
      'Có {{count}} bản ghi không do ứng dụng ghi (chèn thẳng vào cơ sở dữ liệu); đã bị từ chối, không đưa vào chuỗi.',
    forged: 'Có bản ghi đang chờ không do ứng dụng ghi.',
    duplicate: 'Có bản ghi bị sao chép.',
    unchained: 'Có bản ghi mang mã băm nhưng không nằm trong chuỗi.',
  },
};

export const auditChainEn: typeof auditChainVi = {
  ok: 'The log chain is intact: {{checked}} entries checked with the key, against {{heads}} signed heads.',
  legacy: '{{count}} entries sealed before the chain was keyed were checked with their unkeyed hash.',
  unsealed: '{{count}} new entries are not sealed yet.',
  lastHead: 'Newest signed head: entry {{sealSeq}}, at {{time}}.',
  noHead: 'No signed head yet: copy the heads folder off the server regularly.',
  broken: 'The log chain is NOT intact ({{checked}} valid entries before the break).',
  brokenAt: 'Entry concerned: {{id}}.',
  problems: {
    gap: 'An entry is missing from the middle of the chain (the numbering breaks).',
    link: 'The link to the previous entry does not match (an entry removed, renumbered or moved).',
    hash: 'The link does not match with the key (content, position or hash changed).',
    mac: 'The entry’s content is not what the application wrote (altered).',
    unkeyed: 'An unkeyed entry follows keyed ones (rewritten with recomputed hashes).',
    head: 'The chain does not match the signed head at this position.',
    truncated: 'The newest entries a signed head covered are missing (the chain was cut).',
    heads: 'The signed heads file was altered (signature, link or order wrong).',
    rejected:
      '{{count}} entries were not written by the application (inserted into the database); refused, not chained.',
    forged: 'A waiting entry was not written by the application.',
    duplicate: 'An entry was copied.',
    unchained: 'An entry carries a hash but has no place in the chain.',
  },
};
