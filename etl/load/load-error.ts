/** A file that cannot be loaded at all: the message names the file, line, column and reason. */
export class LoadError extends Error {
  constructor(
    /** The file's path as given. */
    readonly file: string,
    /** 1-based line, or 0 when the problem is the file as a whole. */
    readonly line: number,
    /** The column concerned, when there is one. */
    readonly column: string | null,
    /** Why, in plain words. */
    readonly reason: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}${column ? ` [${column}]` : ''}: ${reason}`);
    this.name = 'LoadError';
  }
}
