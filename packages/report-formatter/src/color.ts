// ANSI colour, applied only when the caller asks (callers pass `!NO_COLOR && isTTY`).

/** The colours the summaries use. */
export type Colour = 'red' | 'green' | 'yellow' | 'bold' | 'dim' | 'cyan';

const CODES: Record<Colour, [number, number]> = {
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  bold: [1, 22],
  dim: [2, 22],
};

/** Returns a painter: `paint('red', text)` colours text when enabled, else returns it unchanged. */
export function createPainter(enabled: boolean): (colour: Colour, text: string) => string {
  return (colour, text) => {
    if (!enabled) return text;
    const [open, close] = CODES[colour];
    return `\u001b[${open}m${text}\u001b[${close}m`;
  };
}
