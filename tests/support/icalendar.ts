/**
 * A reader of iCalendar content lines as RFC 5545 §3.1 and §3.2 define them (unfold, then
 * `name *(";" param) ":" value`, a param-value being a quoted-string or paramtext that ends at
 * `;` `:` or `,`). Calendar programs read a line this way; a test reads Plit's files with it.
 */
export interface ContentLine {
  name: string;
  params: Record<string, string>;
  value: string;
}

export function contentLines(ics: string): ContentLine[] {
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  return unfolded
    .split('\r\n')
    .filter(Boolean)
    .map((line) => {
      let i = 0;
      const readUntil = (stops: string) => {
        const start = i;
        while (i < line.length && !stops.includes(line[i]!)) i++;
        return line.slice(start, i);
      };
      const name = readUntil(';:');
      const params: Record<string, string> = {};
      while (line[i] === ';') {
        i++;
        const key = readUntil('=');
        i++;
        const values: string[] = [];
        for (;;) {
          if (line[i] === '"') {
            i++;
            values.push(readUntil('"'));
            i++;
          } else values.push(readUntil(';:,'));
          if (line[i] !== ',') break;
          i++;
        }
        params[key.toUpperCase()] = values.join(',');
      }
      if (line[i] !== ':') throw new Error(`not an iCalendar content line: ${line}`);
      return { name: name.toUpperCase(), params, value: line.slice(i + 1) };
    });
}
