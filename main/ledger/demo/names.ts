import type { Rng } from '../../platform/rng.js';
import type { DemoTaxType } from './tax-types.js';

/**
 * Names as they appear in an OKI ledger: Malay/Palembang and Javanese given names (transmigrant
 * villages in Lempuing and Mesuji), the Palembang titles Kemas/Kiagus/Masagus/Nyimas, and
 * `H.`/`Hj.` for those who made the hajj. Businesses carry their local forms: RM, Warung, Pempek,
 * Wisma, Penginapan, CV, PT, UD.
 */
const MALE = ['Ahmad', 'Muhammad', 'Rudi', 'Hendra', 'Dedi', 'Agus', 'Rahmat', 'Joko', 'Bambang', 'Hasan', 'Husin', 'Zainal', 'Syamsul', 'Yusuf', 'Abdullah', 'Ismail', 'Rizal', 'Fauzi', 'Suryadi', 'Darmawan', 'Sukirman', 'Wahyudi', 'Slamet', 'Iwan', 'Edi', 'Firdaus', 'Hamzah', 'Irwan', 'Junaidi', 'Mansyur', 'Nasrul', 'Ridwan', 'Sobri', 'Taufik', 'Umar', 'Yulianto', 'Zulkifli', 'Amir', 'Bahrul', 'Kurniawan'];
const FEMALE = ['Siti', 'Nur', 'Sri', 'Yanti', 'Fitri', 'Marlina', 'Herlina', 'Rosmala', 'Sumarni', 'Nurhayati', 'Aminah', 'Halimah', 'Komariah', 'Yuliana', 'Dewi', 'Rina', 'Wulandari', 'Ratna', 'Lestari', 'Maimunah', 'Rohani', 'Suryani', 'Eka', 'Fatimah', 'Indah', 'Juwita', 'Kartini', 'Murni', 'Purnama', 'Zaitun'];
const FAMILY = ['Saputra', 'Wijaya', 'Hidayat', 'Pratama', 'Setiawan', 'Susanto', 'Hartono', 'Gunawan', 'Effendi', 'Syahputra', 'Rahman', 'Hamid', 'Mahmud', 'Gani', 'Bakri', 'Rosidi', 'Zulkarnain', 'Sulaiman', 'Nasution', 'Harahap', 'Lubis', 'Siregar', 'Sutrisno', 'Purwanto', 'Wibowo', 'Handoko', 'Anwar', 'Ibrahim', 'Hasibuan', 'Yahya'];
const PALEMBANG_TITLES = { male: ['Kemas', 'Kiagus', 'Masagus'], female: ['Nyimas', 'Nyayu'] };

const DISHES = ['Pindang Pegagan', 'Pindang Patin', 'Pindang Baung', 'Pindang Meranjat', 'Pempek', 'Mie Celor', 'Tekwan', 'Model', 'Laksan', 'Burgo', 'Celimpungan', 'Martabak HAR', 'Ikan Seluang', 'Gulai Ikan', 'Bakso', 'Mie Ayam', 'Ayam Penyet', 'Sate Padang', 'Nasi Padang', 'Soto Betawi', 'Pecel Lele', 'Ayam Geprek'];
const NICE = ['Sederhana', 'Sri Melayu', 'Family', 'Bahagia', 'Sumber Rejeki', 'Asri', 'Indah', 'Jaya', 'Lestari', 'Mulia', 'Sriwijaya', 'Bende Seguguk', 'Permata', 'Melati', 'Cempaka', 'Kenanga', 'Nusantara', 'Teratai', 'Musi', 'Komering', 'Ogan', 'Barokah', 'Berkah', 'Harapan', 'Mandiri', 'Sentosa', 'Makmur', 'Putra', 'Putri', 'Citra'];
const COMPANY = ['Sinar', 'Bumi', 'Karya', 'Tunas', 'Mitra', 'Sumber', 'Agro', 'Sawit', 'Cahaya', 'Prima', 'Graha', 'Surya', 'Anugerah'];

export interface DemoName {
  /** Nama WP: a person, or the business itself. */
  namaWp: string;
  /** Nama objek pajak: the restaurant, hotel, plot of land. */
  namaObjek: string;
  badan: boolean;
}

export function personName(rng: Rng): string {
  const female = rng.chance(0.35);
  const given = rng.pick(female ? FEMALE : MALE);
  const second = rng.chance(0.7) ? ` ${rng.pick(FAMILY)}` : rng.chance(0.5) ? ` ${rng.pick(female ? FEMALE : MALE)}` : '';
  const title = rng.chance(0.06) ? `${rng.pick(female ? PALEMBANG_TITLES.female : PALEMBANG_TITLES.male)} ` : '';
  const hajj = rng.chance(0.12) ? (female ? 'Hj. ' : 'H. ') : '';
  return `${hajj}${title}${given}${second}`;
}

function company(rng: Rng, form: string): string {
  return `${form} ${rng.pick(COMPANY)} ${rng.pick(NICE)}`;
}

