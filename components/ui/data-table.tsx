'use client';

import { useId, useMemo, useState, type ReactNode } from 'react';
import { ArrowDown, ArrowUp, ArrowUpDown, Download } from 'lucide-react';
import { toCsv, type CsvValue } from '@/lib/core/csv';
import { Button } from './button';
import { cn } from './cn';

/*
 * Column definitions contain functions, and functions cannot be passed from a Server Component
 * to a Client Component. Define the columns in a small 'use client' file of your feature
 * (e.g. `jobs-table.tsx`) and pass it plain, serialisable rows from the server page.
 */

export type SortValue = string | number | bigint | Date | boolean | null | undefined;
export type SortDirection = 'ascending' | 'descending';

export interface DataTableColumn<T> {
  /** Stable id of the column; also the property read from the row when `cell`/`csv` are omitted. */
  key: string;
  header: string;
  /** Rendered cell. Defaults to the row's `key` property when it is a string or number. */
  cell?: (row: T) => ReactNode;
  /** Value written to the CSV export; `false` leaves the column out (e.g. an actions column). */
  csv?: ((row: T) => string | number | null) | false;
  sortable?: boolean;
  /** What to sort by when the rendered cell is not the raw value (e.g. formatted money). Falls back to `csv`, then the `key` property. */
  sortValue?: (row: T) => SortValue;
  /** "end" right-aligns numbers so digits line up. */
  align?: 'start' | 'end';
  /** Marks the cell as the row's header (<th scope="row">), so screen readers announce it when moving across a row. */
  rowHeader?: boolean;
  className?: string;
}

export interface DataTableProps<T> {
  columns: DataTableColumn<T>[];
  rows: T[];
  /** Names the table for assistive tech and the scroll region; also the default CSV filename. */
  caption: string;
  /** Keep the caption for screen readers only when a visible heading already labels the table. */
  captionHidden?: boolean;
  getRowId: (row: T) => string;
  /** Shown inside the table when `rows` is empty (typically an <EmptyState>). */
  empty?: ReactNode;
  /** Extra controls shown left of the export button (filters, counts). */
  toolbar?: ReactNode;
  exportable?: boolean;
  /** Defaults to `<caption>-<yyyy-mm-dd>.csv`. */
  csvFilename?: string;
  exportLabel?: string;
  initialSort?: { key: string; direction: SortDirection };
  className?: string;
}

function fieldValue(row: unknown, key: string): unknown {
  return row !== null && typeof row === 'object' ? (row as Record<string, unknown>)[key] : undefined;
}

function defaultCell(value: unknown): ReactNode {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' ? String(value) : null;
}

function csvValueOf<T>(column: DataTableColumn<T>, row: T): CsvValue {
  if (column.csv) return column.csv(row);
  const value = fieldValue(row, column.key);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  return null;
}

function sortValueOf<T>(column: DataTableColumn<T>, row: T): SortValue {
  if (column.sortValue) return column.sortValue(row);
  if (column.csv) return column.csv(row);
  const value = fieldValue(row, column.key);
  return value === null || ['string', 'number', 'bigint', 'boolean'].includes(typeof value) || value instanceof Date
    ? (value as SortValue)
    : undefined;
}

// Numeric collation so "Job 10" sorts after "Job 9"; base sensitivity ignores case and accents.
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function isBlank(value: SortValue): boolean {
  return value === null || value === undefined || value === '' || (typeof value === 'number' && Number.isNaN(value));
}

function compareValues(a: SortValue, b: SortValue): number {
  const left = a instanceof Date ? a.getTime() : a;
  const right = b instanceof Date ? b.getTime() : b;
  if (typeof left === 'string' || typeof right === 'string') return collator.compare(String(left), String(right));
  if (left === right) return 0;
  return (left as number | bigint | boolean) < (right as number | bigint | boolean) ? -1 : 1;
}

