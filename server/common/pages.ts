/** Reading past the platform's limit of records per query. */

/** Read every page of a query (the database returns at most 1000 records a call). */
export async function allPages<T>(page: (skip: number, limit: number) => Promise<{ data: T[] }>, size = 1000): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += size) {
    const r = await page(skip, size);
    out.push(...r.data);
    if (r.data.length < size) return out;
  }
}
