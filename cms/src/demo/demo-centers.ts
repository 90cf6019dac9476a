import type { Core } from '@strapi/strapi';
import { clearable, type ClearableInput } from '../lib/documents';
import { haversineKm, towns } from '@motorghar/nepal';
import { seededRandom } from '../lib/seeded-random';

const UID = 'api::service-center.service-center' as const;
type CenterInput = ClearableInput<typeof UID>;
const MAKE_UID = 'api::catalog.make';

/** A town sample centers gather around: how many, its names, phone area code. */
interface Hub {
  key: string;
  en: string;
  ne: string;
  district: string;
  lat: number;
  lng: number;
  count: number;
  /** Landline area code; Kathmandu valley numbers have 7 digits after it, others 6. */
  area: string;
  /** How far from the centre (km) centers spread. */
  spreadKm: number;
}

// More where most vehicles are (the valley, Pokhara, the Terai cities), some in each province.
const HUBS: Hub[] = [
  {
    key: 'kathmandu',
    en: 'Kathmandu',
    ne: 'काठमाडौं',
    district: 'kathmandu',
    lat: 27.7089,
    lng: 85.3206,
    count: 24,
    area: '01',
    spreadKm: 5,
  },
  {
    key: 'lalitpur',
    en: 'Lalitpur',
    ne: 'ललितपुर',
    district: 'lalitpur',
    lat: 27.6644,
    lng: 85.3188,
    count: 9,
    area: '01',
    spreadKm: 3,
  },
  {
    key: 'bhaktapur',
    en: 'Bhaktapur',
    ne: 'भक्तपुर',
    district: 'bhaktapur',
    lat: 27.671,
    lng: 85.4298,
    count: 5,
    area: '01',
    spreadKm: 3,
  },
  {
    key: 'banepa',
    en: 'Banepa',
    ne: 'बनेपा',
    district: 'kavrepalanchok',
    lat: 27.6298,
    lng: 85.5214,
    count: 2,
    area: '011',
    spreadKm: 2,
  },
  {
    key: 'bidur',
    en: 'Bidur',
    ne: 'बिदुर',
    district: 'nuwakot',
    lat: 27.9,
    lng: 85.15,
    count: 1,
    area: '010',
    spreadKm: 2,
  },
  {
    key: 'hetauda',
    en: 'Hetauda',
    ne: 'हेटौंडा',
    district: 'makwanpur',
    lat: 27.4284,
    lng: 85.0322,
    count: 4,
    area: '057',
    spreadKm: 3,
  },
  {
    key: 'bharatpur',
    en: 'Bharatpur',
    ne: 'भरतपुर',
    district: 'chitwan',
    lat: 27.6768,
    lng: 84.4359,
    count: 6,
    area: '056',
    spreadKm: 4,
  },
  {
    key: 'pokhara',
    en: 'Pokhara',
    ne: 'पोखरा',
    district: 'kaski',
    lat: 28.2096,
    lng: 83.9856,
    count: 14,
    area: '061',
    spreadKm: 4,
  },
  {
    key: 'baglung',
    en: 'Baglung',
    ne: 'बागलुङ',
    district: 'baglung',
    lat: 28.2719,
    lng: 83.5898,
    count: 1,
    area: '068',
    spreadKm: 2,
  },
  {
    key: 'gorkha',
    en: 'Gorkha',
    ne: 'गोरखा',
    district: 'gorkha',
    lat: 28.0,
    lng: 84.6333,
    count: 1,
    area: '064',
    spreadKm: 2,
  },
  {
    key: 'biratnagar',
    en: 'Biratnagar',
    ne: 'विराटनगर',
    district: 'morang',
    lat: 26.4525,
    lng: 87.2718,
    count: 11,
    area: '021',
    spreadKm: 4,
  },
  {
    key: 'itahari',
    en: 'Itahari',
    ne: 'इटहरी',
    district: 'sunsari',
    lat: 26.6633,
    lng: 87.274,
    count: 4,
    area: '025',
    spreadKm: 2,
  },
  {
    key: 'dharan',
    en: 'Dharan',
    ne: 'धरान',
    district: 'sunsari',
    lat: 26.8125,
    lng: 87.2836,
    count: 3,
    area: '025',
    spreadKm: 2,
  },
  {
    key: 'damak',
    en: 'Damak',
    ne: 'दमक',
    district: 'jhapa',
    lat: 26.66,
    lng: 87.7,
    count: 3,
    area: '023',
    spreadKm: 2,
  },
  {
    key: 'birgunj',
    en: 'Birgunj',
    ne: 'वीरगञ्ज',
    district: 'parsa',
    lat: 27.0104,
    lng: 84.877,
    count: 9,
    area: '051',
    spreadKm: 3,
  },
  {
    key: 'janakpur',
    en: 'Janakpur',
    ne: 'जनकपुर',
    district: 'dhanusha',
    lat: 26.7288,
    lng: 85.9263,
    count: 4,
    area: '041',
    spreadKm: 2,
  },
  {
    key: 'rajbiraj',
    en: 'Rajbiraj',
    ne: 'राजविराज',
    district: 'saptari',
    lat: 26.5397,
    lng: 86.7472,
    count: 2,
    area: '031',
    spreadKm: 2,
  },
  {
    key: 'lahan',
    en: 'Lahan',
    ne: 'लहान',
    district: 'siraha',
    lat: 26.72,
    lng: 86.48,
    count: 2,
    area: '033',
    spreadKm: 2,
  },
  {
    key: 'kalaiya',
    en: 'Kalaiya',
    ne: 'कलैया',
    district: 'bara',
    lat: 27.0333,
    lng: 85.0,
    count: 2,
    area: '053',
    spreadKm: 2,
  },
  {
    key: 'gaur',
    en: 'Gaur',
    ne: 'गौर',
    district: 'rautahat',
    lat: 26.7667,
    lng: 85.2667,
    count: 1,
    area: '055',
    spreadKm: 2,
  },
  {
    key: 'butwal',
    en: 'Butwal',
    ne: 'बुटवल',
    district: 'rupandehi',
    lat: 27.7006,
    lng: 83.4484,
    count: 9,
    area: '071',
    spreadKm: 3,
  },
  {
    key: 'tansen',
    en: 'Tansen',
    ne: 'तानसेन',
    district: 'palpa',
    lat: 27.8673,
    lng: 83.5467,
    count: 2,
    area: '075',
    spreadKm: 2,
  },
  {
    key: 'nepalgunj',
    en: 'Nepalgunj',
    ne: 'नेपालगञ्ज',
    district: 'banke',
    lat: 28.05,
    lng: 81.6167,
    count: 8,
    area: '081',
    spreadKm: 3,
  },
  {
    key: 'ghorahi',
    en: 'Ghorahi',
    ne: 'घोराही',
    district: 'dang',
    lat: 28.0375,
    lng: 82.486,
    count: 3,
    area: '082',
    spreadKm: 2,
  },
  {
    key: 'tulsipur',
    en: 'Tulsipur',
    ne: 'तुलसीपुर',
    district: 'dang',
    lat: 28.131,
    lng: 82.2973,
    count: 2,
    area: '082',
    spreadKm: 2,
  },
  {
    key: 'birendranagar',
    en: 'Birendranagar',
    ne: 'वीरेन्द्रनगर',
    district: 'surkhet',
    lat: 28.6019,
    lng: 81.6339,
    count: 4,
    area: '083',
    spreadKm: 2,
  },
  {
    key: 'jumla',
    en: 'Chandannath, Jumla',
    ne: 'चन्दननाथ, जुम्ला',
    district: 'jumla',
    lat: 29.2742,
    lng: 82.1838,
    count: 1,
    area: '087',
    spreadKm: 1,
  },
  {
    key: 'dailekh',
    en: 'Dailekh',
    ne: 'दैलेख',
    district: 'dailekh',
    lat: 28.8443,
    lng: 81.7101,
    count: 1,
    area: '089',
    spreadKm: 1,
  },
  {
    key: 'dhangadhi',
    en: 'Dhangadhi',
    ne: 'धनगढी',
    district: 'kailali',
    lat: 28.6833,
    lng: 80.6,
    count: 8,
    area: '091',
    spreadKm: 3,
  },
  {
    key: 'mahendranagar',
    en: 'Mahendranagar',
    ne: 'महेन्द्रनगर',
    district: 'kanchanpur',
    lat: 28.963,
    lng: 80.178,
    count: 3,
    area: '099',
    spreadKm: 2,
  },
  {
    key: 'dadeldhura',
    en: 'Amargadhi, Dadeldhura',
    ne: 'अमरगढी, डडेलधुरा',
    district: 'dadeldhura',
    lat: 29.3,
    lng: 80.5833,
    count: 1,
    area: '096',
    spreadKm: 1,
  },
];

