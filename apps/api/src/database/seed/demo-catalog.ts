/**
 * The demo catalog: a wholesale distributor's range of industrial and
 * janitorial supplies, built from families × variants so it is large,
 * varied and always the same.
 */
export interface DemoProduct {
  sku: string;
  name: string;
  description: string;
  category: string;
  unit: string;
  listPrice: string;
  minOrderQty: number;
  orderMultiple: number;
  leadTimeDays: number;
  backorderable: boolean;
}

interface Family {
  code: string;
  name: string;
  unit: string;
  /** Base price in cents for the first variant. */
  cents: number;
  pack: number;
  variants: string[];
}

const CATALOG: Record<string, Family[]> = {
  'Gloves & PPE': [
    {
      code: 'GLV-NIT',
      name: 'Nitrile exam gloves, powder-free, box of 100',
      unit: 'box',
      cents: 1200,
      pack: 1,
      variants: ['S', 'M', 'L', 'XL'],
    },
    {
      code: 'GLV-LTX',
      name: 'Latex gloves, lightly powdered, box of 100',
      unit: 'box',
      cents: 980,
      pack: 1,
      variants: ['S', 'M', 'L'],
    },
    {
      code: 'GLV-CUT',
      name: 'Cut-resistant work gloves, level A4, pair',
      unit: 'pair',
      cents: 1450,
      pack: 6,
      variants: ['M', 'L', 'XL'],
    },
    {
      code: 'PPE-GLS',
      name: 'Safety glasses, anti-fog',
      unit: 'each',
      cents: 425,
      pack: 12,
      variants: ['CLEAR', 'SMOKE', 'AMBER'],
    },
    {
      code: 'PPE-EAR',
      name: 'Foam ear plugs, 200 pairs',
      unit: 'box',
      cents: 3150,
      pack: 1,
      variants: ['NRR32', 'NRR29'],
    },
    {
      code: 'PPE-VST',
      name: 'Hi-vis safety vest, class 2',
      unit: 'each',
      cents: 890,
      pack: 10,
      variants: ['M', 'L', 'XL', '2XL'],
    },
    {
      code: 'PPE-MSK',
      name: 'N95 respirator masks, box of 20',
      unit: 'box',
      cents: 2475,
      pack: 1,
      variants: ['STD', 'VALVED'],
    },
  ],
  'Cleaning Chemicals': [
    {
      code: 'CHM-APC',
      name: 'All-purpose cleaner concentrate',
      unit: 'case',
      cents: 3600,
      pack: 1,
      variants: ['1GAL-4', '5GAL'],
    },
    {
      code: 'CHM-DGR',
      name: 'Heavy-duty degreaser',
      unit: 'case',
      cents: 4450,
      pack: 1,
      variants: ['1GAL-4', '5GAL', 'AERO-12'],
    },
    {
      code: 'CHM-DIS',
      name: 'Hospital-grade disinfectant',
      unit: 'case',
      cents: 5200,
      pack: 1,
      variants: ['QT-12', '1GAL-4'],
    },
    {
      code: 'CHM-GLS',
      name: 'Glass cleaner, streak-free',
      unit: 'case',
      cents: 2890,
      pack: 1,
      variants: ['QT-12', '1GAL-4'],
    },
    {
      code: 'CHM-FLR',
      name: 'Neutral floor cleaner',
      unit: 'case',
      cents: 3975,
      pack: 1,
      variants: ['1GAL-4', '5GAL'],
    },
    {
      code: 'CHM-HND',
      name: 'Foaming hand soap refill',
      unit: 'case',
      cents: 6150,
      pack: 1,
      variants: ['1000ML-6', '1200ML-4', 'GAL-4'],
    },
    {
      code: 'CHM-SAN',
      name: 'Hand sanitizer gel, 70% alcohol',
      unit: 'case',
      cents: 4825,
      pack: 1,
      variants: ['8OZ-24', '1000ML-6'],
    },
  ],
  'Paper & Dispensers': [
    {
      code: 'PAP-TT',
      name: 'Two-ply toilet tissue, 96 rolls',
      unit: 'case',
      cents: 6400,
      pack: 1,
      variants: ['STD', 'JUMBO'],
    },
    {
      code: 'PAP-HT',
      name: 'Hand towel rolls, 800 ft, 6 rolls',
      unit: 'case',
      cents: 5450,
      pack: 1,
      variants: ['WHITE', 'KRAFT'],
    },
    {
      code: 'PAP-MF',
      name: 'Multifold paper towels, 4000 sheets',
      unit: 'case',
      cents: 3890,
      pack: 1,
      variants: ['WHITE', 'KRAFT'],
    },
    {
      code: 'PAP-WIP',
      name: 'Industrial wipers, box of 200',
      unit: 'box',
      cents: 2150,
      pack: 1,
      variants: ['LIGHT', 'HEAVY', 'LINT-FREE'],
    },
    {
      code: 'DSP-TWL',
      name: 'Towel dispenser, touchless',
      unit: 'each',
      cents: 8900,
      pack: 1,
      variants: ['BLACK', 'WHITE'],
    },
    {
      code: 'DSP-SOP',
      name: 'Soap dispenser, wall mount',
      unit: 'each',
      cents: 3400,
      pack: 1,
      variants: ['MANUAL', 'TOUCHLESS'],
    },
    {
      code: 'DSP-TIS',
      name: 'Twin jumbo roll tissue dispenser',
      unit: 'each',
      cents: 4700,
      pack: 1,
      variants: ['SMOKE', 'WHITE'],
    },
  ],
  Fasteners: [
    {
      code: 'FST-HXB',
      name: 'Hex bolts, zinc plated, box of 100',
      unit: 'box',
      cents: 1890,
      pack: 1,
      variants: ['M6X20', 'M8X25', 'M10X30', 'M12X40'],
    },
    {
      code: 'FST-NUT',
      name: 'Hex nuts, zinc plated, box of 100',
      unit: 'box',
      cents: 690,
      pack: 1,
      variants: ['M6', 'M8', 'M10', 'M12'],
    },
    {
      code: 'FST-WSH',
      name: 'Flat washers, box of 200',
      unit: 'box',
      cents: 540,
      pack: 1,
      variants: ['M6', 'M8', 'M10'],
    },
    {
      code: 'FST-SCR',
      name: 'Wood screws, countersunk, box of 200',
      unit: 'box',
      cents: 1125,
      pack: 1,
      variants: ['4X30', '4X40', '5X50', '5X70'],
    },
    {
      code: 'FST-ANC',
      name: 'Concrete anchors, box of 50',
      unit: 'box',
      cents: 2340,
      pack: 1,
      variants: ['6MM', '8MM', '10MM'],
    },
    {
      code: 'FST-RIV',
      name: 'Blind rivets, aluminium, box of 500',
      unit: 'box',
      cents: 1575,
      pack: 1,
      variants: ['3.2MM', '4.0MM', '4.8MM'],
    },
  ],
  Packaging: [
    {
      code: 'PKG-BOX',
      name: 'Corrugated shipping boxes, bundle of 25',
      unit: 'bundle',
      cents: 2250,
      pack: 1,
      variants: ['S', 'M', 'L', 'XL'],
    },
    {
      code: 'PKG-TPE',
      name: 'Packing tape, 48 mm x 100 m, 36 rolls',
      unit: 'case',
      cents: 5400,
      pack: 1,
      variants: ['CLEAR', 'BROWN', 'FRAGILE'],
    },
    {
      code: 'PKG-STR',
      name: 'Stretch film, hand roll',
      unit: 'roll',
      cents: 1850,
      pack: 4,
      variants: ['15MU', '20MU', '23MU'],
    },
    {
      code: 'PKG-BUB',
      name: 'Bubble wrap roll, 50 m',
      unit: 'roll',
      cents: 2675,
      pack: 1,
      variants: ['500MM', '750MM', '1000MM'],
    },
    {
      code: 'PKG-LBL',
      name: 'Thermal shipping labels, 500 per roll',
      unit: 'roll',
      cents: 1190,
      pack: 10,
      variants: ['4X6', '4X4'],
    },
    {
      code: 'PKG-MLR',
      name: 'Poly mailers, pack of 100',
      unit: 'pack',
      cents: 1640,
      pack: 1,
      variants: ['10X13', '12X15', '14X17'],
    },
  ],
  Tools: [
    {
      code: 'TL-DRL',
      name: 'HSS drill bit set, 19 pieces',
      unit: 'set',
      cents: 3290,
      pack: 1,
      variants: ['STD', 'COBALT'],
    },
    {
      code: 'TL-BLD',
      name: 'Utility knife blades, pack of 100',
      unit: 'pack',
      cents: 1480,
      pack: 1,
      variants: ['STD', 'HD'],
    },
    {
      code: 'TL-TAP',
      name: 'Tape measure',
      unit: 'each',
      cents: 1260,
      pack: 6,
      variants: ['5M', '8M', '10M'],
    },
    {
      code: 'TL-SCD',
      name: 'Screwdriver set, 8 pieces',
      unit: 'set',
      cents: 2190,
      pack: 1,
      variants: ['SLOT-PH', 'TORX', 'INSUL'],
    },
    {
      code: 'TL-WRN',
      name: 'Combination wrench set, 12 pieces',
      unit: 'set',
      cents: 4875,
      pack: 1,
      variants: ['METRIC', 'SAE'],
    },
    {
      code: 'TL-CBT',
      name: 'Cable ties, pack of 100',
      unit: 'pack',
      cents: 390,
      pack: 10,
      variants: ['150MM', '200MM', '300MM', '380MM'],
    },
  ],
  Electrical: [
    {
      code: 'EL-LED',
      name: 'LED tube lamp, 4000K',
      unit: 'case',
      cents: 8400,
      pack: 1,
      variants: ['T8-4FT-10', 'T8-2FT-10'],
    },
    {
      code: 'EL-BLB',
      name: 'LED bulb A19, pack of 12',
      unit: 'pack',
      cents: 2950,
      pack: 1,
      variants: ['2700K', '4000K', '5000K'],
    },
    {
      code: 'EL-EXT',
      name: 'Extension cord, heavy duty',
      unit: 'each',
      cents: 2350,
      pack: 1,
      variants: ['10M', '25M', '50M'],
    },
    {
      code: 'EL-TPE',
      name: 'Electrical tape, 10 rolls',
      unit: 'pack',
      cents: 890,
      pack: 1,
      variants: ['BLACK', 'RED', 'MIXED'],
    },
    {
      code: 'EL-BAT',
      name: 'Alkaline batteries, pack of 24',
      unit: 'pack',
      cents: 1675,
      pack: 1,
      variants: ['AA', 'AAA', 'C', 'D', '9V'],
    },
    {
      code: 'EL-WNT',
      name: 'Wire connectors, jar of 100',
      unit: 'jar',
      cents: 1290,
      pack: 1,
      variants: ['SMALL', 'MEDIUM', 'LARGE'],
    },
  ],
  Plumbing: [
    {
      code: 'PLB-PTF',
      name: 'PTFE thread seal tape, 10 rolls',
      unit: 'pack',
      cents: 640,
      pack: 1,
      variants: ['12MM', '19MM'],
    },
    {
      code: 'PLB-FLX',
      name: 'Braided flexible connector',
      unit: 'each',
      cents: 790,
      pack: 10,
      variants: ['300MM', '500MM'],
    },
    {
      code: 'PLB-VLV',
      name: 'Brass ball valve',
      unit: 'each',
      cents: 1190,
      pack: 5,
      variants: ['15MM', '22MM', '28MM'],
    },
    {
      code: 'PLB-CLR',
      name: 'Drain cleaner, enzyme',
      unit: 'case',
      cents: 4150,
      pack: 1,
      variants: ['QT-12', '1GAL-4'],
    },
    {
      code: 'PLB-SLC',
      name: 'Sanitary silicone sealant',
      unit: 'case',
      cents: 7200,
      pack: 1,
      variants: ['WHITE-12', 'CLEAR-12'],
    },
  ],
  'Safety Signage': [
    {
      code: 'SGN-WET',
      name: 'Wet floor sign, A-frame',
      unit: 'each',
      cents: 1890,
      pack: 1,
      variants: ['EN', 'EN-ES'],
    },
    {
      code: 'SGN-EXT',
      name: 'Exit sign, photoluminescent',
      unit: 'each',
      cents: 2450,
      pack: 1,
      variants: ['LEFT', 'RIGHT', 'DOWN'],
    },
    {
      code: 'SGN-FRE',
      name: 'Fire extinguisher sign',
      unit: 'each',
      cents: 690,
      pack: 5,
      variants: ['WALL', 'PROJECTING'],
    },
    {
      code: 'SGN-FLT',
      name: 'Floor marking tape, 33 m',
      unit: 'roll',
      cents: 2190,
      pack: 1,
      variants: ['YELLOW', 'RED', 'BLK-YLW'],
    },
  ],
  'Office Supplies': [
    {
      code: 'OFF-PPR',
      name: 'Copy paper A4, 80 gsm, 5 reams',
      unit: 'case',
      cents: 2490,
      pack: 1,
      variants: ['WHITE', 'RECYCLED'],
    },
    {
      code: 'OFF-PEN',
      name: 'Ballpoint pens, box of 50',
      unit: 'box',
      cents: 1150,
      pack: 1,
      variants: ['BLUE', 'BLACK', 'RED'],
    },
    {
      code: 'OFF-NTB',
      name: 'Spiral notebooks, pack of 10',
      unit: 'pack',
      cents: 1790,
      pack: 1,
      variants: ['A4', 'A5'],
    },
    {
      code: 'OFF-BND',
      name: 'Lever arch files, box of 10',
      unit: 'box',
      cents: 2290,
      pack: 1,
      variants: ['BLUE', 'BLACK'],
    },
    {
      code: 'OFF-STK',
      name: 'Sticky notes, 12 pads',
      unit: 'pack',
      cents: 890,
      pack: 1,
      variants: ['YELLOW', 'NEON'],
    },
  ],
};

