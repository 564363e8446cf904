/**
 * A one-line progress display on a terminal (a plain line per step elsewhere, e.g. in CI logs):
 * what is being done, for which file, and for how long.
 */
export function progress(stream: NodeJS.WriteStream = process.stderr) {
  let timer: NodeJS.Timeout | null = null;
  let label = '';
  let started = 0;
  const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
  let frame = 0;
  const draw = () => {
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    stream.write(`\r${frames[frame++ % frames.length]} ${label} ${secs} s\x1b[K`);
  };
  return {
    /** Shows a new step. */
    step(text: string) {
      label = text;
      started = Date.now();
      if (!stream.isTTY) {
        stream.write(`… ${text}\n`);
        return;
      }
      timer ??= setInterval(draw, 100);
      draw();
    },
    /** Clears the line. */
    done() {
      if (timer) clearInterval(timer);
      timer = null;
      if (stream.isTTY) stream.write('\r\x1b[K');
    },
  };
}
