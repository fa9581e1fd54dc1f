// Issue #10 (units10): a campaign's area holds a site by the one jurisdiction rule, its map included.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { areaHolds, type CampaignArea } from './vaccination.reach';

import { baDinh2025, trucBach2021 } from '../../test-support/same-code-locations';

describe('a campaign area holds the sites under its unit, on its own map', () => {
  const area = (
    code: string,
    structure: CampaignArea['unit_structure'],
    level: CampaignArea['area_level'],
  ) => ({
    area_code: code,
    unit_structure: structure,
    area_level: level,
  });

  it('a 2021 commune’s campaign does not hold the 2025 commune that kept its code', () => {
    assert.equal(areaHolds(area('00004', 'pre2025', 'commune'), baDinh2025), false);
    assert.equal(areaHolds(area('00004', 'pre2025', 'commune'), trucBach2021), true);
    assert.equal(areaHolds(area('00004', '2025', 'commune'), baDinh2025), true);
  });

  it('a province or district holds what lies under it; an area missing from its map holds nothing', () => {
    assert.equal(areaHolds(area('01', '2025', 'province'), baDinh2025), true);
    assert.equal(areaHolds(area('01', 'pre2025', 'province'), baDinh2025), false);
    assert.equal(areaHolds(area('001', 'pre2025', 'district'), trucBach2021), true);
    assert.equal(areaHolds(area('001', '2025', null), baDinh2025), false);
  });
});
