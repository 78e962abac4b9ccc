import type { SeedDates } from './seed-dates';
import { createCompanyNamer, emailAddress, personName, phoneNumber } from './seed-names';
import type { SeedRandom } from './seed-random';
import type { SeedOwners, SeedRecord } from './seed-types';

const SOURCES = [['web_form', 35], ['import', 15], ['api', 10], ['trade_show', 15], ['referral', 15], ['cold_call', 10]] as const;
const STATUS = [['new', 30], ['contacted', 25], ['qualified', 15], ['converted', 15], ['disqualified', 15]] as const;
const INDUSTRIES = ['manufacturing', 'it', 'finance', 'retail', 'education', 'healthcare', 'energy', 'other'] as const;
const REASONS = [['No budget', '没有预算'], ['Duplicate', '重复线索'], ['Not a decision maker', '非决策人'], ['Wrong contact details', '联系方式无效']] as const;

/** `count` leads in every status; converted ones point at one of `customerIds` (their customer). */
export function generateLeads(rnd: SeedRandom, dates: SeedDates, owners: SeedOwners, count: number, customerIds: readonly string[]): SeedRecord[] {
  const companyName = createCompanyNamer(rnd);
  const out: SeedRecord[] = [];
  for (let i = 0; i < count; i++) {
    const industry = rnd.pick(INDUSTRIES);
    const { name: company, chinese, region } = companyName(industry);
    const status = rnd.weighted(STATUS);
    // Scoring: qualified and converted leads scored high, as the QUALIFY guard (score >= 40) requires.
    const score = status === 'qualified' || status === 'converted' ? rnd.int(40, 100) : rnd.int(0, 80);
    const reason = rnd.pick(REASONS);
    out.push({
      entity: 'lead', id: rnd.uuid(), owner: rnd.weighted(owners.leads), createdAt: dates.at(-rnd.int(0, 365)),
      data: {
        name: personName(rnd, chinese), company, phone: phoneNumber(rnd), email: emailAddress(rnd, `lead${i + 1}`), source: rnd.weighted(SOURCES), industry,
        region, score, status,
        disqualify_reason: status === 'disqualified' ? (chinese ? reason[1] : reason[0]) : null,
        converted_customer: status === 'converted' && customerIds.length > 0 ? rnd.pick(customerIds) : null,
      },
    });
  }
  return out;
}
