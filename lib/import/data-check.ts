import fs from 'node:fs';
import { parse } from 'csv-parse';
import { isHttpUrl } from '../schemas/source';
import { scaleBetween } from '../units';

/**
 * `npm run data:check <file>`: checks a research or import file for what the import cannot see — that each value's
 * number is in its excerpt (digits, mixed notation such as "54 Milliarden 661 Millionen", or words), that years are
 * plausible, that no partial-year figure is filed as annual, that an indicator has one unit (scales of one unit
 * are fine), and that every URL parses. Pure apart from reading the file; every problem names its line.
 */

export type CheckProblem = { line: number; message: string };
export type CheckReport = { rows: number; problems: CheckProblem[]; notes: CheckProblem[] };

type Row = Record<string, string>;

// Digits of other scripts (Arabic-Indic, Persian) read as ASCII digits.
const foreignDigits = (text: string) =>
  text
    .replace(/\u066B/g, '.') // Arabic decimal separator
    .replace(/\u066C/g, ',') // Arabic thousands separator
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));

/** Scale words in the languages of the research (en, de, tr, ru, uk, ar, it, fr, es, sq, pt), as powers of ten. */
const SCALE_WORDS: [RegExp, number][] = [
  [/^(billion|billions|bn|milliarde|milliarden|mrd|milyar|milyarlık|миллиард\p{L}*|млрд\.?|мільярд\p{L}*|مليار\p{L}*|ب?مليار\p{L}*|miliardi|miliardo|milliard\p{L}*|mil millones|miliard\p{L}*|میلیارد)$/iu, 9],
  [/^(million|millions|mn|mln|m|mio\.?|millionen|milyon|milyonluk|миллион\p{L}*|млн\.?|мільйон\p{L}*|مليون\p{L}*|ملايين|ب?مليون\p{L}*|milioni|milione|millions|millones|millón|milion\p{L}*|milhões|milhão|میلیون)$/iu, 6],
  [/^(thousand|thousands|k|tausend|bin\p{L}*|min|هزار|тысяч\p{L}*|тыс\.?|тисяч\p{L}*|ألف\p{L}*|آلاف|mila|mille|mil|mijë)$/iu, 3],
];

const SMALL_WORDS: Record<string, number> = {
  // English, cardinals and ordinals
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14,
  fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, a: 1, an: 1,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
  thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
  // Turkish
  bir: 1, iki: 2, üç: 3, dört: 4, beş: 5, altı: 6, yedi: 7, sekiz: 8, dokuz: 9, on: 10, birinci: 1, ikinci: 2, üçüncü: 3, dördüncü: 4, beşinci: 5,
  altıncı: 6, yedinci: 7, sekizinci: 8, dokuzuncu: 9, onuncu: 10, yüzde: 0,
  // Italian
  uno: 1, due: 2, tre: 3, quattro: 4, cinque: 5, sei: 6, sette: 7, otto: 8, nove: 9, dieci: 10, primo: 1, secondo: 2, terzo: 3, quarto: 4, quinto: 5,
  sesto: 6, settimo: 7, ottavo: 8, nono: 9, decimo: 10, undicesimo: 11, dodicesimo: 12, sedicesimo: 16, primi: 1,
  // German
  eins: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10,
  // Russian and Ukrainian (common case forms)
  один: 1, одна: 1, два: 2, две: 2, три: 3, трёх: 3, трех: 3, четыре: 4, пять: 5, пяти: 5, шесть: 6, шести: 6, семь: 7, восемь: 8, девять: 9, десять: 10,
  чотири: 4, "п'ять": 5, шість: 6, шести_: 6,
  // Arabic
  واحد: 1, اثنان: 2, ثلاثة: 3, أربعة: 4, خمسة: 5,
  // Spanish, French, Portuguese
  dos: 2, cuatro: 4, seis: 6, deux: 2, trois: 3, quatre: 4, cinq: 5,
};

/** Words that join the parts of one number ("25 million and 64,776", "2 milyon 60 bin 8", "3 ملايين و85 ألفا و215"). */
const JOINERS = /^(and|und|ve|и|і|та|e|y|et|و)$/iu;

