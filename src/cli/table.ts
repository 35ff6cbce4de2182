// Plain-text tables for the terminal: fixed columns, long cells cut with an ellipsis.

export interface Column<T> {
  readonly header: string;
  readonly width: number;
  readonly cell: (row: T) => string;
}

function fitCell(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const line = (cells: string[]) => `${cells.join('  ').trimEnd()}\n`;
  return (
    line(columns.map((c) => fitCell(c.header, c.width))) +
    rows.map((row) => line(columns.map((c) => fitCell(c.cell(row), c.width)))).join('')
  );
}
