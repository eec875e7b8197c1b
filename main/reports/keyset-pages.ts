/**
 * Rows of a large query, page by page in id order: each page starts after the last id of the
 * one before (keyset paging), so the database never sorts past what was already read and no
 * more than one page is held in memory — the way report rows reach `writeReport`.
 */
export async function* keysetPages<T>(fetchPage: (afterId: number, limit: number) => Promise<T[]>, idOf: (row: T) => number, pageSize = 2_000): AsyncGenerator<T[]> {
  let after = 0;
  for (;;) {
    const page = await fetchPage(after, pageSize);
    if (page.length === 0) return;
    yield page;
    if (page.length < pageSize) return;
    after = idOf(page[page.length - 1]!);
  }
}
