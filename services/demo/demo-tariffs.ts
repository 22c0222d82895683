// Demo price lists. Bangladesh: BDT in paisa, VAT 5% on ISP service; Czechia: CZK in
// haléř, VAT 21%. Consumer prices include tax, business prices do not.
import type { BillingCycle, ServiceKind } from '../../prisma/generated/enums';

export type DemoRegion = 'BD' | 'CZ';

export interface DemoTariff {
  region: DemoRegion;
  name: string;
  serviceKind: ServiceKind;
  priceMinor: number;
  billingCycle: BillingCycle;
  taxRateBp: number;
  pricesIncludeTax: boolean;
  speedProfile: string;
  throttledProfile: string;
  /** How often customers of the region pick it among tariffs of its kind. */
  popularity: number;
}

type Row = [name: string, kind: ServiceKind, priceMinor: number, cycle: BillingCycle, speed: string, throttled: string, popularity: number, business?: boolean];

const BD: Row[] = [
  ['Home 10 Mbps', 'internet', 80_000, 'monthly', '10M/10M', '1M/1M', 20],
  ['Home 20 Mbps', 'internet', 100_000, 'monthly', '20M/20M', '1M/1M', 30],
  ['Home 40 Mbps', 'internet', 150_000, 'monthly', '40M/40M', '2M/2M', 20],
  ['Home 60 Mbps', 'internet', 200_000, 'monthly', '60M/60M', '2M/2M', 10],
  ['Home 100 Mbps', 'internet', 300_000, 'monthly', '100M/100M', '5M/5M', 5],
  ['Business 50 Mbps', 'internet', 600_000, 'monthly', '50M/50M', '5M/5M', 3, true],
  ['Home 20 Mbps Quarterly', 'internet', 285_000, 'quarterly', '20M/20M', '1M/1M', 4],
  ['Home 40 Mbps Annual', 'internet', 1_650_000, 'annual', '40M/40M', '2M/2M', 2],
  ['IPTV Basic', 'iptv', 30_000, 'monthly', 'IPTV-SD', '512k/512k', 3],
  ['IPTV Plus', 'iptv', 50_000, 'monthly', 'IPTV-HD', '512k/512k', 1],
  ['VoIP Home', 'voip', 20_000, 'monthly', '128k/128k', '64k/64k', 1],
];

const CZ: Row[] = [
  ['Domov 100 Mbps', 'internet', 39_900, 'monthly', '100M/100M', '1M/1M', 25],
  ['Domov 300 Mbps', 'internet', 54_900, 'monthly', '300M/300M', '2M/2M', 35],
  ['Domov 1 Gbps', 'internet', 79_900, 'monthly', '1000M/1000M', '2M/2M', 15],
  ['Firma 500 Mbps', 'internet', 129_900, 'monthly', '500M/500M', '5M/5M', 4, true],
  ['Domov 100 Mbps čtvrtletně', 'internet', 113_700, 'quarterly', '100M/100M', '1M/1M', 4],
  ['Domov 300 Mbps ročně', 'internet', 599_000, 'annual', '300M/300M', '2M/2M', 3],
  ['TV Start', 'iptv', 19_900, 'monthly', 'IPTV-HD', '512k/512k', 3],
  ['TV Komplet', 'iptv', 39_900, 'monthly', 'IPTV-4K', '512k/512k', 1],
  ['Pevná linka', 'voip', 9_900, 'monthly', '128k/128k', '64k/64k', 1],
];

const VAT_BP: Record<DemoRegion, number> = { BD: 500, CZ: 2100 };

function tariffs(region: DemoRegion, rows: Row[]): DemoTariff[] {
  return rows.map(([name, serviceKind, priceMinor, billingCycle, speedProfile, throttledProfile, popularity, business]) => ({
    region, name, serviceKind, priceMinor, billingCycle, taxRateBp: VAT_BP[region], pricesIncludeTax: !business, speedProfile, throttledProfile, popularity,
  }));
}

export const DEMO_TARIFFS: readonly DemoTariff[] = [...tariffs('BD', BD), ...tariffs('CZ', CZ)];

export const REGION_SETTINGS: Record<DemoRegion, { currency: string; timezone: string; chargeTaxRateBp: number; installationMinor: number; routerMinor: number }> = {
  BD: { currency: 'BDT', timezone: 'Asia/Dhaka', chargeTaxRateBp: 1500, installationMinor: 100_000, routerMinor: 250_000 },
  CZ: { currency: 'CZK', timezone: 'Europe/Prague', chargeTaxRateBp: 2100, installationMinor: 99_000, routerMinor: 149_000 },
};
