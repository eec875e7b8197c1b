import { emailCell, phoneCell } from './contacts.js';
import { address, demoName, landKind } from './names.js';
import { KECAMATAN, type Kecamatan, OKI_REGION, STREETS } from './oki.js';
import type { Rng } from '../../platform/rng.js';
import { type DemoTaxType, PRIMARY_WEIGHTS, TAX_TYPES } from './tax-types.js';

/** How reliably a taxpayer pays: most pay on time, a few let bills pile up. */
export interface Compliance {
  pays: number;
  onTime: number;
}

const COMPLIANCE: readonly (readonly [Compliance, number])[] = [
  [{ pays: 0.97, onTime: 0.85 }, 60],
  [{ pays: 0.85, onTime: 0.5 }, 28],
  [{ pays: 0.35, onTime: 0.2 }, 12],
];

const KECAMATAN_WEIGHTS = KECAMATAN.map((k) => [k, k.weight] as const);

export interface DemoObject {
  taxType: DemoTaxType;
  namaObjek: string;
  nop: string | null;
  taxTypeLabel: string;
  /** The object's usual principal per bill, before month-to-month variation. */
  base: number;
  /** Monthly objects opened this many masas into the demo window (new businesses). */
  opensAfter: number;
}

export interface DemoTaxpayer {
  npwpd: string;
  namaWp: string;
  alamat: string;
  kecamatan: string;
  kelurahan: string;
  rawPhone: string | null;
  rawEmail: string | null;
  compliance: Compliance;
  objects: DemoObject[];
}

/** Hands out NOP serials per desa so that no two objects share a NOP. */
export class NopRegistry {
  private readonly next = new Map<string, number>();

  assign(rng: Rng, kecamatan: Kecamatan, desa: string): string {
    const desaCode = String(kecamatan.desa.indexOf(desa) + 1).padStart(3, '0');
    const key = `${kecamatan.nopCode}.${desaCode}`;
    const count = this.next.get(key) ?? 0;
    if (count >= 20 * 9999) throw new RangeError(`demo NOP serials exhausted in ${key}`);
    this.next.set(key, count + 1);
    // Blocks 001–020 fill side by side, as a village's blocks do; the serial counts within a block.
    const block = String((count % 20) + 1).padStart(3, '0');
    const serial = String(Math.floor(count / 20) + 1).padStart(4, '0');
    const kind = rng.chance(0.05) ? '7' : '0';
    return `${OKI_REGION}.${key}.${block}-${serial}.${kind}`;
  }
}

/** Taxpayer number `index` (0-based): who they are, where, how they pay and what they own. */
export function demoTaxpayer(rng: Rng, index: number, consultants: readonly string[], nops: NopRegistry): DemoTaxpayer {
  const primary = rng.weighted(PRIMARY_WEIGHTS);
  const kecamatan = rng.weighted(KECAMATAN_WEIGHTS);
  const desa = rng.pick(kecamatan.desa);
  const name = demoName(rng, primary, desa);
  const landOwner = primary === 'PBB_P2' || primary === 'BPHTB';
  const consultant = !landOwner && rng.chance(0.06) ? rng.pick(consultants) : null;
  const objects = [demoObject(rng, primary, name.namaObjek, landOwner ? nops.assign(rng, kecamatan, desa) : null)];
  for (const [taxType, share, objectName] of extras(primary, name.namaObjek)) {
    if (!rng.chance(share)) continue;
    const plot = taxType === 'PBB_P2';
    objects.push(demoObject(rng, taxType, plot ? landKind(rng) : objectName, plot ? nops.assign(rng, kecamatan, rng.pick(kecamatan.desa)) : null));
  }
  return {
    npwpd: `P.${name.badan ? 2 : 1}.${String(100_001 + index).padStart(7, '0')}.${OKI_REGION}`,
    namaWp: name.namaWp,
    alamat: address(rng, STREETS, desa, kecamatan.name === 'Kota Kayuagung'),
    kecamatan: kecamatan.name,
    kelurahan: desa,
    rawPhone: phoneCell(rng, consultant),
    rawEmail: emailCell(rng, name.namaObjek, name.badan || !landOwner),
    compliance: rng.weighted(COMPLIANCE),
    objects,
  };
}

/** Second objects that go with a first: a hotel's restaurant and car park, a shop's sign, a plot of land. */
function extras(primary: DemoTaxType, objectName: string): [DemoTaxType, number, string][] {
  switch (primary) {
    case 'PBJT_HOTEL':
      return [
        ['PBJT_MAKMIN', 0.4, `Restoran ${objectName}`],
        ['PBJT_PARKIR', 0.3, `Parkir ${objectName}`],
        ['AIR_TANAH', 0.25, `Sumur Bor ${objectName}`],
        ['PBB_P2', 0.3, ''],
      ];
    case 'PBJT_MAKMIN':
      return [
        ['REKLAME', 0.08, `Papan Nama ${objectName}`],
        ['PBJT_PARKIR', 0.04, `Parkir ${objectName}`],
        ['PBB_P2', 0.12, ''],
      ];
    case 'PBB_P2':
      return [['PBB_P2', 0.2, '']];
    case 'BPHTB':
      return [];
    default:
      return [['PBB_P2', 0.12, '']];
  }
}

function demoObject(rng: Rng, taxType: DemoTaxType, namaObjek: string, nop: string | null): DemoObject {
  const profile = TAX_TYPES[taxType];
  const { min, max, skew } = profile.amount;
  return {
    taxType,
    namaObjek,
    nop,
    // The current name is as common as all the old ones together.
    taxTypeLabel: rng.weighted(profile.labels.map((label, i) => [label, i === 0 ? Math.max(1, profile.labels.length - 1) : 1] as const)),
    base: rng.amount(min, max, skew),
    opensAfter: rng.chance(0.1) ? rng.int(1, 11) : 0,
  };
}
