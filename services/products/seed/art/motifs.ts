/** The three tones a motif is drawn in, all derived from the product's colour. */
export interface Palette {
  main: string;
  dark: string;
  light: string;
}

type Motif = (p: Palette) => string;

// Fixed colours for parts whose colour does not depend on the product (steel, flame, leaves).
const STEEL = '#d5dae0';
const FLAME = '#f4a340';
const LEAF = '#4f8a3c';
const GAS = '#5aa9e6';

// A handle is a thick line in the main colour with an outline, drawn as a wider dark stroke beneath it.
const handle = (d: string, p: Palette) =>
  `<path d="${d}" fill="none" stroke-width="26"/><path d="${d}" fill="none" stroke="${p.main}" stroke-width="14"/>`;

// Each motif draws inside x 50–350, y 40–300 of the 400×400 canvas, in a <g> whose default fill is
// p.main and stroke is p.dark, so a motif only names the colours that differ.
const kitchen = {
  mug: (p) =>
    handle('M270 140h16a32 32 0 0 1 0 64h-16', p) +
    `<rect x="120" y="110" width="150" height="160" rx="18"/>` +
    `<path d="M165 95q-12-20 0-40M205 95q-12-20 0-40" fill="none"/>`,
  pan: (p) =>
    `<rect x="250" y="158" width="120" height="28" rx="14"/>` +
    `<circle cx="165" cy="172" r="100"/><circle cx="165" cy="172" r="72" fill="${p.light}"/>`,
  board: (p) =>
    `<rect x="80" y="80" width="240" height="200" rx="28"/><circle cx="280" cy="118" r="14" fill="${p.light}"/>` +
    `<path d="M120 170h150M120 210h170M120 245h120" fill="none" stroke="${p.light}"/>`,
  knife: (p) =>
    `<path d="M60 220Q150 140 270 160V220Z" fill="${STEEL}"/>` +
    `<rect x="262" y="156" width="100" height="64" rx="16"/>` +
    `<circle cx="295" cy="188" r="6" fill="${p.light}"/><circle cx="330" cy="188" r="6" fill="${p.light}"/>`,
  teapot: (p) =>
    `<path d="M115 200Q70 180 62 130L84 126Q96 165 125 170" />` +
    handle('M285 160a42 42 0 0 1 0 84', p) +
    `<ellipse cx="200" cy="205" rx="100" ry="78"/><ellipse cx="200" cy="128" rx="50" ry="14"/>` +
    `<circle cx="200" cy="105" r="12"/>`,
  jar: (p) =>
    `<rect x="115" y="105" width="170" height="185" rx="30" fill="${p.light}"/>` +
    `<rect x="140" y="185" width="120" height="80" rx="12"/><rect x="130" y="66" width="140" height="40" rx="8"/>`,
  towel: (p) =>
    `<path d="M185 70a15 15 0 0 1 30 0" fill="none"/>` +
    `<rect x="120" y="70" width="160" height="220" rx="8" fill="${p.light}"/>` +
    `<rect x="120" y="110" width="160" height="18" stroke="none"/><rect x="120" y="240" width="160" height="18" stroke="none"/>`,
} satisfies Record<string, Motif>;

const home = {
  candle: (p) =>
    `<path d="M200 60q26 30 0 56q-26-26 0-56Z" fill="${FLAME}"/><path d="M200 116v22" fill="none"/>` +
    `<rect x="125" y="138" width="150" height="152" rx="16"/><ellipse cx="200" cy="146" rx="70" ry="12" fill="${p.light}"/>`,
  cushion: (p) =>
    `<path d="M90 90Q200 60 310 90Q340 180 310 270Q200 300 90 270Q60 180 90 90Z"/>` +
    `<circle cx="200" cy="180" r="12" fill="${p.dark}"/>` +
    `<path d="M200 180L100 100M200 180L300 100M200 180L100 260M200 180L300 260" fill="none" stroke-width="3"/>`,
  throw: (p) =>
    `<rect x="70" y="110" width="260" height="160" rx="16"/>` +
    `<path d="M70 170h260" fill="none" stroke="${p.light}" stroke-width="10"/>` +
    `<path d="M90 270v24M120 270v24M150 270v24M180 270v24M210 270v24M240 270v24M270 270v24M300 270v24" fill="none"/>`,
  lamp: (p) =>
    `<rect x="191" y="180" width="18" height="100" stroke="none"/><ellipse cx="200" cy="285" rx="70" ry="14"/>` +
    `<path d="M140 70h120l45 115h-210Z" fill="${p.light}"/>`,
  vase: (p) =>
    `<path d="M165 60h70v40q85 60 55 170q-5 22-30 22h-90q-25 0-30-22q-30-110 55-170Z"/>` +
    `<ellipse cx="200" cy="62" rx="40" ry="10" fill="${p.light}"/>`,
  clock: (p) =>
    `<circle cx="200" cy="170" r="120"/><circle cx="200" cy="170" r="100" fill="${p.light}"/>` +
    `<path d="M200 170l-50-30M200 170l60-40M200 85v15M285 170h-15M200 255v-15M115 170h15" fill="none" stroke-width="8"/>`,
  logs: (p) =>
    `<circle cx="140" cy="230" r="58"/><circle cx="260" cy="230" r="58"/><circle cx="200" cy="128" r="58"/>` +
    `<g fill="none" stroke="${p.light}"><circle cx="140" cy="230" r="30"/><circle cx="260" cy="230" r="30"/>` +
    `<circle cx="200" cy="128" r="30"/></g>`,
  kindling: (p) =>
    `<path d="M150 60l15 230M180 55l5 240M210 55l-2 240M240 60l-12 232M130 75l28 210M268 72l-32 220" fill="none" ` +
    `stroke="${p.main}" stroke-width="20"/><rect x="118" y="165" width="164" height="20" rx="6" fill="${p.dark}"/>`,
} satisfies Record<string, Motif>;

