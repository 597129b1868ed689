import type { PDFFont, PDFPage } from 'pdf-lib';

const MARGIN = 50;
const LINE_HEIGHT = 1.45;

type Style = { readonly size?: number; readonly bold?: boolean };

/**
 * A cursor down A4 pages: writes lines and table rows, opening a new page when one is full. Text the standard
 * fonts cannot encode (they cover Latin-1 and a few more) is printed with "?" in place of each such character,
 * rather than failing the whole invoice.
 */
export class PdfWriter {
  private page: PDFPage;
  private y: number;
  private readonly encodable: { regular: Set<number>; bold: Set<number> };

  constructor(
    private readonly addPage: () => PDFPage,
    private readonly fonts: { readonly regular: PDFFont; readonly bold: PDFFont },
  ) {
    this.page = addPage();
    this.y = this.page.getHeight() - MARGIN;
    this.encodable = { regular: new Set(fonts.regular.getCharacterSet()), bold: new Set(fonts.bold.getCharacterSet()) };
  }

  text(value: string, style: Style = {}): void {
    this.row([value], [MARGIN], style);
  }

  /** One row of cells, each starting at its x; a cell is cut to fit before the next column. */
  row(cells: readonly string[], xs: readonly number[], style: Style = {}): void {
    const size = style.size ?? 9;
    this.advance(size * LINE_HEIGHT);
    const font = style.bold ? this.fonts.bold : this.fonts.regular;
    cells.forEach((cell, index) => {
      const x = xs[index] ?? MARGIN;
      const width = (xs[index + 1] ?? this.page.getWidth() - MARGIN + 40) - x - 6;
      this.page.drawText(this.fit(this.printable(cell, style), font, size, width), { x, y: this.y, size, font });
    });
  }

  gap(points: number): void {
    this.advance(points);
  }

  private advance(points: number): void {
    if (this.y - points < MARGIN) {
      this.page = this.addPage();
      this.y = this.page.getHeight() - MARGIN;
    }
    this.y -= points;
  }

  private printable(value: string, style: Style): string {
    const set = style.bold ? this.encodable.bold : this.encodable.regular;
    return [...value].map((char) => (set.has(char.codePointAt(0) ?? 0) ? char : '?')).join('');
  }

  private fit(value: string, font: PDFFont, size: number, width: number): string {
    if (font.widthOfTextAtSize(value, size) <= width) return value;
    let cut = value;
    while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
    return `${cut}…`;
  }
}
