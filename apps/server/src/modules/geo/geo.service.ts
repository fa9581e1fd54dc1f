import {
  UNIT_SEARCH_DEFAULT_LIMIT,
  UNIT_SEARCH_MAX_LIMIT,
  type UnitDetail,
  type UnitSearchQuery as UnitQuery,
} from '@phongdich/contracts/geo';
import { foldVietnamese } from '@phongdich/domain';
import type { Db } from '../../core/db/db';
import type { Actor } from '../../core/auth/actor';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import * as repo from './geo.repository';
import type { Structure, Unit } from './geo.repository';
import { deploymentStructure } from '../../core/units/deployment';

export { locationOfCommune, unitNames } from './geo.repository';
export type { Structure, Unit };

/**
 * Administrative units are public reference data: no audit, any actor (even anonymous) may read.
 * Without `structure`, the deployment's map is searched (the unit pickers follow it).
 */
export function geoService(db: Db) {
  async function requireUnit(structure: Structure, code: string): Promise<Unit> {
    const unit = await repo.findUnit(db, structure, code);
    if (!unit) throw new AppError('UNIT_NOT_FOUND');
    return unit;
  }

  return {
    async search(actor: Actor, query: UnitQuery): Promise<Unit[]> {
      authorize(actor, 'unit.read');
      const filter = {
        structure: query.structure ?? (await deploymentStructure(db)),
        level: query.level,
        parentCode: query.parentCode,
        limit: Math.min(query.limit ?? UNIT_SEARCH_DEFAULT_LIMIT, UNIT_SEARCH_MAX_LIMIT),
      };
      const raw = query.q?.trim() ?? '';
      if (!raw) return repo.listUnits(db, filter);
      const folded = foldVietnamese(raw);
      // Only punctuation: nothing to match on but the code itself.
      return repo.searchUnits(db, filter, raw, folded || raw);
    },

    async get(actor: Actor, code: string, asked?: Structure): Promise<UnitDetail> {
      authorize(actor, 'unit.read');
      const structure = asked ?? (await deploymentStructure(db));
      const unit = await requireUnit(structure, code);
      const [ancestors, childCount] = await Promise.all([
        repo.ancestorsOf(db, structure, unit),
        repo.countChildren(db, structure, code),
      ]);
      if (structure !== 'pre2025') return { unit, ancestors, childCount };
      const mapping2025 = await repo.mappedTo2025(db, code);
      return { unit, ancestors, childCount, ...(mapping2025.length ? { mapping2025 } : {}) };
    },

    async children(actor: Actor, code: string, asked?: Structure): Promise<Unit[]> {
      authorize(actor, 'unit.read');
      const structure = asked ?? (await deploymentStructure(db));
      await requireUnit(structure, code);
      return repo.childrenOf(db, structure, code);
    },
  };
}

export type GeoService = ReturnType<typeof geoService>;