function defaultFilename(caption: string): string {
  const slug = caption
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'export'}-${new Date().toISOString().slice(0, 10)}.csv`;
}

function downloadCsv(csv: string, filename: string) {
  // The BOM makes Excel read the file as UTF-8 instead of the legacy code page (accented names).
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  // Firefox ignores clicks on detached anchors.
  document.body.append(link);
  link.click();
  link.remove();
  // Safari can still be reading the blob right after click(); revoking later avoids empty files.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function DataTable<T>({
  columns,
  rows,
  caption,
  captionHidden = false,
  getRowId,
  empty,
  toolbar,
  exportable = true,
  csvFilename,
  exportLabel = 'Export CSV',
  initialSort,
  className,
}: DataTableProps<T>) {
  const captionId = useId();
  const [sort, setSort] = useState(initialSort ?? null);

  const sortedRows = useMemo(() => {
    const column = sort ? columns.find((c) => c.key === sort.key) : undefined;
    if (!sort || !column) return rows;
    const factor = sort.direction === 'ascending' ? 1 : -1;
    const keyed = rows.map((row) => ({ row, value: sortValueOf(column, row) }));
    // Blanks go last in both directions: nobody sorts a column to look at the missing values.
    keyed.sort((a, b) => {
      const aBlank = isBlank(a.value);
      const bBlank = isBlank(b.value);
      if (aBlank || bBlank) return Number(aBlank) - Number(bBlank);
      return factor * compareValues(a.value, b.value);
    });
    return keyed.map(({ row }) => row);
  }, [rows, columns, sort]);

  const sortedColumn = sort ? columns.find((c) => c.key === sort.key) : undefined;

  function toggleSort(key: string) {
    setSort((current) =>
      current?.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: 'ascending' },
    );
  }

  function exportCsv() {
    const exported = columns.filter((column) => column.csv !== false);
    const csv = toCsv(
      exported.map((column) => column.header),
      sortedRows.map((row) => exported.map((column) => csvValueOf(column, row))),
    );
    downloadCsv(csv, csvFilename ?? defaultFilename(caption));
  }

  return (
    <div className={cn('grid min-w-0 gap-3', className)}>
      {toolbar || exportable ? (
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div className="flex flex-wrap items-center gap-2">{toolbar}</div>
          {exportable ? (
            <Button variant="secondary" size="sm" onClick={exportCsv} disabled={sortedRows.length === 0}>
              <Download aria-hidden="true" />
              {exportLabel}
              <span className="sr-only">: {caption}</span>
            </Button>
          ) : null}
        </div>
      ) : null}

      {/* Live so the new order is announced after activating a sort button. */}
      <p className="sr-only" role="status">
        {sort && sortedColumn ? `Sorted by ${sortedColumn.header}, ${sort.direction}` : ''}
      </p>

      {/*
       * The scroll container is focusable and named so keyboard users can scroll it with the
       * arrow keys (axe: scrollable-region-focusable) on screens narrower than the table. It is
       * `relative` so visually hidden labels in cells (absolutely positioned) are clipped by it
       * instead of widening the whole page on a phone.
       */}
      <div
        role="region"
        aria-labelledby={captionId}
        tabIndex={0}
        className="relative overflow-x-auto rounded-lg border bg-surface high-contrast:border-2 high-contrast:border-fg"
      >
        <table className="w-full border-collapse text-sm">
          <caption
            id={captionId}
            className={cn('px-4 pt-3 text-start text-base font-semibold text-fg', captionHidden && 'sr-only')}
          >
            {caption}
          </caption>
          <thead className="border-b bg-surface-muted">
            <tr>
              {columns.map((column) => {
                const direction = sort?.key === column.key ? sort.direction : undefined;
                const SortIcon = direction === 'ascending' ? ArrowUp : direction === 'descending' ? ArrowDown : ArrowUpDown;
                return (
                  <th
                    key={column.key}
                    scope="col"
                    aria-sort={direction}
                    className={cn(
                      'px-4 py-2 font-semibold whitespace-nowrap text-fg',
                      column.align === 'end' ? 'text-end' : 'text-start',
                    )}
                  >
                    {column.sortable ? (
                      <button
                        type="button"
                        onClick={() => toggleSort(column.key)}
                        className={cn(
                          '-mx-2 inline-flex min-h-9 cursor-pointer items-center gap-1.5 rounded px-2 hover:bg-secondary-hover',
                          column.align === 'end' && 'flex-row-reverse',
                        )}
                      >
                        {column.header}
                        <SortIcon aria-hidden="true" className={cn('size-4', !direction && 'text-muted')} />
                      </button>
                    ) : (
                      column.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {sortedRows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="px-4 py-6">
                  {empty ?? <p className="text-center text-muted">No results.</p>}
                </td>
              </tr>
            ) : (
              sortedRows.map((row) => (
                <tr key={getRowId(row)} className="border-b last:border-b-0 hover:bg-surface-muted/60">
                  {columns.map((column) => {
                    const content = column.cell ? column.cell(row) : defaultCell(fieldValue(row, column.key));
                    const cellClasses = cn(
                      'px-4 py-3 align-top',
                      column.align === 'end' ? 'text-end tabular-nums' : 'text-start',
                      column.className,
                    );
                    return column.rowHeader ? (
                      <th key={column.key} scope="row" className={cn(cellClasses, 'font-medium text-fg')}>
                        {content}
                      </th>
                    ) : (
                      <td key={column.key} className={cellClasses}>
                        {content}
                      </td>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
