/**
 * Static demo data for London: borough seed points, a simplified Greater London outline, the
 * gazetteer (areas, postcode districts, landmarks, stations) and the demo provider businesses.
 * Coordinates are [lon, lat] and approximate — good enough for a realistic map, not for surveying.
 * The borough zones themselves are derived from these points in db/seed/geo.ts (Voronoi cells
 * clipped to the outline), so neighbouring zones share edges and never overlap.
 */
import type { DemandLevel } from '@/lib/geo/types';

export type LonLatPair = [number, number];

export interface BoroughSeed {
  key: string;
  name: string;
  /** Approximate centre of the borough; its Voronoi cell becomes the zone. */
  centre: LonLatPair;
  demand: DemandLevel;
  /** Per-zone SLA overrides in minutes (the rest use the platform defaults). */
  sla?: { acceptanceOnDemandMinutes?: number; acceptanceScheduledMinutes?: number; arrivalMinutes?: number; completionMinutes?: number };
}

// Central boroughs are high demand, the rest of inner London medium, outer London low.
export const boroughs: BoroughSeed[] = [
  { key: 'city-of-london', name: 'City of London', centre: [-0.0922, 51.5155], demand: 'high', sla: { acceptanceOnDemandMinutes: 45, arrivalMinutes: 40 } },
  { key: 'westminster', name: 'Westminster', centre: [-0.155, 51.512], demand: 'high', sla: { acceptanceOnDemandMinutes: 60, arrivalMinutes: 45 } },
  { key: 'camden', name: 'Camden', centre: [-0.16, 51.547], demand: 'high' },
  { key: 'islington', name: 'Islington', centre: [-0.106, 51.547], demand: 'high' },
  { key: 'kensington-and-chelsea', name: 'Kensington and Chelsea', centre: [-0.19, 51.502], demand: 'high' },
  { key: 'southwark', name: 'Southwark', centre: [-0.077, 51.472], demand: 'high' },
  { key: 'lambeth', name: 'Lambeth', centre: [-0.116, 51.457], demand: 'high' },
  { key: 'tower-hamlets', name: 'Tower Hamlets', centre: [-0.03, 51.515], demand: 'high' },
  { key: 'hackney', name: 'Hackney', centre: [-0.066, 51.549], demand: 'medium' },
  { key: 'hammersmith-and-fulham', name: 'Hammersmith and Fulham', centre: [-0.2217, 51.495], demand: 'medium' },
  { key: 'wandsworth', name: 'Wandsworth', centre: [-0.191, 51.452], demand: 'medium' },
  { key: 'lewisham', name: 'Lewisham', centre: [-0.017, 51.442], demand: 'medium' },
  { key: 'greenwich', name: 'Greenwich', centre: [0.059, 51.464], demand: 'medium' },
  { key: 'newham', name: 'Newham', centre: [0.032, 51.525], demand: 'medium' },
  { key: 'haringey', name: 'Haringey', centre: [-0.108, 51.587], demand: 'medium' },
  { key: 'brent', name: 'Brent', centre: [-0.271, 51.559], demand: 'medium' },
  { key: 'ealing', name: 'Ealing', centre: [-0.327, 51.523], demand: 'medium' },
  { key: 'barnet', name: 'Barnet', centre: [-0.203, 51.612], demand: 'low' },
  { key: 'enfield', name: 'Enfield', centre: [-0.08, 51.649], demand: 'low' },
  { key: 'waltham-forest', name: 'Waltham Forest', centre: [-0.018, 51.59], demand: 'low' },
  { key: 'redbridge', name: 'Redbridge', centre: [0.07, 51.58], demand: 'low' },
  { key: 'havering', name: 'Havering', centre: [0.23, 51.557], demand: 'low' },
  { key: 'barking-and-dagenham', name: 'Barking and Dagenham', centre: [0.129, 51.545], demand: 'low' },
  { key: 'bexley', name: 'Bexley', centre: [0.147, 51.458], demand: 'low' },
  { key: 'bromley', name: 'Bromley', centre: [0.039, 51.372], demand: 'low' },
  { key: 'croydon', name: 'Croydon', centre: [-0.087, 51.363], demand: 'low' },
  { key: 'sutton', name: 'Sutton', centre: [-0.173, 51.359], demand: 'low' },
  { key: 'merton', name: 'Merton', centre: [-0.189, 51.41], demand: 'low' },
  { key: 'kingston-upon-thames', name: 'Kingston upon Thames', centre: [-0.287, 51.389], demand: 'low' },
  { key: 'richmond-upon-thames', name: 'Richmond upon Thames', centre: [-0.324, 51.446], demand: 'low' },
  { key: 'hounslow', name: 'Hounslow', centre: [-0.386, 51.46], demand: 'low', sla: { acceptanceOnDemandMinutes: 120 } },
  { key: 'hillingdon', name: 'Hillingdon', centre: [-0.445, 51.537], demand: 'low', sla: { acceptanceOnDemandMinutes: 120, arrivalMinutes: 90 } },
  { key: 'harrow', name: 'Harrow', centre: [-0.337, 51.592], demand: 'low' },
];

