import { firstPeriodToBill } from '../../../services/demo-data.service';

describe('the period the demo suggests billing first', () => {
  it("is today's month when the subscriptions began before or during it (nothing is invoiced yet)", () => {
    expect(firstPeriodToBill(['2024-03-15', '2026-10-02'], '2026-11-23')).toBe('2026-11');
    expect(firstPeriodToBill(['2026-11-23'], '2026-11-23')).toBe('2026-11');
  });

  it('is next month, the latest a run accepts, when every subscription begins later', () => {
    expect(firstPeriodToBill(['2026-12-01'], '2026-11-23')).toBe('2026-12');
    expect(firstPeriodToBill(['2027-05-01'], '2026-12-31')).toBe('2027-01');
  });

  it("is today's month when there are no subscriptions", () => {
    expect(firstPeriodToBill([], '2026-11-23')).toBe('2026-11');
  });
});
