/**
 * Counts the reads of a page's turn records on the Figma double: the sandbox finds them with `findAllWithCriteria`
 * for layers with plugin data (plugin/read-history.ts), once per read of the page.
 */
export function countScans(page: PageNode): () => number {
  let scans = 0;
  const find = page.findAllWithCriteria.bind(page);
  page.findAllWithCriteria = ((criteria: Parameters<PageNode['findAllWithCriteria']>[0]) => {
    if (criteria.pluginData) scans++;
    return find(criteria);
  }) as PageNode['findAllWithCriteria'];
  return () => scans;
}