/** A hand-simplified Greater London boundary (closed ring, counter-clockwise from the west). */
export const greaterLondonOutline: LonLatPair[] = [
  [-0.51, 51.47],
  [-0.46, 51.44],
  [-0.42, 51.41],
  [-0.33, 51.38],
  [-0.3, 51.335],
  [-0.21, 51.33],
  [-0.13, 51.29],
  [-0.03, 51.3],
  [0.06, 51.295],
  [0.15, 51.33],
  [0.15, 51.39],
  [0.215, 51.43],
  [0.21, 51.48],
  [0.27, 51.495],
  [0.33, 51.54],
  [0.29, 51.59],
  [0.2, 51.63],
  [0.09, 51.615],
  [0.02, 51.63],
  [-0.01, 51.685],
  [-0.11, 51.69],
  [-0.2, 51.67],
  [-0.3, 51.64],
  [-0.39, 51.625],
  [-0.46, 51.625],
  [-0.495, 51.6],
  [-0.5, 51.54],
  [-0.51, 51.47],
];

/**
 * A draft zone operations are still preparing (outside Greater London, so it never overlaps a
 * borough): the rough box is trimmed by the outline in SQL.
 */
export const draftZone = {
  key: 'watford-draft',
  name: 'Watford (planned)',
  demand: 'low' as DemandLevel,
  ring: [
    [-0.47, 51.635],
    [-0.36, 51.632],
    [-0.35, 51.7],
    [-0.46, 51.71],
    [-0.47, 51.635],
  ] as LonLatPair[],
};

export const categories = [
  { slug: 'cleaning', name: 'Cleaning' },
  { slug: 'plumbing', name: 'Plumbing' },
  { slug: 'electrical', name: 'Electrical' },
  { slug: 'handyman', name: 'Handyman' },
  { slug: 'gardening', name: 'Gardening' },
  { slug: 'painting-decorating', name: 'Painting & decorating' },
  { slug: 'locksmith', name: 'Locksmith' },
  { slug: 'appliance-repair', name: 'Appliance repair' },
  { slug: 'removals', name: 'Removals' },
  { slug: 'pest-control', name: 'Pest control' },
  { slug: 'tool-hire', name: 'Tool hire' },
] as const;

export type CategorySlug = (typeof categories)[number]['slug'];