const PREFIXES: Array<[string, string]> = [
  ['Himal', 'हिमाल'],
  ['Annapurna', 'अन्नपूर्ण'],
  ['Shree Ganesh', 'श्री गणेश'],
  ['Janata', 'जनता'],
  ['Laligurans', 'लालीगुराँस'],
  ['Machhapuchhre', 'माछापुच्छ्रे'],
  ['Sagarmatha', 'सगरमाथा'],
  ['Pashupati', 'पशुपति'],
  ['Buddha', 'बुद्ध'],
  ['Kalika', 'कालिका'],
  ['Siddhartha', 'सिद्धार्थ'],
  ['New Kiran', 'न्यू किरण'],
  ['Bhrikuti', 'भृकुटी'],
  ['Mechi', 'मेची'],
  ['Koshi', 'कोशी'],
  ['Shubha Laxmi', 'शुभलक्ष्मी'],
];

const KINDS: Array<{ en: string; ne: string; services: string[] }> = [
  {
    en: 'Auto Workshop',
    ne: 'अटो वर्कसप',
    services: ['general-service', 'oil-change', 'brakes', 'repair', 'battery', 'coolant'],
  },
  {
    en: 'Motors',
    ne: 'मोटर्स',
    services: [
      'general-service',
      'oil-change',
      'oil-filter',
      'air-filter',
      'inspection',
      'ac-service',
    ],
  },
  {
    en: 'Bike Care',
    ne: 'बाइक केयर',
    services: ['general-service', 'oil-change', 'chain-sprocket', 'brakes', 'wash', 'tyres'],
  },
  {
    en: 'Service Center',
    ne: 'सर्भिस सेन्टर',
    services: [
      'general-service',
      'oil-change',
      'oil-filter',
      'wash',
      'pollution-test',
      'bluebook-renewal',
    ],
  },
  {
    en: 'Auto Garage',
    ne: 'अटो ग्यारेज',
    services: ['repair', 'brakes', 'battery', 'wheel-alignment', 'coolant', 'insurance-renewal'],
  },
  {
    en: 'Tyre House',
    ne: 'टायर हाउस',
    services: ['tyres', 'wheel-alignment', 'inspection', 'wash'],
  },
];

