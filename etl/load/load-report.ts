/** What one file load did: the reconciliation rows read = loaded + rejected always holds. */
export interface LoadReport {
  file: string;
  source: string;
  sha256: string;
  loadId: number | null;
  /** 'loaded': committed; 'unchanged': the same bytes were loaded before; 'failed': nothing changed. */
  status: 'loaded' | 'unchanged' | 'failed';
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  /** Rows of earlier loads replaced by this one (same natural key or replace scope). */
  rowsReplaced: number;
  encoding: string;
  delimiter: string;
  durationMs: number;
  message?: string;
  /** Source-specific figures about the rows written (see `SourceContract.summarySql`). */
  summary?: Record<string, unknown>;
}