/** The taxpayer and object names for a taxpayer whose main tax is `taxType`. */
export function demoName(rng: Rng, taxType: DemoTaxType, desa: string): DemoName {
  const owner = personName(rng);
  const given = owner.replace(/^(H\.|Hj\.)\s*/, '').split(' ').slice(-1)[0] as string;
  const business = (namaObjek: string, companyShare: number, form = 'CV'): DemoName => {
    if (rng.chance(companyShare)) return { namaWp: company(rng, form), namaObjek, badan: true };
    // Exports put the owner in Nama WP about as often as the business name itself.
    return rng.chance(0.5) ? { namaWp: owner, namaObjek, badan: false } : { namaWp: namaObjek, namaObjek, badan: false };
  };
  switch (taxType) {
    case 'PBJT_MAKMIN':
      return business(
        rng.weighted<() => string>([
          [() => `RM ${rng.pick(DISHES)} ${given}`, 5],
          [() => `Rumah Makan ${rng.pick(NICE)}`, 4],
          [() => `Warung ${rng.pick(DISHES)} ${rng.chance(0.5) ? given : desa}`, 4],
          [() => `Pempek ${rng.chance(0.5) ? `Cek ${given}` : rng.pick(NICE)}`, 3],
          [() => `Kedai Kopi ${rng.pick(NICE)}`, 2],
          [() => `Cafe ${rng.pick(NICE)}`, 1],
          [() => `Restoran ${rng.pick(NICE)}`, 1],
          [() => `Catering ${given}`, 1],
        ])(),
        0.05,
      );
    case 'PBJT_HOTEL':
      return business(`${rng.weighted([['Hotel', 3], ['Wisma', 3], ['Penginapan', 3], ['Losmen', 1], ['Guest House', 1]])} ${rng.pick(NICE)}`, 0.3, 'PT');
    case 'PBJT_PARKIR':
      return business(rng.pick([`Parkir Pasar ${desa}`, `Parkir Minimarket ${desa}`, `Parkir RS ${rng.pick(NICE)}`, `Parkir Toko ${rng.pick(NICE)}`, `Parkir Terminal ${desa}`]), 0.2);
    case 'PBJT_HIBURAN':
      return business(rng.pick([`Karaoke Keluarga ${rng.pick(NICE)}`, `Biliar ${rng.pick(NICE)}`, `Kolam Renang ${rng.pick(NICE)}`, `Futsal ${rng.pick(NICE)}`, `Organ Tunggal ${given}`, `Wahana Bermain ${rng.pick(NICE)}`]), 0.15);
    case 'PBJT_LISTRIK':
      return business(`Pembangkit Listrik ${rng.pick(['Pabrik Kelapa Sawit', 'Pabrik Karet', 'Perkebunan'])} ${desa}`, 1, 'PT');
    case 'REKLAME':
      return business(`${rng.pick(['Billboard', 'Baliho', 'Neon Box', 'Papan Nama', 'Videotron', 'Spanduk'])} ${rng.pick([`Jl. Lintas Timur KM ${rng.int(1, 90)}`, `Toko ${rng.pick(NICE)}`, `Simpang ${desa}`])}`, 0.45, rng.pick(['CV', 'PT', 'UD', 'Toko']));
    case 'AIR_TANAH':
      return business(rng.pick([`Sumur Bor ${rng.pick(['Pabrik Es', 'Depot Air Minum', 'Pabrik Tahu', 'Hotel', 'Pabrik Kelapa Sawit'])} ${desa}`, `Depot Air Minum ${rng.pick(NICE)}`]), 0.35, 'PT');
    case 'MBLB':
      return business(`${rng.pick(['Tambang Pasir', 'Galian C', 'Tanah Urug', 'Batu Koral'])} ${desa}`, 0.6, rng.pick(['CV', 'PT']));
    case 'WALET':
      return { namaWp: owner, namaObjek: `${rng.pick(['Gedung Walet', 'Rumah Walet'])} ${desa}`, badan: false };
    case 'BPHTB':
      return { namaWp: owner, namaObjek: rng.pick(['Tanah dan Bangunan', 'Tanah Kosong', 'Tanah Kebun', 'Ruko']), badan: false };
    case 'PBB_P2':
      return { namaWp: owner, namaObjek: landKind(rng), badan: false };
  }
}

export function landKind(rng: Rng): string {
  return rng.weighted([['Tanah dan Bangunan', 5], ['Tanah Pekarangan', 2], ['Tanah Kebun', 3], ['Tanah Sawah', 2], ['Ruko', 1]]);
}

/** An address in the style of the ledger: street and number in town, dusun/RT in the villages. */
export function address(rng: Rng, streets: readonly string[], desa: string, town: boolean): string {
  if (town || rng.chance(0.3)) return `${rng.pick(streets)} No. ${rng.int(1, 250)} RT ${pad(rng.int(1, 25), 3)}/RW ${pad(rng.int(1, 8), 3)}`;
  return `Dusun ${rng.pick(['I', 'II', 'III', 'IV', 'V'])} RT ${pad(rng.int(1, 15), 2)} Desa ${desa}`;
}

/** A slug for a made-up email address. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
