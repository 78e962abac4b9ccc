import type { SeedRandom } from './seed-random';
import * as V from './seed-vocabulary';

/**
 * Company names, Chinese (about 70 %) or English, never repeated within one seed: duplicate
 * detection is a feature of the app, and the demo data should not trip it.
 */
export function createCompanyNamer(rnd: SeedRandom) {
  const used = new Set<string>();
  let region = 'overseas';
  const draw = (industry: string, chinese: boolean) => {
    const [city, cityRegion] = rnd.pick(V.CITIES);
    if (chinese) region = cityRegion;
    return chinese
      ? `${city}${rnd.pick([...V.NAME_CHARS])}${rnd.pick([...V.NAME_CHARS])}${rnd.pick(V.CN_INDUSTRY_WORDS[industry])}${rnd.pick(V.CN_SUFFIXES)}`
      : `${rnd.pick(V.EN_FIRST)}${rnd.pick(V.EN_SECOND) ? ` ${rnd.pick(V.EN_SECOND)}` : ''} ${rnd.pick(V.EN_INDUSTRY_WORDS[industry])} ${rnd.pick(V.EN_SUFFIXES)}`;
  };
  /** `region`: the city's for a Chinese name; for an English one the caller decides. */
  return (industry: string): { name: string; chinese: boolean; region: string } => {
    const chinese = rnd.chance(0.7);
    let name = draw(industry, chinese);
    // At 100,000 customers the word lists repeat; a branch number keeps names unique.
    for (let n = 2; used.has(name); n++) name = chinese ? `${draw(industry, chinese)}（${n}）` : `${draw(industry, chinese)} (${n})`;
    used.add(name);
    return { name, chinese, region };
  };
}

export function personName(rnd: SeedRandom, chinese: boolean): string {
  return chinese ? `${rnd.pick([...V.CN_SURNAMES])}${rnd.pick(V.CN_GIVEN)}` : `${rnd.pick(V.EN_GIVEN)} ${rnd.pick(V.EN_FAMILY)}`;
}

export function jobTitle(rnd: SeedRandom, chinese: boolean): string {
  return rnd.pick(chinese ? V.CN_TITLES : V.EN_TITLES);
}

/** Mainland mobile numbers in a range no carrier assigns (199 0…), so the demo never dials a real person. */
export function phoneNumber(rnd: SeedRandom): string {
  return `+86 1990${rnd.int(1000000, 9999999)}`;
}

/** `example.com`-style domains (RFC 2606) so the demo never mails anyone. */
export function emailAddress(rnd: SeedRandom, local: string): string {
  return `${local}${rnd.int(1, 9999)}@${rnd.pick(['example.com', 'example.net', 'example.org'])}`;
}