/** Postcode districts with approximate centroids. */
export const postcodeDistricts: Array<[string, number, number]> = [
  ['E1', -0.0594, 51.5166],
  ['E2', -0.0601, 51.5292],
  ['E3', -0.0235, 51.5281],
  ['E5', -0.0553, 51.5592],
  ['E8', -0.0653, 51.5434],
  ['E14', -0.0197, 51.5055],
  ['E15', 0.0007, 51.5409],
  ['E17', -0.0203, 51.5855],
  ['EC1A', -0.0996, 51.5186],
  ['EC1V', -0.0966, 51.5273],
  ['EC2A', -0.0817, 51.5234],
  ['EC2V', -0.0936, 51.5151],
  ['EC3A', -0.0797, 51.5145],
  ['EC4M', -0.1009, 51.5134],
  ['N1', -0.0959, 51.5387],
  ['N4', -0.1052, 51.5706],
  ['N7', -0.1169, 51.5532],
  ['N16', -0.0777, 51.5621],
  ['N19', -0.1327, 51.5651],
  ['N22', -0.1137, 51.5984],
  ['NW1', -0.1466, 51.5336],
  ['NW3', -0.1736, 51.5531],
  ['NW5', -0.1421, 51.5534],
  ['NW6', -0.1927, 51.5414],
  ['NW10', -0.2412, 51.5429],
  ['SE1', -0.0986, 51.4992],
  ['SE5', -0.0911, 51.4743],
  ['SE10', 0.0022, 51.4821],
  ['SE11', -0.1106, 51.4894],
  ['SE13', -0.0125, 51.4594],
  ['SE15', -0.0661, 51.4712],
  ['SE16', -0.0506, 51.4962],
  ['SE22', -0.0692, 51.4522],
  ['SE23', -0.0471, 51.4416],
  ['SW1A', -0.1389, 51.5036],
  ['SW1P', -0.1322, 51.4952],
  ['SW1V', -0.1418, 51.4897],
  ['SW2', -0.1186, 51.4497],
  ['SW3', -0.1679, 51.4904],
  ['SW4', -0.1393, 51.4622],
  ['SW6', -0.1993, 51.4768],
  ['SW9', -0.1133, 51.4699],
  ['SW11', -0.1651, 51.4649],
  ['SW15', -0.2228, 51.4577],
  ['SW18', -0.1913, 51.4512],
  ['SW19', -0.2069, 51.4214],
  ['W1', -0.1398, 51.5149],
  ['W1D', -0.1319, 51.5137],
  ['W2', -0.1818, 51.5147],
  ['W4', -0.2653, 51.4913],
  ['W5', -0.3038, 51.5129],
  ['W6', -0.2295, 51.4929],
  ['W8', -0.1924, 51.5009],
  ['W9', -0.1918, 51.5264],
  ['W10', -0.2152, 51.5218],
  ['W11', -0.2059, 51.5136],
  ['W12', -0.2363, 51.5082],
  ['W14', -0.2093, 51.4951],
  ['WC1N', -0.1203, 51.5226],
  ['WC2N', -0.1246, 51.5081],
  ['WC2H', -0.1287, 51.5134],
  ['CR0', -0.0857, 51.3742],
  ['BR1', 0.0178, 51.4086],
  ['KT1', -0.3004, 51.4095],
  ['TW9', -0.2959, 51.4661],
  ['HA1', -0.3354, 51.5806],
  ['IG1', 0.0748, 51.5597],
  ['RM1', 0.1817, 51.5787],
];

/** Landmarks and major stations (kind, name, lon, lat, rank). */
export const landmarks: Array<['landmark' | 'station', string, number, number, number]> = [
  ['landmark', 'Tower of London', -0.0759, 51.5081, 90],
  ['landmark', 'Buckingham Palace', -0.1419, 51.5014, 95],
  ['landmark', 'British Museum', -0.1269, 51.5194, 90],
  ['landmark', 'Tate Modern', -0.0993, 51.5076, 85],
  ['landmark', 'Hyde Park', -0.1657, 51.5073, 85],
  ['landmark', "Regent's Park", -0.1527, 51.5313, 80],
  ['landmark', 'Greenwich Park', 0.0014, 51.4769, 80],
  ['landmark', 'Hampstead Heath', -0.1657, 51.5608, 80],
  ['landmark', 'Kew Gardens', -0.2956, 51.4787, 75],
  ['landmark', 'Olympic Park', -0.0166, 51.5432, 75],
  ['landmark', 'Wembley Stadium', -0.2795, 51.556, 80],
  ['landmark', 'The O2', 0.0032, 51.503, 75],
  ['landmark', 'Canary Wharf', -0.0195, 51.5054, 85],
  ['landmark', 'Covent Garden', -0.1225, 51.5117, 85],
  ['landmark', 'Borough Market', -0.0909, 51.5055, 75],
  ['landmark', 'Richmond Park', -0.2738, 51.442, 70],
  ['landmark', 'Crystal Palace Park', -0.0705, 51.4214, 65],
  ['landmark', 'Alexandra Palace', -0.1307, 51.5942, 65],
  ['station', "King's Cross St Pancras", -0.1238, 51.5308, 100],
  ['station', 'Waterloo', -0.1131, 51.5031, 100],
  ['station', 'London Victoria', -0.1439, 51.4952, 95],
  ['station', 'London Bridge', -0.0865, 51.5049, 95],
  ['station', 'Liverpool Street', -0.0823, 51.5178, 95],
  ['station', 'Paddington', -0.1764, 51.5154, 90],
  ['station', 'Euston', -0.1337, 51.5282, 90],
  ['station', 'Clapham Junction', -0.1703, 51.4642, 85],
  ['station', 'Stratford', -0.0035, 51.5416, 85],
  ['station', 'Oxford Circus', -0.1415, 51.5152, 85],
  ['station', 'Brixton', -0.1145, 51.4627, 70],
  ['station', 'Croydon East', -0.0927, 51.3752, 70],
  ['station', 'Wimbledon', -0.2064, 51.4214, 75],
  ['station', 'Ealing Broadway', -0.3019, 51.5148, 70],
];

