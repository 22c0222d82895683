import { Prisma } from '../../../prisma/generated/client';
import { inlineSql } from '../../../data/sql-literal';

describe('inlineSql: a parameterised query as text for COPY', () => {
  it('writes each value as a literal of its kind', () => {
    const at = new Date('2026-03-01T18:00:00.000Z');
    const sql = Prisma.sql`select 1 where a = ${7} and b >= ${at}::timestamptz and c = any(${[1, 2, 3]}::int[]) and d ilike ${'%rahim%'} and e = ${-5}`;
    expect(inlineSql(sql)).toBe(
      `select 1 where a = (7) and b >= '2026-03-01T18:00:00.000Z'::timestamptz and c = any('{1,2,3}'::int[]) and d ilike '%rahim%' and e = (-5)`,
    );
  });

  it('keeps quotes and backslashes inside the literal', () => {
    expect(inlineSql(Prisma.sql`x = ${"o'brien"}`)).toBe(`x = 'o''brien'`);
    expect(inlineSql(Prisma.sql`x = ${"'); drop table payments; --"}`)).toBe(`x = '''); drop table payments; --'`);
    expect(inlineSql(Prisma.sql`x ilike ${'%50\\%%'}`)).toBe(`x ilike  E'%50\\\\%%'`);
  });

  it('does not read placeholders out of a value', () => {
    expect(inlineSql(Prisma.sql`a = ${'$2'} and b = ${3}`)).toBe(`a = '$2' and b = (3)`);
  });

  it('writes an empty list as an empty array', () => {
    expect(inlineSql(Prisma.sql`c = any(${[] as number[]}::int[])`)).toBe(`c = any('{}'::int[])`);
  });

  it.each([
    ['NaN', Number.NaN],
    ['an object', { toString: () => "1'" }],
    ['a list of text', ['a', 'b']],
    ['an invalid Date', new Date('nope')],
    ['a boolean', true],
  ])('refuses %s rather than guess', (_, value) => {
    expect(() => inlineSql(Prisma.sql`x = ${value}`)).toThrow();
  });
});