const garden = {
  'watering-can': (p) =>
    `<path d="M140 200L70 110" fill="none" stroke="${p.main}" stroke-width="22"/>` +
    `<rect x="48" y="88" width="40" height="26" rx="6" transform="rotate(-52 68 101)"/>` +
    `<path d="M160 130q50-80 100 0" fill="none" stroke="${p.main}" stroke-width="16"/>` +
    `<rect x="130" y="130" width="160" height="160" rx="16"/>`,
  trowel: (p) =>
    `<path d="M200 45Q275 115 238 200L200 222L162 200Q125 115 200 45Z" fill="${STEEL}"/>` +
    `<rect x="193" y="218" width="14" height="20" fill="${p.dark}"/><rect x="180" y="235" width="40" height="65" rx="16"/>`,
  glove: (p) =>
    `<rect x="118" y="128" width="40" height="110" rx="20" transform="rotate(-30 138 238)"/>` +
    `<rect x="150" y="60" width="34" height="120" rx="17"/><rect x="186" y="50" width="34" height="130" rx="17"/>` +
    `<rect x="222" y="60" width="34" height="120" rx="17"/><rect x="256" y="80" width="30" height="100" rx="15"/>` +
    `<rect x="148" y="140" width="140" height="110" rx="30"/><rect x="150" y="240" width="136" height="50" rx="8" fill="${p.dark}"/>`,
  pot: () =>
    `<path d="M200 120q-60-30-70-80q60 10 70 80q10-70 70-80q-10 50-70 80Z" fill="${LEAF}"/>` +
    `<path d="M120 150h160l-22 140h-116Z"/><rect x="105" y="115" width="190" height="42" rx="6"/>`,
  'seed-packet': (p) =>
    `<rect x="120" y="50" width="160" height="230" rx="10" fill="${p.light}"/>` +
    `<circle cx="200" cy="140" r="52"/><rect x="145" y="215" width="110" height="16" rx="8" stroke="none"/>` +
    `<g fill="${p.dark}" stroke="none"><ellipse cx="300" cy="280" rx="9" ry="6"/><ellipse cx="320" cy="262" rx="9" ry="6"/>` +
    `<ellipse cx="330" cy="290" rx="9" ry="6"/></g>`,
  secateurs: (p) =>
    `<path d="M195 175L135 300M205 175L265 300" fill="none" stroke="${p.main}" stroke-width="30"/>` +
    `<path d="M200 175L170 55Q225 80 218 170Z" fill="${STEEL}"/><path d="M200 175L245 70Q250 130 212 182Z" fill="${STEEL}"/>` +
    `<circle cx="205" cy="175" r="12" fill="${p.dark}"/>`,
  feeder: (p) =>
    `<path d="M200 40v30" fill="none"/><rect x="165" y="95" width="70" height="170" rx="12" fill="${p.light}"/>` +
    `<path d="M140 100L200 66L260 100Z"/><rect x="155" y="262" width="90" height="28" rx="8"/>` +
    `<path d="M130 150h40M230 150h40M130 220h40M230 220h40" fill="none"/>`,
  kneeler: (p) =>
    `<rect x="70" y="120" width="260" height="160" rx="44"/>` +
    `<rect x="150" y="145" width="100" height="32" rx="16" fill="${p.light}"/>`,
} satisfies Record<string, Motif>;

