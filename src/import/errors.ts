// Row errors of an import (interfaces.md "Command line": name file, line and column). Reported
// errors are capped so a wholly wrong file does not flood the terminal; the total is kept.

export interface RowError {
  /** 1-based physical line in the file; the header is line 1. */
  line: number;
  column: string;
  reason: string;
}

export const ERROR_CAP = 100;

/** Keeps the first ERROR_CAP errors (by line) and counts all of them. */
export class ErrorCollector {
  private readonly kept: RowError[] = [];
  total = 0;

  add(line: number, column: string, reason: string): void {
    this.total++;
    this.kept.push({ line, column, reason });
    if (this.kept.length > ERROR_CAP * 2) this.trim();
  }

  /** Adds errors found by one SQL check: its first rows and how many it found in all. */
  addFound(found: readonly RowError[], totalFound: number): void {
    this.total += totalFound;
    this.kept.push(...found);
    this.trim();
  }

  get any(): boolean {
    return this.total > 0;
  }

  list(): RowError[] {
    this.trim();
    return [...this.kept];
  }

  private trim(): void {
    this.kept.sort((a, b) => a.line - b.line || a.column.localeCompare(b.column));
    this.kept.length = Math.min(this.kept.length, ERROR_CAP);
  }
}

/** Thrown inside the import transaction to roll it back; carries the collected errors. */
export class ImportRejected extends Error {
  readonly errors: ErrorCollector;
  constructor(errors: ErrorCollector) {
    super(`import rejected: ${errors.total} invalid rows`);
    this.name = "ImportRejected";
    this.errors = errors;
  }
}
