// Name pools for demo customers. Bangladeshi Muslim names often carry "Md." (Mohammad);
// women commonly use Begum / Akter / Khatun. Czech surnames have a feminine form that
// is not a simple suffix (Němec → Němcová), so each is listed as a pair.
import type { Random } from './seeded-random';

export interface PersonName {
  /** As written on the invoice. */
  display: string;
  first: string;
  last: string;
}

const BD_MUSLIM_MALE = ['Rahim', 'Karim', 'Abdul Kader', 'Hasan', 'Kamal', 'Jamal', 'Rafiqul', 'Shafiqul', 'Habibur', 'Nazmul', 'Mizanur', 'Shahidul', 'Aminul', 'Mahmudul', 'Tanvir', 'Imran', 'Sohel', 'Faruk', 'Arif', 'Rashed', 'Saiful', 'Monirul', 'Jahid', 'Sabbir', 'Rakib', 'Tareq', 'Anisur', 'Mostafizur', 'Ziaur', 'Masud'];
const BD_MUSLIM_MALE_LAST = ['Uddin', 'Islam', 'Rahman', 'Hossain', 'Ahmed', 'Ali', 'Khan', 'Chowdhury', 'Miah', 'Sarker', 'Mollah', 'Talukder', 'Bhuiyan', 'Sheikh', 'Haque', 'Alam', 'Karim', 'Siddique'];
const BD_MUSLIM_FEMALE = ['Fatema', 'Ayesha', 'Nasrin', 'Shirin', 'Rokeya', 'Taslima', 'Nusrat', 'Farhana', 'Sharmin', 'Rehana', 'Jesmin', 'Salma', 'Rumana', 'Tahmina', 'Mahmuda', 'Shamima', 'Nazma', 'Sadia', 'Tania', 'Sabina'];
const BD_MUSLIM_FEMALE_LAST = ['Begum', 'Akter', 'Khatun', 'Sultana', 'Parvin', 'Islam', 'Rahman', 'Chowdhury', 'Hossain'];
const BD_HINDU_MALE = ['Subrata', 'Pradip', 'Sujit', 'Amit', 'Dipankar', 'Gautam', 'Biplob', 'Ratan'];
const BD_HINDU_FEMALE = ['Anjali', 'Mitali', 'Rina', 'Shampa', 'Puja', 'Moumita', 'Sumita', 'Bithi'];
const BD_HINDU_LAST = ['Das', 'Roy', 'Saha', 'Ghosh', 'Dey', 'Paul', 'Sarkar', 'Chakraborty', 'Biswas'];

const CZ_MALE = ['Jiří', 'Jan', 'Petr', 'Josef', 'Pavel', 'Martin', 'Tomáš', 'Jaroslav', 'Miroslav', 'Zdeněk', 'Václav', 'Michal', 'František', 'Jakub', 'Lukáš', 'Ondřej', 'Radek', 'Vojtěch', 'Karel', 'Milan'];
const CZ_FEMALE = ['Jana', 'Marie', 'Eva', 'Hana', 'Anna', 'Lenka', 'Kateřina', 'Lucie', 'Věra', 'Alena', 'Petra', 'Veronika', 'Jaroslava', 'Tereza', 'Martina', 'Zuzana', 'Michaela', 'Ludmila', 'Jitka', 'Helena'];
const CZ_SURNAMES: ReadonlyArray<readonly [string, string]> = [
  ['Novák', 'Nováková'], ['Dvořák', 'Dvořáková'], ['Svoboda', 'Svobodová'], ['Černý', 'Černá'], ['Procházka', 'Procházková'],
  ['Kučera', 'Kučerová'], ['Veselý', 'Veselá'], ['Horák', 'Horáková'], ['Němec', 'Němcová'], ['Marek', 'Marková'],
  ['Pokorný', 'Pokorná'], ['Král', 'Králová'], ['Růžička', 'Růžičková'], ['Beneš', 'Benešová'], ['Fiala', 'Fialová'],
  ['Sedláček', 'Sedláčková'], ['Doležal', 'Doležalová'], ['Zeman', 'Zemanová'], ['Kolář', 'Kolářová'], ['Navrátil', 'Navrátilová'],
  ['Čermák', 'Čermáková'], ['Vaněk', 'Vaňková'], ['Blažek', 'Blažková'], ['Kříž', 'Křížová'], ['Bartoš', 'Bartošová'],
  ['Vlček', 'Vlčková'], ['Polák', 'Poláková'], ['Musil', 'Musilová'], ['Šimek', 'Šimková'], ['Konečný', 'Konečná'],
  ['Štěpánek', 'Štěpánková'], ['Malý', 'Malá'], ['Holub', 'Holubová'], ['Jelínek', 'Jelínková'], ['Říha', 'Říhová'],
];

function person(first: string, last: string, prefix = ''): PersonName {
  return { display: `${prefix}${first} ${last}`, first, last };
}

export function bangladeshiName(rng: Random): PersonName {
  const female = rng.chance(0.4);
  if (rng.chance(0.1)) return person(rng.pick(female ? BD_HINDU_FEMALE : BD_HINDU_MALE), rng.pick(BD_HINDU_LAST));
  if (female) return person(rng.pick(BD_MUSLIM_FEMALE), rng.pick(BD_MUSLIM_FEMALE_LAST));
  return person(rng.pick(BD_MUSLIM_MALE), rng.pick(BD_MUSLIM_MALE_LAST), rng.chance(0.5) ? 'Md. ' : '');
}

export function czechName(rng: Random): PersonName {
  const female = rng.chance(0.45);
  const [male, feminine] = rng.pick(CZ_SURNAMES);
  return female ? person(rng.pick(CZ_FEMALE), feminine) : person(rng.pick(CZ_MALE), male);
}

/** 'Jiří Dvořák' → 'jiri.dvorak', 'Abdul Kader' → 'abdulkader': safe in usernames and e-mail addresses. */
export function asciiSlug(name: PersonName): string {
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
  return `${fold(name.first)}.${fold(name.last)}`;
}