/** A token of digits with separators, read every way a separator could be meant (thousands or decimals). */
function readDigits(token: string): number[] {
  const t = token.replace(/[\u00a0\u202f\u2009']/g, ' ').trim();
  const out = new Set<number>();
  const plain = Number(t.replace(/ /g, ''));
  if (Number.isFinite(plain)) out.add(plain);
  // 1,234.5 (comma thousands) and 1.234,5 (point thousands)
  const a = Number(t.replace(/[ ,]/g, ''));
  if (Number.isFinite(a)) out.add(a);
  const b = Number(t.replace(/[ .]/g, '').replace(',', '.'));
  if (Number.isFinite(b)) out.add(b);
  return [...out];
}

/** Every number the text states, in digits, mixed notation or words (an over-approximation is fine: a match is all we need). */
export function numbersIn(excerpt: string): number[] {
  const text = foreignDigits(excerpt);
  // A number is thousands-grouped digits ("2,825.99", "45 058 286") or digits with at most one separator ("2.538937");
  // a list such as "2.538937,2.115535" stays two numbers.
  const tokens = text.match(/\d{1,3}(?:[ \u00a0\u202f',.]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?|[\p{L}'][\p{L}\p{M}'.]*/gu) ?? [];
  const found = new Set<number>();
  // Every run of digits and separators, whole and split at commas (CSV rows, lists): "2,71,78,2.538937" holds 2.538937.
  for (const run of text.match(/[\d.,]*\d/g) ?? []) {
    for (const part of [run, ...run.split(',')]) for (const n of readDigits(part)) found.add(n);
  }
  // Each token alone, and runs of "number scale-word number scale-word …" composed.
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    const word = SMALL_WORDS[first.toLowerCase()];
    const starts: number[] = /^\d/.test(first) ? readDigits(first) : word !== undefined ? [word] : [];
    // a scale word may open a run on its own ("about a million", "около миллиона", "بمليونين": two million)
    const scaleOnly = SCALE_WORDS.find(([re]) => re.test(first));
    if (scaleOnly) {
      found.add(10 ** scaleOnly[1]);
      if (/ين$/.test(first)) {
        found.add(2 * 10 ** scaleOnly[1]); // Arabic dual: "two million"
        composeFrom(tokens, i + 1, 2 * 10 ** scaleOnly[1], found);
      }
    }
    for (const start of starts) {
      found.add(start);
      composeFrom(tokens, i + 1, null, found, start);
    }
  }
  return [...found];
}

function composeFrom(tokens: string[], from: number, total: number | null, found: Set<number>, pending?: number) {
  let sum = total ?? 0;
  let current = pending;
  for (let j = from; j < Math.min(tokens.length, from + 12); j++) {
    const token = tokens[j]!.replace(/(?<=\p{L})\.$/u, '');
    const scale = SCALE_WORDS.find(([re]) => re.test(token));
    if (scale && current !== undefined) {
      sum += current * 10 ** scale[1];
      current = undefined;
      found.add(sum);
      continue;
    }
    if (JOINERS.test(token) || /^(about|around|nearly|close|to|over|more|than|some|около|порядка|près|de)$/i.test(token)) continue;
    if (/^\d/.test(token) && current === undefined) {
      const readings = readDigits(token);
      if (readings.length === 0) break;
      for (const r of readings) found.add(sum + r);
      // after a scale word, "693.837" is thousands-grouped: 693837
      current = ((total !== null || sum > 0) && /[.,]\d{3}$/.test(token) ? readings.find((r) => Number.isInteger(r)) : undefined) ?? readings[0]!;
      continue;
    }
    if (SMALL_WORDS[token.toLowerCase()] !== undefined && current === undefined) {
      current = SMALL_WORDS[token.toLowerCase()]!;
      found.add(sum + current);
      continue;
    }
    break;
  }
  if (current !== undefined) found.add(sum + current);
}

/** Whether `value` is exactly one of the stated numbers, at its scale or another power of a thousand ("6.168" for "six billion 168 million"). */
export function excerptStates(excerpt: string, value: number): boolean {
  const candidates = numbersIn(excerpt);
  const tolerance = Math.max(Math.abs(value) * 1e-9, 1e-12);
  for (const c of candidates) {
    for (const k of [0, 3, -3, 6, -6, 9, -9]) {
      if (Math.abs(c * 10 ** k - Math.abs(value)) <= tolerance) return true;
    }
  }
  return false;
}

/** Months, quarters and halves that make a figure part of a year (a marketing year or season is a whole year). */
const PARTIAL = /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|jun(e)?|jul(y)?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\s*[–-]\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\b|\bH[12]\b|\bQ[1-4]\b|first (half|quarter|six months|nine months|eight months|ten months|eleven months)|year[- ]to[- ]date|\bYTD\b|so far this year|\bonly\b.*\bmonths?\b/i;
const WHOLE = /marketing year|\bMY\b|season|crop year|fiscal year|jan(uary)?\s*[–-]\s*dec(ember)?/i;

const CODED_UNIT = /code|binary/i;

export async function checkFile(file: string, options: { thisYear?: number } = {}): Promise<CheckReport> {
  const thisYear = options.thisYear ?? new Date().getUTCFullYear();
  const report: CheckReport = { rows: 0, problems: [], notes: [] };
  const units = new Map<string, { unit: string; line: number }[]>();
  const parser = fs.createReadStream(file).pipe(parse({ columns: (h: string[]) => h.map((c) => c.trim().replace(/^\uFEFF/, '')), skip_empty_lines: true, info: true }));
  for await (const { record, info } of parser as AsyncIterable<{ record: Row; info: { lines: number } }>) {
    report.rows++;
    const line = info.lines;
    const add = (message: string) => report.problems.push({ line, message });
    // Observations (research or import format), exchange rates (per_usd) and events (date) share the checks that apply.
    const raw = record.value ?? record.per_usd;
    const status = record.status ?? 'reported';
    if (raw !== undefined) {
      const value = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(value)) add(`value "${raw}" is not a number`);
      else if (!CODED_UNIT.test(record.unit ?? '') && record.excerpt !== undefined) {
        if (!record.excerpt.trim()) add('the excerpt is empty');
        else if (!excerptStates(record.excerpt, value)) add(`the value ${raw} is not in its excerpt (in digits, mixed notation or words)`);
      }
    }
    const yearText = record.year ?? record.date?.slice(0, 4) ?? record.joined_on?.slice(0, 4);
    const year = Number(yearText);
    const latest = status === 'forecast' ? thisYear + 30 : thisYear + 1;
    if (yearText !== undefined && (!Number.isInteger(year) || year < (record.joined_on ? 1940 : 1950) || year > latest)) {
      add(`year ${yearText} is implausible (${status === 'forecast' ? 'forecasts' : 'figures'} run 1950–${latest})`);
    }
    if (record.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(record.date)) add(`date "${record.date}" is not YYYY-MM-DD`);
    if (record.end_date && record.date && record.end_date < record.date) add(`the event ends (${record.end_date}) before it starts (${record.date})`);
    const period = record.period_note ?? '';
    if (status !== 'partial_year' && status !== 'forecast' && PARTIAL.test(period) && !WHOLE.test(period)) {
      add(`a partial-year figure is filed as annual ("${period.slice(0, 80)}"): give it status partial_year`);
    }
    if (record.source_url && !isHttpUrl(record.source_url)) add(`source_url "${record.source_url.slice(0, 80)}" does not parse as an http(s) URL`);
    if (record.indicator && record.unit) units.set(record.indicator, [...(units.get(record.indicator) ?? []), { unit: record.unit, line }]);
  }
  for (const [indicator, seen] of units) {
    const first = seen[0]!;
    const other = seen.find((s) => s.unit !== first.unit && scaleBetween(s.unit, first.unit) === null);
    if (other) report.problems.push({ line: other.line, message: `indicator "${indicator}" has more than one unit: "${first.unit}" (line ${first.line}) and "${other.unit}"` });
    const scaled = seen.find((s) => s.unit !== first.unit && scaleBetween(s.unit, first.unit) !== null);
    if (scaled && !other) report.notes.push({ line: scaled.line, message: `indicator "${indicator}" comes at two scales of one unit ("${first.unit}", "${scaled.unit}"): the import converts` });
  }
  report.problems.sort((a, b) => a.line - b.line);
  return report;
}