const ROADS: Array<[string, string]> = [
  ['Main Road', 'मुख्य सडक'],
  ['Highway Chowk', 'राजमार्ग चोक'],
  ['Bus Park Road', 'बसपार्क सडक'],
  ['Hospital Road', 'अस्पताल सडक'],
  ['New Road', 'न्युरोड'],
  ['Campus Road', 'क्याम्पस सडक'],
  ['Traffic Chowk', 'ट्राफिक चोक'],
  ['Bazar', 'बजार'],
];

const NEPALI_DIGITS = '०१२३४५६७८९';
const nepaliNumber = (value: number) =>
  String(value).replace(/\d/g, (digit) => NEPALI_DIGITS[Number(digit)]);

const clock = (value: string) => `${value}:00.000`;
const ALL_DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Hours of one center: most close on Saturday, the weekly holiday; some run past midnight. */
function hoursOf(pattern: number) {
  const days = (list: string[], opens: string, closes: string) =>
    list.map((day) => ({ day, opens: clock(opens), closes: clock(closes) }));
  switch (pattern) {
    case 0:
    case 1:
    case 2:
      return days(ALL_DAYS.slice(0, 6), '09:00', '18:00');
    case 3:
      return days(ALL_DAYS, '08:00', '19:00');
    case 4:
      // A night workshop: open till 2 at night, Saturday too.
      return days(ALL_DAYS, '18:00', '02:00');
    case 5:
      return [
        ...days(ALL_DAYS.slice(0, 6), '10:00', '20:00'),
        ...days(['saturday'], '10:00', '14:00'),
      ];
    case 6:
      // Round the clock on the highway: closes at the hour it opens.
      return days(ALL_DAYS, '00:00', '00:00');
    default:
      return [];
  }
}

export interface SampleCenter {
  slug: string;
  en: { name: string; address: string; city: string; description: string };
  ne: { name: string; address: string; city: string; description: string };
  district: string;
  latitude: number;
  longitude: number;
  phone: string;
  openingHours: Array<{ day: string; opens: string; closes: string }>;
  services: string[];
  makeIndexes: number[];
}

