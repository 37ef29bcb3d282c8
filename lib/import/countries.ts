import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

countries.registerLocale(en);

/** English name of an assigned ISO 3166-1 alpha-3 code, or null when the code is not assigned. */
export function countryName(alpha3: string): string | null {
  if (!/^[A-Z]{3}$/.test(alpha3) || !countries.isValid(alpha3)) return null;
  return countries.getName(alpha3, 'en', { select: 'official' }) ?? null;
}