export type Hours = 'weekdays' | 'weekdays-sat' | 'seven-days' | 'always' | 'extended';

export interface ProviderSeed {
  slug: string;
  name: string;
  /** Borough the crews are based in; the base point is offset from its centre. */
  base: string;
  /** Offset of the base point from the borough centre, in degrees [dLon, dLat]. */
  offset: LonLatPair;
  tagline: string;
  onDemand: boolean;
  rentals?: boolean;
  sales?: boolean;
  hours: Hours;
  /** [category, title, price in pence, duration minutes, crew size] */
  services: Array<[CategorySlug, string, number, number, number?]>;
  /** Boroughs served (the base borough first = priority 1, the rest by distance). */
  serves: string[];
}

export const demoProviderSlug = 'thames-home-services';

/** The demo provider's own coverage area: a polygon inside Southwark and Lambeth. */
export const demoProviderArea: LonLatPair[] = [
  [-0.118, 51.478],
  [-0.07, 51.47],
  [-0.055, 51.488],
  [-0.082, 51.5],
  [-0.112, 51.496],
  [-0.118, 51.478],
];

export const providers: ProviderSeed[] = [
  {
    slug: demoProviderSlug,
    name: 'Thames Home Services',
    base: 'southwark',
    offset: [-0.01, 0.012],
    tagline: 'Plumbing, electrics and odd jobs across south London',
    onDemand: true,
    hours: 'weekdays-sat',
    services: [
      ['plumbing', 'Emergency plumber call-out', 8900, 60],
      ['electrical', 'Electrical fault finding', 9500, 90],
      ['handyman', 'Handyman by the hour', 4500, 60],
      ['appliance-repair', 'Washing machine repair', 7500, 60],
    ],
    serves: ['southwark', 'lambeth', 'lewisham', 'wandsworth', 'city-of-london'],
  },
  { slug: 'sparkle-and-shine-cleaning', name: 'Sparkle & Shine Cleaning', base: 'islington', offset: [0.004, -0.006], tagline: 'Deep cleans and end-of-tenancy cleaning', onDemand: true, hours: 'seven-days', services: [['cleaning', 'Regular home clean (3 hours)', 5400, 180], ['cleaning', 'End-of-tenancy clean', 22000, 300, 2]], serves: ['islington', 'camden', 'hackney', 'city-of-london', 'haringey'] },
  { slug: 'north-london-plumbing-co', name: 'North London Plumbing Co', base: 'haringey', offset: [-0.006, 0.004], tagline: 'Gas Safe engineers for boilers and leaks', onDemand: true, hours: 'extended', services: [['plumbing', 'Leak repair', 9900, 60], ['plumbing', 'Boiler service', 8500, 60]], serves: ['haringey', 'enfield', 'barnet', 'islington', 'waltham-forest'] },
  { slug: 'bright-spark-electrical', name: 'Bright Spark Electrical', base: 'wandsworth', offset: [0.008, 0.003], tagline: 'NICEIC approved electricians', onDemand: true, hours: 'weekdays-sat', services: [['electrical', 'EICR safety certificate', 14900, 120], ['electrical', 'Socket or light fitting', 6500, 60]], serves: ['wandsworth', 'merton', 'lambeth', 'hammersmith-and-fulham', 'kensington-and-chelsea', 'richmond-upon-thames'] },
  { slug: 'capital-locksmiths-24-7', name: 'Capital Locksmiths 24/7', base: 'westminster', offset: [0.006, -0.004], tagline: 'Locked out? On site in under an hour, day or night', onDemand: true, sales: true, hours: 'always', services: [['locksmith', 'Emergency lockout', 9900, 45], ['locksmith', 'Lock change (British Standard)', 12500, 60]], serves: ['westminster', 'camden', 'kensington-and-chelsea', 'city-of-london', 'islington', 'lambeth'] },
  { slug: 'east-end-handyman', name: 'East End Handyman', base: 'tower-hamlets', offset: [-0.004, 0.006], tagline: 'Flat-pack, shelves, small repairs', onDemand: true, hours: 'weekdays-sat', services: [['handyman', 'Furniture assembly', 4000, 60], ['handyman', 'Shelves and picture hanging', 3800, 60]], serves: ['tower-hamlets', 'hackney', 'newham', 'city-of-london'] },
  { slug: 'green-fingers-gardens', name: 'Green Fingers Gardens', base: 'richmond-upon-thames', offset: [0.01, -0.005], tagline: 'Garden maintenance and lawn care', onDemand: false, hours: 'weekdays-sat', services: [['gardening', 'Garden tidy (half day)', 12000, 240, 2], ['gardening', 'Lawn mowing', 3500, 60], ['gardening', 'Hedge trimming', 6000, 120]], serves: ['richmond-upon-thames', 'kingston-upon-thames', 'hounslow', 'wandsworth'] },
  { slug: 'brush-and-roller-decorators', name: 'Brush & Roller Decorators', base: 'lewisham', offset: [0.003, 0.005], tagline: 'Interior painting with tidy, dust-sheeted work', onDemand: false, hours: 'weekdays', services: [['painting-decorating', 'Paint a room (walls and ceiling)', 32000, 480, 2], ['painting-decorating', 'Wallpaper hanging (per room)', 28000, 420]], serves: ['lewisham', 'greenwich', 'southwark', 'bromley'] },
  { slug: 'fixit-appliance-repairs', name: 'FixIt Appliance Repairs', base: 'croydon', offset: [0.005, 0.008], tagline: 'Washing machines, ovens and fridges repaired', onDemand: true, hours: 'weekdays-sat', services: [['appliance-repair', 'Appliance diagnosis and repair', 6900, 60], ['appliance-repair', 'Oven repair', 8900, 90]], serves: ['croydon', 'sutton', 'bromley', 'merton', 'lambeth'] },
  { slug: 'swift-removals-london', name: 'Swift Removals London', base: 'brent', offset: [0.004, -0.004], tagline: 'Man and van, flat moves, storage runs', onDemand: false, rentals: true, hours: 'seven-days', services: [['removals', 'Man and van (2 hours)', 9000, 120, 2], ['removals', 'One-bedroom flat move', 38000, 360, 3]], serves: ['brent', 'ealing', 'harrow', 'camden', 'barnet', 'hammersmith-and-fulham'] },
  { slug: 'pestaway-london', name: 'PestAway London', base: 'hackney', offset: [0.006, -0.003], tagline: 'Mice, rats, wasps and bed bugs treated discreetly', onDemand: true, hours: 'seven-days', services: [['pest-control', 'Mouse treatment (3 visits)', 19500, 60], ['pest-control', 'Wasp nest removal', 7500, 45]], serves: ['hackney', 'tower-hamlets', 'islington', 'haringey', 'waltham-forest', 'newham'] },
  { slug: 'hire-it-tools', name: 'Hire-It Tools', base: 'newham', offset: [-0.005, 0.002], tagline: 'Tool and equipment hire with local delivery', onDemand: false, rentals: true, sales: true, hours: 'weekdays-sat', services: [['tool-hire', 'Carpet cleaner hire (1 day)', 3500, 1440], ['tool-hire', 'SDS drill hire (1 day)', 2500, 1440]], serves: ['newham', 'tower-hamlets', 'barking-and-dagenham', 'redbridge', 'greenwich'] },
  { slug: 'kensington-maids', name: 'Kensington Maids', base: 'kensington-and-chelsea', offset: [-0.003, 0.004], tagline: 'Discreet housekeeping for busy households', onDemand: true, hours: 'weekdays-sat', services: [['cleaning', 'Housekeeping (4 hours)', 8000, 240], ['cleaning', 'Oven deep clean', 7500, 120]], serves: ['kensington-and-chelsea', 'westminster', 'hammersmith-and-fulham'] },
  { slug: 'camden-plumb-and-heat', name: 'Camden Plumb & Heat', base: 'camden', offset: [0.007, -0.006], tagline: 'Heating, hot water and bathroom plumbing', onDemand: true, hours: 'weekdays', services: [['plumbing', 'Radiator fitting', 15000, 120], ['plumbing', 'Blocked toilet or sink', 8000, 60]], serves: ['camden', 'westminster', 'islington', 'barnet'] },
  { slug: 'greenwich-garden-care', name: 'Greenwich Garden Care', base: 'greenwich', offset: [0.004, -0.01], tagline: 'Planting, pruning and garden clearances', onDemand: false, hours: 'weekdays', services: [['gardening', 'Garden clearance', 18000, 240, 2], ['gardening', 'Tree and shrub pruning', 9500, 120]], serves: ['greenwich', 'bexley', 'lewisham', 'bromley'] },
  { slug: 'bexley-sparks', name: 'Bexley Sparks', base: 'bexley', offset: [-0.006, 0.005], tagline: 'Domestic electricians for Bexley and Greenwich', onDemand: true, hours: 'weekdays-sat', services: [['electrical', 'Consumer unit upgrade', 45000, 360], ['electrical', 'Outdoor lighting', 12000, 120]], serves: ['bexley', 'greenwich', 'bromley'] },
  { slug: 'croydon-clean-team', name: 'Croydon Clean Team', base: 'croydon', offset: [-0.008, -0.004], tagline: 'Homes and offices cleaned to a checklist', onDemand: true, hours: 'seven-days', services: [['cleaning', 'Office clean (2 hours)', 4400, 120], ['cleaning', 'Carpet cleaning (per room)', 4500, 60]], serves: ['croydon', 'sutton', 'merton', 'bromley', 'lambeth'] },
  { slug: 'harrow-handyman-services', name: 'Harrow Handyman Services', base: 'harrow', offset: [0.005, 0.003], tagline: 'Reliable repairs for Harrow and Brent', onDemand: true, hours: 'weekdays-sat', services: [['handyman', 'Door fitting or adjustment', 6000, 90], ['handyman', 'Handyman half day', 15000, 240]], serves: ['harrow', 'brent', 'barnet', 'hillingdon'] },
  { slug: 'ealing-locks', name: 'Ealing Locks', base: 'ealing', offset: [0.006, -0.002], tagline: 'Locks changed and upgraded, uPVC specialists', onDemand: true, sales: true, hours: 'always', services: [['locksmith', 'uPVC door mechanism repair', 11000, 90], ['locksmith', 'Emergency lockout', 9000, 45]], serves: ['ealing', 'hounslow', 'hillingdon', 'hammersmith-and-fulham', 'brent'] },
  { slug: 'hillingdon-home-repairs', name: 'Hillingdon Home Repairs', base: 'hillingdon', offset: [0.01, -0.01], tagline: 'Everything from a dripping tap to a new kitchen door', onDemand: false, hours: 'weekdays', services: [['handyman', 'Kitchen repairs', 7000, 120], ['plumbing', 'Tap replacement', 7500, 60]], serves: ['hillingdon', 'hounslow', 'ealing'] },
  { slug: 'hounslow-heating', name: 'Hounslow Heating', base: 'hounslow', offset: [0.006, 0.004], tagline: 'Boiler repairs and servicing near Heathrow', onDemand: true, hours: 'extended', services: [['plumbing', 'Boiler repair', 12000, 90], ['plumbing', 'Power flush', 35000, 300]], serves: ['hounslow', 'richmond-upon-thames', 'ealing', 'hillingdon'] },
  { slug: 'kingston-decorating', name: 'Kingston Decorating', base: 'kingston-upon-thames', offset: [0.003, 0.006], tagline: 'Interior and exterior painting', onDemand: false, hours: 'weekdays', services: [['painting-decorating', 'Exterior painting (per day)', 35000, 480, 2], ['painting-decorating', 'Skirting and doors', 18000, 300]], serves: ['kingston-upon-thames', 'richmond-upon-thames', 'merton', 'sutton'] },
  { slug: 'sutton-tool-hire', name: 'Sutton Tool Hire', base: 'sutton', offset: [0.004, 0.004], tagline: 'Garden and DIY tools by the day', onDemand: false, rentals: true, hours: 'weekdays-sat', services: [['tool-hire', 'Lawn scarifier hire (1 day)', 4000, 1440], ['tool-hire', 'Pressure washer hire (1 day)', 3500, 1440]], serves: ['sutton', 'croydon', 'merton', 'kingston-upon-thames'] },
  { slug: 'merton-movers', name: 'Merton Movers', base: 'merton', offset: [-0.004, 0.004], tagline: 'Careful movers for flats and family homes', onDemand: false, hours: 'seven-days', services: [['removals', 'House move (crew of 3)', 65000, 480, 3]], serves: ['merton', 'wandsworth', 'sutton', 'kingston-upon-thames', 'croydon'] },
  { slug: 'barnet-appliance-doctor', name: 'Barnet Appliance Doctor', base: 'barnet', offset: [0.006, -0.006], tagline: 'Same-day appliance repairs in north London', onDemand: true, hours: 'weekdays-sat', services: [['appliance-repair', 'Fridge freezer repair', 8500, 60], ['appliance-repair', 'Dishwasher repair', 7900, 60]], serves: ['barnet', 'enfield', 'harrow', 'haringey', 'camden'] },
  { slug: 'enfield-gardens-and-fencing', name: 'Enfield Gardens & Fencing', base: 'enfield', offset: [-0.004, -0.004], tagline: 'Fencing, decking and garden makeovers', onDemand: false, hours: 'weekdays-sat', services: [['gardening', 'Fence panel replacement', 14000, 180, 2], ['gardening', 'Garden maintenance visit', 5000, 120]], serves: ['enfield', 'barnet', 'haringey', 'waltham-forest'] },
  { slug: 'walthamstow-wash', name: 'Walthamstow Wash', base: 'waltham-forest', offset: [0.003, -0.003], tagline: 'Window and gutter cleaning', onDemand: true, hours: 'weekdays-sat', services: [['cleaning', 'Window cleaning (house)', 2500, 45], ['cleaning', 'Gutter clearing', 6500, 90]], serves: ['waltham-forest', 'redbridge', 'hackney', 'enfield'] },
  { slug: 'redbridge-pest-solutions', name: 'Redbridge Pest Solutions', base: 'redbridge', offset: [0.004, 0.002], tagline: 'Humane and effective pest control', onDemand: true, hours: 'seven-days', services: [['pest-control', 'Rat treatment', 18000, 60], ['pest-control', 'Bed bug treatment', 25000, 120]], serves: ['redbridge', 'havering', 'barking-and-dagenham', 'waltham-forest', 'newham'] },
  { slug: 'havering-handy-help', name: 'Havering Handy Help', base: 'havering', offset: [-0.01, 0.004], tagline: 'Odd jobs and flat-pack for east London', onDemand: true, hours: 'weekdays-sat', services: [['handyman', 'Odd jobs (per hour)', 4200, 60]], serves: ['havering', 'barking-and-dagenham', 'redbridge'] },
  { slug: 'dagenham-drains', name: 'Dagenham Drains', base: 'barking-and-dagenham', offset: [0.004, -0.002], tagline: 'Blocked drains cleared, CCTV surveys', onDemand: true, hours: 'always', services: [['plumbing', 'Drain unblocking', 9500, 60], ['plumbing', 'CCTV drain survey', 16000, 90]], serves: ['barking-and-dagenham', 'havering', 'newham', 'redbridge', 'bexley'] },
  { slug: 'bromley-bathrooms', name: 'Bromley Bathrooms', base: 'bromley', offset: [-0.004, 0.006], tagline: 'Bathroom plumbing, tiling and silicone', onDemand: false, hours: 'weekdays', services: [['plumbing', 'Shower installation', 42000, 360], ['handyman', 'Re-silicone bath or shower', 6500, 60]], serves: ['bromley', 'croydon', 'lewisham', 'bexley'] },
  { slug: 'lambeth-lock-and-key', name: 'Lambeth Lock & Key', base: 'lambeth', offset: [0.003, 0.006], tagline: 'Keys cut, locks fitted, safes opened', onDemand: true, sales: true, hours: 'always', services: [['locksmith', 'Emergency lockout', 8500, 45]], serves: ['lambeth', 'southwark', 'wandsworth', 'westminster'] },
  { slug: 'brixton-cleaning-collective', name: 'Brixton Cleaning Collective', base: 'lambeth', offset: [-0.004, -0.004], tagline: 'Eco-friendly cleaning, fair pay for cleaners', onDemand: true, hours: 'seven-days', services: [['cleaning', 'Eco home clean (3 hours)', 5700, 180], ['cleaning', 'Deep kitchen clean', 9500, 180]], serves: ['lambeth', 'southwark', 'wandsworth', 'lewisham'] },
  { slug: 'fulham-fix', name: 'Fulham Fix', base: 'hammersmith-and-fulham', offset: [0.004, -0.008], tagline: 'Handyman, painting and small builds', onDemand: true, hours: 'weekdays-sat', services: [['handyman', 'TV wall mounting', 6500, 60], ['painting-decorating', 'Touch-up painting', 9000, 180]], serves: ['hammersmith-and-fulham', 'kensington-and-chelsea', 'wandsworth', 'ealing'] },
  { slug: 'city-office-care', name: 'City Office Care', base: 'city-of-london', offset: [0.002, -0.002], tagline: 'Office cleaning and facilities help in the Square Mile', onDemand: true, hours: 'extended', services: [['cleaning', 'Office deep clean', 18000, 240, 3], ['handyman', 'Office repairs (per hour)', 5500, 60]], serves: ['city-of-london', 'tower-hamlets', 'islington', 'westminster', 'southwark'] },
  { slug: 'docklands-electrical', name: 'Docklands Electrical', base: 'tower-hamlets', offset: [0.01, -0.01], tagline: 'Electricians for flats and offices in Canary Wharf', onDemand: true, hours: 'weekdays-sat', services: [['electrical', 'Light fitting', 6000, 60], ['electrical', 'EV charger installation', 89000, 300, 2]], serves: ['tower-hamlets', 'newham', 'greenwich', 'city-of-london'] },
  { slug: 'hackney-hire-and-sell', name: 'Hackney Hire & Sell', base: 'hackney', offset: [-0.006, 0.004], tagline: 'Ladders, sanders and decorating kit to rent or buy', onDemand: false, rentals: true, sales: true, hours: 'weekdays-sat', services: [['tool-hire', 'Floor sander hire (1 day)', 5500, 1440], ['tool-hire', 'Ladder hire (1 week)', 3000, 10080]], serves: ['hackney', 'islington', 'haringey', 'tower-hamlets', 'waltham-forest'] },
  { slug: 'wandsworth-white-goods', name: 'Wandsworth White Goods', base: 'wandsworth', offset: [-0.006, -0.006], tagline: 'Appliance repair and reconditioned appliances for sale', onDemand: true, sales: true, hours: 'weekdays', services: [['appliance-repair', 'Washing machine repair', 7000, 60], ['appliance-repair', 'Tumble dryer repair', 7000, 60]], serves: ['wandsworth', 'lambeth', 'merton', 'richmond-upon-thames'] },
  { slug: 'islington-interiors', name: 'Islington Interiors', base: 'islington', offset: [-0.006, 0.005], tagline: 'Period property painting and decorating', onDemand: false, hours: 'weekdays', services: [['painting-decorating', 'Sash window painting', 24000, 360], ['painting-decorating', 'Feature wall', 15000, 240]], serves: ['islington', 'camden', 'hackney'] },
  { slug: 'westminster-pest-control', name: 'Westminster Pest Control', base: 'westminster', offset: [-0.008, 0.004], tagline: 'Commercial and residential pest control', onDemand: true, hours: 'seven-days', services: [['pest-control', 'Commercial pest inspection', 15000, 90], ['pest-control', 'Moth treatment', 14000, 90]], serves: ['westminster', 'kensington-and-chelsea', 'camden', 'city-of-london'] },
  { slug: 'lewisham-lawns', name: 'Lewisham Lawns', base: 'lewisham', offset: [-0.006, -0.008], tagline: 'Lawn care and turfing', onDemand: false, hours: 'weekdays-sat', services: [['gardening', 'Turf laying (per 10 m²)', 15000, 180, 2]], serves: ['lewisham', 'greenwich', 'southwark', 'bromley', 'croydon'] },
  { slug: 'richmond-removals', name: 'Richmond Removals', base: 'richmond-upon-thames', offset: [-0.008, 0.006], tagline: 'Packing and removals with insured crews', onDemand: false, hours: 'weekdays-sat', services: [['removals', 'Packing service (per room)', 12000, 180, 2], ['removals', 'Man and van (half day)', 22000, 240, 2]], serves: ['richmond-upon-thames', 'hounslow', 'kingston-upon-thames', 'wandsworth', 'hammersmith-and-fulham'] },
];
