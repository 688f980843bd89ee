import type { Executor } from "../db/index.ts";
import { findIssuingUnit } from "../units/units.service.ts";
import { placeNameOf, unitSymbolOf, type Issuer } from "./decree30.ts";

/** A unit as the author of a document: the header's issuer, its symbol in numbers and its place name. */
export interface IssuingUnit {
  issuer: Issuer;
  unitSymbol: string;
  place: string;
}

/** The issuing unit of a document in the Decree 30 layout (blank names for an unknown unit). */
export async function issuingUnitOf({ db, unitId }: { db: Executor; unitId: string }): Promise<IssuingUnit> {
  const unit = (await findIssuingUnit({ db, unitId })) ?? { name: "", shortName: "", superiorName: null };
  return {
    issuer: { superiorName: unit.superiorName, name: unit.name },
    unitSymbol: unitSymbolOf(unit.shortName || unit.name),
    place: placeNameOf(unit.name, unit.superiorName),
  };
}