const outdoor = {
  bottle: (p) =>
    `<rect x="170" y="48" width="60" height="44" rx="10" fill="${p.dark}"/>` +
    `<rect x="140" y="88" width="120" height="210" rx="40"/><rect x="140" y="150" width="120" height="26" fill="${p.light}"/>`,
  tent: (p) =>
    `<path d="M200 60L340 290H60Z"/><path d="M200 150L250 290H150Z" fill="${p.dark}"/>` +
    `<path d="M200 60L200 40M60 290L30 300M340 290L370 300" fill="none"/>`,
  backpack: (p) =>
    `<path d="M165 80q35-40 70 0" fill="none" stroke-width="12"/><rect x="120" y="80" width="160" height="215" rx="50"/>` +
    `<rect x="150" y="190" width="100" height="75" rx="16" fill="${p.dark}"/><path d="M150 170h100" fill="none"/>`,
  'head-torch': (p) =>
    `<ellipse cx="200" cy="200" rx="135" ry="60" fill="none" stroke-width="16"/>` +
    `<rect x="145" y="150" width="110" height="90" rx="20"/><circle cx="200" cy="195" r="28" fill="${p.light}"/>` +
    `<path d="M200 125V75M150 135L120 95M250 135L280 95" fill="none" stroke="${FLAME}" stroke-width="8"/>`,
  stove: (p) =>
    `<rect x="145" y="180" width="110" height="115" rx="22"/><rect x="130" y="150" width="140" height="28" rx="8" fill="${p.dark}"/>` +
    `<path d="M170 150q-10-30 10-55q5 30 20 10q20 25 0 45M110 150l30-30M290 150l-30-30" fill="${GAS}"/>`,
  mat: (p) =>
    `<rect x="60" y="140" width="230" height="130" rx="20"/><circle cx="285" cy="205" r="65"/>` +
    `<circle cx="285" cy="205" r="40" fill="none"/><circle cx="285" cy="205" r="16" fill="none"/>` +
    `<path d="M120 140v130M180 140v130" fill="none" stroke="${p.light}" stroke-width="10"/>`,
  jacket: (p) =>
    `<path d="M150 60h100l85 70l-32 45l-28-20v135h-150v-135l-28 20l-32-45Z"/>` +
    `<path d="M200 70v220" fill="none"/><path d="M150 60q50 50 100 0" fill="${p.dark}"/>` +
    `<rect x="140" y="220" width="40" height="30" rx="6" fill="${p.light}"/><rect x="220" y="220" width="40" height="30" rx="6" fill="${p.light}"/>`,
  boot: (p) =>
    `<path d="M140 55h100v175q90 5 95 50v10h-195Z"/><rect x="135" y="282" width="205" height="20" rx="8" fill="${p.dark}"/>` +
    `<rect x="160" y="70" width="60" height="20" rx="10" fill="${p.light}"/>`,
} satisfies Record<string, Motif>;

const stationery = {
  notebook: (p) =>
    `<rect x="115" y="55" width="175" height="240" rx="12"/><rect x="115" y="55" width="26" height="240" fill="${p.dark}"/>` +
    `<path d="M258 55v240" fill="none" stroke="${p.light}" stroke-width="10"/>`,
  pen: (p) =>
    `<g transform="rotate(40 200 180)"><path d="M182 250h36l-18 62Z" fill="${STEEL}"/>` +
    `<rect x="180" y="50" width="40" height="205" rx="18"/><rect x="222" y="70" width="10" height="90" rx="4" fill="${p.dark}"/></g>`,
  pencils: (p) =>
    [-25, 0, 25]
      .map(
        (angle) =>
          `<g transform="rotate(${angle} 200 300)"><rect x="186" y="60" width="28" height="180" rx="4"/>` +
          `<path d="M186 240h28l-14 45Z" fill="#e8c9a0"/><path d="M195 271h10l-5 14Z" fill="${p.dark}"/></g>`,
      )
      .join(''),
  envelope: () =>
    `<rect x="150" y="60" width="150" height="120" rx="6" fill="#fff"/><path d="M185 100h80" fill="none" stroke="${LEAF}"/>` +
    `<rect x="70" y="120" width="260" height="170" rx="10"/><path d="M70 130L200 220L330 130" fill="none"/>`,
  ink: (p) =>
    `<rect x="165" y="60" width="70" height="40" rx="8" fill="${p.dark}"/><rect x="175" y="98" width="50" height="40"/>` +
    `<rect x="120" y="135" width="160" height="160" rx="22"/><rect x="150" y="180" width="100" height="70" rx="8" fill="${p.light}"/>`,
  tape: (p) =>
    `<path d="M230 280h110v40h-110Z" fill="${p.light}"/><circle cx="200" cy="180" r="115"/>` +
    `<circle cx="200" cy="180" r="55" fill="#fff"/>`,
  organiser: (p) =>
    `<rect x="120" y="70" width="22" height="130" rx="6" fill="${p.dark}"/><rect x="160" y="90" width="22" height="110" rx="6" fill="#c0392b"/>` +
    `<rect x="235" y="60" width="22" height="140" rx="6" fill="#2f6db5"/>` +
    `<rect x="80" y="170" width="240" height="120" rx="10"/><path d="M215 170v120" fill="none"/>`,
} satisfies Record<string, Motif>;

const books = {
  book: (p) =>
    `<rect x="130" y="60" width="180" height="240" rx="8" fill="#fff"/>` +
    `<rect x="110" y="50" width="185" height="240" rx="10"/><rect x="110" y="50" width="28" height="240" fill="${p.dark}"/>` +
    `<path d="M170 110h90M170 140h70" fill="none" stroke="${p.light}" stroke-width="10"/>`,
} satisfies Record<string, Motif>;

/** Every motif by name: one drawing per kind of product. */
export const MOTIFS = { ...kitchen, ...home, ...garden, ...outdoor, ...stationery, ...books } satisfies Record<
  string,
  Motif
>;
export type MotifName = keyof typeof MOTIFS;
