/**
 * Kabupaten Ogan Komering Ilir (OKI, region code 16.02): its 18 kecamatan with a few of their
 * kelurahan/desa, for demo data that looks like the agency's own. `weight` follows population
 * roughly (Lempuing and Kota Kayuagung are the largest); `nopCode` is the three-digit kecamatan
 * part of a PBB-P2 NOP in the usual 010, 020, … style, not the agency's real code table.
 */
export interface Kecamatan {
  name: string;
  nopCode: string;
  weight: number;
  desa: readonly string[];
}

export const OKI_REGION = '16.02';

export const KECAMATAN: readonly Kecamatan[] = [
  { name: 'Kota Kayuagung', nopCode: '010', weight: 16, desa: ['Cintaraja', 'Jua-Jua', 'Kayuagung Asli', 'Kedaton', 'Kutaraya', 'Mangunjaya', 'Paku', 'Perigi', 'Sidakersa', 'Sukadana', 'Tanjung Rancing', 'Celikah'] },
  { name: 'Lempuing', nopCode: '020', weight: 10, desa: ['Tugu Mulyo', 'Lubuk Makmur', 'Cahaya Bumi', 'Kepayang', 'Tebing Suluh', 'Bumi Agung'] },
  { name: 'Lempuing Jaya', nopCode: '030', weight: 7, desa: ['Sindang Sari', 'Tugu Jaya', 'Mulya Jaya', 'Lubuk Seberuk'] },
  { name: 'Mesuji', nopCode: '040', weight: 6, desa: ['Sungai Sodong', 'Pematang Panggang', 'Kebun Sari', 'Suka Mulya'] },
  { name: 'Mesuji Makmur', nopCode: '050', weight: 6, desa: ['Catur Tunggal', 'Dabuk Makmur', 'Balian', 'Sido Makmur'] },
  { name: 'Mesuji Raya', nopCode: '060', weight: 5, desa: ['Embacang', 'Kerta Mukti', 'Suka Sari', 'Beringin Jaya'] },
  { name: 'Tulung Selapan', nopCode: '070', weight: 5, desa: ['Tulung Selapan Ilir', 'Tulung Selapan Ulu', 'Lebung Itam', 'Toman', 'Ujung Tanjung'] },
  { name: 'Cengal', nopCode: '080', weight: 4, desa: ['Cengal', 'Sungai Ketupak', 'Sungai Jeruju', 'Ulak Kedondong'] },
  { name: 'Pedamaran', nopCode: '090', weight: 6, desa: ['Pedamaran I', 'Pedamaran II', 'Pedamaran III', 'Menang Raya', 'Cinta Jaya', 'Serinanti'] },
  { name: 'Pedamaran Timur', nopCode: '100', weight: 3, desa: ['Tanjung Makmur', 'Kayu Labu', 'Sumber Hidup'] },
  { name: 'Tanjung Lubuk', nopCode: '110', weight: 5, desa: ['Tanjung Lubuk', 'Bumi Agung', 'Pulau Gemantung', 'Tanjung Baru'] },
  { name: 'Teluk Gelam', nopCode: '120', weight: 4, desa: ['Sugih Waras', 'Mulya Guna', 'Penyandingan', 'Ulak Jermun'] },
  { name: 'Sirah Pulau Padang', nopCode: '130', weight: 4, desa: ['Pantai', 'Serdang Menang', 'Bungin Tinggi', 'Terusan Menang'] },
  { name: 'Pampangan', nopCode: '140', weight: 4, desa: ['Pampangan', 'Menggeris', 'Tapus', 'Secondong', 'Bangsal'] },
  { name: 'Pangkalan Lapam', nopCode: '150', weight: 3, desa: ['Pangkalan Lapam', 'Riding', 'Sukaraja', 'Lirik'] },
  { name: 'Air Sugihan', nopCode: '160', weight: 4, desa: ['Jadi Mulya', 'Marga Tani', 'Tirta Mulya', 'Bukit Batu'] },
  { name: 'Jejawi', nopCode: '170', weight: 4, desa: ['Jejawi', 'Lingkis', 'Batun', 'Padang Bulan'] },
  { name: 'Sungai Menang', nopCode: '180', weight: 4, desa: ['Sungai Menang', 'Gajah Mati', 'Bumi Pratama Mandira', 'Sidomulyo'] },
];

/** Streets as they appear in addresses; the Jalan Lintas Timur runs through several kecamatan. */
export const STREETS: readonly string[] = [
  'Jl. Letnan Darna',
  'Jl. Letnan Mukhtar Saleh',
  'Jl. Lintas Timur',
  'Jl. Merdeka',
  'Jl. Jend. Sudirman',
  'Jl. Ahmad Yani',
  'Jl. Diponegoro',
  'Jl. Veteran',
  'Jl. Pahlawan',
  'Jl. Kartini',
  'Jl. Imam Bonjol',
  'Jl. Pasar Baru',
  'Jl. Perintis Kemerdekaan',
  'Jl. Raya Kayuagung',
  'Jl. Poros Desa',
];

/** Kayuagung's telephone area code, for landline numbers. */
export const AREA_CODE = '0712';