/** The sample centers, the same on every call. */
export function sampleCenters(): SampleCenter[] {
  const next = seededRandom(20_826);
  const centers: SampleCenter[] = [];
  for (const hub of HUBS) {
    // Around the town @motorghar/nepal lists nearest the hub, when there is one close by.
    const town = towns
      .map((entry) => ({ entry, km: haversineKm(hub.lat, hub.lng, entry.lat, entry.lng) }))
      .sort((a, b) => a.km - b.km)[0];
    const base = town && town.km < 8 ? town.entry : hub;
    for (let index = 0; index < hub.count; index += 1) {
      const [prefixEn, prefixNe] = PREFIXES[Math.floor(next() * PREFIXES.length)];
      const kind = KINDS[Math.floor(next() * KINDS.length)];
      const [roadEn, roadNe] = ROADS[Math.floor(next() * ROADS.length)];
      const ward = 1 + Math.floor(next() * 19);
      const angle = next() * 2 * Math.PI;
      const km = Math.sqrt(next()) * hub.spreadKm;
      const latitude = Number((base.lat + (km * Math.cos(angle)) / 111.2).toFixed(6));
      const longitude = Number(
        (
          base.lng +
          (km * Math.sin(angle)) / (111.2 * Math.cos((base.lat * Math.PI) / 180))
        ).toFixed(6),
      );
      const landline = next() < 0.6;
      const digits = (count: number) =>
        Array.from({ length: count }, () => Math.floor(next() * 10)).join('');
      const phone = landline
        ? `${hub.area}-${hub.area === '01' ? `4${digits(6)}` : `5${digits(5)}`}`
        : `+977 98${['4', '5', '6', '0', '1'][Math.floor(next() * 5)]}${digits(7)}`;
      const services = kind.services.filter((_, at) => at < 3 || next() < 0.6);
      const makeIndexes = [0, 1, 2, 3, 4, 5].filter(() => next() < 0.35);
      const hours = hoursOf(Math.floor(next() * 8));
      centers.push({
        slug: `sample-${hub.key}-${index + 1}`,
        en: {
          name: `${prefixEn} ${kind.en} (sample)`,
          address: `Ward ${ward}, ${roadEn}, ${hub.en}`,
          city: hub.en,
          description:
            'Sample data for trying MotorGhar: this center is made up, and so are its phone and hours.',
        },
        ne: {
          name: `${prefixNe} ${kind.ne} (नमुना)`,
          address: `वडा नं. ${nepaliNumber(ward)}, ${roadNe}, ${hub.ne}`,
          city: hub.ne,
          description:
            'मोटरघर चलाएर हेर्नका लागि नमुना विवरण: यो सेन्टर, यसको फोन र खुल्ने समय वास्तविक होइनन्।',
        },
        district: hub.district,
        latitude,
        longitude,
        phone,
        openingHours: hours,
        services,
        makeIndexes,
      });
    }
  }
  return centers;
}

/**
 * The sample centers in English and Nepali, published and marked `sampleData`. Idempotent:
 * a center whose slug exists is left as it is (an admin may have edited or deleted it).
 */
export async function seedDemoCenters(strapi: Core.Strapi): Promise<number> {
  const existing = new Set(
    (
      (await strapi.db.query(UID).findMany({
        where: { slug: { $startsWith: 'sample-' } },
        select: ['slug'],
      })) as Array<{ slug: string }>
    ).map((row) => row.slug),
  );
  const makes = (
    (await strapi.db.query(MAKE_UID).findMany({
      where: { locale: 'en' },
      select: ['documentId'],
      orderBy: { slug: 'asc' },
    })) as Array<{ documentId: string }>
  ).map((row) => row.documentId);
  let created = 0;
  for (const center of sampleCenters()) {
    if (existing.has(center.slug)) continue;
    const shared = {
      slug: center.slug,
      district: center.district,
      latitude: center.latitude,
      longitude: center.longitude,
      coordinatesSource: 'manual',
      needsCoordinates: false,
      phone: center.phone,
      openingHours: center.openingHours,
      services: center.services.map((kind) => ({ kind })),
      makes: center.makeIndexes.filter((at) => at < makes.length).map((at) => makes[at]),
      sampleData: true,
    };
    const { documentId } = (await strapi.documents(UID).create({
      locale: 'en',
      status: 'published',
      data: clearable(UID, { ...center.en, ...shared } as CenterInput),
    })) as { documentId: string };
    await strapi.documents(UID).update({
      documentId,
      locale: 'ne',
      status: 'published',
      data: clearable(UID, {
        ...center.ne,
        slug: center.slug,
        district: center.district,
      } as CenterInput),
    });
    created += 1;
  }
  return created;
}
