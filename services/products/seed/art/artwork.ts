import type { MotifName } from './motifs';

/** How one product's image is drawn: which motif, in which colour, with which short caption. */
export interface Artwork {
  motif: MotifName;
  /** The product's own colour, `#rrggbb`. */
  colour: string;
  /** Caption under the drawing; short enough to fit the 400 px canvas (20 characters at most). */
  label: string;
}

/** A pale background per category, so a category reads as one family of images. */
export const CATEGORY_BACKGROUNDS: Readonly<Record<string, string>> = {
  kitchen: '#fbeee0',
  home: '#f1e9f5',
  garden: '#e6f2e1',
  outdoor: '#e2eef6',
  stationery: '#f6f1e2',
  books: '#efe9e1',
};

const art = (motif: MotifName, colour: string, label: string): Artwork => ({ motif, colour, label });

/** The artwork of each seed product, by sku. */
export const ARTWORK: Readonly<Record<string, Artwork>> = {
  'MUG-ENAMEL-BLU': art('mug', '#2f6db5', 'Enamel mug'),
  'MUG-STONEWARE-SAGE': art('mug', '#8fa98a', 'Stoneware mug'),
  'PAN-CASTIRON-26': art('pan', '#3d3d3d', 'Skillet 26 cm'),
  'BOARD-OAK-L': art('board', '#b98546', 'Oak board'),
  'KNIFE-CHEF-20': art('knife', '#5b3d28', "Chef's knife"),
  'TEAPOT-CERAMIC-WHT': art('teapot', '#e4e0d8', 'Teapot 1 L'),
  'JAR-GLASS-1L': art('jar', '#c9a86a', 'Storage jar'),
  'TOWEL-TEA-LINEN-3': art('towel', '#c0392b', 'Tea towels'),
  'CANDLE-SOY-FIG': art('candle', '#7d5a7a', 'Fig candle'),
  'CUSHION-WOOL-MUST': art('cushion', '#d4a12a', 'Wool cushion'),
  'THROW-WOOL-GRY': art('throw', '#8a8d91', 'Wool throw'),
  'LAMP-TABLE-BRS': art('lamp', '#b8913a', 'Table lamp'),
  'VASE-GLASS-AMB': art('vase', '#d08a2e', 'Glass vase'),
  'CLOCK-WALL-30': art('clock', '#c8a27a', 'Wall clock'),
  'LOGS-KILN-DRIED-40L': art('logs', '#a0693a', 'Hardwood logs'),
  'KINDLING-BUNDLE-3KG': art('kindling', '#d6b27c', 'Kindling'),
  'CAN-WATERING-9L': art('watering-can', '#9aa3a8', 'Watering can'),
  'TROWEL-STEEL-ASH': art('trowel', '#c59d6b', 'Trowel'),
  'GLOVES-GARDEN-M': art('glove', '#5e8c3a', 'Garden gloves'),
  'POT-TERRACOTTA-25': art('pot', '#c8643b', 'Terracotta pot'),
  'SEEDS-HERB-COLLECTION': art('seed-packet', '#4f8a3c', 'Herb seeds'),
  'SECATEURS-BYPASS': art('secateurs', '#c0392b', 'Secateurs'),
  'FEEDER-BIRD-HANG': art('feeder', '#3f6e4f', 'Bird feeder'),
  'KNEELER-FOAM-GRN': art('kneeler', '#6aa84f', 'Kneeler'),
  'BOTTLE-STEEL-750': art('bottle', '#2a7f86', 'Steel bottle'),
  'TENT-2P-TRAIL': art('tent', '#e07a2f', 'Trail tent'),
  'PACK-DAY-20L': art('backpack', '#34495e', 'Daypack 20 L'),
  'TORCH-HEAD-300': art('head-torch', '#f0b429', 'Head torch'),
  'STOVE-CAMP-GAS': art('stove', '#2c5f8a', 'Camp stove'),
  'MAT-SLEEP-FOAM': art('mat', '#3c8d5a', 'Sleeping mat'),
  'JACKET-KIDS-RAIN-7': art('jacket', '#f2c14e', "Kids' raincoat"),
  'BOOTS-KIDS-WELLY-12': art('boot', '#d64550', "Kids' wellies"),
  'NOTEBOOK-A5-DOT': art('notebook', '#22313f', 'Dot notebook'),
  'PEN-FOUNTAIN-STL': art('pen', '#7f8c8d', 'Fountain pen'),
  'PENCILS-GRAPHITE-12': art('pencils', '#2d6a4f', 'Pencils'),
  'PLANNER-WEEKLY-A5': art('notebook', '#b5543c', 'Weekly planner'),
  'CARDS-NOTE-10': art('envelope', '#b08d57', 'Note cards'),
  'INK-BOTTLE-BLK': art('ink', '#1f1f1f', 'Black ink'),
  'TAPE-WASHI-5': art('tape', '#e58fa5', 'Washi tape'),
  'ORGANISER-DESK-BIRCH': art('organiser', '#d9b98c', 'Desk organiser'),
  'BOOK-BREAD-HOME': art('book', '#c7853f', 'Bread at Home'),
  'BOOK-GARDEN-YEAR': art('book', '#5b8c51', 'Small Garden Year'),
  'BOOK-COAST-WALKS': art('book', '#2e6f95', 'Coastal Walks'),
  'BOOK-SLOW-FERMENTS': art('book', '#8c3b4a', 'Slow Ferments'),
  'BOOK-NIGHT-SKY-KIDS': art('book', '#1d2b5a', 'Night Sky'),
  'BOOK-CALLIGRAPHY': art('book', '#444444', 'Art of Letters'),
  'BOOK-BIRDS-POCKET': art('book', '#3a7d7b', 'Field & Shore'),
  'BOOK-MEND-MAKE': art('book', '#7a6a4f', 'Mend and Make Do'),
};
