/**
 * What someone holding a copy of the local cloud's data folder can read from it, as a forensic reader would: the
 * files copied while the cloud runs, and the pairs of documents the SQLite write-ahead log ties together by the
 * order of its commits (a ballot added in the same commit as its voter's roll flip; a rating beside its code).
 *
 * WAL format (https://www.sqlite.org/fileformat2.html#walformat): a 32-byte header (page size at byte 8), then
 * frames of a 24-byte header (page number at 0, the database size after a commit at 4, non-zero only on a commit's
 * last frame) and one page image. Every frame still in the file is read, stale ones past the last reset included.
 */
import { copyFileSync, existsSync, readFileSync, readdirSync, statSync } from 'fs';
import { join } from 'path';
import { tempDataDir } from '../localcloud/helpers';

/** Copy the folder's files as someone with the disk would, while the store is still running. */
export function copyFolder(from: string, tag = 'copy'): string {
  const to = tempDataDir(tag);
  for (const f of readdirSync(from)) if (statSync(join(from, f)).isFile()) copyFileSync(join(from, f), join(to, f));
  return to;
}

/** Every file of a folder, end to end: what a search for a string in the copy finds. */
export function rawFiles(dir: string): Buffer {
  return Buffer.concat(
    readdirSync(dir)
      .filter((f) => statSync(join(dir, f)).isFile())
      .map((f) => readFileSync(join(dir, f))),
  );
}

/** The size of the store's WAL in a folder (0 when there is none). */
export function walSize(dir: string): number {
  const wal = join(dir, 'localcloud.sqlite-wal');
  return existsSync(wal) ? statSync(wal).size : 0;
}

/** The WAL's commits in file order, each the page images it wrote. */
export function walCommits(dir: string): Buffer[][] {
  const wal = join(dir, 'localcloud.sqlite-wal');
  if (!existsSync(wal)) return [];
  const bytes = readFileSync(wal);
  if (bytes.length < 32) return [];
  const pageSize = bytes.readUInt32BE(8) || 65536;
  const commits: Buffer[][] = [];
  let pages: Buffer[] = [];
  for (let at = 32; at + 24 + pageSize <= bytes.length; at += 24 + pageSize) {
    pages.push(bytes.subarray(at + 24, at + 24 + pageSize));
    if (bytes.readUInt32BE(at + 4) !== 0) {
      commits.push(pages);
      pages = [];
    }
  }
  return commits;
}

/** What a page says: the secret documents it holds (ballots, ratings) and the identities marked (voters who voted). */
export interface PageReading {
  secrets: string[];
  identities: string[];
}

/**
 * Pairs the WAL gives away: a commit that brings exactly one secret document and exactly one identity mark that no
 * earlier frame showed ties the two together.
 */
export function linkedByCommits(dir: string, read: (page: string) => PageReading): [secret: string, identity: string][] {
  const seenSecrets = new Set<string>();
  const seenIdentities = new Set<string>();
  const pairs: [string, string][] = [];
  for (const commit of walCommits(dir)) {
    const secrets = new Set<string>();
    const identities = new Set<string>();
    for (const page of commit) {
      const r = read(page.toString('latin1'));
      for (const s of r.secrets) if (!seenSecrets.has(s)) secrets.add(s);
      for (const i of r.identities) if (!seenIdentities.has(i)) identities.add(i);
    }
    const [secret] = [...secrets];
    const [identity] = [...identities];
    if (secrets.size === 1 && identities.size === 1 && secret !== undefined && identity !== undefined) pairs.push([secret, identity]);
    for (const s of secrets) seenSecrets.add(s);
    for (const i of identities) seenIdentities.add(i);
  }
  return pairs;
}

const all = (re: RegExp, text: string): string[] => [...text.matchAll(re)].map((m) => m[1] ?? '');

/** A page of the store read for ballots (their receipts) and the roll entries marked voted (their members). */
export function ballotsAndVoters(page: string): PageReading {
  return {
    secrets: all(/"_id":"([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})"/g, page),
    identities: all(/"memberId":"([^"]+)"[^{}]*?"voted":true/g, page),
  };
}

/** A page of the store read for ratings (their random ids) and the codes marked used (their enterprises). */
export function ratingsAndCodes(page: string): PageReading {
  return {
    secrets: all(/"_id":"([0-9a-f]{32})","campaignId"/g, page),
    identities: all(/"enterpriseId":"([^"]+)"[^{}]*?"used":true/g, page),
  };
}
