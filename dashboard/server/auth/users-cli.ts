/**
 * `npm run users -- add <username> --role policy|concertador [--territories 17,0901]`: creates
 * or replaces a staff account in the users file (`FARO_USERS`, default `data/users.json`). The
 * password is read from standard input (or `FARO_NEW_PASSWORD`), never from the command line.
 */
import { createInterface } from 'node:readline/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { hashPassword } from './password.ts';
import { FileUserStore, type StaffRole } from './user-store.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { role: { type: 'string' }, territories: { type: 'string', default: '' } } });
const [command, username] = positionals;
if (command !== 'add' || !username || !['policy', 'concertador'].includes(values.role ?? '')) {
  console.error('Uso / usage: npm run users -- add <usuario> --role policy|concertador [--territories 17,0901]');
  process.exit(2);
}
let password = process.env.FARO_NEW_PASSWORD;
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  password = (await rl.question('Contraseña (10 caracteres o más) / password: ')).trim();
  rl.close();
}
const store = new FileUserStore(resolve(process.env.FARO_USERS ?? 'data/users.json'));
store.save({ username, role: values.role as StaffRole, territories: values.territories!.split(',').filter(Boolean), passwordHash: await hashPassword(password) });
console.log(`Usuario ${username} (${values.role}) guardado.`);