/** A small deterministic hash so prices and lead times vary but never change between runs. */
export function wobble(text: string, spread: number): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return hash % spread;
}

/** Most families come in a standard and a heavier-duty "Pro" line. */
const LINES = [
  { suffix: '', label: '', factor: 100 },
  { suffix: 'P', label: 'Pro ', factor: 135 },
];

export function demoCatalog(): DemoProduct[] {
  return Object.entries(CATALOG).flatMap(([category, families]) =>
    families.flatMap((family) =>
      LINES.filter((line) => line.suffix === '' || wobble(family.code, 3) !== 0).flatMap((line) =>
        family.variants.map((variant, index) => demoProduct(category, family, line, variant, index)),
      ),
    ),
  );
}

function demoProduct(
  category: string,
  family: Family,
  line: (typeof LINES)[number],
  variant: string,
  index: number,
): DemoProduct {
  const sku = `${family.code}${line.suffix}-${variant}`;
  const base = Math.round((family.cents * line.factor) / 100);
  const cents = base + index * Math.round(base * 0.08) + wobble(sku, 60);
  const pack = family.pack;
  return {
    sku,
    name: `${line.label}${family.name} \u2014 ${variant.replace(/-/g, ' ')}`,
    description: `${line.label}${family.name}. Variant ${variant}. Sold per ${family.unit}${pack > 1 ? ` in packs of ${pack}` : ''}.`,
    category,
    unit: family.unit,
    listPrice: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
    minOrderQty: pack,
    orderMultiple: pack,
    leadTimeDays: 5 + wobble(`${sku}:lead`, 16),
    backorderable: wobble(`${sku}:bo`, 10) !== 0,
  };
}
