import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/** Staff roles; anonymous visitors are the public. */
export type StaffRole = 'policy' | 'concertador';

/** A signed-in user of the staff dashboards. */
export interface User {
  username: string;
  role: StaffRole;
  /** Province or canton codes a concertador may see firm-level data for. */
  territories: string[];
  passwordHash: string;
}

/** Where users live; a ministry plugs its own single sign-on in here (see the README). */
export interface UserStore {
  find(username: string): User | undefined;
  /** Every user, when the store can list them (to precompute the outreach staff's firm lists). */
  list?(): User[];
}

/** Users kept in a JSON file outside the warehouse (`data/users.json`), hashes only. */
export class FileUserStore implements UserStore {
  constructor(private readonly path: string) {}

  private all(): User[] {
    return existsSync(this.path) ? (JSON.parse(readFileSync(this.path, 'utf8')) as User[]) : [];
  }

  /** Every user. */
  list(): User[] {
    return this.all();
  }

  /** Finds a user by name. */
  find(username: string): User | undefined {
    return this.all().find((u) => u.username === username);
  }

  /** Adds or replaces a user, writing the file atomically. */
  save(user: User): void {
    const users = this.all().filter((u) => u.username !== user.username);
    users.push(user);
    writeFileSync(`${this.path}.tmp`, `${JSON.stringify(users, null, 2)}\n`, { mode: 0o600 });
    renameSync(`${this.path}.tmp`, this.path);
  }
}
